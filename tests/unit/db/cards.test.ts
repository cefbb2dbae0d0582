import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	addCard,
	cardsOf,
	deleteCards,
	duplicateCard,
	exportDeck,
	FactdeckDB,
	importDeck,
	moveCard,
	recordReview,
	undoEdit,
	updateCard
} from '$lib/db';
import { parseDeckFile } from '$lib/domain/deck-file';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { State } from '$lib/scheduler/progress';
import { deckFile } from './deck-fixture';

const now = new Date('2026-03-02T09:00:00Z');
const later = new Date('2026-03-05T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let n = 0;

const threeCards: [string, string, string][] = [
	['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
	['c-2', 'In which year was the NCAFP founded?', '1974'],
	['c-3', 'What kind of talks are Track II talks?', 'unofficial']
];

beforeEach(async () => {
	db = new FactdeckDB(`cards-db-${++n}`);
	await db.open();
	await importDeck(db, deckFile('d', threeCards), 'add', now);
	await recordReview(db, scheduler, { deckId: 'd', cardId: 'c-1', grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
});
afterEach(async () => {
	await db.delete();
});

const ids = async () => (await cardsOf(db, 'd')).map((row) => row.id);
const snapshot = async () => ({ cards: await db.cards.toArray(), reviews: await db.reviews.toArray(), sources: await db.sources.toArray() });
const cardOne = async () => (await db.cards.get(['d', 'c-1']))!;

describe('updateCard', () => {
	it('keeps progress and review log when not asked to reset', async () => {
		const before = await cardOne();
		await updateCard(db, 'd', { ...before.card, answer: 'G. Schwab' }, { resetProgress: false, now: later });
		const after = await cardOne();
		expect(after.card.answer).toBe('G. Schwab');
		expect(after.progress).toEqual(before.progress);
		expect(await db.reviews.count()).toBe(1);
	});

	it('resets progress and deletes the card’s review log when asked, and Undo brings both back', async () => {
		const before = await snapshot();
		const row = await cardOne();
		const { undo } = await updateCard(db, 'd', { ...row.card, answer: 'Someone else' }, { resetProgress: true, now: later });
		const after = await cardOne();
		expect(after.progress.state).toBe(State.New);
		expect(after.progress.reps).toBe(0);
		expect(after.due).toBe(later.getTime());
		expect(await db.reviews.count()).toBe(0);
		await undoEdit(db, undo, later);
		expect(await snapshot()).toEqual(before);
	});

	it('changes nothing for a card that is gone', async () => {
		const before = await snapshot();
		const row = await cardOne();
		await expect(updateCard(db, 'd', { ...row.card, id: 'c-9' }, { resetProgress: true, now })).rejects.toMatchObject({
			kind: 'not-found',
			message: 'That card is no longer in the deck.'
		});
		expect(await snapshot()).toEqual(before);
	});
});

describe('addCard', () => {
	it('adds a hand-written card with a notes source, so the exported deck is still valid', async () => {
		const { cardId } = await addCard(db, 'd', { type: 'basic', question: 'Who founded NCAFP?', answer: 'Hans Morgenthau', tags: [], score: 1 }, now);
		expect(await ids()).toEqual(['c-1', 'c-2', 'c-3', cardId]);
		const file = await exportDeck(db, 'd');
		expect(file.sources.at(-1)).toEqual({ id: 'notes', title: 'Cards written in Factdeck', text: 'Who founded NCAFP? — Hans Morgenthau' });
		expect(file.cards.at(-1)!.source).toEqual({ doc: 'notes', sentence: 'Who founded NCAFP? — Hans Morgenthau', start: 0, end: 36 });
		await addCard(db, 'd', { type: 'basic', question: 'Q2?', answer: 'A2', tags: [], score: 1 }, now, 0);
		const second = await exportDeck(db, 'd');
		expect(second.cards[0]!.source).toEqual({ doc: 'notes', sentence: 'Q2? — A2', start: 37, end: 45 });
		expect(parseDeckFile(second).ok).toBe(true);
	});

	it('Undo removes the card and the notes source it created', async () => {
		const before = await snapshot();
		const { undo } = await addCard(db, 'd', { type: 'basic', question: 'Q?', answer: 'A', tags: [], score: 1 }, now, 1);
		await undoEdit(db, undo, now);
		expect(await snapshot()).toEqual(before);
	});

	it('adds nothing (not even the notes source) to a deck that is gone', async () => {
		const before = await snapshot();
		await expect(addCard(db, 'gone', { type: 'basic', question: 'Q?', answer: 'A', tags: [], score: 1 }, now)).rejects.toMatchObject({ kind: 'not-found' });
		expect(await snapshot()).toEqual(before);
	});
});

describe('deleteCards', () => {
	it('deletes several cards with their review logs; Undo restores them exactly', async () => {
		const before = await snapshot();
		const { undo } = await deleteCards(db, 'd', ['c-1', 'c-3'], now);
		expect(await ids()).toEqual(['c-2']);
		expect(await db.reviews.count()).toBe(0);
		expect(undo.label).toBe('delete 2 cards');
		await undoEdit(db, undo, now);
		expect(await snapshot()).toEqual(before);
	});

	it('is one transaction: when one of the cards is gone, none is deleted', async () => {
		const before = await snapshot();
		await expect(deleteCards(db, 'd', ['c-1', 'c-9'], now)).rejects.toMatchObject({ kind: 'not-found' });
		expect(await snapshot()).toEqual(before);
	});
});

describe('duplicateCard and moveCard', () => {
	it('puts a new copy right after the original, keeping the original’s progress', async () => {
		const original = await cardOne();
		const { cardId, undo } = await duplicateCard(db, 'd', 'c-1', later);
		expect(await ids()).toEqual(['c-1', cardId, 'c-2', 'c-3']);
		const copy = (await db.cards.get(['d', cardId]))!;
		expect(copy.card.question).toBe('Who is the President of NCAFP? (copy)');
		expect(copy.card.source).toEqual(original.card.source);
		expect(copy.progress.state).toBe(State.New);
		expect(await cardOne()).toEqual(original);
		await undoEdit(db, undo, later);
		expect(await ids()).toEqual(['c-1', 'c-2', 'c-3']);
	});

	it('moves a card and renumbers; Undo puts the order back', async () => {
		const before = await snapshot();
		const { undo } = await moveCard(db, 'd', 'c-3', 0, now);
		expect(await ids()).toEqual(['c-3', 'c-1', 'c-2']);
		expect((await cardsOf(db, 'd')).map((row) => row.position)).toEqual([0, 1, 2]);
		await moveCard(db, 'd', 'c-3', 99, now);
		expect(await ids()).toEqual(['c-1', 'c-2', 'c-3']);
		await moveCard(db, 'd', 'c-3', 0, now);
		await undoEdit(db, (await moveCard(db, 'd', 'c-1', 2, now)).undo, now);
		expect(await ids()).toEqual(['c-3', 'c-1', 'c-2']);
		await undoEdit(db, undo, now);
		expect((await snapshot()).cards).toEqual(before.cards);
	});
});
