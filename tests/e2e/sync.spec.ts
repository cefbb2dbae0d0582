// Sync between two devices (issue 11): two browser contexts on the built app and one CouchDB-compatible server
// (pouchdb-server, in memory, started here on a free port). Study on one, `Sync now` on both: the other shows the
// same counts and the reviews in its statistics; offline on one, then online: it syncs by itself.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { seedTitles } from './builtins';
import { expect, gradeGood, test } from './fixtures';
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

/** The home page's deck tiles: each deck's title with its new, due and total counts. */
function tiles(page: Page) {
	return page.getByRole('main').getByRole('list').getByRole('article');
}

async function homeDecks(page: Page): Promise<string[]> {
	await page.goto('/');
	await expect(tiles(page).getByRole('link', { name: firstTitle, exact: true })).toBeVisible();
	await expect(tiles(page).first()).toContainText(/\d+ new/);
	return tiles(page).allTextContents();
}

/** The reviews stored in this page's IndexedDB, read without the app. */
async function reviewCount(): Promise<number> {
	const db: IDBDatabase = await new Promise((resolve, reject) => {
		const request = indexedDB.open('factdeck');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const count: number = await new Promise((resolve) => {
		const request = db.transaction('reviews').objectStore('reviews').count();
		request.onsuccess = () => resolve(request.result);
	});
	db.close();
	return count;
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
	await gradeGood(page, count);
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
	expect(await page.evaluate(reviewCount)).toBe(3);
	await syncNow(page);
	await syncNow(other);
	const onPhone = await homeDecks(page);
	expect(await homeDecks(other)).toEqual(onPhone);
	await other.goto('/stats');
	await expect(other.getByRole('img', { name: /^Reviews per day over the last 30 days: 3 in total/ })).toBeVisible();

	// The laptop, its app open on the home page, goes offline; the phone studies and syncs; back online, the laptop
	// syncs by itself.
	await other.goto('/');
	await expect(tiles(other).getByRole('link', { name: firstTitle, exact: true })).toBeVisible();
	await laptop.setOffline(true);
	await study(page, 2);
	expect(await page.evaluate(reviewCount)).toBe(5);
	await syncNow(page);
	const after = await homeDecks(page);
	expect(after).not.toEqual(onPhone);
	expect(after.find((text) => text.includes(firstTitle))).toMatch(/\d+ new/);
	expect(await tiles(other).allTextContents()).toEqual(onPhone);
	await laptop.setOffline(false);
	// Read straight from IndexedDB: nothing here starts a sync, so only the app's own 'online' handler can bring
	// the two new reviews. (The home page's counts are then read afresh: they do not follow writes made while it
	// stays open, with or without sync.)
	await expect.poll(() => other.evaluate(reviewCount)).toBe(5);
	expect(await homeDecks(other)).toEqual(after);
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
