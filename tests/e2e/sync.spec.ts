// Sync between two devices (issue 11): two browser contexts on the built app and one CouchDB-compatible server
// (pouchdb-server, in memory, started here on a free port). Study on one, `Sync now` on both: the other shows the
// same counts and the reviews in its statistics; offline on one, then online: it syncs by itself.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { seedTitles } from './builtins';
import { expect, test } from './fixtures';
import { startSyncServer, type SyncServer } from '../sync-server';

const [firstTitle] = seedTitles() as [string, string];
let server: SyncServer;

test.beforeAll(async () => {
	server = await startSyncServer();
});
test.afterAll(async () => {
	await server.stop();
});

/** A second device: a context like the test's own (phone viewport, same app). */
async function device(browser: Browser): Promise<BrowserContext> {
	const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
	return browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, serviceWorkers: 'allow' });
}

/** The home page's deck links, with their counts. */
async function homeDecks(page: Page): Promise<string[]> {
	await page.goto('/');
	const links = page.getByRole('main').getByRole('list').getByRole('link');
	await expect(links.getByText(firstTitle, { exact: true })).toBeVisible();
	return links.allTextContents();
}

async function syncNow(page: Page, url?: string): Promise<void> {
	await page.goto('/settings');
	if (url !== undefined) await page.getByLabel('Sync server').fill(url);
	await page.getByRole('button', { name: 'Sync now' }).click();
	const status = page.getByRole('status').filter({ hasText: /Synced: \d+ changes? sent, \d+ changes? received\./ });
	await expect(status).toContainText('No changes waiting.');
	await expect(status).toContainText('Last synced');
}

async function study(page: Page, count: number): Promise<void> {
	await homeDecks(page);
	await page.getByRole('link', { name: firstTitle, exact: false }).first().click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	for (let i = 0; i < count; i++) {
		const question = page.getByRole('article').getByRole('heading', { level: 2 });
		const before = await question.textContent();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		await expect(question).not.toHaveText(before ?? '');
	}
}

test('two devices: study on one, Sync now on both, the other shows the same counts and reviews; back online it syncs by itself', async ({ page, browser }) => {
	const url = await server.createDatabase('student');
	const laptop = await device(browser);
	const other = await laptop.newPage();

	await homeDecks(page);
	await syncNow(page, url);
	await expectNoAxeViolations(page, 'settings with sync on');
	await homeDecks(other);
	await syncNow(other, url);

	await study(page, 3);
	await syncNow(page);
	await syncNow(other);
	const onPhone = await homeDecks(page);
	expect(await homeDecks(other)).toEqual(onPhone);
	await other.goto('/stats');
	await expect(other.getByRole('img', { name: /^Reviews per day over the last 30 days: 3 in total/ })).toBeVisible();

	// The laptop goes offline; the phone studies and syncs; back online, the laptop syncs by itself.
	await laptop.setOffline(true);
	await study(page, 2);
	await syncNow(page);
	const after = await homeDecks(page);
	expect(after).not.toEqual(onPhone);
	await other.goto('/');
	await laptop.setOffline(false);
	const links = other.getByRole('main').getByRole('list').getByRole('link');
	await expect.poll(() => links.allTextContents()).toEqual(after);
	await other.goto('/stats');
	await expect(other.getByRole('img', { name: /^Reviews per day over the last 30 days: 5 in total/ })).toBeVisible();
	await laptop.close();
});

test('a sync server that is not there is reported in words, and nothing changes', async ({ page }) => {
	const before = await homeDecks(page);
	await page.goto('/settings');
	await page.getByLabel('Sync server').fill(`${server.origin}/no-such-database`);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('alert')).toContainText(`There is no database at ${server.origin}/no-such-database. Create it on the server first`);
	await page.getByLabel('Sync server').fill('http://couch.example.org/decks');
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('alert')).toContainText('The sync server address must start with https://');
	await expectNoAxeViolations(page, 'settings with a sync error');
	expect(await homeDecks(page)).toEqual(before);
});
