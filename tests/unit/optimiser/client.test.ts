import { describe, expect, it } from 'vitest';
import { OptimiseCancelled, runOptimiser, type WorkerLike } from '$lib/optimiser/client';
import { parseRequest } from '$lib/optimiser/protocol';

/** A stand-in worker: records what it was sent and whether it was terminated; `reply` plays the worker's side. */
function fakeWorker() {
	const listeners = new Map<string, ((event: Event) => void)[]>();
	const state = { sent: [] as unknown[], terminated: 0 };
	const worker: WorkerLike = {
		postMessage: (message: unknown) => state.sent.push(message),
		terminate: () => void state.terminated++,
		addEventListener: ((type: string, listener: (event: Event) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener])) as WorkerLike['addEventListener']
	};
	const reply = (data: unknown) => listeners.get('message')?.forEach((l) => l(new MessageEvent('message', { data })));
	return { worker, state, reply };
}

const items = [{ reviews: [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }] }];
const metrics = { logLoss: 0.3, rmseBins: 0.05, count: 1 };

describe('the optimiser client', () => {
	it('sends the items and the parameters in use, passes progress on, and ends with the result, stopping the worker', async () => {
		const { worker, state, reply } = fakeWorker();
		const progress: unknown[] = [];
		const job = runOptimiser(() => worker, items, [1, 2], (p) => progress.push(p));
		expect(state.sent.map(parseRequest)).toEqual([{ type: 'optimise', items, current: [1, 2] }]);
		reply({ type: 'progress', progress: { done: 2, total: 10 } });
		reply({ type: 'result', result: { fitted: [3, 4], current: metrics, after: metrics } });
		await expect(job.promise).resolves.toEqual({ fitted: [3, 4], current: metrics, after: metrics });
		expect(progress).toEqual([{ done: 2, total: 10 }]);
		expect(state.terminated).toBe(1);
	});

	it('Cancel terminates the worker at once and says nothing was changed; a late reply is ignored', async () => {
		const { worker, state, reply } = fakeWorker();
		const job = runOptimiser(() => worker, items, [1, 2], () => {});
		job.cancel();
		await expect(job.promise).rejects.toEqual(new OptimiseCancelled());
		expect(new OptimiseCancelled().message).toBe('Optimise cancelled. Nothing was changed.');
		reply({ type: 'result', result: { fitted: [3, 4], current: metrics, after: metrics } });
		expect(state.terminated).toBe(1);
	});

	it("ends with the worker's error, or a clear one for a reply it cannot read", async () => {
		const failing = fakeWorker();
		const job = runOptimiser(() => failing.worker, items, [1], () => {});
		failing.reply({ type: 'error', message: 'The optimiser stopped with an error (unreachable).' });
		await expect(job.promise).rejects.toThrow('The optimiser stopped with an error (unreachable).');
		const garbled = fakeWorker();
		const other = runOptimiser(() => garbled.worker, items, [1], () => {});
		garbled.reply({ type: 'result', result: { fitted: 'no' } });
		await expect(other.promise).rejects.toThrow('The optimiser sent a reply that could not be read. Try again.');
		expect(garbled.state.terminated).toBe(1);
	});
});
