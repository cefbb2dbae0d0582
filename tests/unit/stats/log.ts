// A fixed review log and fixed card states for the statistics tests (issue 10, §4). Every instant is written in
// UTC and the time zone is given explicitly (Paris in winter, UTC+1, the next study day starting at 04:00), so
// the expectations hold on any machine.
import { studyDays } from '$lib/domain/days';
import { State } from '$lib/scheduler/grades';
import type { Progress } from '$lib/scheduler/progress';
import type { StatsCard, StatsReview } from '$lib/stats';

export const PARIS_4AM = studyDays(4, () => 60);

const utc = (iso: string) => Date.parse(iso);

/** Tuesday 10 March 2026, 12:00 in Paris. */
export const NOW = new Date(utc('2026-03-10T11:00:00Z'));

const { New: NEW, Learning: LEARNING, Review: REVIEW, Relearning: RELEARNING } = State;

function review(cardId: string, iso: string, before: number, rating: number, durationMs: number): StatsReview {
	return { deckId: 'd', cardId, at: utc(iso), durationMs, log: { rating }, before: { state: before } };
}

/**
 * 14 reviews. Study days (local, from 04:00): 10 March 3, 9 March 1 (03:30 on the 10th belongs to the 9th),
 * 8 March 1, 7 March 2, 6 March none, 5-1 March 1 each, then a year back: 10 March 2025 1 (the heatmap's first
 * day, a Monday) and 9 March 2025 1 (the day before it).
 */
export const LOG: StatsReview[] = [
	review('a', '2026-03-10T08:00:00Z', NEW, 3, 4000),
	review('b', '2026-03-10T08:01:00Z', NEW, 1, 6000),
	review('b', '2026-03-10T08:05:00Z', LEARNING, 3, 5000),
	review('c', '2026-03-10T02:30:00Z', REVIEW, 2, 8000),
	review('c', '2026-03-08T20:00:00Z', REVIEW, 4, 3000),
	review('d', '2026-03-07T12:00:00Z', REVIEW, 1, 10000),
	review('d', '2026-03-07T13:00:00Z', RELEARNING, 3, 2000),
	review('e', '2026-03-05T12:00:00Z', REVIEW, 2, 7000),
	review('e', '2026-03-04T12:00:00Z', REVIEW, 3, 1000),
	review('e', '2026-03-03T12:00:00Z', REVIEW, 3, 1500),
	review('e', '2026-03-02T12:00:00Z', LEARNING, 3, 1000),
	review('e', '2026-03-01T12:00:00Z', NEW, 1, 1000),
	review('f', '2025-03-10T03:30:00Z', REVIEW, 2, 2000),
	review('f', '2025-03-09T12:00:00Z', REVIEW, 3, 1000)
];

function card(state: State, stability: number, difficulty: number, lastReview: string | null, suspended = false): StatsCard<Progress> {
	const progress: Progress = {
		due: NOW.getTime(),
		stability,
		difficulty,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: state === NEW ? 0 : 1,
		lapses: 0,
		state,
		last_review: lastReview === null ? null : utc(lastReview)
	};
	return { deckId: 'd', suspended, progress };
}

/**
 * Eight cards: new 1, learning 1, review 3, relearning 1, suspended 2 (one studied, one new). Difficulty D maps to
 * (D − 1) / 9: 5.5 → 50 %, 7.75 → 75 %, 1 → 0 %, 10 → 100 %, 3.25 → 25 %.
 */
export const CARDS: StatsCard<Progress>[] = [
	card(REVIEW, 2.5, 5.5, '2026-03-10T08:00:00Z'),
	card(LEARNING, 0.25, 7.75, '2026-03-10T08:05:00Z'),
	card(REVIEW, 30, 1, '2026-03-10T02:30:00Z'),
	card(RELEARNING, 3, 10, '2026-03-07T13:00:00Z'),
	card(REVIEW, 400, 5.5, '2026-03-05T12:00:00Z'),
	card(REVIEW, 0.75, 3.25, '2025-03-10T03:30:00Z', true),
	card(NEW, 0, 0, null),
	card(NEW, 0, 0, null, true)
];
