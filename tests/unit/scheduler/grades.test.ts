import { describe, expect, it } from 'vitest';
import { createEmptyCard, Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';
import { GRADES, Rating, State } from '$lib/scheduler/grades';
import { fromFsrs, newProgress } from '$lib/scheduler/progress';

describe('constants kept free of ts-fsrs at run time', () => {
	it('equal ts-fsrs Rating and State values', () => {
		expect(Rating).toEqual({ Again: FsrsRating.Again, Hard: FsrsRating.Hard, Good: FsrsRating.Good, Easy: FsrsRating.Easy });
		expect(State).toEqual({ New: FsrsState.New, Learning: FsrsState.Learning, Review: FsrsState.Review, Relearning: FsrsState.Relearning });
		expect(GRADES).toEqual([1, 2, 3, 4]);
	});

	it('newProgress equals ts-fsrs createEmptyCard', () => {
		const now = new Date('2026-03-02T09:00:00Z');
		expect(newProgress(now)).toEqual(fromFsrs(createEmptyCard(now)));
	});
});
