// The built-in deck merge (issue 12 §1.2; docs/data.md, "Built-in decks"): a deck the person edited is theirs,
// a new version only offers its new cards; unedited decks merge by card id; a deck stored under the id an
// earlier version gave it keeps its progress under the id from the seed file's name.
import { beforeEach, describe, expect, it } from 'vitest';
import { builtInDeckIds } from '../../../src/cli/deck-ids';
import {
	acceptBuiltInOffer,
	addCard,
	cardsOf,
	declineBuiltInOffer,
	deleteCards,
	deleteDeck,
	exportAll,
	FactdeckDB,
	installBuiltIns,
	recordReview,
	restoreBackup,
	updateCard,
	type BuiltInDeck
} from '$lib/db';
import type { DeckFile } from '$lib/domain/types';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from './deck-fixture';
import { exportedAndReadBack, useFreshDb } from './fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
useFreshDb('builtins', (fresh) => (db = fresh));

const v1 = deckFile('seed', [
	['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
	['c-2', 'In which year was the NCAFP founded?', '1974'],
	['c-3', 'What kind of talks are Track II talks?', 'unofficial']
]);

/** The next version: new title and reading, c-1 reworded, c-9 new. */
const READING_2 = 'George Schwab is the President of NCAFP. The NCAFP was founded in 1974. Track II talks are unofficial. Track I talks are official.';
function v2(cards: [string, string, string][] = [
	['c-1', 'Who leads the NCAFP?', 'George Schwab'],
	['c-2', 'In which year was the NCAFP founded?', '1974'],
	['c-3', 'What kind of talks are Track II talks?', 'unofficial'],
	['c-9', 'What kind of talks are Track I talks?', 'official']
]): DeckFile {
	const file = deckFile('seed', cards);
	file.title = 'Track II, second edition';
	file.sources = [{ id: 'doc-1', title: 'Doc', text: READING_2 }];
	const last = 'Track I talks are official.';
	file.cards.forEach((card) => {
		if (card.id === 'c-9' || card.id === 'c-10') card.source = { doc: 'doc-1', sentence: last, start: READING_2.indexOf(last), end: READING_2.length };
	});
	return file;
}

const builtIn = (file: DeckFile, version: string, formerIds?: string[]): BuiltInDeck => ({ file, version, ...(formerIds ? { formerIds } : {}) });

/** The person's edits: c-1 reworded, c-2 deleted, a card of their own added. */
async function edit(): Promise<void> {
	const c1 = (await db.cards.get(['seed', 'c-1']))!.card;
	await updateCard(db, 'seed', { ...c1, question: 'Who heads the NCAFP (my words)?' }, { resetProgress: false, now });
	await deleteCards(db, 'seed', ['c-2'], now);
	await addCard(db, 'seed', { type: 'basic', question: 'Who founded the NCAFP?', answer: 'Hans Morgenthau', tags: [], score: 1 }, now);
}

const questions = async () => (await cardsOf(db, 'seed')).map((row) => [row.id, row.card.question]);

describe('an edited built-in deck is the person’s', () => {
	beforeEach(async () => {
		await installBuiltIns(db, [builtIn(v1, 'v1')], now);
		await recordReview(db, scheduler, { deckId: 'seed', cardId: 'c-3', grade: Rating.Good, now, durationMs: 0, origin: 'study' });
		await edit();
	});

	it('a new version changes none of its cards, brings back no deleted card, keeps its title, and offers its new cards (regression: edits overwritten)', async () => {
		const before = await db.cards.toArray();
		expect(await installBuiltIns(db, [builtIn(v2(), 'v2')], now)).toEqual(['seed']);
		expect(await db.cards.toArray()).toEqual(before);
		const deck = (await db.decks.get('seed'))!;
		expect([deck.title, deck.builtIn, deck.builtInVersion]).toEqual(['Deck seed', false, 'v2']);
		expect(deck.builtInOffer).toEqual({ version: 'v2', cards: [v2().cards[3]], sources: v2().sources });
		await exportedAndReadBack(db, 'seed');
		// The same version again: nothing to do.
		expect(await installBuiltIns(db, [builtIn(v2(), 'v2')], now)).toEqual([]);
	});

	it('accepting the offer adds the new cards as new, after the person’s, with the reading they cite', async () => {
		await installBuiltIns(db, [builtIn(v2(), 'v2')], now);
		expect(await acceptBuiltInOffer(db, 'seed', now)).toBe(1);
		expect(await questions()).toEqual([
			['c-1', 'Who heads the NCAFP (my words)?'],
			['c-3', 'What kind of talks are Track II talks?'],
			[expect.stringMatching(/^c-/), 'Who founded the NCAFP?'],
			['c-9', 'What kind of talks are Track I talks?']
		]);
		const file = await exportedAndReadBack(db, 'seed');
		expect(file.sources.map((s) => s.id)).toEqual(['doc-1', 'doc-1-updated', 'notes']);
		expect(file.cards[3]!.source).toEqual({ doc: 'doc-1-updated', sentence: 'Track I talks are official.', start: 103, end: 130 });
		expect((await db.decks.get('seed'))!.builtInOffer).toBeUndefined();
	});

	it('a declined card is not offered again; a later version offers only what is new since', async () => {
		await installBuiltIns(db, [builtIn(v2(), 'v2')], now);
		await declineBuiltInOffer(db, 'seed', now);
		expect((await db.decks.get('seed'))!.builtInOffer).toBeUndefined();
		const v3 = v2([...v2().cards.map((c): [string, string, string] => [c.id, c.question, c.answer]), ['c-10', 'Are Track I talks official?', 'yes']]);
		await installBuiltIns(db, [builtIn(v3, 'v3')], now);
		expect((await db.decks.get('seed'))!.builtInOffer?.cards.map((card) => card.id)).toEqual(['c-10']);
	});

	it('stays the person’s after a backup is restored', async () => {
		const backup = await exportAll(db, now);
		await restoreBackup(db, JSON.stringify(backup), now);
		const before = await db.cards.toArray();
		await installBuiltIns(db, [builtIn(v2(), 'v2')], now);
		expect(await db.cards.toArray()).toEqual(before);
	});

	it('deleted, it does not come back', async () => {
		await deleteDeck(db, 'seed');
		expect(await installBuiltIns(db, [builtIn(v2(), 'v2')], now)).toEqual([]);
		expect(await db.decks.count()).toBe(0);
	});
});

describe('an unedited built-in deck', () => {
	it('merges by card id: progress of unchanged ids kept, a studied card that left kept and exportable', async () => {
		await installBuiltIns(db, [builtIn(v1, 'v1')], now);
		await recordReview(db, scheduler, { deckId: 'seed', cardId: 'c-2', grade: Rating.Good, now, durationMs: 0, origin: 'study' });
		const progress = (await db.cards.get(['seed', 'c-2']))!.progress;
		const next = v2([['c-9', 'What kind of talks are Track I talks?', 'official']]);
		next.sources = [{ id: 'doc-1', title: 'Doc', text: 'Track I talks are official.' }];
		next.cards[0]!.source = { doc: 'doc-1', sentence: 'Track I talks are official.', start: 0, end: 27 };
		expect(await installBuiltIns(db, [builtIn(next, 'v2')], now)).toEqual(['seed']);
		expect((await cardsOf(db, 'seed')).map((row) => row.id)).toEqual(['c-9', 'c-2']);
		expect((await db.cards.get(['seed', 'c-2']))!.progress).toEqual(progress);
		const file = await exportedAndReadBack(db, 'seed');
		expect(file.title).toBe('Track II, second edition');
		expect(file.sources.map((s) => s.id)).toEqual(['doc-1', 'doc-1-previous']);
	});
});

describe('built-in deck ids', () => {
	it('come from the seed file’s name; the ids earlier versions used are kept as former ids', () => {
		expect(builtInDeckIds('001_0be00a226d91100b.txt', '\n\nTrack II Exchanges With The DPRK\n\nThis NCNK Newsletter…', 'Track II Exchanges')).toEqual({
			id: '001-0be00a226d91100b',
			formerIds: ['track-ii-exchanges-with-the-dprk', 'track-ii-exchanges']
		});
	});

	it('a deck stored under a former id moves to the new id with its progress, review history and quiz results', async () => {
		await installBuiltIns(db, [builtIn({ ...v1, id: 'track-ii-exchanges-with-the-dprk' }, 'v1')], now);
		const old = 'track-ii-exchanges-with-the-dprk';
		await recordReview(db, scheduler, { deckId: old, cardId: 'c-2', grade: Rating.Good, now, durationMs: 0, origin: 'study' });
		await db.quizzes.add({ deckId: old, startedAt: 1, finishedAt: 2, durationMs: 1, cardIds: ['c-2'], answers: [], score: { correct: 0, total: 1 }, countedAsReviews: false });
		const progress = (await db.cards.get([old, 'c-2']))!.progress;
		expect(await installBuiltIns(db, [builtIn({ ...v1, id: '001-0be00a226d91100b' }, 'v2', [old])], now)).toEqual(['001-0be00a226d91100b']);
		expect((await db.decks.toCollection().primaryKeys())).toEqual(['001-0be00a226d91100b']);
		expect((await db.cards.get(['001-0be00a226d91100b', 'c-2']))!.progress).toEqual(progress);
		expect((await db.reviews.toArray()).map((r) => r.deckId)).toEqual(['001-0be00a226d91100b']);
		expect((await db.quizzes.toArray()).map((q) => q.deckId)).toEqual(['001-0be00a226d91100b']);
		expect(await db.cards.where('deckId').equals(old).count()).toBe(0);
		expect(await db.sources.where('deckId').equals(old).count()).toBe(0);
		await exportedAndReadBack(db, '001-0be00a226d91100b');
	});

	it('a deck deleted under its former id stays deleted under the new one', async () => {
		await installBuiltIns(db, [builtIn({ ...v1, id: 'old' }, 'v1')], now);
		await deleteDeck(db, 'old');
		expect(await installBuiltIns(db, [builtIn({ ...v1, id: 'new' }, 'v2', ['old'])], now)).toEqual([]);
		expect(await db.decks.count()).toBe(0);
		expect((await db.meta.get('removedBuiltIns'))!.value).toEqual(['old', 'new']);
	});
});
