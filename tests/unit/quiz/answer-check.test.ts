import { describe, expect, it } from 'vitest';
import {
	checkChoice,
	checkMatching,
	checkOrdering,
	checkTypedAnswer,
	osaDistance,
	surnameOf,
	typoAllowance,
	type AnswerContext
} from '../../../src/lib/quiz/answer-check';

const basic: AnswerContext = { type: 'basic' };
const cloze: AnswerContext = { type: 'cloze' };
const uniqueSchwab: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: new Set(['schwab']) };
const sharedSchwab: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: new Set(['clinton']) };
const byFunction: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: (s) => s === 'kim' };

/** [given, expected, context, correct, reason] */
const table: [string, string, AnswerContext, boolean, string][] = [
	// Identical, or identical once case, accents, punctuation, articles and spacing are ignored.
	['George Schwab', 'George Schwab', basic, true, 'Exact match'],
	['george schwab', 'George Schwab', basic, true, 'Exact match'],
	['  George   Schwab  ', 'George Schwab', basic, true, 'Exact match'],
	['George Schwab.', 'George Schwab', basic, true, 'Exact match'],
	['Kim Jong-un', 'Kim Jong Un', basic, true, 'Exact match'],
	['Pyongyang', 'Pyŏngyang', cloze, true, 'Exact match'],
	['Ecole normale superieure', 'École Normale Supérieure', basic, true, 'Exact match'],
	['Hague', 'The Hague', basic, true, 'Exact match'],
	['the Northeast Asia Cooperation Dialogue', 'Northeast Asia Cooperation Dialogue', basic, true, 'Exact match'],
	['an embargo', 'embargo', basic, true, 'Exact match'],
	['O’Brien', "O'Brien", basic, true, 'Exact match'],
	['1,000', '1000', basic, true, 'Exact match'],
	// Numbers as values.
	['twenty-one', '21', basic, true, 'Accepted: same number'],
	['twenty one', '21', cloze, true, 'Accepted: same number'],
	['21', 'twenty-one', basic, true, 'Accepted: same number'],
	['one thousand', '1,000', basic, true, 'Accepted: same number'],
	['two thousand and five', '2005', basic, true, 'Accepted: same number'],
	['one hundred twenty-five', '125', basic, true, 'Accepted: same number'],
	['21st', 'twenty-first', basic, true, 'Accepted: same number'],
	['three members', '3 members', basic, true, 'Accepted: same number'],
	['22', '21', basic, false, 'Not accepted: expected “21”'],
	['twenty-two', '21', basic, false, 'Not accepted: expected “21”'],
	['1996', '1995', basic, false, 'Not accepted: expected “1995”'],
	['4 members', '3 members', basic, false, 'Not accepted: expected “3 members”'],
	['10000', '1,000', basic, false, 'Not accepted: expected “1,000”'],
	// Dates as values.
	['6/2005', 'June 2005', basic, true, 'Accepted: same date'],
	['2005-06', 'June 2005', basic, true, 'Accepted: same date'],
	['Jun 2005', 'June 2005', basic, true, 'Accepted: same date'],
	['28 July 2005', 'July 28, 2005', basic, true, 'Accepted: same date'],
	['2005-07-28', 'July 28, 2005', basic, true, 'Accepted: same date'],
	['28th July 2005', 'July 28, 2005', basic, true, 'Accepted: same date'],
	['7/28/2005', '28 July 2005', basic, true, 'Accepted: same date'],
	['July 2005', 'June 2005', basic, false, 'Not accepted: expected “June 2005”'],
	['2005-07-29', 'July 28, 2005', basic, false, 'Not accepted: expected “July 28, 2005”'],
	['June 2006', 'June 2005', basic, false, 'Not accepted: expected “June 2005”'],
	['Juen 2005', 'June 2005', basic, true, 'Accepted: small typo (1 letter)'],
	// Typos scaled to length: none up to 3 characters, 1 up to 7, 2 up to 14, then 15%.
	['Schwb', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Shcwab', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Schwabb', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Schwob', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Schoob', 'Schwab', basic, false, 'Not accepted: expected “Schwab”'],
	['Georg Shwab', 'George Schwab', basic, true, 'Accepted: small typo (2 letters)'],
	['Gorg Shwab', 'George Schwab', basic, false, 'Not accepted: expected “George Schwab”'],
	['NCAF', 'NCAFP', basic, true, 'Accepted: small typo (1 letter)'],
	['UM', 'UN', basic, false, 'Not accepted: expected “UN”'],
	['IAEE', 'IAEA', basic, true, 'Accepted: small typo (1 letter)'],
	['Northeast Asia Coperation Dialog', 'Northeast Asia Cooperation Dialogue', basic, true, 'Accepted: small typo (3 letters)'],
	['Northeast Asia Dialogue', 'Northeast Asia Cooperation Dialogue', basic, false, 'Not accepted: expected “Northeast Asia Cooperation Dialogue”'],
	['Iraq', 'Iran', { type: 'basic', confusables: ['Iraq', 'Iran', 'Syria'] }, false, 'Not accepted: expected “Iran”'],
	['Irn', 'Iran', { type: 'basic', confusables: ['Iraq', 'Iran'] }, true, 'Accepted: small typo (1 letter)'],
	// People: the surname alone when it is unique in the deck.
	['Schwab', 'George Schwab', uniqueSchwab, true, 'Accepted: surname is enough here'],
	['schwab', 'George Schwab', uniqueSchwab, true, 'Accepted: surname is enough here'],
	['Schwabb', 'George Schwab', uniqueSchwab, true, 'Accepted: surname is enough here (small typo, 1 letter)'],
	['Schwab', 'George Schwab', sharedSchwab, false, 'Not accepted: more than one person in this deck has that surname; expected “George Schwab”'],
	['Schwab', 'George Schwab', basic, false, 'Not accepted: expected “George Schwab”'],
	// Known limit: the surname is taken to be the last word, so a family-name-first name needs the full name.
	['Kim', 'Kim Jong Un', { type: 'basic', kind: 'person', surnamesUniqueInDeck: (s) => s === 'un' }, false, 'Not accepted: expected “Kim Jong Un”'],
	['Schwab', 'Schwab', byFunction, true, 'Exact match'],
	['Schwab, George', 'George Schwab', uniqueSchwab, true, 'Accepted: same name'],
	['George', 'George Schwab', uniqueSchwab, false, 'Not accepted: expected “George Schwab”'],
	['Martin Luther King', 'Martin Luther King Jr.', uniqueSchwab, true, 'Accepted: same name'],
	['Martin Luther King', 'Martin Luther King Jr.', basic, false, 'Not accepted: expected “Martin Luther King Jr.”'],
	// Blank, true/false typed.
	['', 'George Schwab', basic, false, 'Not accepted: expected “George Schwab”'],
	['   ', '21', basic, false, 'Not accepted: expected “21”'],
	['true', 'True', { type: 'truefalse' }, true, 'Exact match'],
	['yes', 'True', { type: 'truefalse' }, true, 'Exact match'],
	['f', 'False', { type: 'truefalse' }, true, 'Exact match'],
	['false', 'True', { type: 'truefalse' }, false, 'Not accepted: expected “True”']
];

describe('checkTypedAnswer', () => {
	it.each(table)('%j for %j', (given, expected, context, correct, reason) => {
		expect(checkTypedAnswer(given, expected, context)).toEqual({ correct, reason });
	});

	it('has a table of at least 40 cases, both accepted and refused', () => {
		expect(table.length).toBeGreaterThanOrEqual(40);
		expect(table.filter((row) => row[3]).length).toBeGreaterThanOrEqual(15);
		expect(table.filter((row) => !row[3]).length).toBeGreaterThanOrEqual(15);
	});
});

describe('typo maths', () => {
	it('counts an adjacent transposition as one edit (optimal string alignment)', () => {
		expect(osaDistance('schwab', 'shcwab')).toBe(1);
		expect(osaDistance('ca', 'abc')).toBe(3);
		expect(osaDistance('', 'abc')).toBe(3);
		expect(osaDistance('kitten', 'sitting')).toBe(3);
	});

	it('scales the allowance with the length of the answer', () => {
		expect([1, 3, 4, 7, 8, 14, 15, 20, 33].map(typoAllowance)).toEqual([0, 0, 1, 1, 2, 2, 2, 3, 4]);
	});

	it('files a person under the last word of the name, suffixes aside', () => {
		expect(surnameOf('George Schwab')).toBe('schwab');
		expect(surnameOf('Martin Luther King Jr.')).toBe('king');
		expect(surnameOf('Gaston Julia')).toBe('julia');
	});
});

describe('checkChoice', () => {
	it('accepts exactly the answer', () => {
		expect(checkChoice('Seoul', 'Seoul')).toEqual({ correct: true, reason: 'Correct' });
		expect(checkChoice('Tokyo', 'Seoul')).toEqual({ correct: false, reason: 'Not accepted: expected “Seoul”' });
		expect(checkChoice('False', 'True')).toEqual({ correct: false, reason: 'Not accepted: expected “True”' });
	});
});

describe('checkMatching', () => {
	const pairs: [string, string][] = [
		['NEACD', 'Northeast Asia Cooperation Dialogue'],
		['NCAFP', 'National Committee on American Foreign Policy'],
		['IAEA', 'International Atomic Energy Agency']
	];

	it('is right when every pair is', () => {
		const given = Object.fromEntries(pairs);
		expect(checkMatching(given, pairs)).toMatchObject({
			correct: true,
			reason: 'All 3 pairs matched',
			correctCount: 3,
			total: 3
		});
	});

	it('judges pair by pair, a missing pair counting as wrong', () => {
		const verdict = checkMatching(
			{ NEACD: 'Northeast Asia Cooperation Dialogue', NCAFP: 'International Atomic Energy Agency' },
			pairs
		);
		expect(verdict.correct).toBe(false);
		expect(verdict.reason).toBe('Not accepted: 1 of 3 pairs matched');
		expect(verdict.pairs.map((p) => [p.left, p.given, p.correct])).toEqual([
			['NEACD', 'Northeast Asia Cooperation Dialogue', true],
			['NCAFP', 'International Atomic Energy Agency', false],
			['IAEA', undefined, false]
		]);
	});
});

describe('checkOrdering', () => {
	const items = ['1994 Agreed Framework', '2003 Six-Party Talks', '2005 Joint Statement', '2018 Singapore summit'];

	it('is right only in exactly the expected order', () => {
		expect(checkOrdering(items, items)).toEqual({ correct: true, reason: 'All 4 in order', inPlace: 4, total: 4 });
	});

	it('reports how many items are in their place', () => {
		const swapped = [items[0], items[2], items[1], items[3]] as string[];
		expect(checkOrdering(swapped, items)).toEqual({
			correct: false,
			reason: 'Not accepted: 2 of 4 in the right place',
			inPlace: 2,
			total: 4
		});
		expect(checkOrdering(items.slice(0, 3), items)).toMatchObject({ correct: false, inPlace: 3 });
	});
});
