// Quiz mode (issue 5, contract §3): a full quiz on a deck imported for the test, with known right and wrong
// answers, shows the exact score, lists the missed questions with their sources, and `Retry mistakes` asks
// exactly those; and a quiz works offline once the service worker controls the page.
import type { Page } from '@playwright/test';
import { builtInDeck, seedTitles } from './builtins';
import { expect, test, waitForServiceWorkerControl } from './fixtures';

const TEXT = [
	'George Schwab is the president of the NCAFP.',
	'The NCAFP was founded in 1974.',
	'Track II talks are unofficial.',
	'The NEACD meets every year in Tokyo.',
	'Pyongyang hosted the talks in 2005.',
	'The NEACD, the NCAFP and the IAEA took part.'
].join(' ');

function source(sentence: string) {
	const start = TEXT.indexOf(sentence);
	return { doc: 'doc-1', sentence, start, end: start + sentence.length };
}

interface Planned {
	id: string;
	question: string;
	/** How the test answers it, and whether that answer is right. */
	answer: (page: Page) => Promise<void>;
	right: boolean;
}

const typed = (text: string) => async (page: Page) => {
	await page.getByLabel('Your answer').fill(text);
	// Enter checks a typed answer.
	await page.getByLabel('Your answer').press('Enter');
};
const pick = (option: string) => async (page: Page) => {
	await page.getByRole('radio', { name: option, exact: true }).check();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
};

const PAIRS: [string, string][] = [
	['NEACD', 'Northeast Asia Cooperation Dialogue'],
	['NCAFP', 'National Committee on American Foreign Policy'],
	['IAEA', 'International Atomic Energy Agency']
];
const ITEMS = ['NCAFP founded', 'Pyongyang talks', 'Seminar'];

/** Puts the ordering question's items in `wanted` order with the Move up buttons. */
async function arrange(page: Page, wanted: string[]): Promise<void> {
	const list = page.getByRole('list', { name: 'Items in your order' });
	for (const [target, item] of wanted.entries()) {
		const texts = await list.getByRole('listitem').allInnerTexts();
		const at = texts.findIndex((text) => text.startsWith(item));
		for (let i = at; i > target; i--) await page.getByRole('button', { name: `Move “${item}” up` }).click();
		await expect(list.getByRole('listitem').nth(target)).toContainText(item);
	}
}

const plan: Planned[] = [
	{ id: 'c-schwab', question: 'Who is the president of the NCAFP?', answer: typed('schwab'), right: true },
	{ id: 'c-1974', question: 'In which year was the NCAFP founded?', answer: typed('1975'), right: false },
	{ id: 'c-tokyo', question: 'Where does the NEACD meet every year?', answer: pick('Tokyo'), right: true },
	{ id: 'c-tf', question: 'True or false: Track II talks are official.', answer: pick('True'), right: false },
	{ id: 'c-2005', question: 'Pyongyang hosted the talks in _____.', answer: typed('two thousand and five'), right: true },
	{
		id: 'c-match',
		question: 'Match each acronym with its name.',
		// NEACD right, the other two swapped: 1 of 3 pairs, so wrong.
		answer: async (page) => {
			await page.getByLabel('NEACD', { exact: true }).selectOption(PAIRS[0]![1]);
			await page.getByLabel('NCAFP', { exact: true }).selectOption(PAIRS[2]![1]);
			await page.getByLabel('IAEA', { exact: true }).selectOption(PAIRS[1]![1]);
			await page.getByRole('button', { name: 'Check', exact: true }).click();
		},
		right: false
	},
	{
		id: 'c-order',
		question: 'Put these in order.',
		answer: async (page) => {
			await arrange(page, ITEMS);
			await page.getByRole('button', { name: 'Check', exact: true }).click();
		},
		right: true
	}
];

const deckFile = {
	format: 'factdeck',
	version: 1,
	id: 'quiz-e2e',
	title: 'Quiz test deck',
	createdAt: '2026-03-01T00:00:00Z',
	sources: [{ id: 'doc-1', title: 'Briefing', text: TEXT }],
	cards: [
		{ id: 'c-schwab', type: 'basic', question: plan[0]!.question, answer: 'George Schwab', tags: ['person'], score: 1, source: source('George Schwab is the president of the NCAFP.') },
		{ id: 'c-1974', type: 'basic', question: plan[1]!.question, answer: '1974', tags: ['date'], score: 1, source: source('The NCAFP was founded in 1974.') },
		{
			id: 'c-tokyo',
			type: 'mcq',
			question: plan[2]!.question,
			answer: 'Tokyo',
			choices: ['Seoul', 'Tokyo', 'Beijing', 'Moscow'],
			tags: ['place'],
			score: 1,
			source: source('The NEACD meets every year in Tokyo.')
		},
		{ id: 'c-tf', type: 'truefalse', question: plan[3]!.question, answer: 'False', tags: ['term'], score: 1, source: source('Track II talks are unofficial.') },
		{ id: 'c-2005', type: 'cloze', question: plan[4]!.question, answer: '2005', tags: ['date'], score: 1, source: source('Pyongyang hosted the talks in 2005.') },
		{
			id: 'c-match',
			type: 'matching',
			question: plan[5]!.question,
			answer: PAIRS.map(([l, r]) => `${l} → ${r}`).join('; '),
			pairs: PAIRS,
			tags: ['acronym'],
			score: 1,
			source: source('The NEACD, the NCAFP and the IAEA took part.')
		},
		{
			id: 'c-order',
			type: 'ordering',
			question: plan[6]!.question,
			answer: ITEMS.join(' → '),
			items: ITEMS,
			tags: ['event'],
			score: 1,
			source: source('Pyongyang hosted the talks in 2005.')
		}
	]
};

async function importTestDeck(page: Page): Promise<void> {
	await page.goto('/import');
	await page.getByLabel('Import deck').setInputFiles({
		name: 'quiz-e2e.factdeck.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(deckFile))
	});
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz test deck' })).toBeVisible();
}

/** The question on screen, once question `n` of `total` is showing. */
async function currentQuestion(page: Page, n: number, total: number): Promise<string> {
	await expect(page.getByText(`Question ${n} of ${total}`, { exact: true })).toBeVisible();
	return (await page.getByRole('form').getByRole('heading', { level: 2 }).textContent()) ?? '';
}

async function answerAll(page: Page, total: number, planned: readonly Planned[]): Promise<string[]> {
	const asked: string[] = [];
	for (let n = 1; n <= total; n++) {
		const text = await currentQuestion(page, n, total);
		const step = planned.find((p) => p.question === text);
		if (!step) throw new Error(`Unexpected question: ${text}`);
		asked.push(step.question);
		await step.answer(page);
		await expect(page.getByRole('heading', { level: 2, name: step.right ? 'Right' : 'Wrong', exact: true })).toBeVisible();
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	return asked;
}

test('a full quiz scores right and wrong answers exactly, and Retry mistakes asks exactly the missed ones', async ({ page }) => {
	await importTestDeck(page);
	await page.getByRole('link', { name: 'Quiz', exact: true }).click();
	await page.getByLabel('Number of questions').fill('7');
	await expect(page.getByLabel('Count answers as reviews')).toBeChecked();
	await page.getByRole('button', { name: 'Start quiz' }).click();

	// The first question checked shows the verdict's reason, the expected answer and the source sentence.
	const asked = await answerAll(page, 7, plan);
	expect([...asked].sort()).toEqual(plan.map((p) => p.question).sort());

	await expect(page.getByText('4 / 7', { exact: true })).toBeVisible();
	const missed = page.getByRole('region', { name: 'Missed questions' }).getByRole('listitem');
	const expectedMissed = asked.filter((q) => !plan.find((p) => p.question === q)!.right);
	await expect(missed).toHaveCount(3);
	for (const [i, question] of expectedMissed.entries()) {
		await expect(missed.nth(i)).toContainText(question);
	}
	await expect(missed.filter({ hasText: plan[1]!.question })).toContainText('Source: The NCAFP was founded in 1974.');
	await expect(page.getByRole('status').filter({ hasText: 'Saved to this deck’s quiz history.' })).toBeVisible();

	// Retry: exactly the three missed questions, answered right this time.
	await page.getByRole('button', { name: 'Retry mistakes' }).click();
	const fixed: Planned[] = [
		{ ...plan[1]!, answer: typed('1974'), right: true },
		{ ...plan[3]!, answer: pick('False'), right: true },
		{
			...plan[5]!,
			answer: async (p) => {
				for (const [left, right] of PAIRS) await p.getByLabel(left, { exact: true }).selectOption(right);
				await p.getByRole('button', { name: 'Check', exact: true }).click();
			},
			right: true
		}
	];
	const retried = await answerAll(page, 3, fixed);
	expect(retried).toEqual(expectedMissed);
	await expect(page.getByText('3 / 3', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Retry mistakes' })).toHaveCount(0);
});

test('the verdict says why, shows the source, and "I was right" counts a refused answer', async ({ page }) => {
	await importTestDeck(page);
	await page.getByRole('link', { name: 'Quiz', exact: true }).click();
	await page.getByRole('checkbox', { name: 'Multiple choice' }).uncheck();
	await page.getByRole('checkbox', { name: 'True or false' }).uncheck();
	await page.getByRole('checkbox', { name: 'Matching' }).uncheck();
	await page.getByRole('checkbox', { name: 'Ordering' }).uncheck();
	await page.getByLabel('Number of questions').fill('5');
	await page.getByRole('button', { name: 'Start quiz' }).click();

	// Three typed cards: a wrong answer to every one, then "I was right" on the first.
	for (let n = 1; n <= 3; n++) {
		const text = await currentQuestion(page, n, 3);
		const card = deckFile.cards.find((c) => c.question === text)!;
		await page.getByLabel('Your answer').fill('<b>nothing</b>');
		await page.getByRole('button', { name: 'Check', exact: true }).click();
		const feedback = page.getByRole('region', { name: 'Wrong' });
		await expect(feedback).toContainText(`Not accepted: expected “${card.answer}”`);
		await expect(feedback).toContainText(card.source.sentence);
		// Typed text is shown as text, never as HTML.
		await expect(feedback).toContainText('<b>nothing</b>');
		if (n === 1) {
			await page.getByRole('button', { name: 'I was right' }).click();
			await expect(page.getByRole('heading', { level: 2, name: 'Right', exact: true })).toBeVisible();
			await expect(page.getByRole('button', { name: 'I was right' })).toHaveCount(0);
		}
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	await expect(page.getByText('1 / 3', { exact: true })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Missed questions' }).getByRole('listitem')).toHaveCount(2);
});

test('a set-up with no matching cards says so in an alert', async ({ page }) => {
	await importTestDeck(page);
	await page.getByRole('link', { name: 'Quiz', exact: true }).click();
	await page.getByRole('radio', { name: 'Missed last time' }).check();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(page.getByRole('alert')).toContainText('No cards missed in the last quiz of the chosen types');
});

/** The set-up form's names for the card types. */
const TYPE_NAMES: Record<string, string> = {
	basic: 'Question and answer',
	cloze: 'Fill in the blank',
	truefalse: 'True or false',
	matching: 'Matching',
	ordering: 'Ordering'
};

test('a quiz works offline once the service worker controls the page', async ({ page, context }) => {
	const title = seedTitles()[0]!;
	const cards = builtInDeck(title).deck.cards;
	await page.goto('/');
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);

	await page.reload();
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('link', { name: 'Quiz', exact: true }).click();
	// Multiple choice only: uncheck every other type the deck has.
	for (const type of new Set(cards.map((c) => c.type).filter((t) => t !== 'mcq'))) {
		await page.getByRole('checkbox', { name: TYPE_NAMES[type] }).uncheck();
	}
	await page.getByLabel('Number of questions').fill('5');
	await page.getByRole('button', { name: 'Start quiz' }).click();

	// Every answer right, picked with the keyboard (keys 1-5), read from the built-in deck file.
	for (let n = 1; n <= 5; n++) {
		const text = await currentQuestion(page, n, 5);
		const card = cards.find((c) => c.type === 'mcq' && c.question === text);
		if (!card) throw new Error(`Not a multiple-choice card of ${title}: ${text}`);
		const options = await page.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
		await page.getByRole('heading', { level: 2, name: text }).click();
		await page.keyboard.press(String(options.indexOf(card.answer) + 1));
		await expect(page.getByRole('radio', { name: card.answer, exact: true })).toBeChecked();
		await page.getByRole('button', { name: 'Check', exact: true }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Right', exact: true })).toBeVisible();
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	await expect(page.getByText('5 / 5', { exact: true })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Saved to this deck’s quiz history.' })).toBeVisible();
});
