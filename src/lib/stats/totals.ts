/**
 * Headline numbers for the statistics page. Pure: `now` is passed in.
 */
import { dayKey } from './days';
import type { StatsCard, StatsReview } from './types';

export interface Totals {
	cards: number;
	/** Cards studied at least once. */
	studied: number;
	/** Cards never studied (suspended ones included). */
	new: number;
	reviews: number;
	reviewsToday: number;
	/** Time spent answering, all reviews, in ms. */
	timeMs: number;
}

export function totals(cards: readonly StatsCard[], reviews: readonly StatsReview[], now: Date): Totals {
	const today = dayKey(now);
	const studied = cards.filter((card) => card.progress.reps > 0).length;
	return {
		cards: cards.length,
		studied,
		new: cards.length - studied,
		reviews: reviews.length,
		reviewsToday: reviews.filter((review) => dayKey(review.at) === today).length,
		timeMs: reviews.reduce((sum, review) => sum + review.durationMs, 0)
	};
}
