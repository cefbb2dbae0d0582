/**
 * Fetches the files /create loads on demand so the service worker keeps them for offline use. The precache holds
 * the app alone (a first install stays small: docs/architecture.md, "Offline strategy"); the generator's worker,
 * which carries the 2 MB language model, is fetched once the app already works offline, in the background, and
 * the runtime cache (`CacheFirst`, vite.config.ts) keeps it. Then "Ready to work offline" is true of /create too.
 */
import { generatorWorkerUrl } from '$lib/generator/worker-url';

/** How long to wait for the service worker to finish storing a fetched file (it does so after answering). */
const STORE_CHECKS = 50;
const STORE_CHECK_MS = 100;

/** Resolves once a service worker controls the page (clientsClaim hands it over just after activation), or false. */
async function controlled(): Promise<boolean> {
	const { serviceWorker } = navigator;
	if (serviceWorker.controller) return true;
	return new Promise((resolve) => {
		const give = (value: boolean) => () => resolve(value);
		serviceWorker.addEventListener('controllerchange', give(true), { once: true });
		setTimeout(give(serviceWorker.controller !== null), STORE_CHECKS * STORE_CHECK_MS);
	});
}

async function isCached(url: string): Promise<boolean> {
	return (await caches.match(url)) !== undefined;
}

/**
 * Makes sure the generator worker is in a cache: fetches it through the service worker when it is not, and waits
 * until the worker has stored it. Never throws: offline or blocked, there is nothing to cache now, and the next
 * start tries again (opening /create offline then says what to do).
 */
export async function warmGenerator(): Promise<void> {
	if (typeof caches === 'undefined' || !('serviceWorker' in navigator)) return;
	try {
		// Only a fetch the service worker answers is kept by it.
		if ((await isCached(generatorWorkerUrl)) || !(await controlled())) return;
		const response = await fetch(generatorWorkerUrl);
		if (!response.ok) return;
		await response.arrayBuffer();
		for (let check = 0; check < STORE_CHECKS && !(await isCached(generatorWorkerUrl)); check++) {
			await new Promise((resolve) => setTimeout(resolve, STORE_CHECK_MS));
		}
	} catch {
		// Offline, or the cache is unavailable: the next start tries again.
	}
}
