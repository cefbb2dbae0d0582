/**
 * Headline numbers for the statistics page. Pure: `now` is passed in.
 */
import { dayOf, type DayRule } from '$lib/domain/days';
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

export function totals(cards: readonly StatsCard[], reviews: readonly StatsReview[], now: Date, days: DayRule): Totals {
	const today = dayOf(now, days);
	const studied = cards.filter((card) => card.progress.reps > 0).length;
	return {
		cards: cards.length,
		studied,
		new: cards.length - studied,
		reviews: reviews.length,
		reviewsToday: reviews.filter((review) => dayOf(review.at, days) === today).length,
		timeMs: reviews.reduce((sum, review) => sum + review.durationMs, 0)
	};
}
