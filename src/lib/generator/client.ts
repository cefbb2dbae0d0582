/**
 * Run the generator off the main thread. The worker starts on first use and stops after a minute idle;
 * `abort()` terminates it mid-job. Replies for any job but the current one are dropped (a stale preview
 * must never overwrite a newer one). Without Worker support (tests, old browsers) the core runs inline.
 */
import { parseDeckFile } from '../domain/deck-file';
import type { DeckFile } from '../domain/types';
import { generateDeck, type GenerateDoc, type GenerateProgress } from './core/index';
import { parseReply, type JobOptions, type WorkerRequest } from './protocol';

export interface GenerateJob {
	promise: Promise<DeckFile>;
	abort(): void;
}

export class GenerateAbortedError extends Error {
	override readonly name = 'GenerateAbortedError';
	constructor() {
		super('Generation was cancelled');
	}
}

const IDLE_MS = 60_000;
let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
let current = 0;

function getWorker(): Worker {
	if (idleTimer) clearTimeout(idleTimer);
	worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	return worker;
}

function stopWorker(): void {
	worker?.terminate();
	worker = null;
}

function idleLater(): void {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = setTimeout(stopWorker, IDLE_MS);
}

export function generateInBackground(docs: GenerateDoc[], options: JobOptions = {}, onProgress?: (p: GenerateProgress) => void): GenerateJob {
	const job = ++current;
	if (typeof Worker === 'undefined') return inline(docs, options, onProgress);
	let settle: { resolve: (d: DeckFile) => void; reject: (e: Error) => void } | null = null;
	const promise = new Promise<DeckFile>((resolve, reject) => (settle = { resolve, reject }));
	const w = getWorker();
	const listener = (event: MessageEvent<unknown>) => {
		const reply = parseReply(event.data);
		if (!reply || reply.job !== job || job !== current) return;
		if (reply.type === 'progress') return onProgress?.(reply.progress);
		w.removeEventListener('message', listener);
		idleLater();
		if (reply.type === 'error') return settle?.reject(new Error(reply.message));
		const parsed = parseDeckFile(reply.deck);
		if (parsed.ok) settle?.resolve(parsed.deck);
		else settle?.reject(parsed.error);
	};
	w.addEventListener('message', listener);
	const request: WorkerRequest = { type: 'generate', job, docs, options };
	w.postMessage(request);
	return {
		promise,
		abort() {
			if (job !== current) return;
			current++;
			w.removeEventListener('message', listener);
			stopWorker();
			settle?.reject(new GenerateAbortedError());
		}
	};
}

function inline(docs: GenerateDoc[], options: JobOptions, onProgress?: (p: GenerateProgress) => void): GenerateJob {
	let aborted = false;
	const promise = Promise.resolve().then(() => {
		if (aborted) throw new GenerateAbortedError();
		const deck = generateDeck(docs, { ...options, onProgress });
		if (aborted) throw new GenerateAbortedError();
		return deck;
	});
	return {
		promise,
		abort() {
			aborted = true;
		}
	};
}
