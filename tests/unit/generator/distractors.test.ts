import { describe, expect, it } from 'vitest';
import { pickDistractors } from '../../../src/lib/generator/core/distractors';

describe('distractors of a number keep its decimals (twelfth pass)', () => {
	it('offers fractions in the answer’s own decimals for a fraction, never a whole number or a whole step', () => {
		const pool = new Map([['number' as const, ['8,646', '1,200', '0.5', '12']]]);
		expect(pickDistractors('0.37', 'number', pool, [], 4, 's')).toEqual(['0.74', '0.48', '0.22', '0.59']);
	});

	it('offers whole numbers for a whole number, never a fraction', () => {
		const pool = new Map([['number' as const, ['0.37', '1,200', '12']]]);
		expect(pickDistractors('8,646', 'number', pool, [], 6, 's')).toEqual(['5,188', '1,200', '17,292', '11,240', '13,834', '12']);
	});
});

describe('distractors of an ordinal in words (fifteenth pass)', () => {
	it('offers ordinals in words for an ordinal in words, never counts', () => {
		const pool = new Map([['number' as const, ['eight', 'twelve', 'sixteen', 'third', 'twenty-fifth', 'fortieth', 'nine']]]);
		expect(pickDistractors('twenty-fifth', 'number', pool, [], 4, 's')).toEqual(['fortieth', 'third']);
	});

	it('offers counts for a count, never ordinals in words', () => {
		const pool = new Map([['number' as const, ['eight', 'third', 'fortieth', 'twenty-fifth']]]);
		expect(pickDistractors('twelve', 'number', pool, [], 3, 's')).toEqual(['eleven', 'eight']);
	});
});
