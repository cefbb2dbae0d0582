// The create page's session (issue 12, 1.6 and 6): generating ends in a deck, a message with Retry, or a cancel,
// never a spinner; the pasted text is read only when the deck is generated.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CreateSession, NO_DOCUMENT } from '$lib/app/create-session.svelte';
import type { DeckFile } from '$lib/domain/types';
import { CRASH_MESSAGE, GenerateAbortedError, GeneratorCrashedError, type GenerateJob } from '$lib/generator/client';
import type * as core from '$lib/generator/core/index';
import * as read from '$lib/generator/core/read';
import type { JobOptions } from '$lib/generator/protocol';
import { goodDeck } from '../formats/decks';

vi.mock('$lib/generator/core/read', async (original) => {
	const actual = await original<typeof import('$lib/generator/core/read')>();
	return { ...actual, parseDocument: vi.fn(actual.parseDocument) };
});

interface Call {
	docs: core.GenerateDoc[];
	options: JobOptions;
	onProgress: (p: core.GenerateProgress) => void;
	resolve: (deck: DeckFile) => void;
	reject: (error: Error) => void;
	aborted: boolean;
}

let calls: Call[];
const saved: [string, string, string | null][] = [];
const now = new Date('2026-03-02T09:00:00Z');

function session(): CreateSession {
	return new CreateSession({
		clock: () => now,
		generate: (docs, options, onProgress) => {
			let settle!: Pick<Call, 'resolve' | 'reject'>;
			const promise = new Promise<DeckFile>((resolve, reject) => (settle = { resolve, reject }));
			const call: Call = { docs, options, onProgress, ...settle, aborted: false };
			calls.push(call);
			const job: GenerateJob = {
				promise,
				abort() {
					call.aborted = true;
					call.reject(new GenerateAbortedError());
				}
			};
			return job;
		},
		addDeck: async (deck, mode, _now, day) => {
			saved.push([deck.id, mode, day]);
			return mode === 'add' && deck.id === 'taken' ? { ok: false, conflict: true } : { ok: true, id: mode === 'copy' ? `${deck.id}-2` : deck.id };
		}
	});
}

const TEXT = 'The NCAFP\n\nGeorge Schwab is the president of the NCAFP. The NCAFP was founded in 1974.';

beforeEach(() => {
	calls = [];
	saved.length = 0;
	vi.mocked(read.parseDocument).mockClear();
});

describe('CreateSession', () => {
	it('reads the pasted text only at Generate deck, not on each keystroke (regression: re-parse per keystroke)', async () => {
		const s = session();
		for (let i = 1; i <= TEXT.length; i += 7) s.pasted = TEXT.slice(0, i);
		s.pasted = TEXT;
		expect(s.totalLength).toBe(TEXT.length);
		expect(read.parseDocument).toHaveBeenCalledTimes(0);
		const run = s.generate();
		expect(read.parseDocument).toHaveBeenCalledTimes(1);
		expect(calls[0]!.docs).toEqual([{ id: 'doc-1', title: 'The NCAFP', text: 'George Schwab is the president of the NCAFP. The NCAFP was founded in 1974.' }]);
		expect(calls[0]!.options).toEqual({ now: '2026-03-02T09:00:00.000Z' });
		calls[0]!.resolve(goodDeck());
		await run;
		expect([s.job, s.failure, s.error, s.title, s.items.length, s.kept]).toEqual([null, null, null, 'The NCAFP', 6, 6]);
	});

	it('a crashed generator ends in its message and Retry runs it again (regression: endless spinner)', async () => {
		const s = session();
		s.pasted = TEXT;
		const run = s.generate();
		calls[0]!.onProgress({ stage: 'facts', done: 1, total: 3 });
		expect([s.job !== null, s.progress]).toEqual([true, { stage: 'facts', done: 1, total: 3 }]);
		calls[0]!.reject(new GeneratorCrashedError(CRASH_MESSAGE));
		await run;
		expect([s.job, s.progress, s.failure, s.error, s.generated]).toEqual([null, null, CRASH_MESSAGE, null, null]);

		const retry = s.generate();
		expect([calls.length, s.failure, s.job !== null]).toEqual([2, null, true]);
		calls[1]!.resolve(goodDeck());
		await retry;
		expect([s.job, s.failure, s.generated?.id]).toEqual([null, null, 'ncafp']);
	});

	it('the generator’s own error is a message too, with what failed', async () => {
		const s = session();
		s.pasted = TEXT;
		const run = s.generate();
		calls[0]!.reject(new Error('No sentences found'));
		await run;
		expect([s.job, s.failure]).toEqual([null, 'Could not generate the deck: No sentences found']);
	});

	it('Cancel ends the job quietly', async () => {
		const s = session();
		s.pasted = TEXT;
		const run = s.generate();
		s.cancel();
		await run;
		expect([calls[0]!.aborted, s.job, s.failure, s.error, s.generated]).toEqual([true, null, null, null, null]);
	});

	it('says what to do when there is nothing to generate from', async () => {
		const s = session();
		s.pasted = '   ';
		await s.generate();
		expect([calls.length, s.error]).toEqual([0, NO_DOCUMENT]);
	});

	it('a typed title is used when regenerating, until the documents change', async () => {
		const s = session();
		s.pasted = TEXT;
		let run = s.generate();
		calls[0]!.resolve(goodDeck());
		await run;
		s.typeTitle('My reading');
		run = s.generate();
		expect(calls[1]!.options).toEqual({ title: 'My reading', now: '2026-03-02T09:00:00.000Z' });
		calls[1]!.resolve({ ...goodDeck(), title: 'My reading' });
		await run;
		s.pasted = `${TEXT} More.`;
		run = s.generate();
		expect(calls[2]!.options).toEqual({ now: '2026-03-02T09:00:00.000Z' });
		calls[2]!.resolve(goodDeck());
		await run;
	});

	it('Save deck stores the kept cards, beside a deck with the same id as a copy', async () => {
		const s = session();
		s.pasted = TEXT;
		const run = s.generate();
		calls[0]!.resolve(goodDeck());
		await run;
		s.typeTitle('Taken');
		s.seminarDate = '2026-04-01';
		expect(await s.save()).toBe('taken-2');
		expect(saved).toEqual([
			['taken', 'add', '2026-04-01'],
			['taken', 'copy', '2026-04-01']
		]);
		s.items = s.items.map((item) => ({ ...item, kept: false }));
		expect([await s.save(), s.error]).toEqual([null, 'Keep at least one card to save the deck.']);
	});
});
