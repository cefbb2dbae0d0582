import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deckSummaries, FactdeckDB, importDeck, reviewsOf, saveSettings, type CardRow } from '$lib/db';
import { StudySession, summarise, type Graded } from '$lib/app/study-session.svelte';
import { Rating } from '$lib/scheduler/fsrs';
import { State } from '$lib/scheduler/progress';
import { deckFile } from '../db/deck-fixture';

const start = new Date('2026-03-02T09:00:00Z');
let db: FactdeckDB;
let n = 0;
let now: Date;
let persistCalls: number;

const cards: [string, string, string][] = [
	['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
	['c-2', 'In which year was the NCAFP founded?', '1974'],
	['c-3', 'What kind of talks are Track II talks?', 'unofficial']
];

function session(id = 'd1'): StudySession {
	return new StudySession(id, {
		db,
		clock: () => now,
		enableFuzz: false,
		persist: async () => {
			persistCalls++;
			return true;
		}
	});
}

/** Moves the session clock forward by `ms`. */
function wait(ms: number): void {
	now = new Date(now.getTime() + ms);
}

beforeEach(async () => {
	db = new FactdeckDB(`study-session-${++n}`);
	await db.open();
	await importDeck(db, deckFile('d1', cards), 'add', start);
	now = start;
	persistCalls = 0;
});
afterEach(async () => {
	await db.delete();
});

describe('StudySession', () => {
	it('shows new cards in deck order, answer hidden, and previews the four intervals on reveal', async () => {
		const s = session();
		await s.start();
		expect(s.phase).toBe('question');
		expect(s.current?.id).toBe('c-1');
		expect(s.remaining).toEqual({ learning: 0, review: 0, new: 3 });
		s.reveal();
		expect(s.phase).toBe('answer');
		// ts-fsrs defaults (fuzz off) for a new card: Again 1m, Hard 6m, Good 10m, Easy 8d.
		expect(s.previews.map((p) => `${p.name} ${p.label}`)).toEqual(['Again 1m', 'Hard 6m', 'Good 10m', 'Easy 8d']);
	});

	it('grading writes the review and moves on; the card in learning comes back at the end', async () => {
		const s = session();
		await s.start();
		s.reveal();
		wait(4_000);
		await s.grade(Rating.Good);
		expect(s.current?.id).toBe('c-2');
		expect(s.remaining).toEqual({ learning: 1, review: 0, new: 2 });
		const reviews = await reviewsOf(db, 'd1');
		expect(reviews.map((r) => [r.cardId, r.log.rating, r.durationMs])).toEqual([['c-1', Rating.Good, 4_000]]);
		const [summary] = await deckSummaries(db, now);
		expect(summary?.new).toBe(2);
		expect(persistCalls).toBe(1);
	});

	it('shows the next card only once the grade is stored (regression: create.spec left before the write)', async () => {
		const s = session();
		await s.start();
		s.reveal();
		// The grade's transaction commits, but its result is held back until `release`.
		let release = () => {};
		let committed = false;
		const real = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
		vi.spyOn(db, 'transaction').mockImplementationOnce(((...args: unknown[]) =>
			real(...args).then((result) => {
				committed = true;
				return new Promise<unknown>((resolve) => (release = () => resolve(result)));
			})) as typeof db.transaction);
		const grading = s.grade(Rating.Good);
		await vi.waitFor(() => expect(committed).toBe(true));
		expect((await reviewsOf(db, 'd1')).map((r) => r.cardId)).toEqual(['c-1']);
		// Stored, but the session has not heard back: the card and its answer stay, no second grade is taken.
		expect([s.phase, s.current?.id, s.busy, s.history.length]).toEqual(['answer', 'c-1', true, 0]);
		await s.grade(Rating.Easy);
		release();
		await grading;
		expect([s.phase, s.current?.id, s.busy, s.history.map((h) => h.grade)]).toEqual(['question', 'c-2', false, [Rating.Good]]);
		expect((await reviewsOf(db, 'd1')).map((r) => [r.cardId, r.log.rating])).toEqual([['c-1', Rating.Good]]);
	});

	it('asks for persistent storage once, after the first review', async () => {
		const s = session();
		await s.start();
		expect(persistCalls).toBe(0);
		for (let i = 0; i < 2; i++) {
			s.reveal();
			await s.grade(Rating.Good);
		}
		expect(persistCalls).toBe(1);
	});

	it('keeps to the daily new-card limit, counting new cards already studied today', async () => {
		await saveSettings(db, { newPerDay: 2 });
		const first = session();
		await first.start();
		first.reveal();
		await first.grade(Rating.Easy);
		const second = session();
		await second.start();
		expect(second.remaining.new).toBe(1);
		expect(second.current?.id).toBe('c-2');
		second.reveal();
		await second.grade(Rating.Easy);
		expect(second.phase).toBe('done');
	});

	it('Undo takes the last grade back completely and shows that card again', async () => {
		const s = session();
		await s.start();
		const before = s.current;
		s.reveal();
		await s.grade(Rating.Again);
		expect(s.current?.id).toBe('c-2');
		await s.undo();
		expect(s.current).toEqual(before);
		expect(s.phase).toBe('question');
		expect(s.history).toEqual([]);
		expect(s.remaining).toEqual({ learning: 0, review: 0, new: 3 });
		expect(await reviewsOf(db, 'd1')).toEqual([]);
		const [summary] = await deckSummaries(db, now);
		expect(summary?.new).toBe(3);
	});

	it('ends with a summary: cards, correct share, time and next due', async () => {
		await saveSettings(db, { newPerDay: 2 });
		const s = session();
		await s.start();
		s.reveal();
		wait(5_000);
		await s.grade(Rating.Easy);
		s.reveal();
		wait(200_000); // away from the screen: counted as the 60 s cap
		await s.grade(Rating.Hard);
		// c-2 graded Hard is learning, due in 6 min: still inside the 20-minute learn-ahead window.
		expect(s.current?.id).toBe('c-2');
		s.reveal();
		wait(3_000);
		await s.grade(Rating.Easy);
		expect(s.phase).toBe('done');
		expect(s.summary).toEqual({
			cards: 2,
			reviews: 3,
			correctShare: 2 / 3,
			timeMs: 5_000 + 60_000 + 3_000,
			nextDue: Math.min(...[...(await db.cards.toArray())].filter((r) => r.progress.state !== State.New).map((r) => r.due))
		});
	});

	it('a failing write shows the StorageError message and keeps the card and its answer on screen', async () => {
		const s = session();
		await s.start();
		s.reveal();
		db.close();
		await s.grade(Rating.Good);
		expect(s.error).toMatch(/^Could not record the review/);
		expect(s.phase).toBe('answer');
		expect(s.current?.id).toBe('c-1');
		expect(s.history).toEqual([]);
		await db.open();
		await s.grade(Rating.Good);
		expect(s.error).toBeNull();
		expect(s.current?.id).toBe('c-2');
	});

	it('an mcq answered by choosing pre-selects Good when right and Again when wrong', async () => {
		const mcq = deckFile('m1', [['q-1', 'Who is the President of NCAFP?', 'George Schwab']]);
		mcq.cards[0] = { ...mcq.cards[0]!, type: 'mcq', choices: ['Henry Kissinger', 'George Schwab', 'Donald Zagoria'] };
		await importDeck(db, mcq, 'add', start);
		const right = session('m1');
		await right.start();
		right.choose('George Schwab');
		expect([right.phase, right.chosen, right.suggested, right.verdict?.correct]).toEqual(['answer', 'George Schwab', Rating.Good, true]);
		await right.grade(Rating.Hard);
		await right.undo();
		right.choose('Henry Kissinger');
		expect([right.suggested, right.verdict?.correct]).toEqual([Rating.Again, false]);
	});

	it('an unknown deck is reported as missing', async () => {
		const s = session('nope');
		await s.start();
		expect([s.phase, s.loadError]).toEqual(['missing', null]);
	});

	it('a storage failure is shown with its cause, not as "Deck not found", and start() again retries', async () => {
		// How every call fails in a browser without usable IndexedDB (a private window).
		const privateWindow = new Dexie.DatabaseClosedError(new Dexie.OpenFailedError(new Dexie.MissingAPIError('IndexedDB API missing')));
		vi.spyOn(db.decks, 'get').mockRejectedValueOnce(privateWindow);
		const s = session();
		await s.start();
		expect([s.phase, s.loadError]).toEqual([
			'failed',
			'Could not open this deck: this browser does not let Factdeck store data (a private window, or site data turned off). Open Factdeck in a normal window, or allow site data for it, then reload. Nothing was saved.'
		]);
		await s.start();
		expect([s.phase, s.loadError, s.current?.id]).toEqual(['question', null, 'c-1']);
	});

	it('a failure after the deck was read ends the loading (regression: "Loading cards…" forever)', async () => {
		vi.spyOn(db.settings, 'get').mockRejectedValueOnce(new Dexie.VersionError('The requested version (10) is less than the existing version (20).'));
		const s = session();
		await s.start();
		expect([s.phase, s.loadError]).toEqual([
			'failed',
			'Could not open this deck: Factdeck is open in another tab with a different version. Close the other Factdeck tabs, then reload this page. Nothing was changed.'
		]);
	});

	it('a deck with nothing to study ends at once with an empty summary', async () => {
		await saveSettings(db, { newPerDay: 0 });
		const s = session();
		await s.start();
		expect(s.phase).toBe('done');
		expect(s.summary).toEqual({ cards: 0, reviews: 0, correctShare: 0, timeMs: 0, nextDue: null });
	});
});

describe('summarise', () => {
	it('counts Good and Easy as correct and skips new and suspended cards for next due', () => {
		const row = (id: string, due: number, state: State, suspended = false) =>
			({ id, suspended, progress: { due, state } }) as unknown as CardRow;
		const graded = (grade: Rating, cardId: string) => ({ grade, cardId, durationMs: 1000 }) as unknown as Graded;
		const summary = summarise(
			[graded(Rating.Again, 'a'), graded(Rating.Good, 'a'), graded(Rating.Easy, 'b'), graded(Rating.Hard, 'c')],
			[row('a', 500, State.Review), row('b', 100, State.New), row('c', 50, State.Review, true), row('d', 700, State.Learning)]
		);
		expect(summary).toEqual({ cards: 3, reviews: 4, correctShare: 0.5, timeMs: 4000, nextDue: 500 });
	});
});

describe('due by study day (issue 12, §2.2)', () => {
	// Paris in winter (UTC+1). Every card was reviewed on 1 March at 21:00 with a 1-day interval: due 2 March 21:00.
	const paris = () => 60;
	const reviewed = Date.parse('2026-03-01T20:00:00Z');
	beforeEach(async () => {
		await saveSettings(db, { newPerDay: 0, rolloverHour: 4 });
		await db.cards.toCollection().modify((row) => {
			row.progress = { ...row.progress, state: State.Review, reps: 1, stability: 1, scheduled_days: 1, last_review: reviewed, due: reviewed + 86_400_000 };
			row.due = row.progress.due;
		});
	});
	const study = () => new StudySession('d1', { db, clock: () => now, enableFuzz: false, zone: paris, persist: async () => true });

	it('studies them at 08:00 on their due day, and the home page counts them', async () => {
		now = new Date('2026-03-02T07:00:00Z');
		const s = study();
		await s.start();
		expect([s.phase, s.remaining]).toEqual(['question', { learning: 0, review: 3, new: 0 }]);
		expect((await deckSummaries(db, now, paris)).map((d) => d.due)).toEqual([3]);
	});

	it('at 03:00, before the next day starts at 04:00, they are not due yet; with the day starting at 02:00 they are', async () => {
		now = new Date('2026-03-02T02:00:00Z');
		const s = study();
		await s.start();
		expect(s.phase).toBe('done');
		expect((await deckSummaries(db, now, paris)).map((d) => d.due)).toEqual([0]);
		await saveSettings(db, { rolloverHour: 2 });
		const early = study();
		await early.start();
		expect(early.remaining.review).toBe(3);
		expect((await deckSummaries(db, now, paris)).map((d) => d.due)).toEqual([3]);
	});
});
