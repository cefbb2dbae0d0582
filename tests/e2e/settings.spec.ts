// Settings and statistics: study options persist and are range-checked, the whole-device backup round-trips and
// a bad backup changes nothing, and /stats draws its three charts from reviews done on the study page.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { seedTitles } from './builtins';
import { expect, gradeGood, mainHeading, test } from './fixtures';

const [firstTitle, secondTitle] = seedTitles() as [string, string];

async function openSettings(page: Page): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByLabel('Desired retention')).toBeVisible();
}

/** Visits home (which installs the built-in decks on a first visit) and returns the deck links' names. */
async function deckList(page: Page): Promise<string[]> {
	await page.goto('/');
	const links = page.getByRole('main').getByRole('list').getByRole('link');
	await expect(links.getByText(firstTitle, { exact: true })).toBeVisible();
	await expect(links.getByText(secondTitle, { exact: true })).toBeVisible();
	return links.allTextContents();
}

/** Grades the first `count` cards of a deck Good on the study page. */
async function study(page: Page, title: string, count: number): Promise<void> {
	await deckList(page);
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await gradeGood(page, count);
}

test('retention, new cards per day and the hour the next day starts are saved, kept after reload, and the theme applies at once', async ({ page }) => {
	await openSettings(page);
	const retention = page.getByLabel('Desired retention');
	const perDay = page.getByLabel('New cards per day');
	await expect(retention).toHaveValue('0.9');
	await expect(perDay).toHaveValue('20');

	await retention.fill('0.85');
	await retention.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Desired retention saved.' })).toBeVisible();
	await perDay.fill('12');
	await perDay.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'New cards per day saved.' })).toBeVisible();
	const rollover = page.getByLabel('Next day starts at');
	await expect(rollover).toHaveValue('4');
	await rollover.selectOption({ label: '06:00' });
	await expect(page.getByRole('status').filter({ hasText: 'Next day starts at saved.' })).toBeVisible();

	await page.getByRole('radio', { name: 'Dark' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	// The theme applies before it is stored: wait for the write before reloading, or the reload races it.
	await expect(page.getByRole('status').filter({ hasText: 'Theme saved.' })).toBeVisible();

	await page.reload();
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.85');
	await expect(page.getByLabel('New cards per day')).toHaveValue('12');
	await expect(page.getByLabel('Next day starts at')).toHaveValue('6');
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('an out-of-range value is refused with an alert and not saved', async ({ page }) => {
	await openSettings(page);
	const retention = page.getByLabel('Desired retention');
	await retention.fill('0.5');
	await retention.press('Enter');
	await expect(page.getByRole('alert')).toContainText('Desired retention must be between 0.7 and 0.97.');
	const perDay = page.getByLabel('New cards per day');
	await perDay.fill('2.5');
	await perDay.press('Enter');
	await expect(page.getByRole('alert')).toContainText('New cards per day must be a whole number from 0 to 9999.');

	await page.reload();
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.9');
	await expect(page.getByLabel('New cards per day')).toHaveValue('20');
});

test('export all data, then restore it: what the backup holds is shown, and a confirmed restore brings it back', async ({
	page
}) => {
	await study(page, secondTitle, 2);
	const decksBefore = await deckList(page);

	await openSettings(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export all data' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^factdeck-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
	const path = await download.path();
	// gzip (CompressionStream), one record per line inside.
	const backup = JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as {
		format: string;
		decks: { title: string; cards: unknown[] }[];
		reviews: unknown[];
	};
	expect(backup.format).toBe('factdeck-backup');
	expect(backup.decks.map((d) => d.title).sort()).toEqual([firstTitle, secondTitle].sort());
	expect(backup.reviews).toHaveLength(2);
	const cardCount = backup.decks.reduce((sum, d) => sum + d.cards.length, 0);

	// A change after the export, which the restore must undo.
	const perDay = page.getByLabel('New cards per day');
	await perDay.fill('3');
	await perDay.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'New cards per day saved.' })).toBeVisible();

	await page.getByLabel('Restore from backup').setInputFiles(path);
	const confirm = page.getByRole('group', { name: 'Replace everything with this backup?' });
	await expect(confirm).toContainText(`holds 2 decks, ${cardCount} cards and 2 reviews`);
	await confirm.getByRole('button', { name: 'Replace everything' }).click();
	await expect(page.getByRole('status').filter({ hasText: `Restored 2 decks, ${cardCount} cards and 2 reviews.` })).toBeVisible();
	await expect(page.getByLabel('New cards per day')).toHaveValue('20');

	expect(await deckList(page)).toEqual(decksBefore);
});

test('Undo restore puts back what a restore replaced, until the next restore', async ({ page }) => {
	// The backup: the two built-in decks, nothing studied.
	await deckList(page);
	await openSettings(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export all data' }).click();
	const path = await (await downloading).path();

	// The data a restore will replace: two cards studied and a setting changed.
	await study(page, firstTitle, 2);
	await openSettings(page);
	const perDay = page.getByLabel('New cards per day');
	await perDay.fill('4');
	await perDay.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'New cards per day saved.' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo restore' })).toHaveCount(0);

	await page.getByLabel('Restore from backup').setInputFiles(path);
	const confirm = page.getByRole('group', { name: 'Replace everything with this backup?' });
	await expect(confirm).toContainText('and 0 reviews');
	await confirm.getByRole('button', { name: 'Replace everything' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Restored 2 decks, \d+ cards and 0 reviews\./ })).toBeVisible();
	await expect(page.getByLabel('New cards per day')).toHaveValue('20');

	await page.getByRole('button', { name: 'Undo restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Restore undone: 2 decks, \d+ cards and 2 reviews are back as they were\./ })).toBeVisible();
	await expect(page.getByLabel('New cards per day')).toHaveValue('4');
	await expect(page.getByRole('button', { name: 'Undo restore' })).toHaveCount(0);
	await page.goto('/stats');
	await expect(page.getByRole('img', { name: /^Reviews per day over the last 30 days: 2 in total/ })).toBeVisible();
});

test('a damaged compressed backup is refused with an alert, and nothing changes', async ({ page }) => {
	const decksBefore = await deckList(page);
	await openSettings(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export all data' }).click();
	const bytes = await readFile(await (await downloading).path());
	await page.getByLabel('Restore from backup').setInputFiles({
		name: 'cut-short.json.gz',
		mimeType: 'application/gzip',
		buffer: bytes.subarray(0, Math.floor(bytes.length / 2))
	});
	await expect(page.getByRole('alert')).toContainText(
		'cut-short.json.gz: This compressed backup is damaged or incomplete (its gzip data does not decompress); use another copy of the backup'
	);
	await expect(page.getByRole('group', { name: 'Replace everything with this backup?' })).toHaveCount(0);
	expect(await deckList(page)).toEqual(decksBefore);
});

test('a bad backup file shows an alert and the deck list is unchanged', async ({ page }) => {
	const decksBefore = await deckList(page);
	await openSettings(page);
	await page.getByLabel('Restore from backup').setInputFiles({
		name: 'not-a-backup.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "anki", "decks": []}')
	});
	await expect(page.getByRole('alert')).toContainText(
		'not-a-backup.json: Not a Factdeck backup: "format" must be "factdeck-backup"'
	);
	await expect(page.getByRole('group', { name: 'Replace everything with this backup?' })).toHaveCount(0);

	await page.getByLabel('Restore from backup').setInputFiles({
		name: 'truncated.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "factdeck-backup", "version": 1, "decks": [')
	});
	await expect(page.getByRole('alert')).toContainText('truncated.json: Not JSON:');

	expect(await deckList(page)).toEqual(decksBefore);
});

test('/stats shows an empty state before any review, then its three charts, per deck or for all', async ({ page }) => {
	await deckList(page);
	await page.goto('/stats');
	await expect(mainHeading(page)).toHaveText('Statistics');
	await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();

	await study(page, secondTitle, 2);
	await page.goto('/stats');
	const reviews = page.getByRole('img', { name: /^Reviews per day over the last 30 days: 2 in total/ });
	await expect(reviews).toBeVisible();
	await expect(page.getByRole('img', { name: /^Cards due in the next 30 days: 2 in total/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /^Retention per week over the last 8 weeks/ })).toBeVisible();
	for (const name of ['Reviews per day', 'Due forecast', 'Retention']) {
		await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
	}

	// The numbers behind a chart are in a table under "Show numbers".
	const reviewsFigure = page.getByRole('figure', { name: 'Reviews per day' });
	await reviewsFigure.getByText('Show numbers').click();
	await expect(reviewsFigure.getByRole('row').last().getByRole('cell')).toHaveText('2');

	// Only the deck studied has reviews.
	await page.getByLabel('Deck').selectOption({ label: firstTitle });
	await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
	await page.getByLabel('Deck').selectOption({ label: secondTitle });
	await expect(reviews).toBeVisible();
});
