// The generator client against a fake Worker (issue 12, 1.6): a worker that dies (out of memory on a phone, a
// script that failed to load) or sends an unreadable reply ends the job with a message, never a spinner; the
// dead worker is terminated and the next job gets a new one; a replaced or finished job leaves no listener.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	CRASH_MESSAGE,
	createGeneratorClient,
	GenerateAbortedError,
	GeneratorCrashedError,
	UNREADABLE_REPLY_MESSAGE,
	type WorkerLike
} from '$lib/generator/client';
import type { WorkerRequest } from '$lib/generator/protocol';
import { goodDeck } from '../formats/decks';

class FakeWorker extends EventTarget {
	posted: WorkerRequest[] = [];
	terminated = false;
	listeners = 0;

	postMessage(message: WorkerRequest): void {
		this.posted.push(message);
	}

	terminate(): void {
		this.terminated = true;
	}

	override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
		this.listeners++;
		super.addEventListener(type, listener);
	}

	override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
		this.listeners--;
		super.removeEventListener(type, listener);
	}

	reply(data: unknown): void {
		this.dispatchEvent(new MessageEvent('message', { data }));
	}

	/** What the browser fires on the Worker when its script dies or fails to load. */
	crash(message?: string): Event {
		const event = new Event('error', { cancelable: true });
		if (message !== undefined) Object.assign(event, { message });
		this.dispatchEvent(event);
		return event;
	}
}

const docs = [{ id: 'doc-1', title: 'Notes', text: 'George Schwab is the president of the NCAFP.' }];
let workers: FakeWorker[];

function client() {
	return createGeneratorClient(() => {
		const worker = new FakeWorker();
		workers.push(worker);
		// The fake has what the client uses of a Worker (postMessage, terminate, the listener methods).
		return worker as unknown as WorkerLike;
	}, 1_000);
}

/** The states that matter after a job ends: how many workers, each one's listeners and whether it was stopped. */
const state = () => workers.map((w) => ({ listeners: w.listeners, terminated: w.terminated }));

beforeEach(() => {
	workers = [];
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('generator client', () => {
	it('reports progress, resolves with the validated deck, removes its listeners and stops the worker when idle', async () => {
		const progress: unknown[] = [];
		const job = client().generate(docs, { title: 'T' }, (p) => progress.push(p));
		expect(workers[0]!.posted).toEqual([{ type: 'generate', job: 1, docs, options: { title: 'T' } }]);
		workers[0]!.reply({ type: 'progress', job: 1, progress: { stage: 'facts', done: 1, total: 2 } });
		workers[0]!.reply({ type: 'result', job: 1, deck: goodDeck() });
		await expect(job.promise).resolves.toEqual(goodDeck());
		expect(progress).toEqual([{ stage: 'facts', done: 1, total: 2 }]);
		expect(state()).toEqual([{ listeners: 0, terminated: false }]);
		vi.advanceTimersByTime(1_000);
		expect(state()).toEqual([{ listeners: 0, terminated: true }]);
	});

	it('a worker that dies ends the job with a message and a new worker runs the retry (regression: endless spinner)', async () => {
		const generator = client();
		const job = generator.generate(docs);
		const event = workers[0]!.crash('Uncaught RangeError: Array buffer allocation failed');
		await expect(job.promise).rejects.toThrow(new GeneratorCrashedError(`${CRASH_MESSAGE} (Uncaught RangeError: Array buffer allocation failed)`));
		await expect(job.promise).rejects.toBeInstanceOf(GeneratorCrashedError);
		expect(event.defaultPrevented).toBe(true);
		expect(state()).toEqual([{ listeners: 0, terminated: true }]);

		const retry = generator.generate(docs);
		expect(workers).toHaveLength(2);
		expect(workers[1]!.posted).toEqual([{ type: 'generate', job: 2, docs, options: {} }]);
		workers[1]!.reply({ type: 'result', job: 2, deck: goodDeck() });
		await expect(retry.promise).resolves.toEqual(goodDeck());
		expect(state()).toEqual([
			{ listeners: 0, terminated: true },
			{ listeners: 0, terminated: false }
		]);
	});

	it('a script that fails to load (an error event with no message) gives the plain crash message', async () => {
		const job = client().generate(docs);
		workers[0]!.crash();
		await expect(job.promise).rejects.toThrow(new GeneratorCrashedError(CRASH_MESSAGE));
		expect(CRASH_MESSAGE).toBe(
			'The card generator stopped before it finished (the device may have run out of memory). Try again; if it stops again, generate from a shorter part of the document.'
		);
	});

	it('offline, a worker that fails to load says the generator is not on this device yet', async () => {
		vi.stubGlobal('navigator', { onLine: false });
		try {
			const job = client().generate(docs);
			workers[0]!.crash();
			await expect(job.promise).rejects.toThrow(
				new GeneratorCrashedError(
					'The card generator is not on this device yet: it is downloaded the first time Factdeck is open while online. Connect to the internet once, then press Retry.'
				)
			);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('an unreadable reply (messageerror) ends the job and replaces the worker', async () => {
		const job = client().generate(docs);
		workers[0]!.dispatchEvent(new MessageEvent('messageerror'));
		await expect(job.promise).rejects.toThrow(new GeneratorCrashedError(UNREADABLE_REPLY_MESSAGE));
		expect(state()).toEqual([{ listeners: 0, terminated: true }]);
	});

	it('a replaced job is cancelled with its listeners removed; its late reply changes nothing', async () => {
		const generator = client();
		const first = generator.generate(docs);
		const second = generator.generate(docs);
		await expect(first.promise).rejects.toBeInstanceOf(GenerateAbortedError);
		// The first worker was busy with the replaced job: stopped, and the second job runs on a new one.
		expect(state()).toEqual([
			{ listeners: 0, terminated: true },
			{ listeners: 3, terminated: false }
		]);
		workers[1]!.reply({ type: 'result', job: 1, deck: { ...goodDeck(), title: 'stale' } });
		workers[1]!.reply({ type: 'result', job: 2, deck: goodDeck() });
		await expect(second.promise).resolves.toEqual(goodDeck());
	});

	it('the generator’s own error ends the job and keeps the worker', async () => {
		const job = client().generate(docs);
		workers[0]!.reply({ type: 'error', job: 1, message: 'No text to read' });
		await expect(job.promise).rejects.toThrow(new Error('No text to read'));
		expect(state()).toEqual([{ listeners: 0, terminated: false }]);
	});

	it('abort stops the worker and rejects; abort after the end does nothing', async () => {
		const generator = client();
		const job = generator.generate(docs);
		job.abort();
		await expect(job.promise).rejects.toBeInstanceOf(GenerateAbortedError);
		expect(state()).toEqual([{ listeners: 0, terminated: true }]);
		const done = generator.generate(docs);
		workers[1]!.reply({ type: 'result', job: 2, deck: goodDeck() });
		await done.promise;
		done.abort();
		expect(state()).toEqual([
			{ listeners: 0, terminated: true },
			{ listeners: 0, terminated: false }
		]);
	});
});
