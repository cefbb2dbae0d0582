import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browseCards, cardDetail, changeTags, deleteCardsOfDecks, FactdeckDB, importDeck, recordReview, undoEdits } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from './deck-fixture';

const now = new Date('2026-03-02T09:00:00Z');
const later = new Date('2026-03-05T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let n = 0;

beforeEach(async () => {
	db = new FactdeckDB(`browse-db-${++n}`);
	await db.open();
	await importDeck(db, deckFile('a', [['c-1', 'Q1?', 'one'], ['c-2', 'Q2?', 'two']]), 'add', now);
	await importDeck(db, deckFile('b', [['c-1', 'Q3?', 'three']]), 'add', now, { builtIn: { version: 'v1' } });
	await recordReview(db, scheduler, { deckId: 'a', cardId: 'c-1', grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
	await recordReview(db, scheduler, { deckId: 'b', cardId: 'c-1', grade: Rating.Again, now, durationMs: 1000, origin: 'quiz' });
});
afterEach(async () => {
	await db.delete();
});

const keys = (rows: { deckId: string; id: string }[]) => rows.map((row) => `${row.deckId}/${row.id}`).sort();
const everything = async () => ({ decks: await db.decks.toArray(), cards: await db.cards.toArray(), reviews: await db.reviews.toArray(), sources: await db.sources.toArray() });
const tagsOf = async (deckId: string, id: string) => (await db.cards.get([deckId, id]))!.card.tags;

describe('browseCards', () => {
	it('reads every card of every deck, with the decks by title', async () => {
		const data = await browseCards(db);
		expect(data.decks).toEqual([{ id: 'a', title: 'Deck a' }, { id: 'b', title: 'Deck b' }]);
		expect(keys(data.rows)).toEqual(['a/c-1', 'a/c-2', 'b/c-1']);
	});

	it('reads one deck through its index, or the cards due before a time', async () => {
		expect(keys((await browseCards(db, () => ({ deckId: 'b' }))).rows)).toEqual(['b/c-1']);
		// c-1 of a is due in 10 minutes (Good on a new card), b's c-1 in 1 minute (Again); a/c-2 is new, due `now`.
		expect(keys((await browseCards(db, () => ({ dueBefore: now.getTime() + 1 }))).rows)).toEqual(['a/c-2']);
		expect(keys((await browseCards(db, () => ({ dueBefore: now.getTime() + 5 * 60_000 }))).rows)).toEqual(['a/c-2', 'b/c-1']);
	});
});

describe('cardDetail', () => {
	it('gives the card, its deck title and its reviews oldest first', async () => {
		await recordReview(db, scheduler, { deckId: 'a', cardId: 'c-1', grade: Rating.Easy, now: later, durationMs: 1000, origin: 'study' });
		const detail = (await cardDetail(db, 'a', 'c-1'))!;
		expect(detail.deckTitle).toBe('Deck a');
		expect(detail.row.card.question).toBe('Q1?');
		expect(detail.reviews.map((r) => [r.at, r.log.rating])).toEqual([
			[now.getTime(), Rating.Good],
			[later.getTime(), Rating.Easy]
		]);
	});

	it('is null for a card or deck that is not stored', async () => {
		expect(await cardDetail(db, 'a', 'gone')).toBeNull();
		expect(await cardDetail(db, 'gone', 'c-1')).toBeNull();
	});
});

describe('deleteCardsOfDecks', () => {
	it('deletes cards of several decks with their reviews; undoEdits puts everything back exactly', async () => {
		const before = await everything();
		const undos = await deleteCardsOfDecks(db, [['a', 'c-1'], ['b', 'c-1']], later);
		expect(undos.map((u) => [u.deckId, u.cardIds])).toEqual([['a', ['c-1']], ['b', ['c-1']]]);
		expect(keys(await db.cards.toArray())).toEqual(['a/c-2']);
		expect(await db.reviews.count()).toBe(0);
		await undoEdits(db, undos, later);
		const after = await everything();
		expect(after.decks.map((d) => d.updatedAt)).toEqual([later.getTime(), later.getTime()]);
		expect(keys(after.cards)).toEqual(keys(before.cards));
		expect(after.cards.sort((x, y) => `${x.deckId}${x.id}`.localeCompare(`${y.deckId}${y.id}`))).toEqual(
			before.cards.sort((x, y) => `${x.deckId}${x.id}`.localeCompare(`${y.deckId}${y.id}`))
		);
		expect(after.reviews).toEqual(before.reviews);
	});

	it('is one transaction across decks: when a card of the second deck is gone, nothing is deleted', async () => {
		const before = await everything();
		await expect(deleteCardsOfDecks(db, [['a', 'c-1'], ['b', 'gone']], later)).rejects.toThrow('That card is no longer in the deck.');
		expect(await everything()).toEqual(before);
	});
});

describe('changeTags', () => {
	it('adds a tag to cards of several decks, once per card, and Undo takes it off again', async () => {
		await changeTags(db, [['a', 'c-1']], { add: ['exam'] }, now);
		const undos = await changeTags(db, [['a', 'c-1'], ['a', 'c-2'], ['b', 'c-1']], { add: ['exam', 'week-3'] }, later);
		expect(await tagsOf('a', 'c-1')).toEqual(['exam', 'week-3']);
		expect(await tagsOf('a', 'c-2')).toEqual(['exam', 'week-3']);
		expect(await tagsOf('b', 'c-1')).toEqual(['exam', 'week-3']);
		// A tag is content: the built-in deck b is the person's now, as after any edit.
		expect((await db.decks.get('b'))!.builtIn).toBe(false);
		await undoEdits(db, undos, later);
		expect(await tagsOf('a', 'c-1')).toEqual(['exam']);
		expect(await tagsOf('a', 'c-2')).toEqual([]);
		expect(await tagsOf('b', 'c-1')).toEqual([]);
	});

	it('removes a tag only where it is, leaving decks without it untouched', async () => {
		await changeTags(db, [['a', 'c-1'], ['a', 'c-2']], { add: ['exam', 'x'] }, now);
		const undos = await changeTags(db, [['a', 'c-1'], ['b', 'c-1']], { remove: ['exam'] }, later);
		expect(undos.map((u) => [u.deckId, u.cardIds])).toEqual([['a', ['c-1']]]);
		expect(await tagsOf('a', 'c-1')).toEqual(['x']);
		expect(await tagsOf('a', 'c-2')).toEqual(['exam', 'x']);
		expect((await db.decks.get('b'))!.builtIn).toBe(true);
	});

	it('refuses an empty or too long tag, or a card over the tag limit, and changes nothing', async () => {
		const before = await everything();
		await expect(changeTags(db, [['a', 'c-1']], { add: [] }, now)).rejects.toThrow('Type a tag to add.');
		await expect(changeTags(db, [['a', 'c-1']], { add: ['x'.repeat(201)] }, now)).rejects.toThrow('A tag has at most 200 characters');
		const many = Array.from({ length: 101 }, (_, i) => `t${i}`);
		await expect(changeTags(db, [['a', 'c-2'], ['a', 'c-1']], { add: many }, now)).rejects.toThrow('A card has at most 100 tags: "Q2?" would have 101. Nothing was changed.');
		await expect(changeTags(db, [['a', 'c-1'], ['b', 'gone']], { add: ['y'] }, now)).rejects.toThrow('That card is no longer in the deck.');
		expect(await everything()).toEqual(before);
	});
});
