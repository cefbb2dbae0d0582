// Accessibility: an axe-core scan of every page, in every state a person meets (answer shown, an mcq answered,
// quiz feedback, the end of a session, every confirmation the app asks, errors, the card browser and a card's
// detail), in the light and the dark theme, on a phone and with a desktop pointer (where the key hints show), must
// find no violation at all.
//
// Each journey below walks one part of the app and scans at each state; add a state by adding a `scan` call.
import type { Page } from '@playwright/test';
import { inDays, seedTitles } from './builtins';
import { expectNoAxeViolations } from './axe';
import { expect, mainHeading, studySiblingsTogether, test } from './fixtures';

const scan = expectNoAxeViolations;

// A deck with one card of each type, in study order (new cards come in deck order).
const TEXT = 'Ada Lovelace wrote the first program. The Analytical Engine was designed in 1837. Babbage, Lovelace and Menabrea worked on it.';
const source = (sentence: string) => ({ doc: 'doc-1', sentence, start: TEXT.indexOf(sentence), end: TEXT.indexOf(sentence) + sentence.length });
const S1 = 'Ada Lovelace wrote the first program.';
const S2 = 'The Analytical Engine was designed in 1837.';
const S3 = 'Babbage, Lovelace and Menabrea worked on it.';
const PAIRS: [string, string][] = [
	['Babbage', 'engine'],
	['Lovelace', 'program'],
	['Menabrea', 'paper']
];
const DECK = {
	format: 'factdeck',
	version: 1,
	id: 'a11y-types',
	title: 'Every card type',
	createdAt: '2026-03-01T00:00:00Z',
	sources: [{ id: 'doc-1', title: 'Engines', text: TEXT }],
	cards: [
		{ id: 'a-basic', type: 'basic', question: 'Who wrote the first program?', answer: 'Ada Lovelace', tags: ['person'], score: 1, source: source(S1) },
		{ id: 'a-mcq', type: 'mcq', question: 'When was the Analytical Engine designed?', answer: '1837', choices: ['1801', '1837', '1871'], tags: ['date'], score: 1, source: source(S2) },
		{ id: 'a-tf', type: 'truefalse', question: 'The Analytical Engine was designed in 1901.', answer: 'False', tags: [], score: 1, source: source(S2) },
		{ id: 'a-cloze', type: 'cloze', question: 'Ada Lovelace wrote the first _____.', answer: 'program', tags: [], score: 1, source: source(S1) },
		{ id: 'a-match', type: 'matching', question: 'Match each person with their work.', answer: PAIRS.map(([l, r]) => `${l} → ${r}`).join('; '), pairs: PAIRS, tags: [], score: 1, source: source(S3) },
		{ id: 'a-order', type: 'ordering', question: 'Put these in order.', answer: 'engine → program → paper', items: ['engine', 'program', 'paper'], tags: [], score: 1, source: source(S3) }
	]
};

/** Imports DECK through /import (scanning the import page on the way) and ends on its deck page. */
async function importDeck(page: Page, scanSteps = false): Promise<void> {
	await page.goto('/import');
	await expect(mainHeading(page)).toBeVisible();
	if (scanSteps) await scan(page, 'import');
	const file = { name: 'types.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(DECK)) };
	await page.getByLabel('Import deck').setInputFiles(file);
	await expect(page.getByRole('button', { name: 'Add to my decks' })).toBeVisible();
	if (scanSteps) await scan(page, 'import: deck chosen');
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await expect(mainHeading(page)).toHaveText(DECK.title);
}

const question = (page: Page, text: string) => page.getByRole('heading', { level: 2, name: text });

/** Easy: the card leaves learning at once, so the session ends after the last new card. */
async function grade(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Easy', exact: true }).click();
}

const journeys: Record<string, (page: Page) => Promise<void>> = {
	'home, deck page, its export menu, share link and delete confirmation': async (page) => {
		await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
		await page.goto('/');
		await expect(page.getByRole('link', { name: seedTitles()[1]!, exact: true })).toBeVisible();
		await scan(page, 'home');
		await page.getByRole('link', { name: seedTitles()[1]!, exact: true }).click();
		await expect(page.getByRole('link', { name: 'Study', exact: true })).toBeVisible();
		await scan(page, 'deck');
		await page.getByLabel('Seminar date').fill(inDays(10));
		await expect(page.getByRole('heading', { name: 'Daily plan' })).toBeVisible();
		await scan(page, 'deck with a seminar date');
		await page.getByRole('button', { name: 'Export', exact: true }).click();
		await expect(page.getByRole('list', { name: 'Export formats' })).toBeVisible();
		await scan(page, 'deck: export menu open');
		await page.getByRole('button', { name: 'Delete deck' }).click();
		await expect(page.getByRole('button', { name: 'Delete for good' })).toBeVisible();
		await scan(page, 'deck: delete confirmation');
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.goto('/deck/no-such-deck');
		await expect(mainHeading(page)).toHaveText('Deck not found');
		await scan(page, 'deck not found');
	},
	'import, study every card type to the summary, stats': async (page) => {
		// Two cards per sentence: with siblings buried, half the types would wait until tomorrow.
		await studySiblingsTogether(page);
		await importDeck(page, true);
		await page.getByRole('link', { name: 'Study', exact: true }).click();
		await expect(question(page, DECK.cards[0]!.question)).toBeVisible();
		await scan(page, 'study: question');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Show source' }).click();
		await expect(page.getByRole('region', { name: 'Source' })).toBeVisible();
		await scan(page, 'study: answer and source shown');
		await grade(page);
		await expect(question(page, DECK.cards[1]!.question)).toBeVisible();
		await page.getByRole('button', { name: '1801', exact: true }).click();
		await expect(page.getByText(/^Not quite — /)).toBeVisible();
		await scan(page, 'study: mcq answered wrong');
		await grade(page);
		await expect(question(page, DECK.cards[2]!.question)).toBeVisible();
		await page.getByRole('button', { name: 'False', exact: true }).click();
		await expect(page.getByText(/^Right — /)).toBeVisible();
		await scan(page, 'study: true/false answered right');
		await grade(page);
		for (const card of DECK.cards.slice(3)) {
			await expect(question(page, card.question)).toBeVisible();
			await scan(page, `study: ${card.type} question`);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('button', { name: 'Easy', exact: true })).toBeVisible();
			await scan(page, `study: ${card.type} answer shown`);
			await grade(page);
		}
		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
		await scan(page, 'study: session summary');
		await page.getByRole('link', { name: 'Stats' }).click();
		await expect(page.getByRole('img', { name: /^Retention per week/ })).toBeVisible();
		await scan(page, 'stats');
	},
	'quiz: set-up, question, feedback, the end and retry': async (page) => {
		await importDeck(page);
		await page.getByRole('link', { name: 'Quiz', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
		await scan(page, 'quiz set-up');
		await page.getByRole('button', { name: 'Start quiz' }).click();
		const total = DECK.cards.length;
		for (let n = 1; n <= total; n++) {
			await expect(page.getByText(`Question ${n} of ${total}`, { exact: true })).toBeVisible();
			if (n === 1) await scan(page, 'quiz question');
			const radio = page.getByRole('radio').first();
			const typed = page.getByLabel('Your answer');
			if ((await radio.count()) > 0) await radio.check();
			else if ((await typed.count()) > 0) await typed.fill('a wrong answer');
			await page.getByRole('button', { name: 'Check', exact: true }).click();
			await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
			if (n === 1) await scan(page, 'quiz feedback');
			await page.getByRole('button', { name: 'Next', exact: true }).click();
		}
		await expect(page.getByRole('button', { name: 'Retry mistakes' })).toBeVisible();
		await scan(page, 'quiz end');
		await page.getByRole('button', { name: 'Retry mistakes' }).click();
		await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
		await scan(page, 'quiz: retrying mistakes');
	},
	'deck editor: add card form and the reset-history question': async (page) => {
		await importDeck(page);
		await page.getByRole('link', { name: 'Study', exact: true }).click();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await grade(page);
		await expect(question(page, DECK.cards[1]!.question)).toBeVisible();
		await page.getByRole('link', { name: DECK.title }).click();
		await page.getByRole('link', { name: 'Edit', exact: true }).click();
		await expect(page.getByRole('article')).toHaveCount(DECK.cards.length);
		await scan(page, 'editor');
		await page.getByRole('button', { name: 'Add card' }).click();
		await expect(page.getByRole('region', { name: 'New card' })).toBeVisible();
		await scan(page, 'editor: new card form');
		await page.getByRole('region', { name: 'New card' }).getByRole('button', { name: 'Cancel' }).click();
		const studied = page.getByRole('article').filter({ hasText: 'studied 1×' });
		await studied.getByRole('button', { name: 'Edit', exact: true }).click();
		await page.getByLabel('Answer', { exact: true }).fill('Augusta Ada King');
		await scan(page, 'editor: editing a card');
		await page.getByRole('button', { name: 'Save card' }).click();
		await expect(page.getByRole('heading', { name: 'Reset this card’s review history?' })).toBeVisible();
		await scan(page, 'editor: reset-history question');
	},
	'import conflict question and a share link': async (page) => {
		await importDeck(page);
		await page.goto('/import');
		const file = { name: 'types.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(DECK)) };
		await page.getByLabel('Import deck').setInputFiles(file);
		await page.getByRole('button', { name: 'Add to my decks' }).click();
		await expect(page.getByRole('button', { name: 'Keep both' })).toBeVisible();
		await scan(page, 'import: deck already on this device');
		await page.goto('/share#d=not-a-deck');
		await expect(page.getByRole('alert')).toBeVisible();
		await scan(page, 'share: damaged link');
	},
	'create: empty, with a preview, editing a card': async (page) => {
		await page.goto('/create');
		await expect(mainHeading(page)).toBeVisible();
		await scan(page, 'create');
		await page.getByRole('button', { name: 'Generate deck' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await scan(page, 'create: nothing to generate');
		await page.getByLabel('Document text').fill(
			'Track II Talks\n\nGeorge Schwab was the President of the NCAFP. The NCAFP was founded in 1974. ' +
				'Track II talks are unofficial meetings between former officials and scholars. Henry Kissinger was co-chairman of the NCAFP.'
		);
		await page.getByRole('button', { name: 'Generate deck' }).click();
		await expect(page.getByRole('button', { name: 'Save deck' })).toBeVisible();
		await scan(page, 'create: preview');
		await page.getByRole('article').first().getByRole('button', { name: 'Edit', exact: true }).click();
		await expect(page.getByRole('article').first().getByRole('button', { name: 'Save changes' })).toBeVisible();
		await scan(page, 'create: editing a previewed card');
	},
	'create: a failed generation': async (page) => {
		// The generator worker dies on its first job. (Service workers are blocked for this journey: one that
		// controls the page would serve the script from its cache, and the route would never see the request.)
		await page.route('**/_app/immutable/workers/*.js', (route) =>
			route.fulfill({ contentType: 'text/javascript', headers: { 'cache-control': 'no-store' }, body: "self.onmessage = () => { throw new Error('x'); };" })
		);
		await page.goto('/create');
		await page.getByLabel('Document text').fill('George Schwab was the President of the NCAFP.');
		await page.getByRole('button', { name: 'Generate deck' }).click();
		await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
		await scan(page, 'create: generation failed');
	},
	'settings and the restore confirmation': async (page) => {
		await page.goto('/settings');
		await expect(page.getByRole('button', { name: 'Export all data' })).toBeVisible();
		await scan(page, 'settings');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export all data' }).click();
		const path = await (await download).path();
		await page.getByLabel('Restore from backup').setInputFiles(path);
		await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
		await scan(page, 'settings: restore confirmation');
	},
	'card browser: list, filters, a bulk action, the delete confirmation, a card’s detail': async (page) => {
		await page.goto('/browse');
		const list = page.getByRole('list', { name: 'Cards' });
		await expect(list.getByRole('listitem').first()).toBeVisible();
		await scan(page, 'browse');
		await page.getByText('Filters and sort').click();
		await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible();
		await scan(page, 'browse: filters open');
		await list.getByRole('checkbox').first().check();
		await page.getByRole('button', { name: 'Flag', exact: true }).click();
		await expect(list.getByText('Flagged', { exact: true })).toBeVisible();
		await scan(page, 'browse: a flagged card and Undo');
		await page.getByRole('button', { name: 'Delete', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Delete 1 card' })).toBeVisible();
		await scan(page, 'browse: delete confirmation');
		await page.getByRole('button', { name: 'Cancel' }).click();
		await list.getByRole('listitem').first().getByRole('button').click();
		await expect(page.getByRole('dialog').getByRole('heading', { name: 'Memory state now' })).toBeVisible();
		await scan(page, 'browse: a card’s detail');
	}
};

const devices = {
	phone: {},
	// Key hints (Space, 1-4, Z) show only with a fine pointer that can hover, on a wide enough screen.
	'desktop pointer': { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false }
};

/** Journeys that replace a script with page.route, which a service worker controlling the page would bypass. */
const ROUTED = new Set(['create: a failed generation']);

for (const [device, options] of Object.entries(devices)) {
	test.describe(device, () => {
		test.use(options);
		for (const [journey, walk] of Object.entries(journeys)) {
			test.describe(journey, () => {
				if (ROUTED.has(journey)) test.use({ serviceWorkers: 'block' });
				for (const colorScheme of ['light', 'dark'] as const) {
					test(`no axe violations in the ${colorScheme} theme`, async ({ page }) => {
						test.slow();
						await page.emulateMedia({ colorScheme });
						await walk(page);
					});
				}
			});
		}
	});
}
