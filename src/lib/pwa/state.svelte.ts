// Service-worker registration and its state, as runes the update prompt reads.
//
// The worker is built by @vite-pwa/sveltekit with registerType 'prompt': a new version installs in the
// background and then *waits*. We only tell it to take over (skipWaiting) when the person presses Reload, so a
// review in progress is never interrupted by a reload nobody asked for (style guide, habit 8).
import { registerSW } from 'virtual:pwa-register';
import { warmGenerator } from './warm';

/** How often a long-lived tab asks the server for a new service worker (browsers only check on navigation). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

class PwaState {
	/** A new version is installed and waiting for the person to reload. */
	needRefresh = $state(false);
	/** The app has just been cached for the first time and now works without a network. */
	offlineReady = $state(false);
	/** Reload was pressed; the new worker is taking over. */
	updating = $state(false);
}

export const pwa = new PwaState();

/** startServiceWorker was called (registration may still be waiting for the page to load). */
let started = false;
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | undefined;
let reloadRequested = false;
/** Another tab's Reload already put the new worker in charge of this page; only a reload is left to do. */
let takenOverElsewhere = false;

/**
 * Registers the service worker once, after the page has loaded and gone idle; safe to call from every mount.
 * Installing the worker downloads and stores the whole app; doing that while the first page is still
 * starting competes with it for a phone's CPU (measured: 100-400 ms more main-thread blocking on a first
 * visit at 4× CPU throttling), so it waits, as web.dev's service-worker registration advice recommends.
 */
export function startServiceWorker(): void {
	if (started || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	started = true;
	const register = () => {
		if ('requestIdleCallback' in window) window.requestIdleCallback(registerNow, { timeout: 2000 });
		else setTimeout(registerNow, 200);
	};
	if (document.readyState === 'complete') register();
	else window.addEventListener('load', register, { once: true });
}

function registerNow(): void {
	updateServiceWorker = registerSW({
		immediate: true,
		onNeedRefresh() {
			pwa.needRefresh = true;
		},
		onOfflineReady() {
			// The precache holds the app; the generator worker comes next, so "ready" is true of /create too.
			void warmGenerator().then(() => {
				pwa.offlineReady = true;
			});
		},
		onNeedReload() {
			// The new worker took control. If this tab asked for it, reload now. If another tab's Reload did it,
			// this tab may be mid-review: keep going and keep offering the reload instead.
			if (reloadRequested) {
				window.location.reload();
			} else {
				takenOverElsewhere = true;
				pwa.needRefresh = true;
			}
		},
		onRegisteredSW(_url, registration) {
			if (!registration) return;
			// A later start (the worker was installed before): cache the generator if an earlier try missed it or
			// a new version changed it.
			if (navigator.serviceWorker.controller) void warmGenerator();
			setInterval(() => {
				if (navigator.onLine && registration.installing === null) registration.update().catch(() => {});
			}, UPDATE_CHECK_MS);
		},
		onRegisterError(error: unknown) {
			// The app works without a service worker (just not offline); nothing for the person to act on.
			console.warn('Service worker registration failed', error);
		}
	});
}

/** The person pressed Reload: let the waiting worker take over; the page reloads once it controls the page. */
export async function applyUpdate(): Promise<void> {
	if (!updateServiceWorker) return;
	reloadRequested = true;
	pwa.updating = true;
	if (takenOverElsewhere) window.location.reload();
	else await updateServiceWorker(true);
}

export function dismissUpdate(): void {
	pwa.needRefresh = false;
}

export function dismissOfflineReady(): void {
	pwa.offlineReady = false;
}
