/**
 * Runs the optimiser in its Web Worker: one worker per job, started when Optimise is pressed and terminated when
 * the job ends or is cancelled (the fit is one synchronous call: terminating is the only way to stop it).
 */
import type { FsrsItem } from './convert';
import type { FitProgress, OptimiseResult } from './fit';
import { parseReply, type OptimiserRequest } from './protocol';

export class OptimiseCancelled extends Error {
	override readonly name = 'OptimiseCancelled';
	constructor() {
		super('Optimise cancelled. Nothing was changed.');
	}
}

export interface OptimiseJob {
	promise: Promise<OptimiseResult>;
	cancel(): void;
}

/** What the client uses of a Worker; tests pass a fake. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

export function runOptimiser(
	createWorker: () => WorkerLike,
	items: FsrsItem[],
	current: readonly number[],
	onProgress: (progress: FitProgress) => void
): OptimiseJob {
	const worker = createWorker();
	let finish: (outcome: { result: OptimiseResult } | { error: Error }) => void = () => {};
	const promise = new Promise<OptimiseResult>((resolve, reject) => {
		let done = false;
		finish = (outcome) => {
			if (done) return;
			done = true;
			worker.terminate();
			if ('result' in outcome) resolve(outcome.result);
			else reject(outcome.error);
		};
	});
	worker.addEventListener('message', (event: MessageEvent<unknown>) => {
		const reply = parseReply(event.data);
		if (!reply) return finish({ error: new Error('The optimiser sent a reply that could not be read. Try again.') });
		if (reply.type === 'progress') onProgress(reply.progress);
		else if (reply.type === 'result') finish({ result: reply.result });
		else finish({ error: new Error(reply.message) });
	});
	worker.addEventListener('error', (event: Event) => {
		event.preventDefault();
		finish({ error: new Error('The optimiser stopped before it finished (the device may have run out of memory). Try again.') });
	});
	const request: OptimiserRequest = { type: 'optimise', items, current: [...current] };
	worker.postMessage(request);
	return { promise, cancel: () => finish({ error: new OptimiseCancelled() }) };
}

/** The app's optimiser worker (a separate chunk: nothing of it loads before Optimise is pressed). */
export function startOptimiser(items: FsrsItem[], current: readonly number[], onProgress: (progress: FitProgress) => void): OptimiseJob {
	return runOptimiser(() => new Worker(new URL('./optimiser-worker.ts', import.meta.url), { type: 'module' }), items, current, onProgress);
}
