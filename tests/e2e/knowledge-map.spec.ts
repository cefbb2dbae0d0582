// The knowledge map (issue 10, §5) on a phone (360×640): study one card of a built-in deck, open `Knowledge map`,
// and see that card's sentence strong, the others unseen, the summary's exact numbers, and the sentence's cards
// with `Study these`. The expected numbers are counted here from the deck file and the app's own sentence
// splitter (src/lib/generator/core/segment.ts), so a regenerated built-in deck keeps the test true.
import type { Page } from '@playwright/test';
import { segment, type Sentence } from '../../src/lib/generator/core/segment';
import { expectNoAxeViolations } from './axe';
import { builtInDeck, seedTitles } from './builtins';
import { expect, mainHeading, test, waitForServiceWorkerControl } from './fixtures';

test.use({ viewport: { width: 360, height: 640 } });

interface MapCard {
	id: string;
	question: string;
	answer: string;
	source: { doc: string; start: number; end: number };
}

const title = seedTitles()[1]!;
// builtins.ts types only what other specs read; the deck file has ids, sources and offsets too (contract §1).
const deck = builtInDeck(title).deck as unknown as { id: string; sources: { id: string; text: string }[]; cards: MapCard[] };
const sentences: Sentence[] = deck.sources.flatMap((source) => segment(source.id, source.text));
const covers = (s: Sentence, card: MapCard) => s.doc === card.source.doc && card.source.start < s.end && s.start < card.source.end;
const cardsOf = (s: Sentence) => deck.cards.filter((card) => covers(s, card));
const paragraph = (s: Sentence) => `${s.doc}:${s.para}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const studied = deck.cards[0]!;
const withCards = sentences.filter((s) => cardsOf(s).length > 0);
const studiedSentences = withCards.filter((s) => covers(s, studied));
const target = studiedSentences[0]!;
const unseen = withCards.find((s) => !covers(s, studied))!;

/** The map's summary when the sentences `strong` are strong and the other sentences with cards unseen. */
function expectedSummary(strong: Sentence[]): string {
	const paragraphs = new Set(sentences.map(paragraph)).size;
	const mapped = new Set(withCards.map(paragraph)).size;
	const studiedParagraphs = new Set(strong.map(paragraph)).size;
	const others = paragraphs - mapped;
	const othersText = others === 0 ? '.' : ` (${others} ${others === 1 ? 'other has' : 'others have'} no cards).`;
	return (
		`${mapped - studiedParagraphs} of ${plural(mapped, 'paragraph')} not yet studied${othersText} ` +
		`Sentences: ${strong.length} strong, 0 weak, ${withCards.length - strong.length} unseen, ${sentences.length - withCards.length} without cards.`
	);
}

const sentenceButton = (page: Page, s: Sentence, status: string) =>
	page.getByRole('button', { name: `${s.text} (${status}, ${plural(cardsOf(s).length, 'card')})`, exact: true });

async function studyFirstCardGood(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: studied.question, exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Good', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: studied.question, exact: true })).toBeHidden();
	await page.getByRole('link', { name: title, exact: true }).click();
}

test('after one Good, the card’s sentence is strong, the others unseen, with the exact summary and its cards', async ({ page }) => {
	await studyFirstCardGood(page);
	await page.getByRole('link', { name: 'Knowledge map' }).click();
	await expect(mainHeading(page)).toHaveText('Knowledge map');

	await expect(page.getByText(expectedSummary(studiedSentences), { exact: true })).toBeVisible();
	const strong = sentenceButton(page, target, 'strong, recall 100%');
	await expect(strong).toHaveClass(/\bstrong\b/);
	await expect(sentenceButton(page, unseen, 'unseen, not studied yet')).toHaveClass(/\bunseen\b/);
	await expect(page.getByRole('button', { name: /\(weak, / })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /\(strong, / })).toHaveCount(studiedSentences.length);

	// A tap lists the sentence's cards, the studied one with its state and recall, and offers to study just them.
	await strong.tap();
	await expect(strong).toHaveAttribute('aria-expanded', 'true');
	const list = page.getByRole('region', { name: `${plural(cardsOf(target).length, 'card')} from this sentence` });
	await expect(list).toBeFocused();
	const item = list.getByRole('listitem').filter({ hasText: studied.question });
	await expect(item.getByText(studied.answer, { exact: true })).toBeVisible();
	await expect(item.getByText('Learning · recall 100%', { exact: true })).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(cardsOf(target).length);
	const ids = cardsOf(target).map((card) => encodeURIComponent(card.id)).join(',');
	await expect(list.getByRole('link', { name: 'Study these' })).toHaveAttribute('href', `/deck/${encodeURIComponent(deck.id)}/study?cards=${ids}`);

	// Close gives the focus back to the sentence; Enter opens the list again, Escape closes it.
	await list.getByRole('button', { name: 'Close' }).click();
	await expect(list).toBeHidden();
	await expect(strong).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(list).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(list).toBeHidden();
	await expect(strong).toBeFocused();
});

test('fits a 360-pixel screen and has no axe violations, in the light and the dark theme', async ({ page }) => {
	test.slow();
	await studyFirstCardGood(page);
	await page.getByRole('link', { name: 'Knowledge map' }).click();
	const strong = sentenceButton(page, target, 'strong, recall 100%');
	await expect(strong).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoAxeViolations(page, `knowledge map (${colorScheme})`);
		await strong.tap();
		await expect(page.getByRole('link', { name: 'Study these' })).toBeVisible();
		await expectNoAxeViolations(page, `knowledge map: a sentence's cards (${colorScheme})`);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('link', { name: 'Study these' })).toBeHidden();
	}
});

test('a long reading is put on the page in steps until every sentence is there', async ({ page }) => {
	// The deck's reading four times over (more paragraphs than the page's first step), its cards moved along.
	const times = 4;
	const text = deck.sources[0]!.text;
	const step = text.length + 2;
	const long = {
		...deck,
		id: 'long-reading',
		title: 'Long reading',
		sources: [{ ...deck.sources[0]!, text: Array.from({ length: times }, () => text).join('\n\n') }],
		cards: Array.from({ length: times }, (_, r) =>
			deck.cards.map((card) => ({ ...card, id: `${card.id}-${r}`, source: { ...card.source, start: card.source.start + r * step, end: card.source.end + r * step } }))
		).flat()
	};
	expect(new Set(sentences.map(paragraph)).size * times).toBeGreaterThan(40);
	await page.goto('/import');
	await page.getByLabel('Import deck').setInputFiles({ name: 'long.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(long)) });
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await page.getByRole('link', { name: 'Knowledge map' }).click();
	await expect(page.getByRole('button', { name: /\(unseen, not studied yet, \d+ cards?\)$/ })).toHaveCount(withCards.length * times);
	const last = withCards.at(-1)!;
	await expect(sentenceButton(page, last, 'unseen, not studied yet')).toHaveCount(times);
});

test('opens offline, from a deep link never visited before', async ({ page, context }) => {
	await page.goto('/');
	await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	const response = await page.goto(`/deck/${encodeURIComponent(deck.id)}/map`);
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByText(expectedSummary([]), { exact: true })).toBeVisible();
	await expect(sentenceButton(page, unseen, 'unseen, not studied yet')).toBeVisible();
});

test('a deck without source text says so', async ({ page }) => {
	const empty = { format: 'factdeck', version: 1, id: 'no-sources', title: 'No sources', createdAt: '2026-03-01T00:00:00Z', sources: [], cards: [] };
	await page.goto('/import');
	await page.getByLabel('Import deck').setInputFiles({ name: 'empty.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(empty)) });
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await expect(mainHeading(page)).toHaveText('No sources');
	await page.getByRole('link', { name: 'Knowledge map' }).click();
	await expect(page.getByRole('region', { name: 'No source text' })).toContainText('This deck has no source document, so there is no reading to map.');
	await expectNoAxeViolations(page, 'knowledge map without sources');
});
