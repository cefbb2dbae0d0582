// Export → import round trip, refusals of bad files (nothing stored changes), documents opened in /create, and a
// share link opened on another device (issue 6).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtInDeck, seedTitles } from './builtins';
import { expect, mainHeading, test } from './fixtures';

const title = seedTitles()[1]!;
const cards = builtInDeck(title).cards;

/** The home page's deck tiles as text (titles and counts), once the list has loaded. */
async function deckList(page: Page): Promise<string[]> {
	await page.goto('/');
	await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
	return page.getByRole('main').getByRole('listitem').allInnerTexts();
}

async function exportJson(page: Page): Promise<string> {
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('button', { name: 'Export', exact: true }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download Deck file (.factdeck.json)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.factdeck\.json$/);
	return readFileSync((await file.path())!, 'utf8');
}

test('an exported deck imports again; Keep both makes a second deck, Update keeps one', async ({ page }) => {
	const before = await deckList(page);
	const json = await exportJson(page);
	expect(JSON.parse(json)).toMatchObject({ format: 'factdeck', version: 1, title });

	await page.goto('/import');
	await page.getByLabel('Import deck').setInputFiles({ name: 'deck.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(json) });
	await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
	await expect(page.getByText(`${cards} cards from 1 document`)).toBeVisible();
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	// The id is taken: the page asks.
	await page.getByRole('button', { name: 'Update' }).click();
	await expect(mainHeading(page)).toHaveText(title);
	expect(await deckList(page)).toEqual(before);

	await page.goto('/import');
	await page.getByLabel('Import deck').setInputFiles({ name: 'deck.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(json) });
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await page.getByRole('button', { name: 'Keep both' }).click();
	await expect(page).toHaveURL(/-2$/);
	await expect(mainHeading(page)).toHaveText(title);
	await page.goto('/');
	await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(2);
	await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(before.length + 1);
});

const badFiles: { what: string; name: string; content: string; message: string }[] = [
	{ what: 'not JSON', name: 'broken.json', content: '{"format": "factdeck",', message: 'Not JSON: expected a "quoted" property name, found the end of the file at line 1, column 23' },
	{ what: 'another format', name: 'other.json', content: '{"format": "anki", "version": 1}', message: 'Not a Factdeck deck: "format" must be "factdeck"' },
	{
		what: 'a newer version',
		name: 'newer.json',
		content: '{"format": "factdeck", "version": 2, "id": "x", "title": "X", "sources": [], "cards": []}',
		message: 'This deck was made by a newer Factdeck (version 2); update the app to open it'
	},
	{ what: 'a 0-byte file', name: 'empty.json', content: '', message: 'The file is empty (0 bytes)' },
	{ what: 'a CSV with mismatched columns', name: 'cards.csv', content: 'question,answer\nWho?,Schwab\nWhen?,1974,extra\n', message: 'Line 3 has 3 columns; the header has 2' },
	{
		what: 'a card without an answer',
		name: 'missing.json',
		content: JSON.stringify({
			format: 'factdeck',
			version: 1,
			id: 'm',
			title: 'M',
			sources: [{ id: 'doc-1', title: 'D', text: 'A B.' }],
			cards: [{ id: 'c-1', type: 'basic', question: 'Q?', source: { doc: 'doc-1', sentence: 'A B.', start: 0, end: 4 } }]
		}),
		message: 'Card 1 ("c-1"): "answer" is missing'
	}
];

for (const bad of badFiles) {
	test(`${bad.what} is refused with its message and the deck list does not change`, async ({ page }) => {
		const before = await deckList(page);
		await page.goto('/import');
		await page.getByLabel('Import deck').setInputFiles({ name: bad.name, mimeType: 'text/plain', buffer: Buffer.from(bad.content) });
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(`Could not import “${bad.name}”`);
		await expect(alert).toContainText(bad.message);
		await expect(page.getByRole('button', { name: 'Add to my decks' })).toHaveCount(0);
		expect(await deckList(page)).toEqual(before);
	});
}

test('a .pdf and a .docx open in /create and make one deck', async ({ page }) => {
	const fixtures = join(process.cwd(), 'tests/fixtures/formats');
	await page.goto('/create');
	await page.getByLabel('Open document').setInputFiles(join(fixtures, 'sample.docx'));
	await expect(page.getByRole('button', { name: 'Remove sample.docx' })).toBeVisible();
	await expect(page.getByLabel('Title', { exact: true })).toHaveCount(0);
	await page.getByLabel('Open document').setInputFiles(join(fixtures, 'sample.pdf'));
	await expect(page.getByRole('button', { name: 'Remove sample.pdf' })).toBeVisible();
	await page.getByRole('button', { name: 'Generate deck' }).click();
	await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
	// The first document names the deck; the PDF's line-end hyphenation is repaired in its source sentences.
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Track II Diplomacy');
	await expect(page.getByText(/as an example of Track II diplomacy/).first()).toBeVisible();
	await expect(page.getByText(/Factdeck Sample Reading/)).toHaveCount(0);
});

test('a share link opens the deck on another device, which asks before adding it', async ({ page, browser }) => {
	await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
	await deckList(page);
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const link = await page.getByLabel('Share link').inputValue();
	expect(link).toMatch(/^http:\/\/localhost:\d+\/share#d=[\w-]+$/);

	const other = await browser.newContext();
	const phone = await other.newPage();
	await phone.goto(link);
	await expect(phone.getByRole('heading', { name: title, exact: true })).toBeVisible();
	await expect(phone.getByText(`${cards} cards from 1 document`)).toBeVisible();
	await phone.getByRole('button', { name: 'Add to my decks' }).click();
	// The other device has the built-in deck too (installed on its first visit), so it asks.
	const keepBoth = phone.getByRole('button', { name: 'Keep both' });
	const deckHeading = phone.getByRole('main').getByRole('heading', { level: 1, name: title });
	await expect(keepBoth.or(deckHeading)).toBeVisible();
	if (await keepBoth.isVisible()) await keepBoth.click();
	await expect(deckHeading).toBeVisible();
	await expect(phone.getByRole('link', { name: 'Study', exact: true })).toBeVisible();
	await other.close();
});

test('a damaged share link shows why', async ({ page }) => {
	await page.goto('/share#d=not*base64');
	await expect(page.getByRole('alert')).toContainText('This share link is damaged');
});

test('a link to a hosted deck explains when the device is offline or the host cannot be reached', async ({ page, context }) => {
	const hosted = encodeURIComponent('https://decks.example.invalid/course/track-ii.factdeck.json');
	await page.goto('/');
	await expect(mainHeading(page)).toBeVisible();
	await page.goto(`/share#u=${hosted}`);
	await expect(page.getByRole('alert')).toContainText('Could not reach decks.example.invalid to download the deck.');

	await context.setOffline(true);
	await page.evaluate(() => {
		location.hash = '';
	});
	await page.evaluate((h) => {
		location.hash = `u=${h}`;
	}, hosted);
	await expect(page.getByRole('alert')).toContainText('You are offline.');
	await context.setOffline(false);
});
