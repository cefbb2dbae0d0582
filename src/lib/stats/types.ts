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

export interface StatsCard<P extends StatsProgress = StatsProgress> {
	deckId: string;
	suspended: boolean;
	/** The scheduler's Progress, or the part of it the statistics read. */
	progress: P;
}

export interface StatsProgress {
	/** The scheduler's State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
	state: number;
	due: number;
	reps: number;
	/** FSRS stability in days: the interval after which recall falls to 90 %. */
	stability: number;
	/** FSRS difficulty, 1 (easiest) to 10 (hardest). */
	difficulty: number;
	/** Epoch ms of the last review, null for a card never studied. */
	last_review: number | null;
}

/** One bar or point: a label (a day YYYY-MM-DD or the Monday of a week) and its value. */
export interface DayCount {
	day: string;
	count: number;
}
