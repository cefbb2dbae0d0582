/**
 * Messages between the settings page and the optimiser's worker. Each side checks what it receives once, here,
 * instead of casting.
 */
import type { FsrsItem } from './convert';
import type { Metrics } from './evaluate';
import type { FitProgress, OptimiseResult } from './fit';

export interface OptimiserRequest {
	type: 'optimise';
	items: FsrsItem[];
	/** The parameters in use, scored beside the fitted ones. */
	current: number[];
}

export type OptimiserReply =
	| { type: 'progress'; progress: FitProgress }
	| { type: 'result'; result: OptimiseResult }
	| { type: 'error'; message: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === 'number');
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function isItem(x: unknown): x is FsrsItem {
	return isRecord(x) && Array.isArray(x.reviews) && x.reviews.every((r) => isRecord(r) && isCount(r.rating) && isCount(r.deltaT));
}

function isMetrics(x: unknown): x is Metrics {
	return isRecord(x) && typeof x.logLoss === 'number' && typeof x.rmseBins === 'number' && isCount(x.count);
}

export function parseRequest(data: unknown): OptimiserRequest | null {
	if (!isRecord(data) || data.type !== 'optimise' || !Array.isArray(data.items) || !isNumbers(data.current)) return null;
	return data.items.every(isItem) ? { type: 'optimise', items: data.items, current: data.current } : null;
}

export function parseReply(data: unknown): OptimiserReply | null {
	if (!isRecord(data)) return null;
	const { progress, result } = data;
	if (data.type === 'progress' && isRecord(progress) && isCount(progress.done) && isCount(progress.total)) {
		return { type: 'progress', progress: { done: progress.done, total: progress.total } };
	}
	if (data.type === 'result' && isRecord(result) && isNumbers(result.fitted) && isMetrics(result.current) && isMetrics(result.after)) {
		return { type: 'result', result: { fitted: result.fitted, current: result.current, after: result.after } };
	}
	if (data.type === 'error' && typeof data.message === 'string') return { type: 'error', message: data.message };
	return null;
}
