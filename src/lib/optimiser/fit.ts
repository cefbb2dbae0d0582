/**
 * Fitting FSRS-6 parameters with fsrs-browser (open-spaced-repetition's WebAssembly build of fsrs-rs, the
 * optimiser Anki uses), and the whole run: fit, then score the current and the fitted parameters on the same
 * reviews. The library is passed in already initialised, so the same code runs in the app's worker (which
 * fetches the .wasm from our origin) and in Node tests (which read it from node_modules).
 *
 * fsrs-browser is built with threads (wasm-bindgen-rayon), but its thread pool is never started here: that
 * needs a cross-origin-isolated page. Without it rayon runs on the calling thread, which is our worker. The
 * training call is synchronous, so progress cannot come from a timer: fsrs-rs logs each epoch through the
 * console, and at each of those calls the progress counters the library keeps in its memory are read
 * (`getProgress`, [items done, items total]).
 */
import { default_w } from 'ts-fsrs';
import { packItems, type FsrsItem } from './convert';
import { evaluate, type Metrics } from './evaluate';

/** What this module uses of fsrs-browser (`import * as lib from 'fsrs-browser'`, after its init). */
export interface FsrsLib {
	Fsrs: new () => {
		computeParameters(ratings: Uint32Array, deltaTs: Uint32Array, lengths: Uint32Array, progress: unknown, enableShortTerm: boolean): Float32Array;
	};
	Progress: { new: () => { pointer(): number } };
	getProgress(buffer: ArrayBuffer, pointer: number): { itemsProcessed: number; itemsTotal: number };
}

export interface FitProgress {
	done: number;
	total: number;
}

/** The parameters the app schedules with until the learner's own are fitted (ts-fsrs's FSRS-6 defaults). */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

export class OptimiserError extends Error {
	override readonly name = 'OptimiserError';
}

/** Fits FSRS-6's 21 parameters to `items`. `memory` gives the library's WebAssembly memory, for progress. */
export function fitParameters(lib: FsrsLib, memory: () => ArrayBuffer, items: readonly FsrsItem[], onProgress?: (p: FitProgress) => void): number[] {
	if (items.length === 0) throw new OptimiserError('No review came a day or more after the card’s previous one yet, so there is nothing to fit.');
	const { ratings, deltaTs, lengths } = packItems(items);
	const progress = lib.Progress.new();
	const pointer = progress.pointer();
	const report = () => {
		const { itemsProcessed, itemsTotal } = lib.getProgress(memory(), pointer);
		if (itemsTotal > 0) onProgress?.({ done: Math.min(itemsProcessed, itemsTotal), total: itemsTotal });
	};
	const { log, info } = console;
	// fsrs-rs reports each epoch's loss through the console: taken as the moment to read progress, and kept
	// out of the app's console.
	console.log = console.info = report;
	try {
		return Array.from(new lib.Fsrs().computeParameters(ratings, deltaTs, lengths, progress, true));
	} catch (error) {
		throw new OptimiserError(`The optimiser stopped with an error (${error instanceof Error ? error.message : String(error)}).`);
	} finally {
		console.log = log;
		console.info = info;
	}
}

export interface OptimiseResult {
	fitted: number[];
	/** The parameters in use, scored on the learner's reviews. */
	current: Metrics;
	/** The fitted parameters, scored on the same reviews. */
	after: Metrics;
}

/** Fits, then scores the parameters in use and the fitted ones on the same items. */
export function optimise(
	fit: (items: readonly FsrsItem[], onProgress?: (p: FitProgress) => void) => number[],
	items: readonly FsrsItem[],
	current: readonly number[],
	onProgress?: (p: FitProgress) => void
): OptimiseResult {
	const fitted = fit(items, onProgress);
	return { fitted, current: evaluate(items, current), after: evaluate(items, fitted) };
}

/**
 * Whether the fitted parameters are better: a lower log loss on the learner's reviews (what the optimiser
 * minimises, and how Anki decides). RMSE (bins) is shown beside it, not used to decide.
 */
export function isBetter(result: Pick<OptimiseResult, 'current' | 'after'>): boolean {
	return Number.isFinite(result.after.logLoss) && (!Number.isFinite(result.current.logLoss) || result.after.logLoss < result.current.logLoss);
}

/** Anki's threshold: fewer reviews than this give parameters that fit noise. */
export const MIN_REVIEWS = 400;

/** How many more reviews the learner needs before Optimise runs; 0 when there are enough. */
export function reviewsNeeded(reviews: number): number {
	return Math.max(0, MIN_REVIEWS - reviews);
}
