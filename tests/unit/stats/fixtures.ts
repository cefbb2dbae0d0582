import type { StatsCard, StatsReview } from '$lib/stats';

/** Local time, so the tests hold in any time zone: (month day, hour) in March 2026. 1 March 2026 is a Sunday. */
export const march = (day: number, hour = 12, minute = 0) => new Date(2026, 2, day, hour, minute);

/** Tuesday 10 March 2026, 12:00 local. */
export const now = march(10);

export function review(at: Date, rating: number, state = 2, deckId = 'd', cardId = 'c'): StatsReview {
	return { deckId, cardId, at: at.getTime(), durationMs: 1000, log: { rating }, before: { state } };
}

export function card(state: number, due: Date, reps = state === 0 ? 0 : 1, suspended = false): StatsCard {
	return { deckId: 'd', suspended, progress: { state, due: due.getTime(), reps, stability: 0, difficulty: 0, last_review: null } };
}
