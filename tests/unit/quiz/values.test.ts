import { describe, expect, it } from 'vitest';
import { canonicalNumbers, parseDate, parseNumber, tokenize } from '../../../src/lib/quiz/values';

describe('parseNumber', () => {
	it.each([
		['21', 21],
		['twenty-one', 21],
		['Twenty One', 21],
		['1,000', 1000],
		['1,000,000', 1000000],
		['a thousand', null],
		['one hundred and five', 105],
		['twelve hundred', 1200],
		['two million three hundred thousand', 2300000],
		['3.5', 3.5],
		['twenty-first', 21],
		['42nd', 42],
		['one twenty', null],
		['twenty thirty', null],
		['seven members', null],
		['', null]
	] as [string, number | null][])('%j → %j', (text, value) => {
		expect(parseNumber(text)).toBe(value);
	});
});

describe('canonicalNumbers', () => {
	it('turns each run of number words into digits and lists the numbers in order', () => {
		expect(canonicalNumbers(tokenize('Twenty-one members and three observers'))).toEqual({
			tokens: ['21', 'members', 'and', '3', 'observers'],
			numbers: [21, 3]
		});
	});
});

describe('parseDate', () => {
	it.each([
		['2005-07-28', [{ year: 2005, month: 7, day: 28 }]],
		['July 28, 2005', [{ year: 2005, month: 7, day: 28 }]],
		['28th of July 2005', [{ year: 2005, month: 7, day: 28 }]],
		['28 Jul 2005', [{ year: 2005, month: 7, day: 28 }]],
		['June 2005', [{ year: 2005, month: 6 }]],
		['6/2005', [{ year: 2005, month: 6 }]],
		['2005-06', [{ year: 2005, month: 6 }]],
		['3/4/2005', [{ year: 2005, month: 3, day: 4 }, { year: 2005, month: 4, day: 3 }]],
		['4/4/2005', [{ year: 2005, month: 4, day: 4 }]],
		['13/2005', []],
		['February 30, 2005', []],
		['2005', []],
		['May', []]
	] as [string, unknown][])('%j', (text, dates) => {
		expect(parseDate(text)).toEqual(dates);
	});
});
