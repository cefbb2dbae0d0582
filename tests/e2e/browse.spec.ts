// The card browser (/browse): search, filters, bulk actions with Undo, a card's own detail, the windowed list,
// a phone-sized screen and axe. The built-in decks are read from the project's files (builtins.ts).
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { builtInDeck, builtInIndex, seedTitles, type BuiltInCard } from './builtins';
import { expect, mainHeading, test } from './fixtures';

const [firstTitle, secondTitle] = seedTitles() as [string, string];
const decks = [builtInDeck(firstTitle), builtInDeck(secondTitle)];
const allCards = decks.flatMap((d) => d.deck.cards);
const totalCards = builtInIndex().reduce((n, entry) => n + entry.cards, 0);
// The second seed's deck opens with basic cards (as study.spec.ts relies on): its first card is studied first.
const firstStudied = decks[1]!.deck.cards[0]!;

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'card' : 'cards'}`;
const cardList = (page: Page) => page.getByRole('list', { name: 'Cards' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search cards' });
const openButton = (page: Page, card: BuiltInCard) => cardList(page).getByRole('button', { name: card.question, exact: true });

/** Cards whose question is not shared with another built-in card, so a search for it finds one card. */
const uniqueQuestion = (card: BuiltInCard) => allCards.filter((c) => c.question === card.question).length === 1;

async function openBrowse(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
	await expect(mainHeading(page)).toHaveText('Browse cards');
	await expect(page.getByText(count(totalCards), { exact: true })).toBeVisible();
}

test('every card of every deck is listed, and the list renders only the rows in view', async ({ page }) => {
	await openBrowse(page);
	const rows = cardList(page).getByRole('listitem');
	await expect(rows.first()).toHaveAttribute('aria-setsize', String(totalCards));
	const rendered = await rows.count();
	expect(rendered).toBeLessThan(totalCards);
	// Deck order: decks by title, then cards in their deck's order. The last card is not in the DOM until scrolled to.
	const byTitle = [...decks].sort((a, b) => (a.title < b.title ? -1 : 1));
	const last = byTitle[1]!.deck.cards.at(-1)!;
	await expect(openButton(page, byTitle[0]!.deck.cards[0]!)).toBeVisible();
	await expect(rows.filter({ has: openButton(page, last) })).toHaveCount(0);
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await expect(rows.last()).toHaveAttribute('aria-posinset', String(totalCards));
	await expect(rows.last().getByRole('button', { name: last.question, exact: true })).toBeVisible();
});

test('search finds a built-in card by a word of its answer, ignoring case', async ({ page }) => {
	// A card whose answer has a word of 6+ letters; every built-in card containing that word is expected.
	const card = decks[1]!.deck.cards.find((c) => c.type === 'basic' && uniqueQuestion(c) && /\b[A-Za-z]{6,}\b/.test(c.answer))!;
	const word = /\b[A-Za-z]{6,}\b/.exec(card.answer)![0];
	const expected = allCards.filter((c) => [c.question, c.answer, ...(c.tags ?? []), c.source.sentence].some((t) => t.toLowerCase().includes(word.toLowerCase())));
	await openBrowse(page);
	await search(page).fill(word.toUpperCase());
	await expect(page.getByText(count(expected.length), { exact: true })).toBeVisible();
	await expect(openButton(page, card)).toBeVisible();
	await search(page).fill(`${word} zzzznotaword`);
	await expect(page.getByText('No card matches. Change the search or the filters.')).toBeVisible();
});

test('a card suspended by a bulk action is the one card the Suspended filter shows, marked as suspended', async ({ page }) => {
	const card = decks[0]!.deck.cards.find(uniqueQuestion)!;
	await openBrowse(page);
	await search(page).fill(card.question);
	await page.getByRole('checkbox', { name: `Select “${card.question}”` }).check();
	await expect(page.getByText('1 selected', { exact: false })).toBeVisible();
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Done: suspend card.' })).toBeVisible();

	await search(page).fill('');
	await page.getByText('Filters and sort').click();
	await page.getByRole('combobox', { name: 'Suspended' }).selectOption({ label: 'Suspended only' });
	// Still selected: the selection outlives a change of filters.
	await expect(page.getByText(`${count(1)}, 1 selected`, { exact: true })).toBeVisible();
	const rows = cardList(page).getByRole('listitem');
	await expect(rows).toHaveCount(1);
	await expect(rows.getByRole('button', { name: card.question, exact: true })).toBeVisible();
	await expect(rows.getByText('Suspended', { exact: true })).toBeVisible();

	// And the other way round: Not suspended lists every other card.
	await page.getByRole('combobox', { name: 'Suspended' }).selectOption({ label: 'Not suspended' });
	await expect(page.getByText(count(totalCards - 1), { exact: true })).toBeVisible();
});

test('Undo of a bulk delete puts the cards back, across the decks', async ({ page }) => {
	await openBrowse(page);
	await page.getByRole('checkbox', { name: `Select all ${totalCards} matching` }).check();
	await expect(page.getByText(`${count(totalCards)}, ${totalCards} selected`)).toBeVisible();
	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	const confirm = page.getByRole('group', { name: `Delete these ${totalCards} cards and their review history? You can undo it right after.` });
	await confirm.getByRole('button', { name: `Delete ${totalCards} cards` }).click();
	await expect(page.getByRole('status').filter({ hasText: `Done: delete ${totalCards} cards.` })).toBeVisible();
	await expect(page.getByText(count(0), { exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('status').filter({ hasText: `Undone: delete ${totalCards} cards.` })).toBeVisible();
	await expect(page.getByText(count(totalCards), { exact: true })).toBeVisible();
	// The decks have their cards again.
	await page.getByRole('link', { name: 'Decks' }).click();
	for (const deck of decks) {
		const tile = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: deck.title, exact: true }) });
		await expect(tile.getByText(`${deck.cards} new`, { exact: true })).toBeVisible();
	}
});

test('a card’s detail shows its review history after a study review, and its memory state', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: secondTitle, exact: true }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: firstStudied.question, exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Good', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: firstStudied.question, exact: true })).toBeHidden();

	await openBrowse(page);
	await search(page).fill(firstStudied.question);
	await openButton(page, firstStudied).click();
	const dialog = page.getByRole('dialog', { name: firstStudied.question });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByText(firstStudied.answer, { exact: true })).toBeVisible();
	await expect(dialog.getByText(firstStudied.source.sentence, { exact: true })).toBeVisible();
	const history = dialog.getByRole('table');
	await expect(history.getByRole('row')).toHaveCount(2);
	await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([/\d/, 'Good', '10m', 'Study']);
	await expect(dialog.getByText('Recall today (R)')).toBeVisible();
	await expect(dialog.getByText('100 %', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page, 'browse: card detail');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(openButton(page, firstStudied)).toBeFocused();
});

test('the list works from the keyboard: Space selects a row, Enter opens its card, Escape closes it', async ({ page }) => {
	await openBrowse(page);
	const card = decks[0]!.deck.cards.find(uniqueQuestion)!;
	await search(page).fill(card.question);
	const pick = page.getByRole('checkbox', { name: `Select “${card.question}”` });
	await pick.focus();
	await page.keyboard.press('Space');
	await expect(pick).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(openButton(page, card)).toBeFocused();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: card.question });
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(openButton(page, card)).toBeFocused();
});

test.describe('on a 360×640 screen', () => {
	test.use({ viewport: { width: 360, height: 640 } });

	test('the list, filters, bulk actions and detail fit without sideways scrolling and pass axe', async ({ page }) => {
		const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		await openBrowse(page);
		expect(await fits()).toBe(true);
		await expectNoAxeViolations(page, 'browse: list');
		await page.getByText('Filters and sort').click();
		await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible();
		await page.getByRole('textbox', { name: 'Lapses at least' }).fill('-1');
		await expect(page.getByRole('alert')).toHaveText('Lapses: type a whole number, 0 or more.');
		expect(await fits()).toBe(true);
		await expectNoAxeViolations(page, 'browse: filters open, a bad lapses value');
		await page.getByRole('textbox', { name: 'Lapses at least' }).fill('');
		await expect(page.getByRole('alert')).toHaveCount(0);

		const card = decks[0]!.deck.cards[0]!;
		await page.getByRole('checkbox', { name: `Select “${card.question}”` }).first().check();
		await page.getByRole('button', { name: 'Delete', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Delete 1 card' })).toBeVisible();
		await expectNoAxeViolations(page, 'browse: delete confirmation');
		await page.getByRole('button', { name: 'Cancel' }).click();

		await openButton(page, card).first().click();
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByText('Not studied yet: FSRS gives a card a memory state at its first review.')).toBeVisible();
		expect(await fits()).toBe(true);
		await expectNoAxeViolations(page, 'browse: detail of a new card');
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect(dialog).toBeHidden();
	});
});
