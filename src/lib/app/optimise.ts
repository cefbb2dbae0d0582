/**
 * What `Optimise` on /settings does before and after the worker: read the review log into the optimiser's input
 * (or say how many more reviews are needed), and store the fitted parameters when they are better.
 */
import { getDayRule, getFsrsParameters, reviewsOf, type FactdeckDB } from '$lib/db';
import { deviceZone, type TimeZone } from '$lib/domain/days';
import { toTrainingSet, type TrainingSet } from '$lib/optimiser/convert';
import { DEFAULT_PARAMETERS, reviewsNeeded } from '$lib/optimiser/fit';

export type OptimisePlan =
	| { kind: 'too-few'; reviews: number; needed: number }
	| { kind: 'ready'; set: TrainingSet; current: readonly number[] };

export async function planOptimise(db: FactdeckDB, zone: TimeZone = deviceZone): Promise<OptimisePlan> {
	const [log, days, stored] = await Promise.all([reviewsOf(db), getDayRule(db, zone), getFsrsParameters(db)]);
	const set = toTrainingSet(log, days);
	const needed = reviewsNeeded(set.reviews);
	if (needed > 0) return { kind: 'too-few', reviews: set.reviews, needed };
	return { kind: 'ready', set, current: stored?.w ?? DEFAULT_PARAMETERS };
}

/** "277 more reviews needed": the count the Optimise button waits for. */
export function neededMessage(plan: { reviews: number; needed: number }): string {
	const more = `${plan.needed} more review${plan.needed === 1 ? '' : 's'} needed`;
	return `${more}: Optimise fits your parameters from at least 400 reviews, and your review log has ${plan.reviews}.`;
}
