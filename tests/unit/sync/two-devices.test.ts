// Two devices syncing through one CouchDB-compatible server (pouchdb-server, in memory, started here), each with
// its own IndexedDB (separate fake-indexeddb factories): issue 11's scenario, and a push cut off half-way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, deckSummary, deleteCards, exportAll, FactdeckDB, importDeck, recordReview, saveSettings, setCardMarks, updateCard, type BackupFile, type ParametersRow } from '$lib/db';
import { DEFAULT_PARAMETERS } from '$lib/optimiser/fit';
import { saveSyncSettings } from '$lib/db/sync';
import { replayScheduler, syncOnce, type SyncResult } from '$lib/sync/run';
import { connect, type Remote } from '$lib/sync/transport';
import { Rating, Scheduler, schedulerOptions } from '$lib/scheduler/fsrs';
import { getDayRule, getSettings } from '$lib/db/settings';
import { schedulingWeights } from '$lib/db/parameters';
import { deckFile } from '../db/deck-fixture';
import { startSyncServer, type SyncServer } from '../../sync-server';
import { useDevices } from './devices';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9);
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: true });
const ANSWERS = ['George Schwab', '1974', 'unofficial'];
const file = deckFile(
	'd',
	Array.from({ length: 20 }, (_, i): [string, string, string] => [`c-${i + 1}`, `Question ${i + 1} about the reading?`, ANSWERS[i % 3]!])
);

let server: SyncServer;
let n = 0;
const { device, at } = useDevices(T0);

beforeAll(async () => {
	server = await startSyncServer();
});
afterAll(async () => {
	await server.stop();
});

async function sync(db: FactdeckDB, remote: Remote): Promise<SyncResult> {
	return syncOnce({ db, remote, scheduler, now: () => Date.now() });
}

/** Syncs both devices in turn until a round moves nothing. */
async function untilQuiet(a: [FactdeckDB, Remote], b: [FactdeckDB, Remote]): Promise<number> {
	for (let round = 1; round <= 6; round++) {
		const results = [await sync(...a), await sync(...b)];
		if (results.every((r) => r.pushed === 0 && r.applied === 0)) return round;
	}
	throw new Error('sync did not settle in 6 rounds');
}

/** Everything on the device, as a backup, with reviews named by uid (their local ids differ per device). */
async function contents(db: FactdeckDB): Promise<BackupFile> {
	const all = await exportAll(db, new Date(T0));
	return { ...all, reviews: all.reviews.map(({ id: _id, ...r }) => r).sort((x, y) => (x.uid! < y.uid! ? -1 : 1)) };
}

/** Devices A (with the deck) and B, both with sync on, and the database they share. */
async function twoDevices(name: string): Promise<{ a: FactdeckDB; b: FactdeckDB; remote: Remote }> {
	const url = await server.createDatabase(`${name}-${++n}`);
	const a = device(`a-${n}`);
	const b = device(`b-${n}`);
	await importDeck(a, file, 'add', at(0));
	for (const db of [a, b]) await saveSyncSettings(db, { url, username: '', password: '' });
	return { a, b, remote: await connect({ url, username: '', password: '' }) };
}

const grade = (db: FactdeckDB, cardId: string, now: Date) => recordReview(db, scheduler, { deckId: 'd', cardId, grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
const question = (backup: BackupFile, cardId: string) => backup.decks[0]!.cards.find((c) => c.id === cardId)?.question;

describe('two devices syncing through CouchDB', () => {
	it("converge with nothing lost: both devices' reviews, B's later edit, A's later delete, B's new card", async () => {
		const url = await server.createDatabase(`scenario-${++n}`);
		const a = device(`a-${n}`);
		const b = device(`b-${n}`);
		await importDeck(a, file, 'add', at(0));
		await saveSyncSettings(a, { url, username: '', password: '' });
		await saveSyncSettings(b, { url, username: '', password: '' });
		const remote = await connect({ url, username: '', password: '' });
		await sync(a, remote);
		await sync(b, remote);
		expect((await contents(b)).decks).toEqual((await contents(a)).decks);

		// Both offline.
		for (let i = 1; i <= 10; i++) await grade(a, `c-${i}`, at(10 + i));
		for (let i = 5; i <= 15; i++) await grade(b, `c-${i}`, at(30 + i));
		const card = (id: string) => file.cards.find((c) => c.id === id)!;
		await updateCard(a, 'd', { ...card('c-3'), question: 'Question 3, as A wrote it?' }, { resetProgress: false, now: at(50) });
		await updateCard(b, 'd', { ...card('c-20'), question: 'Question 20, as B wrote it?' }, { resetProgress: false, now: at(55) });
		await updateCard(b, 'd', { ...card('c-3'), question: 'Question 3, as B wrote it?' }, { resetProgress: false, now: at(60) });
		await deleteCards(a, 'd', ['c-20'], at(65));
		const added = await addCard(b, 'd', { type: 'basic', question: 'Who presides over the NCAFP?', answer: 'George Schwab', tags: [], score: 1 }, at(70));

		// Online again.
		at(80);
		expect(await untilQuiet([a, remote], [b, remote])).toBeLessThanOrEqual(3);
		const onA = await contents(a);
		const onB = await contents(b);
		expect(onB).toEqual(onA);
		// Every review exactly once: A's 10 and B's 11.
		expect(onA.reviews).toHaveLength(21);
		expect(new Set(onA.reviews.map((r) => r.uid)).size).toBe(21);
		expect(onA.reviews.filter((r) => r.cardId === 'c-7').map((r) => r.at).sort()).toEqual([T0 + 17 * MINUTE, T0 + 37 * MINUTE]);
		expect(question(onA, 'c-3')).toBe('Question 3, as B wrote it?');
		expect(question(onA, 'c-20')).toBeUndefined();
		expect(question(onA, added.cardId)).toBe('Who presides over the NCAFP?');
		expect(onA.decks[0]!.cards).toHaveLength(20);
		// A card graded on both devices has the state of both grades, replayed in time order.
		const c7 = onA.decks[0]!.cards.find((c) => c.id === 'c-7')!;
		expect(c7.progress!.reps).toBe(2);
		expect(c7.progress!.last_review).toBe(T0 + 37 * MINUTE);
	});

	it('a push cut off half-way, or whose answer was lost, is retried with no duplicate and nothing lost', async () => {
		const url = await server.createDatabase(`cut-${++n}`);
		const a = device(`a-${n}`);
		const b = device(`b-${n}`);
		await importDeck(a, file, 'add', at(0));
		await saveSyncSettings(a, { url, username: '', password: '' });
		for (let i = 1; i <= 20; i++) await grade(a, `c-${i}`, at(i));
		const remote = await connect({ url, username: '', password: '' });
		let cut = 0;
		const cutOff: Remote = {
			pull: (since, limit) => remote.pull(since, limit),
			peek: (since, limit) => remote.peek(since, limit),
			async push(entries) {
				// First call: half the batch reaches the server, then the connection drops. Second: all of it
				// reaches the server, but the answer is lost.
				cut++;
				await remote.push(cut === 1 ? entries.slice(0, Math.floor(entries.length / 2)) : entries);
				throw new Error('connection reset');
			}
		};
		await expect(syncOnce({ db: a, remote: cutOff, scheduler, now: () => Date.now(), pageSize: 30 })).rejects.toThrow('connection reset');
		const pending = await a.outbox.count();
		expect(pending).toBeGreaterThan(0);
		await expect(syncOnce({ db: a, remote: cutOff, scheduler, now: () => Date.now(), pageSize: 30 })).rejects.toThrow('connection reset');
		expect(await a.outbox.count()).toBe(pending);

		const result = await sync(a, remote);
		expect(result.pushed).toBe(pending);
		expect(await a.outbox.count()).toBe(0);
		// Each entry is on the server once: one deck, 20 cards, one source, 20 reviews.
		const docs = (await (await fetch(`${url}/_all_docs`)).json()) as { total_rows: number };
		expect(docs.total_rows).toBe(1 + 20 + 1 + 20);

		await saveSyncSettings(b, { url, username: '', password: '' });
		await sync(b, remote);
		expect(await contents(b)).toEqual(await contents(a));
		expect(await b.reviews.count()).toBe(20);
	});

	it('fitted FSRS parameters reach the other device, and the later fit wins (last writer, as settings)', async () => {
		const { a, b, remote } = await twoDevices('parameters');
		const metrics = { logLoss: 0.4, rmseBins: 0.1, count: 600 };
		const fit = (first: number, fittedAt: number): ParametersRow => ({ key: 'fsrs', w: [first, ...DEFAULT_PARAMETERS.slice(1)], fittedAt, reviews: 600, before: metrics, after: { ...metrics, logLoss: 0.35 } });
		at(5);
		await a.parameters.put(fit(0.5, T0 + 5 * MINUTE));
		await untilQuiet([a, remote], [b, remote]);
		expect(await b.parameters.toArray()).toEqual([fit(0.5, T0 + 5 * MINUTE)]);

		at(10);
		await a.parameters.put(fit(0.6, T0 + 10 * MINUTE));
		at(20);
		await b.parameters.put(fit(0.7, T0 + 20 * MINUTE));
		await untilQuiet([a, remote], [b, remote]);
		expect(await a.parameters.toArray()).toEqual([fit(0.7, T0 + 20 * MINUTE)]);
		expect(await b.parameters.toArray()).toEqual([fit(0.7, T0 + 20 * MINUTE)]);
	});

	it("replays pulled reviews with the learner's fitted parameters and study settings, so the state equals the grading device's", async () => {
		const { a, b, remote } = await twoDevices('replay-fitted');
		// Fitted parameters whose first Good gives 5 days of stability instead of the defaults' 2.3.
		const w = [...DEFAULT_PARAMETERS];
		w[2] = 5;
		await a.parameters.put({ key: 'fsrs', w, fittedAt: T0, reviews: 600, before: { logLoss: 0.4, rmseBins: 0.1, count: 600 }, after: { logLoss: 0.35, rmseBins: 0.1, count: 600 } });
		await saveSettings(a, { learningSteps: [], maximumInterval: 3 });
		await untilQuiet([a, remote], [b, remote]);

		// Graded on A with the scheduler the study session builds.
		const onA = new Scheduler(schedulerOptions(await getSettings(a), { enableFuzz: false, days: await getDayRule(a), w: await schedulingWeights(a) }));
		for (const [i, cardId] of ['c-1', 'c-2'].entries()) await recordReview(a, onA, { deckId: 'd', cardId, grade: Rating.Good, now: at(10 + i), durationMs: 1000, origin: 'study' });
		await syncOnce({ db: a, remote, scheduler: onA, now: () => Date.now() });
		await syncOnce({ db: b, remote, scheduler: await replayScheduler(b, false), now: () => Date.now() });
		const state = async (db: FactdeckDB) => (await db.cards.bulkGet([['d', 'c-1'], ['d', 'c-2']])).map((card) => card!.progress);
		const graded = await state(a);
		// The fitted w[2] and the 3-day maximum interval are in the state: Review, due 3 days after the grade.
		expect(graded.map((p) => [p.state, p.scheduled_days, p.stability])).toEqual([[2, 3, 5], [2, 3, 5]]);
		expect(await state(b)).toEqual(graded);
	});

	it("replaying another device's grades keeps a bury and a suspension (neither unburied nor resurrected)", async () => {
		const { a, b, remote } = await twoDevices('marks');
		for (const cardId of ['c-1', 'c-2']) await grade(a, cardId, at(10));
		await untilQuiet([a, remote], [b, remote]);

		// A suspends c-1 and buries c-2 (studied) and c-3 (new) until tomorrow; B, offline, grades all three later.
		const tomorrow = T0 + 24 * 60 * MINUTE;
		at(20);
		await setCardMarks(a, [['d', 'c-1']], { suspended: true });
		await setCardMarks(a, [['d', 'c-2'], ['d', 'c-3']], { buriedUntil: tomorrow });
		for (const cardId of ['c-1', 'c-2', 'c-3']) await grade(b, cardId, at(25));
		await untilQuiet([a, remote], [b, remote]);

		for (const db of [a, b]) {
			const [c1, c2, c3] = (await db.cards.bulkGet([['d', 'c-1'], ['d', 'c-2'], ['d', 'c-3']])).map((card) => card!);
			expect([c1!.suspended, c1!.progress.reps]).toEqual([true, 2]);
			expect([c2!.buriedUntil, c2!.progress.reps, c2!.due]).toEqual([tomorrow, 2, Math.max(tomorrow, c2!.progress.due)]);
			// c-3's learning step (Good on a new card: 10 minutes) ends at minute 35, before the bury's.
			expect([c3!.buriedUntil, c3!.progress.reps, c3!.progress.due, c3!.due]).toEqual([tomorrow, 1, T0 + 35 * MINUTE, tomorrow]);
			// At minute 60 nothing is due (c-3 would be, unburied), 17 are new, 3 studied (one of them suspended).
			const summary = await deckSummary(db, 'd', at(60), () => 0);
			expect([summary!.new, summary!.due, summary!.seen]).toEqual([17, 0, 3]);
		}
	});

	it("a device does not download its own pushed entries again, and never skips another device's", async () => {
		const { a, b, remote } = await twoDevices('own');
		/** A remote that counts the entries it downloads, and can let B sync in the middle of A's push. */
		let downloaded = 0;
		let duringPush: (() => Promise<unknown>) | undefined;
		const counted: Remote = {
			async pull(since, limit) {
				const page = await remote.pull(since, limit);
				downloaded += page.entries.length;
				return page;
			},
			async push(entries) {
				await duringPush?.();
				duringPush = undefined;
				await remote.push(entries);
			},
			peek: (since, limit) => remote.peek(since, limit)
		};
		const syncA = async () => {
			downloaded = 0;
			await sync(a, counted);
			return downloaded;
		};
		// The first sync pushes the deck's 22 entries (deck, source, 20 cards); the next downloads none of them.
		expect((await sync(a, remote)).pushed).toBe(22);
		expect(await syncA()).toBe(0);
		await sync(b, remote);

		// B's review reaches the server while A pushes its own: A's entries come after B's in the feed, so A keeps
		// its position before B's entry and downloads it (with A's own after it) on the next sync.
		await grade(a, 'c-1', at(10));
		await grade(b, 'c-2', at(11));
		duringPush = () => sync(b, remote);
		expect(await syncA()).toBe(0);
		expect(await a.reviews.count()).toBe(1);
		expect(await syncA()).toBe(2);
		expect((await a.reviews.toArray()).map((r) => r.cardId).sort()).toEqual(['c-1', 'c-2']);
		expect(await syncA()).toBe(0);

		// B's review arrives before A's sync: pulled (1 entry), then A's own push is skipped.
		await grade(a, 'c-3', at(20));
		await grade(b, 'c-4', at(21));
		await sync(b, remote);
		expect(await syncA()).toBe(1);
		expect(await syncA()).toBe(0);
		expect(await a.reviews.count()).toBe(4);
		await sync(b, remote);
		expect(await contents(b)).toEqual(await contents(a));
	});
});
