/**
 * How well a set of FSRS parameters predicts the learner's own reviews: log loss and RMSE (bins), the two
 * figures of the srs-benchmark (docs/quiz-and-readiness.md explains them). Pure, and computed with ts-fsrs (the
 * scheduler's own FSRS-6), so what is measured is what the scheduler would do with those parameters.
 *
 * For each item (src/lib/optimiser/convert.ts) the card's memory state is replayed through its earlier reviews
 * (`next_state`, same-day reviews included), and the recall probability of the last review is the forgetting
 * curve at its `deltaT`; the outcome is 1 when it was answered Hard, Good or Easy, 0 for Again.
 */
import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { FsrsItem } from './convert';

export interface Metrics {
	/** Mean of −(y·ln p + (1−y)·ln(1−p)); lower is better. */
	logLoss: number;
	/** srs-benchmark's RMSE over bins of interval, review number and lapses; lower is better. */
	rmseBins: number;
	/** Reviews predicted. */
	count: number;
}

/** srs-benchmark clips predictions away from 0 and 1 before the log loss. */
const P_MIN = 1e-4;

interface Prediction {
	p: number;
	y: number;
	bin: string;
}

export function evaluate(items: readonly FsrsItem[], w: readonly number[]): Metrics {
	const algorithm = new FSRSAlgorithm(generatorParameters({ w: [...w], enable_short_term: true }));
	const predictions = items.map((item) => predict(algorithm, item));
	if (predictions.length === 0) return { logLoss: Number.NaN, rmseBins: Number.NaN, count: 0 };
	const logLoss = mean(predictions.map(({ p, y }) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p))));
	return { logLoss, rmseBins: rmseBins(predictions), count: predictions.length };
}

function predict(algorithm: FSRSAlgorithm, item: FsrsItem): Prediction {
	const reviews = item.reviews;
	const target = reviews[reviews.length - 1];
	if (!target || reviews.length < 2) throw new RangeError('An item needs a review before the one it predicts.');
	let state: FSRSState | null = null;
	let lapses = 0;
	for (const review of reviews.slice(0, -1)) {
		state = algorithm.next_state(state, review.deltaT, review.rating);
		if (review.rating === 1 && review.deltaT > 0) lapses++;
	}
	const recall = algorithm.forgetting_curve(target.deltaT, (state as FSRSState).stability);
	const p = Math.min(1 - P_MIN, Math.max(P_MIN, recall));
	return { p, y: target.rating > 1 ? 1 : 0, bin: binOf(target.deltaT, reviews.length, lapses) };
}

/**
 * srs-benchmark's bins (its `rmse_matrix`): the interval on a ×3.62 scale, the review's number (1 for a card's
 * first review) on a ×1.89 scale and the earlier lapses on a ×1.73 scale, each rounded as there.
 */
export function binOf(deltaT: number, reviewNumber: number, lapses: number): string {
	const scale = (x: number, base: number, factor: number, digits: number) =>
		x <= 0 ? 0 : round(factor * Math.pow(base, Math.floor(Math.log(x) / Math.log(base))), digits);
	return `${scale(deltaT, 3.62, 2.48, 2)}|${scale(reviewNumber, 1.89, 1.99, 0)}|${scale(lapses, 1.73, 1.65, 0)}`;
}

/**
 * √(mean over reviews of (ȳ_bin − p)²), ȳ_bin the share of the review's bin recalled: the current srs-benchmark
 * form (each review weighs 1), which for one prediction per bin is the plain RMSE.
 */
function rmseBins(predictions: readonly Prediction[]): number {
	const bins = new Map<string, { recalled: number; count: number }>();
	for (const { y, bin } of predictions) {
		const total = bins.get(bin) ?? { recalled: 0, count: 0 };
		total.recalled += y;
		total.count++;
		bins.set(bin, total);
	}
	return Math.sqrt(
		mean(
			predictions.map(({ p, bin }) => {
				const total = bins.get(bin) as { recalled: number; count: number };
				return (total.recalled / total.count - p) ** 2;
			})
		)
	);
}

function mean(values: readonly number[]): number {
	return values.reduce((sum, x) => sum + x, 0) / values.length;
}

function round(x: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}
