// A class (issue 11's last design bullet; docs/data.md, "A class database"): an instructor publishes a deck to a
// class database that the students may read but not write (CouchDB per-database security, enforced here by
// pouchdb-server with accounts on: members read, a validation function lets only the instructor role write); each
// student studies it, and their reviews stay in their own databases. Devices are Dexie on separate fake-indexeddb
// factories; the server is pouchdb-server, in memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCards, addCard, FactdeckDB, importDeck, recordReview, setCardMarks, updateCard } from '$lib/db';
import { saveSyncSettings } from '$lib/db/sync';
import { publishedDecks, startPublishing } from '$lib/db/sync-class';
import { classFailure, syncClass, syncOnce } from '$lib/sync/run';
import { connect, type Remote } from '$lib/sync/transport';
import type { Entry } from '$lib/sync/entries';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from '../db/deck-fixture';
import { startSyncServer, type SyncServer } from '../../sync-server';
import { useDevices } from './devices';

const T0 = Date.UTC(2026, 2, 2, 9);
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: true });
const file = deckFile(
	'd',
	Array.from({ length: 20 }, (_, i): [string, string, string] => [`c-${i + 1}`, `Question ${i + 1} about the reading?`, 'George Schwab'])
);

let server: SyncServer;
let classUrl = '';
const own: Record<string, string> = {};
const { device, at } = useDevices(T0);

beforeAll(async () => {
	server = await startSyncServer();
	await server.createUsers([
		{ name: 'teacher', password: 'teacher-pw', roles: ['instructor'] },
		{ name: 'ana', password: 'ana-pw' },
		{ name: 'ben', password: 'ben-pw' },
		{ name: 'cleo', password: 'cleo-pw' }
	]);
	for (const name of ['teacher', 'ana', 'ben']) own[name] = await server.createDatabase(`factdeck-${name}`, name);
	classUrl = await server.createClassDatabase('class-seminar', ['ana', 'ben']);
});
afterAll(async () => {
	await server.stop();
});
interface Person {
	db: FactdeckDB;
	own: Remote;
	klass: Remote;
}

/** A device of `name`, with their own database and the class database set, as the sync panel saves them. */
async function deviceOf(name: string, where: string): Promise<Person> {
	const db = device(`${name}-${where}`);
	const credentials = { username: name, password: `${name}-pw` };
	await saveSyncSettings(db, { url: own[name]!, classUrl, ...credentials });
	return { db, own: await connect({ url: own[name]!, ...credentials }), klass: await connect({ url: classUrl, ...credentials }) };
}

/** What the app's `Sync now` does: one's own database, then the class. */
async function syncAll({ db, own, klass }: Person) {
	const run = { db, scheduler, now: () => Date.now() };
	await syncOnce({ ...run, remote: own });
	return syncClass({ ...run, remote: klass });
}

/** Every entry in a database, read as `reader`. */
async function entriesIn(url: string, reader: string): Promise<Entry[]> {
	const page = await (await connect({ url, username: reader, password: `${reader}-pw` })).pull(0, 10_000);
	return page.entries;
}

const grade = (db: FactdeckDB, cardId: string, minutes: number) =>
	recordReview(db, scheduler, { deckId: 'd', cardId, grade: Rating.Good, now: at(minutes), durationMs: 1000, origin: 'study' });
const card = (db: FactdeckDB, id: string) => db.cards.get(['d', id]);
const tally = (entries: readonly Entry[]) => entries.reduce<Record<string, number>>((counts, e) => ({ ...counts, [e.table]: (counts[e.table] ?? 0) + 1 }), {});

describe('a class database', () => {
	it("instructor publishes, two students study it, their reviews stay their own; the instructor's edits reach them with their history intact", async () => {
		const teacher = await deviceOf('teacher', 'laptop');
		await importDeck(teacher.db, file, 'add', at(0));
		await grade(teacher.db, 'c-1', 1);
		await startPublishing(teacher.db, 'd');
		expect(await syncAll(teacher)).toEqual({ applied: 22, published: 22 });
		// The class has the deck, its source and its 20 cards, and none of the teacher's progress.
		const published = await entriesIn(classUrl, 'ana');
		expect(tally(published)).toEqual({ decks: 1, sources: 1, cards: 20 });
		const c1 = published.find((e) => e.table === 'cards' && e.key === JSON.stringify(['d', 'c-1']))!;
		expect(c1.row).toMatchObject({ suspended: false, flagged: false, progress: { state: 0, reps: 0 } });

		const ana = await deviceOf('ana', 'phone');
		const ben = await deviceOf('ben', 'laptop');
		for (const student of [ana, ben]) expect(await syncAll(student)).toEqual({ applied: 22, published: 0 });
		expect(await ana.db.cards.where('deckId').equals('d').count()).toBe(20);
		expect((await card(ana.db, 'c-1'))!.progress.reps).toBe(0);

		// Each studies; Ana suspends c-4.
		for (const id of ['c-1', 'c-2', 'c-3']) await grade(ana.db, id, 10);
		for (const id of ['c-2', 'c-3', 'c-4', 'c-5']) await grade(ben.db, id, 12);
		await setCardMarks(ana.db, [['d', 'c-4']], { suspended: true });
		for (const student of [ana, ben]) await syncAll(student);
		// Their reviews went to their own databases only; the class still holds only what the teacher published.
		expect(tally(await entriesIn(own.ana!, 'ana'))).toEqual({ reviews: 3, cards: 1 });
		expect(tally(await entriesIn(own.ben!, 'ben'))).toEqual({ reviews: 4 });
		expect(await entriesIn(classUrl, 'ana')).toHaveLength(22);

		// The teacher rewords c-2, deletes c-20 and adds a card; the next sync publishes just that.
		const c2 = file.cards.find((c) => c.id === 'c-2')!;
		await updateCard(teacher.db, 'd', { ...c2, question: 'Who is the president of the NCAFP, as reworded?' }, { resetProgress: false, now: at(20) });
		await deleteCards(teacher.db, 'd', ['c-20'], at(21));
		const added = await addCard(teacher.db, 'd', { type: 'basic', question: 'Who presides over the NCAFP?', answer: 'George Schwab', tags: [], score: 1 }, at(22));
		// Only what changed: the deck (its updatedAt), the source the new card's sentence was added to, the two cards
		// and the delete (then read back from the class: 5 rows applied).
		expect(await syncAll(teacher)).toEqual({ applied: 5, published: 5 });
		const republished = (await entriesIn(classUrl, 'ana')).slice(22).map((e) => `${e.op} ${e.table} ${e.table === 'cards' ? (JSON.parse(e.key) as string[])[1] : e.key}`);
		expect(republished).toEqual(['put decks d', 'put sources ["d","notes"]', 'put cards c-2', `put cards ${added.cardId}`, 'delete cards c-20']);

		for (const student of [ana, ben]) await syncAll(student);
		for (const [student, reviewed] of [[ana, ['c-1', 'c-2', 'c-3']], [ben, ['c-2', 'c-3', 'c-4', 'c-5']]] as const) {
			expect((await card(student.db, 'c-2'))!.card.question).toBe('Who is the president of the NCAFP, as reworded?');
			expect(await card(student.db, 'c-20')).toBeUndefined();
			expect((await card(student.db, added.cardId))!.card.question).toBe('Who presides over the NCAFP?');
			// Their own reviews and the state replayed from them are intact, c-2 included.
			expect((await student.db.reviews.toArray()).map((r) => r.cardId).sort()).toEqual([...reviewed]);
			for (const id of reviewed) expect((await card(student.db, id))!.progress.reps).toBe(1);
		}
		expect((await card(ana.db, 'c-4'))!.suspended).toBe(true);
		expect((await card(ben.db, 'c-4'))!.suspended).toBe(false);

		// Ana's second device gets the deck from the class and her progress from her own database, in either order.
		const tablet = await deviceOf('ana', 'tablet');
		await syncAll(tablet);
		expect((await card(tablet.db, 'c-2'))!.card.question).toBe('Who is the president of the NCAFP, as reworded?');
		expect((await card(tablet.db, 'c-2'))!.progress).toEqual((await card(ana.db, 'c-2'))!.progress);
		expect((await card(tablet.db, 'c-4'))!.suspended).toBe(true);
		expect(await tablet.db.reviews.count()).toBe(3);
		expect(await tablet.db.cards.where('deckId').equals('d').count()).toBe(20);
		// The other order (the class first, then her own database) gives the same rows, and her join copies none of
		// the class's rows into her own database.
		const desktop = await deviceOf('ana', 'desktop');
		const run = { db: desktop.db, scheduler, now: () => Date.now() };
		await syncClass({ ...run, remote: desktop.klass });
		await syncOnce({ ...run, remote: desktop.own });
		const rows = async (db: FactdeckDB) => (await db.cards.where('deckId').equals('d').toArray()).sort((x, y) => x.position - y.position || (x.id < y.id ? -1 : 1));
		expect(await rows(desktop.db)).toEqual(await rows(tablet.db));
		expect(tally(await entriesIn(own.ana!, 'ana'))).toEqual({ reviews: 3, cards: 1 });
	});

	it('a student may read the class but not publish to it: refused in words, and nothing changes', async () => {
		const teacher = await deviceOf('teacher', 'desktop');
		await importDeck(teacher.db, deckFile('t', [['c-1', 'Who founded the NCAFP?', 'Hans Morgenthau']]), 'add', at(0));
		await startPublishing(teacher.db, 't');
		await syncAll(teacher);
		const before = await entriesIn(classUrl, 'ben');

		const ben = await deviceOf('ben', 'phone');
		await syncAll(ben);
		await importDeck(ben.db, { ...file, id: 'ben-notes' }, 'add', at(5));
		await startPublishing(ben.db, 'ben-notes');
		await expect(syncAll(ben)).rejects.toMatchObject({
			kind: 'read-only',
			message: 'You may read this class database but not publish to it: only its instructor can. The deck was not published (nothing on this device changed).'
		});
		expect(await publishedDecks(ben.db)).toEqual([]);
		expect(await entriesIn(classUrl, 'ben')).toEqual(before);
		// The refusal is the server's: the same push straight through the transport is refused too.
		await expect(ben.klass.push([{ id: '000000000000001-000000-ben', table: 'decks', key: 'x', op: 'delete' }])).rejects.toMatchObject({ kind: 'forbidden' });
		// Ben still reads the class, and his own database has his deck.
		expect(await syncAll(ben)).toEqual({ applied: 0, published: 0 });
		expect(tally(await entriesIn(own.ben!, 'ben'))).toMatchObject({ decks: 1, cards: 20 });
	});

	it('someone not in the class is told to ask to be added; the class cannot be one\'s own database', async () => {
		const refused = await connect({ url: classUrl, username: 'cleo', password: 'cleo-pw' }).catch((error: unknown) => classFailure(error, classUrl));
		expect(refused).toMatchObject({
			kind: 'unauthorised',
			message: `The class database at ${classUrl} refused this user name and password: ask your instructor to add you to the class, and check them in Settings.`
		});
		const db = device('cleo-laptop');
		await expect(saveSyncSettings(db, { url: `${classUrl}/`, classUrl, username: 'cleo', password: 'cleo-pw' })).rejects.toThrow(
			'The class database must be another database than your own sync server: your progress goes to your own, the class only gives decks.'
		);
		expect(await db.sync.count()).toBe(0);
	});
});
