/**
 * Run the generator off the main thread. The worker starts on first use and stops after a minute idle;
 * `abort()` terminates it mid-job. One job at a time: a new job replaces the running one (whose promise rejects
 * with GenerateAbortedError), so a stale preview never overwrites a newer one. Every job ends: with a deck, with
 * the generator's error, or, when the worker itself dies (out of memory on a phone, a script that failed to
 * load, a reply that cannot be read), with GeneratorCrashedError; the dead worker is terminated and the next job
 * starts a fresh one. Listeners are removed whenever a job ends, however it ends. Without Worker support (tests,
 * old browsers) the core runs inline, loaded only then: the page that imports this module does not carry the
 * generator and its language model (2 MB), which the worker holds (docs/architecture.md, "Offline strategy").
 */
import { parseDeckFile } from '../domain/deck-file';
import type { DeckFile } from '../domain/types';
import type { GenerateDoc, GenerateProgress } from './core/index';
import { parseReply, type JobOptions, type WorkerRequest } from './protocol';
import { generatorWorkerUrl } from './worker-url';

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

/** The worker died or its reply was unreadable: the job can be retried on a new worker. */
export class GeneratorCrashedError extends Error {
	override readonly name = 'GeneratorCrashedError';
}

/** What the client uses of a Worker; tests pass a fake. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'>;

const IDLE_MS = 60_000;

export const CRASH_MESSAGE =
	'The card generator stopped before it finished (the device may have run out of memory). ' +
	'Try again; if it stops again, generate from a shorter part of the document.';
export const UNREADABLE_REPLY_MESSAGE = 'The card generator sent a reply that could not be read. Try again.';

/** Offline, a worker that dies is one whose script is not cached yet (src/lib/pwa/warm.ts fetches it once online). */
export const NOT_CACHED_MESSAGE =
	'The card generator is not on this device yet: it is downloaded the first time Factdeck is open while online. ' +
	'Connect to the internet once, then press Retry.';

/** A crash's own words, when the browser gives any (an ErrorEvent's message), after the message. */
function crashMessage(event: Event): string {
	if (typeof navigator !== 'undefined' && navigator.onLine === false) return NOT_CACHED_MESSAGE;
	const detail = 'message' in event && typeof event.message === 'string' && event.message ? ` (${event.message})` : '';
	return `${CRASH_MESSAGE}${detail}`;
}

export interface GeneratorClient {
	generate(docs: GenerateDoc[], options?: JobOptions, onProgress?: (p: GenerateProgress) => void): GenerateJob;
}

/**
 * A client over workers made by `createWorker`, or inline when it is null. Holds at most one worker and one
 * running job.
 */
export function createGeneratorClient(createWorker: (() => WorkerLike) | null, idleMs = IDLE_MS): GeneratorClient {
	let worker: WorkerLike | null = null;
	let idleTimer: ReturnType<typeof setTimeout> | null = null;
	let jobs = 0;
	/** The running job's way to end itself: removes its listeners and settles its promise. */
	let stopActive: ((error: Error) => void) | null = null;

	function stopWorker(): void {
		worker?.terminate();
		worker = null;
	}

	function idleLater(): void {
		if (idleTimer) clearTimeout(idleTimer);
		idleTimer = setTimeout(stopWorker, idleMs);
	}

	function generate(docs: GenerateDoc[], options: JobOptions = {}, onProgress?: (p: GenerateProgress) => void): GenerateJob {
		// The worker runs one job at a time, synchronously: a replaced job would hold up this one, so stop it.
		stopActive?.(new GenerateAbortedError());
		if (!createWorker) return inline(docs, options, onProgress);
		if (idleTimer) clearTimeout(idleTimer);
		const w = (worker ??= createWorker());
		const job = ++jobs;
		let resolve: (deck: DeckFile) => void = () => {};
		let reject: (error: Error) => void = () => {};
		const promise = new Promise<DeckFile>((res, rej) => ((resolve = res), (reject = rej)));

		const end = (outcome: { deck: DeckFile } | { error: Error }, workerDead: boolean) => {
			w.removeEventListener('message', onMessage);
			w.removeEventListener('messageerror', onUnreadable);
			w.removeEventListener('error', onCrash);
			stopActive = null;
			if (workerDead) stopWorker();
			else idleLater();
			if ('deck' in outcome) resolve(outcome.deck);
			else reject(outcome.error);
		};
		const onMessage = (event: MessageEvent<unknown>) => {
			const reply = parseReply(event.data);
			if (!reply || reply.job !== job) return;
			if (reply.type === 'progress') return onProgress?.(reply.progress);
			if (reply.type === 'error') return end({ error: new Error(reply.message) }, false);
			const parsed = parseDeckFile(reply.deck);
			end(parsed.ok ? { deck: parsed.deck } : { error: parsed.error }, false);
		};
		const onUnreadable = () => end({ error: new GeneratorCrashedError(UNREADABLE_REPLY_MESSAGE) }, true);
		const onCrash = (event: Event) => {
			// Keeps the browser from also reporting the worker's uncaught error as the page's own.
			event.preventDefault();
			end({ error: new GeneratorCrashedError(crashMessage(event)) }, true);
		};
		w.addEventListener('message', onMessage);
		w.addEventListener('messageerror', onUnreadable);
		w.addEventListener('error', onCrash);
		// A stopped job's worker may be mid-way through it: terminate it, and the next job starts a fresh one.
		stopActive = (error) => end({ error }, true);
		const request: WorkerRequest = { type: 'generate', job, docs, options };
		w.postMessage(request);
		return {
			promise,
			abort() {
				if (stopActive && jobs === job) stopActive(new GenerateAbortedError());
			}
		};
	}

	return { generate };
}

function inline(docs: GenerateDoc[], options: JobOptions, onProgress?: (p: GenerateProgress) => void): GenerateJob {
	let aborted = false;
	const promise = import('./core/index').then(({ generateDeck }) => {
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

const appClient = createGeneratorClient(
	typeof Worker === 'undefined' ? null : () => new Worker(generatorWorkerUrl, { type: 'module' })
);

/** The app's generator: one worker for the whole page. */
export function generateInBackground(docs: GenerateDoc[], options: JobOptions = {}, onProgress?: (p: GenerateProgress) => void): GenerateJob {
	return appClient.generate(docs, options, onProgress);
}
