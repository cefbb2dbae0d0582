// Study control (issue 10, §2): Suspend, Bury and Flag on the study screen, siblings kept apart, and the study
// options on /settings. One small imported deck whose first and third cards come from the same sentence.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, mainHeading, test } from './fixtures';

const TEXT = 'Ada Lovelace wrote the first program. The Analytical Engine was designed in 1837. Babbage built the Difference Engine.';
const source = (sentence: string) => ({ doc: 'doc-1', sentence, start: TEXT.indexOf(sentence), end: TEXT.indexOf(sentence) + sentence.length });
const S1 = 'Ada Lovelace wrote the first program.';
const S2 = 'The Analytical Engine was designed in 1837.';
const S3 = 'Babbage built the Difference Engine.';
const card = (id: string, question: string, answer: string, sentence: string) => ({ id, type: 'basic', question, answer, tags: [], score: 1, source: source(sentence) });
const CARDS = [
	card('s-1', 'Who wrote the first program?', 'Ada Lovelace', S1),
	card('s-2', 'When was the Analytical Engine designed?', '1837', S2),
	card('s-3', 'What did Ada Lovelace write first?', 'the first program', S1),
	card('s-4', 'Who built the Difference Engine?', 'Babbage', S3)
];
const DECK = {
	format: 'factdeck',
	version: 1,
	id: 'study-control',
	title: 'Engines and programs',
	createdAt: '2026-03-01T00:00:00Z',
	sources: [{ id: 'doc-1', title: 'Engines', text: TEXT }],
	cards: CARDS
};

async function importDeck(page: Page): Promise<void> {
	await page.goto('/import');
	const file = { name: 'engines.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(DECK)) };
	await page.getByLabel('Import deck').setInputFiles(file);
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await expect(mainHeading(page)).toHaveText(DECK.title);
}

async function openStudy(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('link', { name: DECK.title, exact: true }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
}

const question = (page: Page, index: number) => page.getByRole('heading', { level: 2, name: CARDS[index]!.question, exact: true });
const remainingNew = (page: Page, count: number) => page.locator('.remaining').getByText(`${count} new`, { exact: true });

async function newCountOnHome(page: Page, expected: number): Promise<void> {
	await page.getByRole('link', { name: 'Decks', exact: true }).click();
	const tile = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: DECK.title, exact: true }) });
	await expect(tile.getByText(`${expected} new`, { exact: true })).toBeVisible();
}

async function goodOn(page: Page, index: number): Promise<void> {
	await expect(question(page, index)).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Good', exact: true }).click();
}

test('Suspend takes the card out of the queue at once and the deck counts drop by one; Undo puts it back', async ({ page }) => {
	await importDeck(page);
	await openStudy(page);
	await expect(question(page, 0)).toBeVisible();
	await expect(remainingNew(page, 4)).toBeVisible();
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(question(page, 1)).toBeVisible();
	await expect(remainingNew(page, 3)).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Card suspended' })).toBeVisible();

	// Undo (Z) brings it back; suspending again with its key (@) takes it out again.
	await page.keyboard.press('z');
	await expect(question(page, 0)).toBeVisible();
	await expect(remainingNew(page, 4)).toBeVisible();
	await page.keyboard.press('@');
	await expect(question(page, 1)).toBeVisible();
	await newCountOnHome(page, 3);

	// A new session does not offer it either.
	await openStudy(page);
	await expect(question(page, 1)).toBeVisible();
	await expect(remainingNew(page, 3)).toBeVisible();
});

test('siblings: studying one card of a sentence keeps the other for tomorrow; Bury (-) does the same for one card', async ({ page }) => {
	await importDeck(page);
	await openStudy(page);
	await goodOn(page, 0);
	// s-3 is s-1's sibling: buried, so 2 new cards are left, not 3, and s-4 follows s-2.
	await expect(question(page, 1)).toBeVisible();
	await expect(remainingNew(page, 2)).toBeVisible();
	await page.keyboard.press('-');
	await expect(question(page, 3)).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Card buried until the next study day' })).toBeVisible();
	await expect(remainingNew(page, 1)).toBeVisible();
	await newCountOnHome(page, 1);

	await openStudy(page);
	await expect(question(page, 3)).toBeVisible();
	await expect(remainingNew(page, 1)).toBeVisible();
	await goodOn(page, 3);
	// Only s-1 in learning is left today; neither s-3 (its sibling) nor s-2 (buried) comes back.
	await expect(question(page, 0)).toBeVisible();
	await expect(question(page, 2)).toHaveCount(0);
});

test('Flag marks the card shown, which stays on screen flagged, also after a reload', async ({ page }) => {
	await importDeck(page);
	await openStudy(page);
	const flag = page.getByRole('button', { name: 'Flag', exact: true });
	await expect(flag).toHaveAttribute('aria-pressed', 'false');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await flag.click();
	await expect(flag).toHaveAttribute('aria-pressed', 'true');
	const article = page.getByRole('article');
	await expect(article.getByText('Flagged')).toBeVisible();
	await expect(page.getByText('Ada Lovelace', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page, 'study: card flagged');

	await page.reload();
	await expect(question(page, 0)).toBeVisible();
	await expect(article.getByText('Flagged')).toBeVisible();
	await page.keyboard.press('f');
	await expect(flag).toHaveAttribute('aria-pressed', 'false');
	await expect(article.getByText('Flagged')).toHaveCount(0);
});

test('study options: bad steps are refused with an alert and nothing stored; good ones change the intervals', async ({ page }) => {
	await importDeck(page);
	await page.goto('/settings');
	const steps = page.getByLabel('Learning steps', { exact: true });
	await expect(steps).toHaveValue('1m 10m');
	await steps.fill('1m soon');
	await steps.press('Enter');
	await expect(page.getByRole('alert')).toContainText('Learning steps: "soon" is not a step.');
	const maximum = page.getByLabel('Maximum interval (days)');
	await maximum.fill('0');
	await maximum.press('Enter');
	await expect(page.getByRole('alert')).toContainText('The maximum interval must be a whole number of days from 1 to 36,500.');
	await page.reload();
	await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('1m 10m');
	await expect(page.getByLabel('Maximum interval (days)')).toHaveValue('36500');
	await expect(page.getByRole('checkbox', { name: 'Bury siblings' })).toBeChecked();

	await page.getByLabel('Learning steps', { exact: true }).fill('2m 15m');
	await page.getByLabel('Learning steps', { exact: true }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Learning steps saved.' })).toBeVisible();
	await page.getByLabel('Maximum interval (days)').fill('1');
	await page.getByLabel('Maximum interval (days)').press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Maximum interval saved.' })).toBeVisible();
	await expectNoAxeViolations(page, 'settings: study control');

	await openStudy(page);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('button', { name: 'Again', exact: true })).toHaveAccessibleDescription('2m');
	await expect(page.getByRole('button', { name: 'Good', exact: true })).toHaveAccessibleDescription('15m');
	await expect(page.getByRole('button', { name: 'Easy', exact: true })).toHaveAccessibleDescription('1d');
});

test('custom study: exactly the cards named, as practice that changes nothing; the cards failed today, counted', async ({ page }) => {
	await importDeck(page);
	await page.goto(`/deck/${DECK.id}/study?cards=s-4,s-2`);
	await expect(page.getByText('Custom study: 2 chosen cards. Practice: your answers do not change the schedule.')).toBeVisible();
	await goodOn(page, 3);
	await goodOn(page, 1);
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await newCountOnHome(page, 4);

	// Fail s-1 in the ordinary queue, then cram it from the deck page's Custom study, letting it count.
	await openStudy(page);
	await expect(question(page, 0)).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Again', exact: true }).click();
	await expect(question(page, 1)).toBeVisible();
	await page.getByRole('link', { name: DECK.title }).click();
	await page.getByText('Custom study', { exact: true }).click();
	await expect(page.getByRole('button', { name: 'Start custom study' })).toBeVisible();
	await expectNoAxeViolations(page, 'deck: custom study open');
	await page.getByRole('radio', { name: 'Cards failed today' }).check();
	await page.getByRole('checkbox', { name: 'Let these answers change the schedule' }).check();
	await page.getByRole('button', { name: 'Start custom study' }).click();
	await expect(page.getByText('Custom study: cards failed today. Your answers change the schedule.')).toBeVisible();
	await expect(question(page, 0)).toBeVisible();
	await expect(remainingNew(page, 0)).toBeVisible();

	await page.goto(`/deck/${DECK.id}/study?ahead=soon`);
	await expect(page.getByRole('alert')).toContainText('Study ahead takes a whole number of days from 1 to 365 (the address says "soon").');
});

test('the editor suspends and flags a card with toggles, and the study queue follows', async ({ page }) => {
	await importDeck(page);
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	const row = page.getByRole('article', { name: CARDS[0]!.question });
	await row.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(row.getByRole('button', { name: 'Suspend', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await expect(row.getByText(/·\ssuspended/)).toBeVisible();
	await row.getByRole('button', { name: 'Flag', exact: true }).click();
	await expect(row.getByText(/·\sflagged/)).toBeVisible();
	await expectNoAxeViolations(page, 'editor: a card suspended and flagged');
	await newCountOnHome(page, 3);
	await openStudy(page);
	await expect(question(page, 1)).toBeVisible();
});

test('a card suspended in study is listed as suspended in the browser, the one card its Suspended filter shows', async ({ page }) => {
	await importDeck(page);
	await openStudy(page);
	await expect(question(page, 0)).toBeVisible();
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(question(page, 1)).toBeVisible();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
	await expect(mainHeading(page)).toHaveText('Browse cards');
	await page.getByRole('searchbox', { name: 'Search cards' }).fill('Difference Engine Babbage');
	const rows = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
	await expect(rows).toHaveCount(1);
	await page.getByRole('searchbox', { name: 'Search cards' }).fill('');
	await page.getByText('Filters and sort').click();
	await page.getByRole('combobox', { name: 'Suspended' }).selectOption({ label: 'Suspended only' });
	await expect(rows).toHaveCount(1);
	await expect(rows.getByRole('button', { name: CARDS[0]!.question, exact: true })).toBeVisible();
	await expect(rows.getByText('Suspended', { exact: true })).toBeVisible();
});

test('the knowledge map: Study these on a sentence studies exactly its cards', async ({ page }) => {
	await importDeck(page);
	await page.getByRole('link', { name: 'Knowledge map' }).click();
	await page.getByRole('button', { name: `${S1} (unseen, not studied yet, 2 cards)`, exact: true }).click();
	await page.getByRole('link', { name: 'Study these' }).click();
	await expect(page.getByText('Custom study: 2 chosen cards. Practice: your answers do not change the schedule.')).toBeVisible();
	// The sentence's two cards, siblings, both in this session; no other card.
	await goodOn(page, 0);
	await goodOn(page, 2);
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
});

/**
 * A backup whose deck has a review card forgotten 7 times, due since yesterday, and one new card; the dates are
 * taken from the clock when the test starts, so the card is due whenever the test runs.
 */
function leechBackup() {
	const DAY = 86_400_000;
	const now = Date.now();
	const lapsed = {
		due: now - DAY,
		stability: 0.5,
		difficulty: 9,
		elapsed_days: 2,
		scheduled_days: 1,
		learning_steps: 0,
		reps: 24,
		lapses: 7,
		state: 2,
		last_review: now - 2 * DAY
	};
	const deck = { ...DECK, id: 'leeches', title: 'Leeches', cards: [{ ...CARDS[1]!, progress: lapsed }, CARDS[3]!] };
	const backup = { format: 'factdeck-backup', version: 1, exportedAt: new Date(now).toISOString(), decks: [deck], reviews: [], settings: {} };
	return { name: 'leeches.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) };
}

test('a leech: the 8th lapse tags the card and offers Suspend leech, which takes it out of study', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Restore from backup').setInputFiles(leechBackup());
	await page.getByRole('group', { name: 'Replace everything with this backup?' }).getByRole('button', { name: 'Replace everything' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored 1 deck, 2 cards and 0 reviews.' })).toBeVisible();

	await page.goto('/deck/leeches/study');
	// The review card comes before the new one; Again on it is its 8th lapse.
	await expect(question(page, 1)).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Again', exact: true }).click();
	const notice = page.getByRole('complementary', { name: 'A leech' });
	await expect(notice).toContainText(`You have forgotten “${CARDS[1]!.question}” 8 times or more. It is tagged leech`);
	await expect(page.getByRole('link', { name: 'Edit leech' })).toBeVisible();
	await expectNoAxeViolations(page, 'study: leech notice');

	await notice.getByRole('button', { name: 'Suspend leech' }).click();
	await expect(notice).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'Card suspended' })).toBeVisible();
	// Only the new card is left today: the leech, due again in 10 minutes (relearning), is not.
	await expect(question(page, 3)).toBeVisible();
	await goodOn(page, 3);
	await goodOn(page, 3);
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();

	// In the browser it is suspended and carries the leech tag (search covers tags).
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
	await page.getByRole('searchbox', { name: 'Search cards' }).fill('leech');
	const rows = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
	await expect(rows).toHaveCount(1);
	await expect(rows.getByRole('button', { name: CARDS[1]!.question, exact: true })).toBeVisible();
	await expect(rows.getByText('Suspended', { exact: true })).toBeVisible();
});
