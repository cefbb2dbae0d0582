/**
 * What the statistics read: the few fields of a stored review and card they need (structural, so the db rows
 * fit as they are and tests can build plain objects).
 */

/** ts-fsrs State of the card before the review: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type CardState = 0 | 1 | 2 | 3;

export interface StatsReview {
	deckId: string;
	cardId: string;
	/** Epoch ms. */
	at: number;
	durationMs: number;
	/** The grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
	log: { rating: number };
	/** The card's state before this review. */
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
