// The settings page's backup workflow (RestoreSession): export, read and stage, confirm or cancel, Undo restore;
// a refused file or a cancel changes nothing stored.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeBackup, RestoreSession } from '$lib/app/restore-session.svelte';
import { deckSummaries, deleteDeck, FactdeckDB, importDeck, recordReview } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from '../db/deck-fixture';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let n = 0;
let saved: { name: string; file: Blob }[];
let replacedCalls: number;

function session(): RestoreSession {
	return new RestoreSession({
		db,
		clock: () => now,
		save: (name, file) => saved.push({ name, file }),
		replaced: async () => {
			replacedCalls++;
		}
	});
}

const titles = async () => (await deckSummaries(db, now)).map((summary) => summary.deck.title).sort();

beforeEach(async () => {
	db = new FactdeckDB(`restore-session-${++n}`);
	await db.open();
	saved = [];
	replacedCalls = 0;
	await importDeck(db, deckFile('a', [['c-1', 'Q1?', 'one'], ['c-2', 'Q2?', 'two']]), 'add', now);
	await recordReview(db, scheduler, { deckId: 'a', cardId: 'c-1', grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
});
afterEach(async () => {
	await db.delete();
});

async function exported(s: RestoreSession): Promise<File> {
	await s.exportData();
	const [{ name, file }] = saved as [{ name: string; file: Blob }];
	return new File([file], name);
}

describe('RestoreSession', () => {
	it('exports, restores after confirmation, and Undo restore puts back what the restore replaced', async () => {
		const s = session();
		const backup = await exported(s);
		expect(backup.name).toBe('factdeck-backup-2026-03-02.json.gz');
		await importDeck(db, deckFile('b', [['c-1', 'Q3?', 'three']]), 'add', now);
		const before = await titles();

		expect(await s.choose(backup)).toBe(true);
		expect(s.pending?.name).toBe(backup.name);
		expect(describeBackup(s.pending!.staged.summary)).toBe('1 deck, 2 cards and 1 review');
		// Staged, not yet restored: nothing changed.
		expect(await titles()).toEqual(before);
		expect(replacedCalls).toBe(0);

		expect(await s.confirm()).toBe(true);
		expect(s.done).toBe('Restored 1 deck, 2 cards and 1 review.');
		expect(s.pending).toBeUndefined();
		expect(await titles()).toEqual(['Deck a']);
		expect(replacedCalls).toBe(1);
		expect(s.undo).toMatchObject({ decks: 2, cards: 3, reviews: 1 });

		await s.undoLast();
		expect(s.done).toBe('Restore undone: 2 decks, 3 cards and 1 review are back as they were.');
		expect(await titles()).toEqual(before);
		expect(replacedCalls).toBe(2);
		expect(s.undo).toBeNull();
		expect(s.error).toBe('');
	});

	it('a file that is not a backup is refused with its name and the reason, and nothing changes', async () => {
		const s = session();
		const before = await titles();
		expect(await s.choose(new File(['hello'], 'notes.txt'))).toBe(false);
		expect(s.error).toMatch(/^notes\.txt: /);
		expect(s.pending).toBeUndefined();
		expect(s.work).toBeUndefined();
		expect(await titles()).toEqual(before);
		expect(await db.stash.count()).toBe(0);
	});

	it('Cancel at the confirmation drops the staged backup and keeps the data', async () => {
		const s = session();
		const backup = await exported(s);
		await deleteDeck(db, 'a');
		expect(await s.choose(backup)).toBe(true);
		expect((await db.stash.toArray()).filter((row) => row.area === 'staged').length).toBeGreaterThan(0);
		await s.cancel();
		expect(s.pending).toBeUndefined();
		expect((await db.stash.toArray()).filter((row) => row.area === 'staged').length).toBe(0);
		expect(await titles()).toEqual([]);
		expect(replacedCalls).toBe(0);
	});

	it('choosing no file clears a pending backup and says nothing', async () => {
		const s = session();
		expect(await s.choose(await exported(s))).toBe(true);
		expect(await s.choose(undefined)).toBe(false);
		expect(s.pending).toBeUndefined();
		expect(s.error).toBe('');
	});
});
