import { describe, expect, it } from 'vitest';
import { groupedFolds, tallyBySet } from '../../bench/folds';

describe('cross-validation over several sets (fit.ts)', () => {
	it('spreads every set over the folds, each set starting where the one before stopped', () => {
		const sets = ['sample', 'sample', 'dev', 'dev', 'dev', 'ho', 'dev', 'ho', 'ho'];
		expect(groupedFolds(sets, 3)).toEqual([0, 1, 2, 0, 1, 0, 2, 1, 2]);
	});

	it('gives every article its own fold when there are as many folds as articles', () => {
		expect(groupedFolds(['a', 'b', 'a', 'b'], 4)).toEqual([0, 2, 1, 3]);
	});

	it('sums each article’s counts into its set and into "all", sets in the order they come', () => {
		const rows = [
			{ set: 'dev', H: 10, recalled: 6, credited: 5, shown: 10 },
			{ set: 'ho', H: 4, recalled: 1, credited: 2, shown: 3 },
			{ set: 'dev', H: 5, recalled: 3, credited: 3, shown: 5 }
		];
		expect([...tallyBySet(rows)]).toEqual([
			['dev', { articles: 2, H: 15, recalled: 9, credited: 8, shown: 15 }],
			['ho', { articles: 1, H: 4, recalled: 1, credited: 2, shown: 3 }],
			['all', { articles: 3, H: 19, recalled: 10, credited: 10, shown: 18 }]
		]);
	});
});
