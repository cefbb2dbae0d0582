/**
 * Grade and state constants without importing ts-fsrs at run time, so pages that only list decks or
 * store cards (the home page, imports) do not load the scheduler. The values are ts-fsrs's own
 * (`Rating`, `State` enums); tests/unit/scheduler/grades.test.ts pins that they stay equal.
 */

export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];
/** The grades a person can give (ts-fsrs's Rating without Manual). */
export type Grade = Rating;

export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type State = (typeof State)[keyof typeof State];

/** The four grades in button order (Again, Hard, Good, Easy), keys 1-4. */
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
export const GRADE_NAMES: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

export const RETENTION_RANGE = { min: 0.7, max: 0.97, default: 0.9 } as const;
