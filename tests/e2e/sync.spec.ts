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

/** The entries in a database by table, read straight from the server as `username`. */
async function tablesIn(url: string, username: string): Promise<Record<string, number>> {
	const authorization = 'Basic ' + Buffer.from(`${username}:${username}-pw`).toString('base64');
	const response = await fetch(`${url}/_all_docs?include_docs=true`, { headers: { authorization } });
	const { rows } = (await response.json()) as { rows: { doc: { table?: string } }[] };
	const tally: Record<string, number> = {};
	for (const { doc } of rows) if (doc.table) tally[doc.table] = (tally[doc.table] ?? 0) + 1;
	return tally;
}

/** A card's question and number of reviews in this page's IndexedDB, read without the app. */
async function cardRow(key: [string, string]): Promise<{ question: string; reps: number } | null> {
	const db: IDBDatabase = await new Promise((resolve, reject) => {
		const request = indexedDB.open('factdeck');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const row: { card: { question: string }; progress: { reps: number } } | undefined = await new Promise((resolve) => {
		const request = db.transaction('cards').objectStore('cards').get(key);
		request.onsuccess = () => resolve(request.result);
	});
	db.close();
	return row ? { question: row.card.question, reps: row.progress.reps } : null;
}

/** /settings → Sync with one's own database, an account and the class database, then `Sync now`. */
async function joinClass(page: Page, own: string, username: string, classUrl: string): Promise<void> {
	await page.goto('/settings');
	await page.getByLabel('Sync server').fill(own);
	await page.getByLabel('User name').fill(username);
	await page.getByLabel('Password or token').fill(`${username}-pw`);
	await page.getByLabel('Class database').fill(classUrl);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Synced: \d+ changes? sent/ })).toContainText('No changes waiting.');
}

const SEMINAR = {
	format: 'factdeck',
	version: 1,
	id: 'seminar-ncafp',
	title: 'Seminar: the NCAFP',
	createdAt: '2026-03-01T00:00:00Z',
	sources: [{ id: 'doc-1', title: 'Reading', text: 'George Schwab is the President of NCAFP. The NCAFP was founded in 1974. Track II talks are unofficial.' }],
	cards: [
		['c-1', 'Who is the President of NCAFP?', 'George Schwab', 'George Schwab is the President of NCAFP.'],
		['c-2', 'In which year was the NCAFP founded?', '1974', 'The NCAFP was founded in 1974.'],
		['c-3', 'What kind of talks are Track II talks?', 'unofficial', 'Track II talks are unofficial.']
	].map(([id, question, answer, sentence]) => {
		const start = 'George Schwab is the President of NCAFP. The NCAFP was founded in 1974. Track II talks are unofficial.'.indexOf(sentence!);
		return { id, type: 'basic', question, answer, tags: [], score: 0.8, source: { doc: 'doc-1', sentence, start, end: start + sentence!.length } };
	})
};

test('a class: the instructor publishes a deck, a student sets the class database and studies it; she may not publish', async ({ page, browser }) => {
	// Accounts on: the class database lets its members read and only the instructor role write (README, "A class").
	const classServer = await startSyncServer();
	try {
		await classServer.createUsers([{ name: 'teacher', password: 'teacher-pw', roles: ['instructor'] }, { name: 'ana', password: 'ana-pw' }]);
		const teacherDb = await classServer.createDatabase('factdeck-teacher', 'teacher');
		const anaDb = await classServer.createDatabase('factdeck-ana', 'ana');
		const classUrl = await classServer.createClassDatabase('class-seminar', ['ana']);

		// The instructor imports the seminar's deck and publishes it.
		await homeDecks(page);
		await page.goto('/import');
		await page.getByLabel('Import deck').setInputFiles({ name: 'seminar.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(SEMINAR)) });
		await page.getByRole('button', { name: 'Add to my decks' }).click();
		await expect(page.getByRole('link', { name: 'Study', exact: true })).toBeVisible();
		await joinClass(page, teacherDb, 'teacher', classUrl);
		await page.getByLabel('Deck to publish').selectOption({ label: SEMINAR.title });
		await page.getByRole('button', { name: 'Publish to class' }).click();
		// The deck, its source and its three cards.
		await expect(page.getByRole('status').filter({ hasText: 'published to the class' })).toContainText('5 changes published to the class.');
		await expect(page.getByText(`Published from this device: ${SEMINAR.title}.`)).toBeVisible();
		expect(await tablesIn(classUrl, 'ana')).toEqual({ decks: 1, sources: 1, cards: 3 });

		// The student, on her own phone, adds the class database beside her own and studies the deck.
		const phone = await device(browser);
		const student = await phone.newPage();
		await homeDecks(student);
		await joinClass(student, anaDb, 'ana', classUrl);
		await expectNoAxeViolations(student, 'settings with a class database');
		await student.goto('/');
		const tile = tiles(student).filter({ has: student.getByRole('link', { name: SEMINAR.title, exact: true }) });
		await expect(tile).toContainText('3 new');
		await tile.getByRole('link', { name: SEMINAR.title, exact: true }).click();
		await student.getByRole('link', { name: 'Study', exact: true }).click();
		await gradeGood(student, 2);
		await syncNow(student);

		// Her two reviews are in her own database, not in the class's.
		const own = await tablesIn(anaDb, 'ana');
		expect(own.reviews).toBe(2);
		expect(await tablesIn(classUrl, 'ana')).toEqual({ decks: 1, sources: 1, cards: 3 });

		// The instructor rewords the first card, which she studied; his next sync publishes it, hers brings it with
		// her review of it kept.
		await page.goto('/');
		await tiles(page).getByRole('link', { name: SEMINAR.title, exact: true }).click();
		await page.getByRole('link', { name: 'Edit', exact: true }).click();
		await page.getByRole('article').filter({ hasText: 'Who is the President of NCAFP?' }).getByRole('button', { name: 'Edit', exact: true }).click();
		await page.getByLabel('Question', { exact: true }).fill('Who presides over the NCAFP?');
		await page.getByRole('button', { name: 'Save card' }).click();
		await expect(page.getByRole('article').filter({ hasText: 'Who presides over the NCAFP?' })).toBeVisible();
		await syncNow(page);
		// Just the card and the deck (its updatedAt) went out again.
		const published = await tablesIn(classUrl, 'ana');
		expect(published).toEqual({ decks: 2, sources: 1, cards: 4 });
		await syncNow(student);
		expect(await student.evaluate(cardRow, ['seminar-ncafp', 'c-1'] as [string, string])).toEqual({ question: 'Who presides over the NCAFP?', reps: 1 });
		await student.goto('/');
		await expect(tile).toContainText('1 new');

		// She may read the class, not publish to it: said in words, and the class is unchanged.
		await student.goto('/settings');
		await student.getByLabel('Deck to publish').selectOption({ label: SEMINAR.title });
		await student.getByRole('button', { name: 'Publish to class' }).click();
		await expect(student.getByRole('alert')).toContainText('You may read this class database but not publish to it');
		expect(await tablesIn(classUrl, 'ana')).toEqual(published);
		await expect(student.getByText(/Published from this device/)).toHaveCount(0);
		await phone.close();
	} finally {
		await classServer.stop();
	}
});
