import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../../src/lib/domain/deck-file';
import { CARD_TYPES, type Card } from '../../../src/lib/domain/types';
import { checkCardRules, generateDeck } from '../../../src/lib/generator/core/index';
import { readFileSync } from 'node:fs';
import { contextNeed } from '../../../src/lib/generator/core/context';
import { seed } from './seeds';
import { rankCards } from '../../../src/lib/generator/core/rank';

const NOW = '2026-01-01T00:00:00.000Z';
const deckOf = (text: string, maxCards?: number) => generateDeck([{ id: 'doc-1', title: 'T', text }], { now: NOW, seed: 's', maxCards });

describe('generated decks', () => {
	for (const which of ['talks', 'exchanges'] as const) {
		it(`every card of the ${which} seed obeys the contract's card rules`, { timeout: 60_000 }, () => {
			const deck = deckOf(seed(which).text);
			expect(deck.cards.length).toBeGreaterThan(20);
			expect(deck.cards.flatMap((c) => checkCardRules(c, deck).map((v) => `${c.question}: ${v}`))).toEqual([]);
			expect(parseDeckFile(deck).ok).toBe(true);
		});
	}

	it('makes every card type from the second seed and puts the best first', { timeout: 60_000 }, () => {
		const deck = deckOf(seed('exchanges').text);
		expect(new Set(deck.cards.map((c) => c.type))).toEqual(new Set(CARD_TYPES));
		const scores = deck.cards.map((c) => c.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		// Second: "What does CSCAP address?" (twelfth pass: a sentence too short for a cloze keeps the object question
		// of its named subject), a key fact of the seed.
		expect(deck.cards.slice(0, 3).map((c) => c.type)).toEqual(['basic', 'basic', 'mcq']);
	});

	it('sizes the deck from its distinct facts (plus matching and ordering cards) unless told otherwise', { timeout: 60_000 }, () => {
		// 58: the topic names (US, North Korea, their adjectives) are never a whole answer, nor with only a party noun
		// ("the North Korean delegation"): was 68, then 61. 60 (twelfth pass): "the US policy known as “strategic
		// patience”, which …" and "what is known as a Track 2 meeting" are two more distinct facts (glosses.ts).
		expect(deckOf(seed('talks').text).cards.length).toBe(60);
		expect(deckOf(seed('talks').text, 7).cards.length).toBe(7);
	});

	it('is deterministic: two runs are byte-identical', { timeout: 60_000 }, () => {
		const { text } = seed('exchanges');
		expect(JSON.stringify(deckOf(text))).toBe(JSON.stringify(deckOf(text)));
	});

	it('keeps card ids when an unrelated paragraph is added', { timeout: 60_000 }, () => {
		const { text } = seed('talks');
		const before = deckOf(text, 10_000);
		const after = deckOf(`${text}\n\nThe weather in the harbour was mild for most of the afternoon, and the ferries ran on time.`, 10_000);
		const ids = new Set(after.cards.map((c) => c.id));
		const single = before.cards.filter((c) => c.type !== 'matching' && c.type !== 'ordering');
		expect(single.filter((c) => !ids.has(c.id)).map((c) => c.question)).toEqual([]);
	});

	it('asks the questions a student should see about the NCAFP', { timeout: 60_000 }, () => {
		const deck = deckOf(seed('talks').text);
		const ask = (q: string) => deck.cards.find((c) => c.question === q)?.answer;
		expect(ask('Who is the President of NCAFP?')).toBe('George Schwab');
		expect(ask('What does NCAFP stand for?')).toBe('National Committee on American Foreign Policy');
		expect(ask('Which term means an unwillingness to engage in dialogue for whatever reason?')).toBe('Strategic patience');
	});

	it('never crashes on random text and its cards still obey the rules', { timeout: 120_000 }, () => {
		const word = fc.constantFrom('the', 'Council', 'of', 'NATO', 'in', '1993', 'said', 'Dr.', 'J.', '“', '”', '(', ')', 'Smith', 'was', 'founded', '21', 'countries', ',', '.', '\n\n', 'He', 'President', 'Alice Brown', '¹');
		fc.assert(
			fc.property(fc.array(word, { maxLength: 200 }), fc.string({ maxLength: 200 }), (words, noise) => {
				const deck = deckOf(`${words.join(' ')} ${noise}`);
				for (const card of deck.cards) expect(checkCardRules(card, deck)).toEqual([]);
			}),
			{ numRuns: 150, seed: 42 }
		);
	});

	const squad = JSON.parse(readFileSync('tests/fixtures/squad/squad-v2-dev-sample.json', 'utf8')) as { data: { title: string; paragraphs: { context: string }[] }[] };
	const texts = [seed('talks').text, seed('exchanges').text, ...squad.data.map((a) => a.paragraphs.map((p) => p.context).join('\n\n'))];

	it('every card of the seeds and the public articles obeys the card rules and reads without its page', { timeout: 120_000 }, () => {
		for (const text of texts) {
			const deck = deckOf(text);
			expect(deck.cards.flatMap((c) => checkCardRules(c, deck))).toEqual([]);
			expect(deck.cards.filter((c) => c.type !== 'matching' && c.type !== 'ordering' && contextNeed(c.question) !== null).map((c) => c.question)).toEqual([]);
			expect(deck.cards.filter((c) => c.type === 'truefalse').length).toBeLessThanOrEqual(Math.floor(deck.cards.length / 5));
		}
	});
});

describe('the top of the deck asks a common-noun answer no more than twice, counting the answers inside it (twelfth pass: ranking)', () => {
	const make = (id: string, answer: string, start: number): { card: Card; fact: string } => ({
		card: { id, type: 'cloze', question: `q ${id}`, answer, tags: [], score: 0.9 - start / 1000, source: { doc: 'd', sentence: 's', start, end: start + 1 } },
		fact: id.toUpperCase()
	});

	it('puts a third "immune response" after the rest when "innate immune response" is already asked', () => {
		// Scores 0.899, 0.898, 0.897 × 0.85 (a second card on its answer), 0.896, 0.6.
		const cards = [make('a', 'immune response', 1), make('b', 'innate immune response', 2), make('c', 'immune response', 3), make('d', 'antibodies', 4), make('e', 'phagocytes', 300)];
		expect(rankCards(cards, 10).map((c) => c.id)).toEqual(['a', 'b', 'd', 'e', 'c']);
	});

	it('keeps names and numbers apart: "Court of Justice" is not "Court", "October 1973" is not "1973"', () => {
		const names = [make('a', 'Court', 1), make('b', 'Court of Justice', 2), make('c', 'Court', 3), make('d', 'Council', 4), make('e', 'Treaty', 300)];
		expect(rankCards(names, 10).map((c) => c.id)).toEqual(['a', 'b', 'd', 'c', 'e']);
		const years = [make('a', '1973', 1), make('b', 'October 1973', 2), make('c', '1973', 3), make('d', '1974', 4), make('e', '1975', 300)];
		expect(rankCards(years, 10).map((c) => c.id)).toEqual(['a', 'b', 'd', 'c', 'e']);
	});
});
