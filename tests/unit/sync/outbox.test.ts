// The outbox (src/lib/db/sync-log.ts): while sync is on, every change to a synced table is also an entry in the
// same transaction; a grade logs its review but no card edit; nothing is logged while sync is off, when a
// transaction fails, or while pulled entries are applied; a restore asks for a snapshot instead.
import { beforeEach, describe, expect, it } from 'vitest';
import {
	deleteDeck,
	exportAll,
	FactdeckDB,
	importDeck,
	recordReview,
	restoreBackup,
	saveSettings,
	setCardMarks,
	undoReview,
	updateCard
} from '$lib/db';
import { saveSyncSettings, syncStatus } from '$lib/db/sync';
import { parseId } from '$lib/sync/clock';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from '../db/deck-fixture';
import { useFreshDb } from '../db/fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
useFreshDb('outbox', (fresh) => (db = fresh));
const file = deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab'], ['c-2', 'In which year was the NCAFP founded?', '1974']]);
const grade = (cardId: string) => recordReview(db, scheduler, { deckId: 'd', cardId, grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
const outbox = async () => (await db.outbox.orderBy('id').toArray()).map((e) => `${e.op} ${e.table} ${e.key}`);

beforeEach(async () => {
	await importDeck(db, file, 'add', now);
});

describe('outbox', () => {
	it('logs nothing while sync is off (the default)', async () => {
		await grade('c-1');
		await saveSettings(db, { newPerDay: 5 });
		expect(await db.outbox.count()).toBe(0);
		expect((await syncStatus(db)).enabled).toBe(false);
	});

	it('while sync is on, logs each change in its own transaction, with increasing clock ids of this device', async () => {
		await saveSyncSettings(db, { url: 'http://127.0.0.1:1/db', username: '', password: '' });
		const { reviewId } = await grade('c-1');
		const review = await db.reviews.get(reviewId);
		// The grade: its review, but no card entry (the card's state is replayed from the reviews everywhere).
		expect(await outbox()).toEqual([`put reviews ${review!.uid}`]);
		const [entry] = await db.outbox.toArray();
		const { id: _localId, ...shared } = review!;
		expect(entry!.row).toEqual(shared);

		await db.outbox.clear();
		await updateCard(db, 'd', { ...file.cards[0]!, question: 'Who presides over the NCAFP?' }, { resetProgress: false, now });
		await setCardMarks(db, [['d', 'c-2']], { flagged: true });
		await saveSettings(db, { newPerDay: 5 });
		const c1 = JSON.stringify(['d', 'c-1']);
		const c2 = JSON.stringify(['d', 'c-2']);
		// (The deck's updatedAt is unchanged at this pinned time, so the deck row is not written.)
		expect(await outbox()).toEqual([`put cards ${c1}`, `put cards ${c2}`, 'put settings app']);
		const edited = (await db.outbox.toArray()).find((e) => e.key === c1)!;
		expect((edited.row as { card: { question: string } }).card.question).toBe('Who presides over the NCAFP?');
		expect(edited.row).not.toHaveProperty('queue');

		await db.outbox.clear();
		await undoReview(db, { reviewId, deckId: 'd', cardId: 'c-1', at: now.getTime() });
		expect(await outbox()).toEqual([`delete reviews ${review!.uid}`]);

		await db.outbox.clear();
		const second = await db.reviews.get((await grade('c-2')).reviewId);
		await deleteDeck(db, 'd');
		const deleted = await outbox();
		expect(deleted.filter((e) => e.startsWith('delete')).sort()).toEqual(
			['delete decks d', `delete cards ${c1}`, `delete cards ${c2}`, `delete sources ${JSON.stringify(['d', 'doc-1'])}`, `delete reviews ${second!.uid}`].sort()
		);
		const ids = (await db.outbox.orderBy('id').toArray()).map((e) => e.id);
		const device = (await db.sync.get('state'))!;
		expect(ids.every((id) => parseId(id)?.device === (device as { device: string }).device)).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('logs nothing for a change that fails (the entry is part of the same transaction)', async () => {
		await saveSyncSettings(db, { url: 'http://127.0.0.1:1/db', username: '', password: '' });
		await expect(recordReview(db, scheduler, { deckId: 'd', cardId: 'gone', grade: Rating.Good, now, durationMs: 0, origin: 'study' })).rejects.toThrow();
		await expect(
			db.transaction('rw', db.decks, async () => {
				await db.decks.update('d', { title: 'renamed' });
				throw new Error('interrupted');
			})
		).rejects.toThrow('interrupted');
		expect(await db.outbox.count()).toBe(0);
		expect((await db.decks.get('d'))!.title).toBe(file.title);
	});

	it('a restore is not logged row by row: the next sync logs a snapshot of what it restored', async () => {
		await saveSyncSettings(db, { url: 'http://127.0.0.1:1/db', username: '', password: '' });
		const backup = await exportAll(db, now);
		await db.sync.put({ ...(await db.sync.get('state'))!, snapshot: null } as never);
		await restoreBackup(db, JSON.stringify(backup), now);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.sync.get('state')).toMatchObject({ snapshot: 'restore' });
	});
});
