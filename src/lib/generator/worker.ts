/**
 * The generator's Web Worker: a thin shell around the pure core. It takes one job at a time (generation is
 * synchronous), reports progress, and answers `cancel` for jobs still queued; a running job is stopped by
 * the client terminating the worker.
 */
import { generateDeck } from './core/index';
import { parseRequest, type WorkerReply } from './protocol';

/** The dedicated-worker scope, reduced to what this file uses (the app's TS lib is DOM, not WebWorker). */
interface Scope {
	postMessage(message: WorkerReply): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope: Scope = self as unknown as Scope;
const cancelled = new Set<number>();

scope.addEventListener('message', (event) => {
	const request = parseRequest(event.data);
	if (!request) return;
	if (request.type === 'cancel') {
		cancelled.add(request.job);
		return;
	}
	const { job } = request;
	if (cancelled.delete(job)) return;
	try {
		const deck = generateDeck(request.docs, {
			...request.options,
			onProgress: (progress) => scope.postMessage({ type: 'progress', job, progress })
		});
		scope.postMessage({ type: 'result', job, deck });
	} catch (e) {
		scope.postMessage({ type: 'error', job, message: e instanceof Error ? e.message : String(e) });
	}
});
