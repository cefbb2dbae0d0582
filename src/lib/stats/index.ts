/**
 * Study statistics (docs/data.md, "Statistics"): pure functions of the stored cards and review logs, with the
 * clock and the forgetting curve passed in. `computeStats` is what the statistics page shows.
 */
import {
	heatLevel,
	HEATMAP_WEEKS,
	monthTotals,
	reviewHeatmap,
	reviewsPerDay,
	streak,
	timePerDay,
	type Heatmap,
	type MonthTotal,
	type Streak
} from './activity';
import { answerButtons, type AnswerButtons, type ButtonCounts } from './buttons';
import { dueForecast } from './forecast';
import {
	difficultyDistribution,
	retrievabilityDistribution,
	stabilityDistribution,
	STABILITY_EDGES,
	stateCounts,
	type Bin,
	type Distribution,
	type Recall,
	type StateCounts
} from './memory';
import { retentionPerWeek, trueRetention, type RetentionPoint, type RetentionSummary } from './retention';
import { totals, type Totals } from './totals';
import type { DayRule } from '$lib/domain/days';
import type { DayCount, StatsCard, StatsProgress, StatsReview } from './types';

export {
	answerButtons,
	difficultyDistribution,
	dueForecast,
	heatLevel,
	HEATMAP_WEEKS,
	monthTotals,
	retentionPerWeek,
	retrievabilityDistribution,
	reviewHeatmap,
	reviewsPerDay,
	stabilityDistribution,
	STABILITY_EDGES,
	stateCounts,
	streak,
	timePerDay,
	totals,
	trueRetention
};
export type {
	AnswerButtons,
	Bin,
	ButtonCounts,
	DayCount,
	Distribution,
	Heatmap,
	MonthTotal,
	Recall,
	RetentionPoint,
	RetentionSummary,
	StateCounts,
	StatsCard,
	StatsProgress,
	StatsReview,
	Streak,
	Totals
};

export const STATS_DAYS = 30;
export const STATS_WEEKS = 8;

export interface Stats {
	perDay: DayCount[];
	/** Time spent answering on each of the last STATS_DAYS days, in ms. */
	timePerDay: DayCount[];
	heatmap: Heatmap;
	forecast: DayCount[];
	retention: RetentionPoint[];
	trueRetention: RetentionSummary;
	streak: Streak;
	totals: Totals;
	states: StateCounts;
	stability: Distribution;
	difficulty: Distribution;
	retrievability: Distribution;
	buttons: AnswerButtons;
}

/**
 * Everything the statistics page shows, for the given cards and their reviews (one deck or all). Days are study
 * days under `days` (the "Next day starts at" setting), the same days the study queue counts due cards by;
 * `recall` is the scheduler's forgetting curve.
 */
export function computeStats<P extends StatsProgress>(
	cards: readonly StatsCard<P>[],
	reviews: readonly StatsReview[],
	now: Date,
	days: DayRule,
	recall: Recall<P>
): Stats {
	return {
		perDay: reviewsPerDay(reviews, now, days, STATS_DAYS),
		timePerDay: timePerDay(reviews, now, days, STATS_DAYS),
		heatmap: reviewHeatmap(reviews, now, days),
		forecast: dueForecast(cards, now, days, STATS_DAYS),
		retention: retentionPerWeek(reviews, now, days, STATS_WEEKS),
		trueRetention: trueRetention(reviews),
		streak: streak(reviews, now, days),
		totals: totals(cards, reviews, now, days),
		states: stateCounts(cards),
		stability: stabilityDistribution(cards),
		difficulty: difficultyDistribution(cards),
		retrievability: retrievabilityDistribution(cards, now, recall),
		buttons: answerButtons(reviews)
	};
}
