/**
 * The learner's fitted FSRS parameters (docs/data.md, "FSRS parameters"): read back through one check, and
 * stored only when they are better than the ones in use (src/lib/optimiser/fit.ts, `isBetter`).
 */
import * as v from 'valibot';
import { isBetter, type OptimiseResult } from '$lib/optimiser/fit';
import { guard } from './errors';
import type { FactdeckDB, ParametersRow } from './schema';

/** FSRS-6 has 21 parameters. */
export const PARAMETER_COUNT = 21;

const finite = v.pipe(v.number(), v.finite());
const MetricsSchema = v.object({ logLoss: finite, rmseBins: finite, count: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** A stored (or backed-up) parameters row. */
export const ParametersRowSchema = v.object({
	key: v.literal('fsrs'),
	w: v.pipe(v.array(finite), v.length(PARAMETER_COUNT)),
	fittedAt: finite,
	reviews: v.pipe(v.number(), v.integer(), v.minValue(0)),
	before: MetricsSchema,
	after: MetricsSchema
});

/** The stored parameters, or null when none were fitted (or the row read back is not valid: the defaults apply). */
export async function getFsrsParameters(db: FactdeckDB): Promise<ParametersRow | null> {
	const row = await guard('read your FSRS parameters', () => db.parameters.get('fsrs'));
	const checked = v.safeParse(ParametersRowSchema, row);
	return checked.success ? checked.output : null;
}

/** The weights the scheduler uses: the learner's own, or undefined for ts-fsrs's defaults. */
export async function schedulingWeights(db: FactdeckDB): Promise<number[] | undefined> {
	return (await getFsrsParameters(db))?.w;
}

/**
 * Stores the fitted parameters when they are better than the ones in use, with their date and figures; otherwise
 * changes nothing. Returns whether they were stored.
 */
export async function applyIfBetter(db: FactdeckDB, result: OptimiseResult, reviews: number, now: Date): Promise<boolean> {
	if (!isBetter(result)) return false;
	const row: ParametersRow = { key: 'fsrs', w: result.fitted, fittedAt: now.getTime(), reviews, before: result.current, after: result.after };
	await guard('save your FSRS parameters', () => db.parameters.put(row));
	return true;
}
