import type { Page } from '@playwright/test';
import { builtInDeck, seedTitles, siblingsBuried, todaysNewCards, type BuiltInCard } from './builtins';
import { expect, test } from './fixtures';

const [firstTitle, secondTitle] = seedTitles() as [string, string];
// The second seed's deck opens with basic cards; the first has multiple-choice cards early on.
const basics = builtInDeck(secondTitle);
const withMcq = builtInDeck(firstTitle);

function question(page: Page, card: BuiltInCard) {
	return page.getByRole('heading', { level: 2, name: card.question, exact: true });
}

const grade = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function openStudy(page: Page, title: string): Promise<void> {
	await page.goto('/');
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
}

async function newCountOnHome(page: Page, title: string, expected: number): Promise<void> {
	await page.getByRole('link', { name: 'Decks' }).click();
	const tile = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
	await expect(tile.getByText(`${expected} new`, { exact: true })).toBeVisible();
}

/** The new count after studying the first `n` of today's cards: they and their buried siblings leave it. */
function newLeftAfter(deck: typeof basics, n: number): number {
	return deck.cards - n - siblingsBuried(deck.deck.cards, todaysNewCards(deck.deck.cards).slice(0, n));
}

test('a study session with mouse and keyboard: each graded new card leaves the new count', async ({ page }) => {
	const cards = todaysNewCards(basics.deck.cards);
	await openStudy(page, secondTitle);

	// Mouse: Show answer, then Good, which shows its interval (a new card's first Good: 10 minutes).
	await expect(question(page, cards[0]!)).toBeVisible();
	const article = page.getByRole('article');
	const before = await article.boundingBox();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByText(cards[0]!.answer, { exact: true })).toBeVisible();
	// The answer's space was reserved: the card does not change size when it shows.
	expect(await article.boundingBox()).toEqual(before);
	await expect(grade(page, 'Again')).toHaveAccessibleDescription('1m');
	await expect(grade(page, 'Hard')).toHaveAccessibleDescription('6m');
	await expect(grade(page, 'Good')).toHaveAccessibleDescription('10m');
	await grade(page, 'Good').click();

	// Keyboard: Space shows the answer, 3 is Good, 1 is Again.
	await expect(question(page, cards[1]!)).toBeVisible();
	await page.keyboard.press('Space');
	await expect(grade(page, 'Good')).toBeVisible();
	await page.keyboard.press('3');
	await expect(question(page, cards[2]!)).toBeVisible();
	await page.keyboard.press('Space');
	await page.keyboard.press('1');
	await expect(question(page, cards[3]!)).toBeVisible();

	await newCountOnHome(page, secondTitle, newLeftAfter(basics, 3));
});

test('progress is kept after a reload', async ({ page }) => {
	const cards = todaysNewCards(basics.deck.cards);
	await openStudy(page, secondTitle);
	for (const card of cards.slice(0, 2)) {
		await expect(question(page, card)).toBeVisible();
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
	}
	await expect(question(page, cards[2]!)).toBeVisible();
	await page.reload();
	await expect(question(page, cards[2]!)).toBeVisible();
	await newCountOnHome(page, secondTitle, newLeftAfter(basics, 2));
});

test('Undo takes the last grade back: the same card again, and the count as before', async ({ page }) => {
	const cards = todaysNewCards(basics.deck.cards);
	await openStudy(page, secondTitle);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(question(page, cards[1]!)).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(question(page, cards[0]!)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

	// Z does the same from the keyboard.
	await page.keyboard.press('Space');
	await page.keyboard.press('2');
	await expect(question(page, cards[1]!)).toBeVisible();
	await page.keyboard.press('z');
	await expect(question(page, cards[0]!)).toBeVisible();
	await newCountOnHome(page, secondTitle, basics.cards);
});

test('an mcq is answered by tapping an option, which shows the answer and pre-selects the grade', async ({ page }) => {
	const cards = todaysNewCards(withMcq.deck.cards);
	const mcqs = cards.flatMap((card, i) => (card.type === 'mcq' ? [i] : []));
	const [first, second] = mcqs as [number, number];
	expect(second).toBeLessThan(20); // both within the first session's new cards
	const gradeGood = async (card: BuiltInCard) => {
		await expect(question(page, card)).toBeVisible();
		await page.keyboard.press('Space');
		await page.keyboard.press('3');
	};

	await openStudy(page, firstTitle);
	for (const card of cards.slice(0, first)) await gradeGood(card);
	const right = cards[first]!;
	await expect(question(page, right)).toBeVisible();
	await page.getByRole('button', { name: right.answer, exact: true }).click();
	await expect(page.getByText(/^Right — /)).toBeVisible();
	await expect(grade(page, 'Good')).toBeFocused();
	await expect(grade(page, 'Good')).toHaveAccessibleDescription('10m suggested');
	await page.keyboard.press('Enter');

	for (const card of cards.slice(first + 1, second)) await gradeGood(card);
	const wrong = cards[second]!;
	await expect(question(page, wrong)).toBeVisible();
	const wrongChoice = wrong.choices!.find((choice) => choice !== wrong.answer)!;
	await page.getByRole('button', { name: wrongChoice, exact: true }).click();
	await expect(page.getByText(/^Not quite — /)).toBeVisible();
	await expect(grade(page, 'Again')).toBeFocused();
	// The suggestion can be overruled (2 is Hard).
	await page.keyboard.press('2');
	await expect(question(page, wrong)).toHaveCount(0);
	await newCountOnHome(page, firstTitle, newLeftAfter(withMcq, second + 1));
});

test('Show source shows the source sentence highlighted, as text', async ({ page }) => {
	const card = basics.deck.cards[0]!;
	await openStudy(page, secondTitle);
	await expect(question(page, card)).toBeVisible();
	await page.getByRole('button', { name: 'Show source' }).click();
	await expect(page.getByRole('region', { name: 'Source' }).locator('mark')).toHaveText(card.source.sentence);
});

test('studying offline after the service worker took control', async ({ page, context, waitForServiceWorkerControl }) => {
	const cards = todaysNewCards(basics.deck.cards);
	await page.goto('/');
	await expect(page.getByRole('link', { name: secondTitle, exact: true })).toBeVisible();
	await waitForServiceWorkerControl();
	await context.setOffline(true);

	await page.getByRole('link', { name: secondTitle, exact: true }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	// Reload the study page, not the deck page the click is still leaving (a race seen once in 5 runs).
	await expect(page).toHaveURL(/\/study$/);
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(question(page, cards[0]!)).toBeVisible();
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(question(page, cards[1]!)).toBeVisible();
	await newCountOnHome(page, secondTitle, newLeftAfter(basics, 1));
});
