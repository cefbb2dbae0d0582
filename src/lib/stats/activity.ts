/**
 * Reviews per day and the study streak. Pure: `now` is passed in, days are local calendar days.
 */
import { addDays, dayKey, daysBetween } from './days';
import type { DayCount, StatsReview } from './types';

/**
 * Reviews on each of the `days` local days ending today (oldest first, today last); days without reviews
 * count 0. Quiz answers count too: they are reviews of the card.
 */
export function reviewsPerDay(reviews: readonly StatsReview[], now: Date, days = 30): DayCount[] {
	const counts = new Map<string, number>();
	for (const review of reviews) {
		const key = dayKey(review.at);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return Array.from({ length: days }, (_, i) => {
		const day = dayKey(addDays(now, i - days + 1));
		return { day, count: counts.get(day) ?? 0 };
	});
}

export interface Streak {
	/**
	 * Consecutive local days with at least one review, ending today; a streak that reached yesterday still
	 * counts while today has no review yet (it is only broken once a whole day passes without one).
	 */
	current: number;
	/** The longest run of consecutive days with a review, ever. */
	longest: number;
	/** Whether today already has a review. */
	today: boolean;
}

export function streak(reviews: readonly StatsReview[], now: Date): Streak {
	// Day offsets relative to today (0 today, -1 yesterday), distinct, reviews in the future ignored.
	const offsets = [...new Set(reviews.map((r) => daysBetween(now, r.at)))].filter((d) => d <= 0).sort((a, b) => a - b);
	let longest = 0;
	let run = 0;
	for (let i = 0; i < offsets.length; i++) {
		run = i > 0 && offsets[i] === offsets[i - 1]! + 1 ? run + 1 : 1;
		longest = Math.max(longest, run);
	}
	const days = new Set(offsets);
	const today = days.has(0);
	let current = 0;
	for (let d = today ? 0 : -1; days.has(d); d--) current++;
	return { current, longest, today };
}
