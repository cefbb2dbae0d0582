import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { binOf, evaluate } from '$lib/optimiser/evaluate';
import { isBetter, MIN_REVIEWS, reviewsNeeded } from '$lib/optimiser/fit';

/** FSRS-6's forgetting curve, written out: R(t, S) = (1 + f·t/S)^−decay with f = 0.9^(−1/decay) − 1. */
function recall(w: readonly number[], t: number, s: number): number {
	const decay = w[20] as number;
	const factor = Math.pow(0.9, -1 / decay) - 1;
	return Math.pow(1 + (factor * t) / s, -decay);
}

describe('evaluating parameters on a review log', () => {
	const w = [...default_w];
	// Two cards learnt with Good and reviewed 2 days later (one recalled, one forgotten), one learnt with Easy and
	// recalled 10 days later. A first Good sets S = w2, a first Easy S = w3.
	const items = [
		{ reviews: [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }] },
		{ reviews: [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }] },
		{ reviews: [{ rating: 4, deltaT: 0 }, { rating: 3, deltaT: 10 }] }
	];
	const pGood = recall(w, 2, w[2] as number);
	const pEasy = recall(w, 10, w[3] as number);

	// To 7 decimals: ts-fsrs rounds stabilities and recall to 8.
	it('gives the log loss and RMSE (bins) of the predictions, exactly', () => {
		const metrics = evaluate(items, w);
		expect(metrics.count).toBe(3);
		expect(metrics.logLoss).toBeCloseTo((-Math.log(pGood) - Math.log(1 - pGood) - Math.log(pEasy)) / 3, 7);
		// The first two share a bin (2 days, 2nd review, no lapse), recalled half the time; the third is alone.
		expect(metrics.rmseBins).toBeCloseTo(Math.sqrt((2 * (0.5 - pGood) ** 2 + (1 - pEasy) ** 2) / 3), 7);
	});

	it('replays same-day reviews with FSRS-6 short-term stability', () => {
		const sameDay = [{ reviews: [{ rating: 1, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 3 }] }];
		// S after Again = w0; a same-day Good multiplies it by e^(w17·(3−3+w18))·S^−w19.
		const s0 = w[0] as number;
		const s1 = s0 * Math.exp((w[17] as number) * (w[18] as number)) * Math.pow(s0, -(w[19] as number));
		const p = recall(w, 3, Math.max(s1, s0));
		expect(evaluate(sameDay, w).logLoss).toBeCloseTo(-Math.log(p), 7);
	});

	it('bins as srs-benchmark does: interval ×3.62, review number ×1.89, lapses ×1.73', () => {
		expect(binOf(1, 2, 0)).toBe('2.48|4|0');
		expect(binOf(2, 2, 0)).toBe('2.48|4|0');
		expect(binOf(10, 5, 3)).toBe('8.98|7|5');
		expect(binOf(40, 1, 1)).toBe('32.5|2|2');
	});

	it('gives no figures for no reviews', () => {
		expect(evaluate([], w)).toEqual({ logLoss: Number.NaN, rmseBins: Number.NaN, count: 0 });
	});
});

describe('deciding and the threshold', () => {
	const figures = (logLoss: number, rmseBins = 0.05) => ({ logLoss, rmseBins, count: 500 });

	it('calls fitted parameters better only with a lower log loss', () => {
		expect(isBetter({ current: figures(0.34), after: figures(0.32) })).toBe(true);
		expect(isBetter({ current: figures(0.32), after: figures(0.32) })).toBe(false);
		expect(isBetter({ current: figures(0.32, 0.09), after: figures(0.33, 0.01) })).toBe(false);
		expect(isBetter({ current: figures(0.32), after: figures(Number.NaN) })).toBe(false);
	});

	it('needs 400 reviews', () => {
		expect(MIN_REVIEWS).toBe(400);
		expect(reviewsNeeded(0)).toBe(400);
		expect(reviewsNeeded(123)).toBe(277);
		expect(reviewsNeeded(400)).toBe(0);
		expect(reviewsNeeded(9000)).toBe(0);
	});
});
