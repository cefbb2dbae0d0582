// Offline: after the first visit, with the service worker in control, the app opens with the network off —
// the page that was visited and deep links that never were (the SPA fallback page is precached).
import { expect, mainHeading, test, waitForServiceWorkerControl } from './fixtures';

/** Routes not visited before going offline; each must open from the precache alone. */
const unvisitedDeepLinks = ['/create', '/stats', '/settings'];

test('after the first visit the app reloads offline and opens unvisited deep links', async ({ page, context }) => {
	await page.goto('/');
	await expect(mainHeading(page)).toBeVisible();
	await waitForServiceWorkerControl(page);

	await context.setOffline(true);

	const reload = await page.reload();
	expect(reload?.fromServiceWorker()).toBe(true);
	await expect(mainHeading(page)).toBeVisible();

	for (const path of unvisitedDeepLinks) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker(), `${path} comes from the service worker`).toBe(true);
		await expect(mainHeading(page)).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]')).toHaveAttribute('href', path);
	}
});

test('the first visit says when the app is ready to work offline', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('status').filter({ hasText: 'Ready to work offline' })).toBeVisible();
});

test('once ready to work offline, a deck is generated offline (the generator worker is cached after install)', async ({ page, context }) => {
	await page.goto('/');
	await expect(page.getByRole('status').filter({ hasText: 'Ready to work offline' })).toBeVisible();

	await context.setOffline(true);
	await page.goto('/create');
	await page
		.getByLabel('Document text')
		.fill('Tides\n\nTides are caused by the gravitational pull of the Moon on the oceans of the Earth. A spring tide occurs when the Sun and the Moon are aligned.');
	await page.getByRole('button', { name: 'Generate deck' }).click();
	await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('without a service worker (negative control)', () => {
	test.use({ serviceWorkers: 'block' });

	test('an offline reload fails, so the test above measures the service worker', async ({ page, context }) => {
		await page.goto('/');
		await expect(mainHeading(page)).toBeVisible();
		await context.setOffline(true);
		await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
	});
});
