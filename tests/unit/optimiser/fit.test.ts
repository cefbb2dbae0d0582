import { describe, expect, it } from 'vitest';
import { toTrainingSet } from '$lib/optimiser/convert';
import { evaluate } from '$lib/optimiser/evaluate';
import { DEFAULT_PARAMETERS, optimise } from '$lib/optimiser/fit';
import { simulateReviews } from '../../fixtures/simulate-reviews';
import { fitInNode } from './fsrs-node';

const UTC_4AM = { rolloverHour: 4, zone: () => 0 };

describe('fitting with fsrs-browser in Node', () => {
	const log = simulateReviews({ seed: 11, deckId: 'sim', cards: 200, newPerDay: 10, days: 60, start: Date.UTC(2026, 0, 1) });
	const set = toTrainingSet(log.reviews, UTC_4AM);

	it('fits parameters that beat the defaults on log loss for a learner whose memory is not the default', () => {
		const progress: { done: number; total: number }[] = [];
		const result = optimise(fitInNode, set.items, DEFAULT_PARAMETERS, (p) => progress.push(p));
		expect(result.fitted).toHaveLength(21);
		expect(result.current).toEqual(evaluate(set.items, DEFAULT_PARAMETERS));
		expect(result.after.logLoss).toBeLessThan(result.current.logLoss);
		// Progress came from the library's own counters, ending at all items done.
		expect(progress.length).toBeGreaterThan(0);
		const last = progress.at(-1);
		expect(last?.done).toBe(last?.total);
	});

	it('is deterministic: the same log gives the same parameters', () => {
		expect(fitInNode(set.items)).toEqual(fitInNode(set.items));
	});

	it('refuses an empty training set with a message instead of calling the library', () => {
		expect(() => fitInNode([])).toThrow('No review came a day or more after the card’s previous one yet, so there is nothing to fit.');
	});
});
