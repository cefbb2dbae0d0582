/**
 * Retention: how often a card in the Review state was remembered when it came up. Pure.
 *
 * A review counts when the card was in the Review state before it (learning and relearning steps are not a test
 * of long-term memory), and it is a pass when graded Hard, Good or Easy (rating ≥ 2); Again is a lapse. This is
 * Anki's "true retention" and the quantity FSRS's desired retention aims at, so the two can be compared.
 */
import { dayKey, dayOf, weekStart, type DayRule } from '$lib/domain/days';
import { Rating, State } from '$lib/scheduler/grades';
import type { StatsReview } from './types';

export interface RetentionPoint {
	/** The Monday that starts the week, YYYY-MM-DD. */
	week: string;
	/** Review-state reviews that week. */
	reviews: number;
	passed: number;
	/** passed / reviews, or null for a week without review-state reviews. */
	retention: number | null;
}

export interface RetentionSummary {
	reviews: number;
	passed: number;
	/** passed / reviews over all time, or null when there is none yet. */
	retention: number | null;
}

function counts(reviews: readonly StatsReview[]): { reviews: number; passed: number } {
	let total = 0;
	let passed = 0;
	for (const review of reviews) {
		if (review.before.state !== State.Review) continue;
		total++;
		if (review.log.rating >= Rating.Hard) passed++;
	}
	return { reviews: total, passed };
}

function share(c: { reviews: number; passed: number }): number | null {
	return c.reviews === 0 ? null : c.passed / c.reviews;
}

/** Retention in each of the `weeks` Monday-to-Sunday weeks ending with this one (oldest first). */
export function retentionPerWeek(reviews: readonly StatsReview[], now: Date, days: DayRule, weeks = 8): RetentionPoint[] {
	const byWeek = new Map<number, StatsReview[]>();
	for (const review of reviews) {
		const key = weekStart(dayOf(review.at, days));
		const list = byWeek.get(key);
		if (list) list.push(review);
		else byWeek.set(key, [review]);
	}
	const thisWeek = weekStart(dayOf(now, days));
	return Array.from({ length: weeks }, (_, i) => {
		const week = thisWeek + (i - weeks + 1) * 7;
		const c = counts(byWeek.get(week) ?? []);
		return { week: dayKey(week), ...c, retention: share(c) };
	});
}

/** True retention over the whole history. */
export function trueRetention(reviews: readonly StatsReview[]): RetentionSummary {
	const c = counts(reviews);
	return { ...c, retention: share(c) };
}
