/**
 * Messages between the client and the generator worker. The types come from the core's own signatures, and
 * each side checks what it receives once, here, instead of casting.
 */
import type { DeckFile } from '../domain/types';
import type { GenerateDoc, GenerateOptions, GenerateProgress } from './core/index';

export type JobOptions = Omit<GenerateOptions, 'onProgress'>;

export type WorkerRequest = { type: 'generate'; job: number; docs: GenerateDoc[]; options: JobOptions } | { type: 'cancel'; job: number };

export type WorkerReply =
	| { type: 'progress'; job: number; progress: GenerateProgress }
	| { type: 'result'; job: number; deck: DeckFile }
	| { type: 'error'; job: number; message: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isDoc = (x: unknown): x is GenerateDoc =>
	isRecord(x) && typeof x.id === 'string' && typeof x.title === 'string' && typeof x.text === 'string';

function jobOptions(x: unknown): JobOptions | null {
	if (!isRecord(x)) return null;
	const { title, maxCards, seed, now } = x;
	if (title !== undefined && typeof title !== 'string') return null;
	if (maxCards !== undefined && (typeof maxCards !== 'number' || !Number.isInteger(maxCards) || maxCards < 1)) return null;
	if (seed !== undefined && typeof seed !== 'string') return null;
	if (now !== undefined && typeof now !== 'string') return null;
	return { title, maxCards, seed, now };
}

export function parseRequest(data: unknown): WorkerRequest | null {
	if (!isRecord(data) || typeof data.job !== 'number') return null;
	if (data.type === 'cancel') return { type: 'cancel', job: data.job };
	const options = jobOptions(data.options);
	if (data.type !== 'generate' || !Array.isArray(data.docs) || !options) return null;
	const docs = data.docs.filter(isDoc);
	return docs.length === data.docs.length ? { type: 'generate', job: data.job, docs, options } : null;
}

function isProgress(x: unknown): x is GenerateProgress {
	return isRecord(x) && typeof x.done === 'number' && typeof x.total === 'number' && ['reading', 'facts', 'cards', 'done'].includes(String(x.stage));
}

/** The deck itself is validated by the caller with the deck-file parser; here only the envelope. */
export function parseReply(data: unknown): { type: 'progress'; job: number; progress: GenerateProgress } | { type: 'result'; job: number; deck: unknown } | { type: 'error'; job: number; message: string } | null {
	if (!isRecord(data) || typeof data.job !== 'number') return null;
	if (data.type === 'progress' && isProgress(data.progress)) return { type: 'progress', job: data.job, progress: data.progress };
	if (data.type === 'result') return { type: 'result', job: data.job, deck: data.deck };
	if (data.type === 'error' && typeof data.message === 'string') return { type: 'error', job: data.job, message: data.message };
	return null;
}
