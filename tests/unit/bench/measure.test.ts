import { describe, expect, it } from 'vitest';
import { candidates } from '../../bench/baseline';
import { answerGroups, keyFactsCovered, scoreTop } from '../../bench/measure';
import type { Card } from '../../../src/lib/domain/types';
import { f1 } from '../../bench/squad';

describe('bench figures', () => {
	it('matches answers by SQuAD token F1 after normalisation', () => {
		expect(f1('the Normans', 'Normans')).toBe(1);
		expect(f1('Donald Davies', 'Davies')).toBeCloseTo(2 / 3, 10);
		expect(f1('a', 'the')).toBe(0);
	});

	it('groups gold questions that share a normalised answer variant into one answer', () => {
		expect(answerGroups([['Normans', 'the Normans'], ['Rollo'], ['The Normans'], ['Normandy']])).toEqual([0, 1, 0, 3]);
	});

	it('lets one gold answer credit at most two cards in precision@H', () => {
		const gold = [['Normans'], ['Normans'], ['Normans'], ['Rollo'], ['911']];
		const s = scoreTop(['Normans', 'Normans', 'Normans', 'Normans', 'Rollo'], gold);
		expect(s).toEqual({ H: 5, shown: 5, recalled: 4, credited: 3, maxRepeat: 4 });
	});

	it('counts a key fact covered when a top card asks one of its answers in its own sentence', () => {
		const card = (type: Card['type'], answer: string, sentence: string): Card => ({ id: answer, type, question: 'q', answer, tags: [], score: 1, source: { doc: 'd', sentence, start: 0, end: 1 } });
		const facts = [
			{ fact: 'Rollo took Normandy in 911', answers: ['911'], anchor: 'in 911' },
			{ fact: 'The Normans spoke Norman', answers: ['Norman'], anchor: 'spoke Norman' },
			{ fact: 'Hastings was fought in 1066', answers: ['1066'], anchor: 'Hastings was fought' }
		];
		const cards = [card('cloze', '911', 'Rollo took Normandy in  911.'), card('truefalse', 'True', 'The Normans spoke Norman.'), card('mcq', '1066', 'William was crowned in 1066.'), card('basic', '1066', 'Hastings was fought in 1066.')];
		// The first fact's card is a span card in its sentence; the second is only a true/false; the third is asked in another sentence first, then in its own.
		expect([keyFactsCovered(cards, facts), keyFactsCovered(cards, facts, 3)]).toEqual([2, 1]);
	});

	it('reads only the top H answers', () => {
		expect(scoreTop(['Paris', 'Rollo', '911'], [['Rollo'], ['911']])).toEqual({ H: 2, shown: 2, recalled: 1, credited: 1, maxRepeat: 1 });
	});
});

describe('naive baseline', () => {
	it('blanks every capitalised run or number, not a lone capitalised word opening the sentence', () => {
		expect(candidates('The Duchy of Normandy was founded in 911 by Rollo.').map((c) => c.answer)).toEqual(['Duchy', 'Normandy', '911', 'Rollo']);
		expect(candidates('Paul Baran developed it at RAND in 1960s.').map((c) => [c.answer, c.at])).toEqual([['Paul Baran', 0], ['RAND', 27], ['1960', 35]]);
	});
});
