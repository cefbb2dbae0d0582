/**
 * Study statistics (docs/data.md, "Statistics"): pure functions of the stored cards and review logs, with the
 * clock passed in. `computeStats` is what the statistics page shows.
 */
import { reviewsPerDay, streak, type Streak } from './activity';
import { dueForecast } from './forecast';
import { retentionPerWeek, trueRetention, type RetentionPoint, type RetentionSummary } from './retention';
import { totals, type Totals } from './totals';
import type { DayRule } from '$lib/domain/days';
import type { DayCount, StatsCard, StatsReview } from './types';

export { reviewsPerDay, streak, dueForecast, retentionPerWeek, trueRetention, totals };
export type { DayCount, RetentionPoint, RetentionSummary, StatsCard, StatsReview, Streak, Totals };

export const STATS_DAYS = 30;
export const STATS_WEEKS = 8;

export interface Stats {
	perDay: DayCount[];
	forecast: DayCount[];
	retention: RetentionPoint[];
	trueRetention: RetentionSummary;
	streak: Streak;
	totals: Totals;
}

/**
 * Everything the statistics page shows, for the given cards and their reviews (one deck or all). Days are study
 * days under `days` (the "Next day starts at" setting), the same days the study queue counts due cards by.
 */
export function computeStats(cards: readonly StatsCard[], reviews: readonly StatsReview[], now: Date, days: DayRule): Stats {
	return {
		perDay: reviewsPerDay(reviews, now, days, STATS_DAYS),
		forecast: dueForecast(cards, now, days, STATS_DAYS),
		retention: retentionPerWeek(reviews, now, days, STATS_WEEKS),
		trueRetention: trueRetention(reviews),
		streak: streak(reviews, now, days),
		totals: totals(cards, reviews, now, days)
	};
}
