/**
 * The cards' memory now: how many are in each state, and how their FSRS stability, difficulty and
 * retrievability are spread. Pure: `now` and the forgetting curve are passed in.
 *
 * The distributions cover the cards studied at least once (state other than New), suspended ones included: a
 * suspended card keeps its memory state, and Anki's FSRS graphs count it the same way. New cards have no
 * stability or difficulty yet.
 */
import { State } from '$lib/scheduler/grades';
import type { StatsCard, StatsProgress } from './types';

export interface StateCounts {
	/** Cards by state; a suspended card counts only under `suspended`, so the five add up to `total`. */
	new: number;
	learning: number;
	review: number;
	relearning: number;
	suspended: number;
	total: number;
}

export function stateCounts(cards: readonly StatsCard[]): StateCounts {
	const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: cards.length };
	for (const card of cards) {
		if (card.suspended) counts.suspended++;
		else if (card.progress.state === State.Learning) counts.learning++;
		else if (card.progress.state === State.Review) counts.review++;
		else if (card.progress.state === State.Relearning) counts.relearning++;
		else counts.new++;
	}
	return counts;
}

/** One bar of a histogram: the values v with from ≤ v < to (the last bin has no upper end: `to` null). */
export interface Bin {
	from: number;
	to: number | null;
	count: number;
}

export interface Distribution {
	bins: Bin[];
	/** Cards counted (studied cards). */
	cards: number;
	/** Their mean value, or null when there is none. */
	mean: number | null;
}

/** Bins from consecutive edges: [e0, e1), [e1, e2), …, [en, ∞); a value below e0 falls in the first bin. */
function histogram(values: readonly number[], edges: readonly number[]): Distribution {
	const bins: Bin[] = edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, count: 0 }));
	let sum = 0;
	for (const value of values) {
		sum += value;
		let i = edges.length - 1;
		while (i > 0 && value < edges[i]!) i--;
		bins[i]!.count++;
	}
	return { bins, cards: values.length, mean: values.length ? sum / values.length : null };
}

const studied = <P extends StatsProgress>(cards: readonly StatsCard<P>[]): P[] =>
	cards.filter((card) => card.progress.state !== State.New).map((card) => card.progress);

/** Stability bins in days, about doubling: under a day, a few days, weeks, months, a year and more. */
export const STABILITY_EDGES = [0, 1, 3, 7, 14, 30, 90, 180, 365] as const;

/** Stability (days until recall falls to 90 %) of the studied cards. */
export function stabilityDistribution(cards: readonly StatsCard[]): Distribution {
	return histogram(
		studied(cards).map((p) => p.stability),
		STABILITY_EDGES
	);
}

/** Ten bins of 10 % for the shares (difficulty, retrievability); 100 % falls in the last. */
const TENTHS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

/**
 * Difficulty of the studied cards as Anki shows it, 0-100 %: FSRS's D runs from 1 to 10, and (D − 1) / 9 maps
 * that onto 0..1.
 */
export function difficultyDistribution(cards: readonly StatsCard[]): Distribution {
	return histogram(
		studied(cards).map((p) => Math.min(1, Math.max(0, (p.difficulty - 1) / 9))),
		TENTHS
	);
}

/** A card's probability of recall at an instant, 0..1 (the scheduler's `retrievability`). */
export type Recall<P extends StatsProgress = StatsProgress> = (progress: P, at: Date) => number;

/**
 * Predicted recall now of the studied cards, by the FSRS forgetting curve (`recall`); `mean` is the average
 * predicted recall, the share of those cards one would expect to remember if asked all of them now.
 */
export function retrievabilityDistribution<P extends StatsProgress>(
	cards: readonly StatsCard<P>[],
	now: Date,
	recall: Recall<P>
): Distribution {
	return histogram(
		studied(cards).map((p) => recall(p, now)),
		TENTHS
	);
}
