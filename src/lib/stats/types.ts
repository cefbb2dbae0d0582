/**
 * What the statistics read: the few fields of a stored review and card they need (structural, so the db rows
 * fit as they are and tests can build plain objects).
 */

export interface StatsReview {
	deckId: string;
	cardId: string;
	/** Epoch ms. */
	at: number;
	durationMs: number;
	/** The grade (the scheduler's Rating: 1 Again … 4 Easy); a number, as a stored row may hold any. */
	log: { rating: number };
	/** The card's state before this review (the scheduler's State). */
	before: { state: number };
}

export interface StatsCard {
	deckId: string;
	suspended: boolean;
	progress: { state: number; due: number; reps: number };
}

/** One bar or point: a label (a day YYYY-MM-DD or the Monday of a week) and its value. */
export interface DayCount {
	day: string;
	count: number;
}
