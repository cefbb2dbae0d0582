import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsOf, deckSummary, FactdeckDB, importDeck, recordReview, restoreCardMarks, setCardMarks } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from './deck-fixture';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let n = 0;

beforeEach(async () => {
	db = new FactdeckDB(`card-state-${++n}`);
	await db.open();
	await importDeck(db, deckFile('a', [['c-1', 'Q1?', 'one'], ['c-2', 'Q2?', 'two']]), 'add', now);
	await importDeck(db, deckFile('b', [['c-1', 'Q3?', 'three']]), 'add', now);
	await recordReview(db, scheduler, { deckId: 'a', cardId: 'c-1', grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
});
afterEach(async () => {
	await db.delete();
});

const marks = async (deckId: string) =>
	(await cardsOf(db, deckId)).map(({ id, suspended, flagged }) => ({ id, suspended, flagged }));

describe('setCardMarks', () => {
	it('suspends cards of several decks at once and leaves their progress and the deck as they were', async () => {
		const progressBefore = (await cardsOf(db, 'a'))[0]!.progress;
		const undo = await setCardMarks(db, [['a', 'c-1'], ['b', 'c-1']], { suspended: true });
		expect(undo.label).toBe('suspend 2 cards');
		expect(await marks('a')).toEqual([
			{ id: 'c-1', suspended: true, flagged: false },
			{ id: 'c-2', suspended: false, flagged: false }
		]);
		expect(await marks('b')).toEqual([{ id: 'c-1', suspended: true, flagged: false }]);
		expect((await cardsOf(db, 'a'))[0]!.progress).toEqual(progressBefore);
		expect((await db.decks.get('a'))!.builtIn).toBe((await db.decks.get('b'))!.builtIn);
		// Suspended cards leave the counts (the queue index is kept by the schema's hooks).
		expect((await deckSummary(db, 'a', now))!.new).toBe(1);
		expect((await deckSummary(db, 'b', now))!.new).toBe(0);
	});

	it('Undo puts every mark back exactly', async () => {
		await setCardMarks(db, [['a', 'c-2']], { flagged: true });
		const undo = await setCardMarks(db, [['a', 'c-1'], ['a', 'c-2']], { suspended: true, flagged: false });
		expect(undo.label).toBe('suspend and unflag 2 cards');
		await restoreCardMarks(db, undo);
		expect(await marks('a')).toEqual([
			{ id: 'c-1', suspended: false, flagged: false },
			{ id: 'c-2', suspended: false, flagged: true }
		]);
		expect((await deckSummary(db, 'a', now))!.new).toBe(1);
	});

	it('refuses the whole change when one card is gone, and writes nothing', async () => {
		await expect(setCardMarks(db, [['a', 'c-1'], ['a', 'gone']], { flagged: true })).rejects.toThrow(
			'A card you chose is no longer on this device.'
		);
		expect(await marks('a')).toEqual([
			{ id: 'c-1', suspended: false, flagged: false },
			{ id: 'c-2', suspended: false, flagged: false }
		]);
	});
});
