/**
 * Reviews and time per day, the calendar heatmap and the study streak. Pure: `now` and the day rule (study days
 * starting at the rollover hour, src/lib/domain/days.ts) are passed in.
 */
import { dayKey, dayOf, weekStart, type DayRule } from '$lib/domain/days';
import type { DayCount, StatsReview } from './types';

/**
 * Reviews on each of the `length` days ending today (oldest first, today last); days without reviews
 * count 0. Quiz answers count too: they are reviews of the card.
 */
export function reviewsPerDay(reviews: readonly StatsReview[], now: Date, days: DayRule, length = 30): DayCount[] {
	return sumPerDay(reviews, now, days, length, () => 1);
}

/** Time spent answering (the reviews' `durationMs`, in ms) on each of the `length` days ending today. */
export function timePerDay(reviews: readonly StatsReview[], now: Date, days: DayRule, length = 30): DayCount[] {
	return sumPerDay(reviews, now, days, length, (review) => review.durationMs);
}

function sumPerDay(
	reviews: readonly StatsReview[],
	now: Date,
	days: DayRule,
	length: number,
	value: (review: StatsReview) => number
): DayCount[] {
	const sums = new Map<number, number>();
	for (const review of reviews) {
		const day = dayOf(review.at, days);
		sums.set(day, (sums.get(day) ?? 0) + value(review));
	}
	const today = dayOf(now, days);
	return Array.from({ length }, (_, i) => {
		const day = today + i - length + 1;
		return { day: dayKey(day), count: sums.get(day) ?? 0 };
	});
}

/** A year of whole weeks: this week and the 52 before it. */
export const HEATMAP_WEEKS = 53;

export interface Heatmap {
	/**
	 * Reviews on each day from the Monday `weeks - 1` weeks before this week's Monday up to today, oldest first:
	 * day i sits in week column ⌊i / 7⌋ and weekday row i mod 7 (0 Monday … 6 Sunday).
	 */
	days: DayCount[];
	/** The most reviews on one of those days; 0 when there is none. */
	max: number;
	/** All reviews on those days. */
	total: number;
	/** Days with at least one review. */
	studied: number;
}

/** The calendar heatmap: reviews per study day over the last `weeks` Monday-to-Sunday weeks, ending today. */
export function reviewHeatmap(reviews: readonly StatsReview[], now: Date, days: DayRule, weeks = HEATMAP_WEEKS): Heatmap {
	const today = dayOf(now, days);
	const first = weekStart(today) - (weeks - 1) * 7;
	const counts = reviewsPerDay(reviews, now, days, today - first + 1);
	let max = 0;
	let total = 0;
	let studied = 0;
	for (const { count } of counts) {
		max = Math.max(max, count);
		total += count;
		if (count > 0) studied++;
	}
	return { days: counts, max, total, studied };
}

export interface MonthTotal {
	/** YYYY-MM. */
	month: string;
	reviews: number;
	/** Days of that month with at least one review. */
	studied: number;
}

/** The heatmap's days summed by calendar month (oldest first): the table behind the heatmap. */
export function monthTotals(days: readonly DayCount[]): MonthTotal[] {
	const months: MonthTotal[] = [];
	for (const { day, count } of days) {
		const month = day.slice(0, 7);
		let last = months.at(-1);
		if (last?.month !== month) months.push((last = { month, reviews: 0, studied: 0 }));
		last.reviews += count;
		if (count > 0) last.studied++;
	}
	return months;
}

/**
 * A day's shade on the heatmap, 0 (no review) to 4 (the busiest days): quarters of the busiest day's count,
 * rounded up, so any review shows and only days with more than ¾ of the maximum get the darkest shade.
 */
export function heatLevel(count: number, max: number): number {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.ceil((count / max) * 4));
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
