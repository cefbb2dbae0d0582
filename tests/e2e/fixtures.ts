// Shared Playwright set-up for Factdeck's end-to-end tests. Import `test` and `expect` from here, not from
// @playwright/test, so every test gets the same context (service workers allowed) and helpers.
//
// Each test already runs in a fresh browser context (Playwright's default), so IndexedDB, localStorage and the
// service worker start empty: a test is always someone's first visit unless it visits twice itself.
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Resolves once a service worker is active for the page's scope *and* controls the page
 * (`navigator.serviceWorker.controller` is set). Only then are the precache and fetch handler in play, so only
 * then does `context.setOffline(true)` test the app rather than the browser's HTTP cache (toolchain pitfall 6).
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
	await page.evaluate(async () => {
		// `ready` resolves with a registration whose worker is active (installed, i.e. precached, then activated).
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		// clientsClaim (vite.config.ts) hands control to the page shortly after activation.
		await new Promise<void>((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true })
		);
	});
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

/** The page's level-1 heading inside <main>: every route has exactly one. */
export function mainHeading(page: Page) {
	return page.getByRole('main').getByRole('heading', { level: 1 });
}

/** On the study page: grades the next `count` cards Good, each time waiting for the next card to show. */
export async function gradeGood(page: Page, count: number): Promise<void> {
	for (let i = 0; i < count; i++) {
		const question = page.getByRole('article').getByRole('heading', { level: 2 });
		const before = await question.textContent();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		await expect(question).not.toHaveText(before ?? '');
	}
}

/**
 * Turns off "Bury siblings" on /settings, for journeys that walk a deck's cards in deck order whatever their
 * sentences (with it on, studying a card hides the other cards of its sentence until tomorrow).
 */
export async function studySiblingsTogether(page: Page): Promise<void> {
	await page.goto('/settings');
	await page.getByRole('checkbox', { name: 'Bury siblings' }).uncheck();
	await expect(page.getByRole('status').filter({ hasText: 'Bury siblings saved.' })).toBeVisible();
}

interface Helpers {
	waitForServiceWorkerControl: () => Promise<void>;
}

export const test = base.extend<Helpers>({
	serviceWorkers: 'allow',
	waitForServiceWorkerControl: async ({ page }, use) => {
		await use(() => waitForServiceWorkerControl(page));
	}
});

export { expect };
