import { describe, expect, it } from 'vitest';
import { anchorCards, type AnchorDoc } from '$lib/domain/anchor';

const make = (doc: AnchorDoc) => ({ ...doc });
const card = (id: string, doc: string, sentence: string, start: number) => ({ id, source: { doc, sentence, start, end: start + sentence.length } });

describe('anchorCards', () => {
	it('leaves a card that holds as it is (the same object)', () => {
		const c = card('c-1', 'a', 'One.', 0);
		const result = anchorCards([c], [{ id: 'a', title: 'A', text: 'One. Two.' }], [], make);
		expect(result.cards[0]).toBe(c);
		expect(result.changed).toEqual([]);
	});

	it('re-anchors in its own document at the occurrence nearest its old offset, before any other document', () => {
		const text = 'Yes. Intro. Yes. Middle part here. Yes.';
		const result = anchorCards([card('c-1', 'a', 'Yes.', 13)], [{ id: 'b', title: 'B', text: 'Yes.' }, { id: 'a', title: 'A', text }], [], make);
		expect(result.cards[0]!.source).toEqual({ doc: 'a', sentence: 'Yes.', start: 12, end: 16 });
	});

	it('keeps the previous document under a free id, once for all the cards that cite it', () => {
		const old = { id: 'a', title: 'Old', text: 'One. Two.' };
		const result = anchorCards([card('c-1', 'a', 'One.', 0), card('c-2', 'a', 'Two.', 5)], [{ id: 'a', title: 'New', text: 'Three.' }, { id: 'a-previous', title: 'X', text: 'Four.' }], [old], make);
		expect(result.sources.map((s) => s.id)).toEqual(['a', 'a-previous', 'a-previous-2']);
		expect(result.cards.map((c) => c.source)).toEqual([
			{ doc: 'a-previous-2', sentence: 'One.', start: 0, end: 4 },
			{ doc: 'a-previous-2', sentence: 'Two.', start: 5, end: 9 }
		]);
	});

	it('otherwise gathers the cards’ own sentences in one recovered document, each sentence once', () => {
		const result = anchorCards([card('c-1', 'gone', 'One.', 3), card('c-2', 'gone', 'Two.', 9), card('c-3', 'other', 'One.', 0)], [], [], make);
		expect(result.sources).toEqual([{ id: 'recovered', title: 'Sentences kept from earlier versions of this deck', text: 'One.\nTwo.' }]);
		expect(result.cards.map((c) => [c.source.start, c.source.end])).toEqual([[0, 4], [5, 9], [0, 4]]);
		expect(result.changed).toEqual(['c-1', 'c-2', 'c-3']);
	});
});
