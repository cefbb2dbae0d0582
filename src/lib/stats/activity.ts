/**
 * Reviews per day and the study streak. Pure: `now` and the day rule (study days starting at the rollover
 * hour, src/lib/domain/days.ts) are passed in.
 */
import { dayKey, dayOf, type DayRule } from '$lib/domain/days';
import type { DayCount, StatsReview } from './types';

/**
 * Reviews on each of the `length` days ending today (oldest first, today last); days without reviews
 * count 0. Quiz answers count too: they are reviews of the card.
 */
export function reviewsPerDay(reviews: readonly StatsReview[], now: Date, days: DayRule, length = 30): DayCount[] {
	const counts = new Map<number, number>();
	for (const review of reviews) {
		const day = dayOf(review.at, days);
		counts.set(day, (counts.get(day) ?? 0) + 1);
	}
	const today = dayOf(now, days);
	return Array.from({ length }, (_, i) => {
		const day = today + i - length + 1;
		return { day: dayKey(day), count: counts.get(day) ?? 0 };
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

export function streak(reviews: readonly StatsReview[], now: Date, days: DayRule): Streak {
	// Day offsets relative to today (0 today, -1 yesterday), distinct, reviews in the future ignored.
	const today = dayOf(now, days);
	const offsets = [...new Set(reviews.map((r) => dayOf(r.at, days) - today))].filter((d) => d <= 0).sort((a, b) => a - b);
	let longest = 0;
	let run = 0;
	for (let i = 0; i < offsets.length; i++) {
		run = i > 0 && offsets[i] === offsets[i - 1]! + 1 ? run + 1 : 1;
		longest = Math.max(longest, run);
	}
	const studied = new Set(offsets);
	const reviewedToday = studied.has(0);
	let current = 0;
	for (let d = reviewedToday ? 0 : -1; studied.has(d); d--) current++;
	return { current, longest, today: reviewedToday };
}
