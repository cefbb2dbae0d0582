/**
 * The optimiser's Web Worker: a thin shell. It is started only when the learner presses Optimise, so
 * fsrs-browser's WebAssembly (≈ 440 KB gzip, from our own origin) is fetched only then, and the service worker
 * keeps it for offline use (vite.config.ts, runtime cache). One job per worker: Cancel terminates it.
 */
import init, * as lib from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { fitParameters, OptimiserError, optimise } from './fit';
import { parseRequest, type OptimiserReply } from './protocol';

/** The dedicated-worker scope, reduced to what this file uses (the app's TS lib is DOM, not WebWorker). */
interface Scope {
	postMessage(message: OptimiserReply): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope: Scope = self as unknown as Scope;

scope.addEventListener('message', async (event) => {
	const request = parseRequest(event.data);
	if (!request) return scope.postMessage({ type: 'error', message: 'The optimiser was sent a request it could not read.' });
	try {
		const output = await init({ module_or_path: wasmUrl });
		const result = optimise(
			(items, onProgress) => fitParameters(lib, () => output.memory.buffer as ArrayBuffer, items, onProgress),
			request.items, request.current, (progress) => scope.postMessage({ type: 'progress', progress }));
		scope.postMessage({ type: 'result', result });
	} catch (error) {
		const message =
			error instanceof OptimiserError
				? error.message
				: `The optimiser could not start (${error instanceof Error ? error.message : String(error)}). Try again; if it fails again, this browser may not support WebAssembly.`;
		scope.postMessage({ type: 'error', message });
	}
});
