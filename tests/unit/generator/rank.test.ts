import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/domain/types';
import { rankCards } from '../../../src/lib/generator/core/rank';

/**
 * Sixteenth pass (branch cover): the top of the deck covers the whole reading. A paragraph's best question is
 * never discounted; its k-th is, relative to the paragraph's share of the words.
 */
const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
/** A document of paragraphs (each one sentence per card, padded to the given number of words). */
function reading(paras: { cards: string[]; words: number }[]) {
	const text = paras.map((p) => p.cards.map((id) => `Sentence ${id} ${words(Math.max(1, Math.floor(p.words / p.cards.length) - 2), id)}.`).join(' ')).join('\n\n');
	const start = (id: string) => text.indexOf(`Sentence ${id} `);
	return { sources: [{ id: 'd', text }], start };
}
const card = (id: string, score: number, start: number, type: Card['type'] = 'cloze'): { card: Card; fact: string } => ({
	card: { id, type, question: `Question ${id}?`, answer: `answer ${id}`, tags: [], score, source: { doc: 'd', sentence: `Sentence ${id}`, start, end: start + 10 } },
	fact: `fact ${id}`
});

describe('the top of the deck covers every paragraph, by its share of the reading (sixteenth pass: cover)', () => {
	it("puts a second paragraph's best question before the first paragraph's second", () => {
		const r = reading([
			{ cards: ['a1', 'a2', 'a3', 'a4'], words: 60 },
			{ cards: ['b1'], words: 60 }
		]);
		const cards = [card('a1', 0.9, r.start('a1')), card('a2', 0.89, r.start('a2')), card('a3', 0.88, r.start('a3')), card('a4', 0.87, r.start('a4')), card('b1', 0.8, r.start('b1'))];
		// Five questions, two halves: 2.5 each expected. a2 0.89 × e^(−0.3/2.5) = 0.789 < b1 0.8.
		expect(rankCards(cards, 10, r.sources).map((c) => c.id)).toEqual(['a1', 'b1', 'a2', 'a3', 'a4']);
		// Without the texts the ranking knows no paragraphs: the order is by score alone.
		expect(rankCards(cards, 10).map((c) => c.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
	});

	it('gives a long paragraph more of the top than a short one with the same cards', () => {
		const ids = (aWords: number, bWords: number) => {
			const r = reading([
				{ cards: ['a1', 'a2', 'a3'], words: aWords },
				{ cards: ['b1', 'b2'], words: bWords }
			]);
			const cards = [card('a1', 0.9, r.start('a1')), card('a2', 0.88, r.start('a2')), card('a3', 0.86, r.start('a3')), card('b1', 0.85, r.start('b1')), card('b2', 0.84, r.start('b2'))];
			return rankCards(cards, 10, r.sources).map((c) => c.id);
		};
		// Equal halves: b2 (0.84 × e^(−0.3/2.5) = 0.745) comes before a3 (0.86 × e^(−0.6/2.5) = 0.677).
		expect(ids(60, 60)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
		// A paragraph three times as long keeps its third question before the short one's second.
		expect(ids(90, 30)).toEqual(['a1', 'b1', 'a2', 'a3', 'b2']);
	});

	it('only reorders: the same cards, scores still falling, ties on the id, true/false neither counted nor discounted', () => {
		const r = reading([
			{ cards: ['a1', 'a2', 't1'], words: 60 },
			{ cards: ['b1', 'b2'], words: 60 }
		]);
		const cards = [
			card('a1', 0.9, r.start('a1')),
			card('a2', 0.9, r.start('a2')),
			card('t1', 0.85, r.start('t1'), 'truefalse'),
			card('b1', 0.9, r.start('b1')),
			card('b2', 0.9, r.start('b2'))
		];
		const ranked = rankCards(cards, 10, r.sources);
		// Four questions, 2 expected per paragraph: each second question is 0.9 × e^(−0.15) = 0.775, under the true/false.
		expect(ranked.map((c) => c.id)).toEqual(['a1', 'b1', 't1', 'a2', 'b2']);
		expect(ranked.map((c) => c.score)).toEqual([0.9, 0.9, 0.85, 0.775, 0.775]);
		expect(rankCards([...cards].reverse(), 10, r.sources).map((c) => c.id)).toEqual(ranked.map((c) => c.id));
	});
});
