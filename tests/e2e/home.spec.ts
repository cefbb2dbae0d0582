import { builtInDeck, builtInIndex, inDays, seedTitles } from './builtins';
import { expect, mainHeading, test } from './fixtures';

const titles = seedTitles();

/** The tile of a deck on the home page, found by its link's exact name. */
function tile(page: import('@playwright/test').Page, title: string) {
	return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

test('a first visit lists both built-in decks, titled by their seed documents, with their counts', async ({ page }) => {
	expect(titles).toHaveLength(2);
	expect(builtInIndex().map((e) => e.title).sort()).toEqual([...titles].sort());
	await page.goto('/');
	await expect(mainHeading(page)).toHaveText('Your decks');
	for (const title of titles) {
		const { cards } = builtInDeck(title);
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
		await expect(tile(page, title).getByText(`${cards} new`, { exact: true })).toBeVisible();
		await expect(tile(page, title).getByText('0 due', { exact: true })).toBeVisible();
		await expect(tile(page, title).getByRole('progressbar', { name: 'Studied' })).toHaveAttribute('aria-valuenow', '0');
	}
	await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(2);
});

test('the deck page offers Study, Quiz, Edit and Export, and shows readiness once a seminar date is set', async ({ page }) => {
	const title = titles[1]!;
	const { cards } = builtInDeck(title);
	await page.goto('/');
	await page.getByRole('link', { name: title, exact: true }).click();
	await expect(mainHeading(page)).toHaveText(title);
	// New, Due, Studied, Cards.
	await expect(page.getByRole('definition')).toHaveText([String(cards), '0', '0', String(cards)]);
	for (const name of ['Study', 'Quiz', 'Edit']) await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
	await expect(page.getByText(/^Readiness \d+%$/)).toHaveCount(0);

	await page.getByLabel('Seminar date').fill(inDays(10));
	// Nothing studied yet: nothing recalled.
	await expect(page.getByText('Readiness 0%', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Daily plan' })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Seminar date')).toHaveValue(inDays(10));
	await expect(page.getByText('Readiness 0%', { exact: true })).toBeVisible();
});

test('an unknown deck says so', async ({ page }) => {
	await page.goto('/deck/no-such-deck');
	await expect(mainHeading(page)).toHaveText('Deck not found');
});

test('a deleted built-in deck stays deleted, and with no decks left home offers Create and Import', async ({ page }) => {
	await page.goto('/');
	for (const title of titles) {
		await page.getByRole('link', { name: title, exact: true }).click();
		await page.getByRole('button', { name: 'Delete deck' }).click();
		await page.getByRole('button', { name: 'Delete for good' }).click();
		await expect(mainHeading(page)).toHaveText('Your decks');
		await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
	}
	await page.reload();
	await expect(page.getByRole('heading', { name: 'No decks yet' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Create a deck' })).toHaveAttribute('href', '/create');
	await expect(page.getByRole('link', { name: 'Import a deck' })).toHaveAttribute('href', '/import');
});
