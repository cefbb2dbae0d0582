// /stats after a short study session (issue 10, §4): the calendar heatmap with today's count and the streak, the
// cards by state, and the answer buttons by card state, with exact numbers; per deck (linked from the deck page)
// and for all decks; on a phone screen in both themes, axe-clean.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { builtInDeck, seedTitles } from './builtins';
import { expect, mainHeading, test } from './fixtures';

const [firstTitle, secondTitle] = seedTitles() as [string, string];
const first = builtInDeck(firstTitle);
const second = builtInDeck(secondTitle);

/** Opens the deck (home installs the built-in decks on a first visit) and grades its first cards as given. */
async function studyWith(page: Page, title: string, grades: string[]): Promise<void> {
	await page.goto('/');
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	for (const grade of grades) {
		const question = page.getByRole('article').getByRole('heading', { level: 2 });
		const before = await question.textContent();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: grade, exact: true }).click();
		await expect(question).not.toHaveText(before ?? '');
	}
}

/** The rows of a chart's "Show numbers" table, each as its cells' texts (header cell first). */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
	const figure = page.getByRole('figure', { name: chart });
	await figure.getByText('Show numbers').click();
	const rows = figure.getByRole('table').getByRole('row');
	await expect(rows.first()).toBeVisible();
	return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')));
}

test.use({ viewport: { width: 360, height: 640 } });

test('after studying four cards, /stats shows today on the heatmap, the cards by state and the answer buttons, per deck and for all', async ({
	page
}) => {
	// A new card answered Again, Hard or Good goes to its learning steps; Easy graduates it to review at once.
	await studyWith(page, secondTitle, ['Good', 'Again', 'Hard', 'Easy']);
	await page.getByRole('link', { name: 'Decks' }).click();
	await page.getByRole('link', { name: secondTitle, exact: true }).click();
	await page.getByRole('link', { name: 'Statistics', exact: true }).click();
	await expect(page).toHaveURL(/\/stats\?deck=/);
	await expect(mainHeading(page)).toHaveText('Statistics');
	await expect(page.getByLabel('Deck')).toHaveValue(second.id);

	// The heatmap: today's count under it, in its summary, and the streak.
	const heatmap = page.getByRole('figure', { name: 'Reviews this year' });
	await expect(heatmap.getByText('Today: 4 reviews', { exact: true })).toBeVisible();
	await expect(heatmap.getByText('Current streak 1 day · longest 1 day', { exact: true })).toBeVisible();
	await expect(heatmap.getByRole('img')).toHaveAccessibleName(/; today 4; current streak 1 day, longest 1 day\.$/);

	// Cards by state: the legend names every count.
	const newCards = second.cards - 4;
	await expect(page.getByRole('img', { name: `${second.cards} cards: ${newCards} new, 3 learning, 1 review, 0 relearning, 0 suspended.` })).toBeVisible();
	const legend = page.getByRole('figure', { name: 'Cards by state' }).getByRole('listitem');
	await expect(legend).toHaveText([`New ${newCards}`, 'Learning 3', 'Review 1', 'Relearning 0', 'Suspended 0']);

	// Answer buttons: the four first answers were to new (learning) cards.
	expect(await tableRows(page, 'Answer buttons')).toEqual([
		['Answer', 'Learning', 'Review'],
		['Again', '1 (25%)', '0 (—)'],
		['Hard', '1 (25%)', '0 (—)'],
		['Good', '1 (25%)', '0 (—)'],
		['Easy', '1 (25%)', '0 (—)'],
		['Correct', '75%', '—']
	]);

	// All decks: the other deck's cards are all new; the reviews are the same four.
	await page.getByLabel('Deck').selectOption({ label: 'All decks' });
	await expect(page).toHaveURL(/\/stats$/);
	const all = first.cards + second.cards;
	await expect(page.getByRole('img', { name: `${all} cards: ${all - 4} new, 3 learning, 1 review, 0 relearning, 0 suspended.` })).toBeVisible();
	await expect(heatmap.getByText('Today: 4 reviews', { exact: true })).toBeVisible();

	// The other deck alone has no reviews yet, but its cards by state still show.
	await page.getByLabel('Deck').selectOption({ label: firstTitle });
	await expect(page).toHaveURL(new RegExp(`/stats\\?deck=${first.id}$`));
	await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
	await expect(page.getByRole('img', { name: `${first.cards} cards: ${first.cards} new, 0 learning, 0 review, 0 relearning, 0 suspended.` })).toBeVisible();
});

test('an unknown deck in the address is named in an alert, and All decks is offered', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('link', { name: secondTitle, exact: true })).toBeVisible();
	await page.goto('/stats?deck=no-such-deck');
	await expect(page.getByRole('alert')).toContainText('There is no deck “no-such-deck” on this device');
	await page.getByLabel('Deck').selectOption({ label: 'All decks' });
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
});

test('a tap on the heatmap names that day and its count; today is named at first', async ({ page }) => {
	await studyWith(page, secondTitle, ['Good', 'Good']);
	await page.goto('/stats');
	const heatmap = page.getByRole('figure', { name: 'Reviews this year' });
	const day = heatmap.getByText(/: \d+ reviews?$/);
	await expect(day).toHaveText('Today: 2 reviews');
	// The top-left square is the first day shown: a Monday 52 weeks before this week's, with no reviews.
	const squares = heatmap.locator('rect.touch');
	await squares.tap({ position: { x: 2, y: 2 } });
	await expect(day).toHaveText(/^Mon, [A-Z][a-z]{2} \d{1,2}, \d{4}: 0 reviews$/);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`every chart fits a 360 px screen and passes axe in the ${colorScheme} theme`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await studyWith(page, secondTitle, ['Good', 'Easy']);
		await page.goto('/stats');
		const figures = page.getByRole('figure');
		await expect(figures).toHaveCount(10);
		await expect(page.getByRole('heading', { level: 2 })).toHaveText([
			'Reviews this year',
			'Reviews per day',
			'Time per day',
			'Answer buttons',
			'Retention',
			'Cards by state',
			'Due forecast',
			'Stability',
			'Difficulty',
			'Retrievability now'
		]);
		// Nothing wider than the screen: the page does not scroll sideways.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		for (const figure of await figures.all()) await figure.getByText('Show numbers').click();
		await expectNoAxeViolations(page, `stats, ${colorScheme} theme, tables open`);
	});
}
