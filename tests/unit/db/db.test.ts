import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	cardsOf,
	deckSummaries,
	deckSummary,
	deleteDeck,
	exportDeck,
	FactdeckDB,
	getDayRule,
	getSettings,
	importDeck,
	installBuiltIns,
	missedLastTime,
	newCardsStudiedToday,
	recordReview,
	saveQuizResult,
	saveSettings,
	setSeminarDate,
	StorageError,
	undoReview,
	type SettingsRow
} from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { State } from '$lib/scheduler/progress';
import { deckFile } from './deck-fixture';
import { CALENDAR } from '$lib/domain/days';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let n = 0;

beforeEach(async () => {
	db = new FactdeckDB(`test-db-${++n}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

const threeCards: [string, string, string][] = [
	['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
	['c-2', 'In which year was the NCAFP founded?', '1974'],
	['c-3', 'What kind of talks are Track II talks?', 'unofficial']
];

async function grade(cardId: string, rating: Parameters<Scheduler['grade']>[1], at = now) {
	return recordReview(db, scheduler, { deckId: 'd', cardId, grade: rating, now: at, durationMs: 1200, origin: 'study' });
}

describe('importDeck', () => {
	it('stores deck, sources and cards in deck order, and round-trips unknown fields on export', async () => {
		const file = deckFile('d', threeCards, { course: 'POL 210' });
		file.cards[0]!.hint = 'think of the briefing';
		await importDeck(db, file, 'add', now);
		expect((await cardsOf(db, 'd')).map((row) => row.id)).toEqual(['c-1', 'c-2', 'c-3']);
		expect(await exportDeck(db, 'd')).toEqual(file);
	});

	it('refuses to add a deck whose id exists, and changes nothing', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		await grade('c-1', Rating.Good);
		const before = await db.cards.toArray();
		const attempt = importDeck(db, deckFile('d', threeCards.slice(0, 1)), 'add', now);
		await expect(attempt).rejects.toMatchObject({ kind: 'conflict', message: 'A deck with the id "d" is already on this device.' });
		expect(await db.cards.toArray()).toEqual(before);
	});

	it('update keeps the progress of unchanged cards and keeps studied cards that left the file', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		await grade('c-1', Rating.Good);
		await grade('c-3', Rating.Easy);
		const progress1 = (await db.cards.get(['d', 'c-1']))!.progress;
		const updated = deckFile('d', [threeCards[0]!, threeCards[1]!, ['c-4', 'What are Track I talks?', 'official']]);
		await importDeck(db, updated, 'update', now);
		const rows = await cardsOf(db, 'd');
		expect(rows.map((row) => row.id)).toEqual(['c-1', 'c-2', 'c-4', 'c-3']);
		expect(rows[0]!.progress).toEqual(progress1);
		expect(rows[2]!.progress.state).toBe(State.New);
		expect(rows[3]!.progress.reps).toBe(1);
		expect(await db.reviews.count()).toBe(2);
	});

	it('stores a seminar date given with the deck in the same write, and refuses a bad one whole', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now, { seminarDate: '2026-04-01' });
		expect((await db.decks.get('d'))!.seminarDate).toBe('2026-04-01');
		await expect(importDeck(db, deckFile('e', threeCards), 'add', now, { seminarDate: 'soon' })).rejects.toThrow(
			'"soon" is not a date (expected YYYY-MM-DD).'
		);
		expect(await db.decks.get('e')).toBeUndefined();
		// An update without a date keeps the deck's date.
		await importDeck(db, deckFile('d', threeCards), 'update', now);
		expect((await db.decks.get('d'))!.seminarDate).toBe('2026-04-01');
	});

	it('copy stores the file as a second deck with a fresh id', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		expect(await importDeck(db, deckFile('d', threeCards), 'copy', now)).toBe('d-2');
		expect((await db.decks.toCollection().primaryKeys()).sort()).toEqual(['d', 'd-2']);
		expect(await db.cards.where('deckId').equals('d-2').count()).toBe(3);
	});

	it('is one transaction: a failure half-way leaves nothing written', async () => {
		const file = deckFile('d', threeCards);
		// A value IndexedDB cannot store makes the card write fail after the deck and sources were put.
		file.cards[2]!.bad = () => 'not cloneable';
		await expect(importDeck(db, file, 'add', now)).rejects.toBeInstanceOf(StorageError);
		expect([await db.decks.count(), await db.sources.count(), await db.cards.count()]).toEqual([0, 0, 0]);
	});
});

describe('recordReview and undoReview', () => {
	beforeEach(async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
	});

	it('writes the card state and its log together', async () => {
		const { reviewId, next } = await grade('c-2', Rating.Good);
		const row = await db.cards.get(['d', 'c-2']);
		expect(row!.progress).toEqual(next);
		expect(row!.due).toBe(now.getTime() + 600_000);
		const review = await db.reviews.get(reviewId);
		expect([review!.cardId, review!.log.rating, review!.before.state, review!.durationMs]).toEqual(['c-2', Rating.Good, State.New, 1200]);
	});

	it('writes neither when the second write fails half-way (regression: card rescheduled without a log)', async () => {
		const before = await db.cards.get(['d', 'c-2']);
		const fail = () => {
			throw new Error('disk gave up');
		};
		db.cards.hook('updating', fail);
		await expect(grade('c-2', Rating.Good)).rejects.toMatchObject({ kind: 'unknown' });
		db.cards.hook('updating').unsubscribe(fail);
		expect(await db.reviews.count()).toBe(0);
		expect(await db.cards.get(['d', 'c-2'])).toEqual(before);
	});

	it('turns a full disk into a quota error that says nothing was changed', async () => {
		const full = () => {
			throw new DOMException('quota', 'QuotaExceededError');
		};
		db.reviews.hook('creating', full);
		const attempt = grade('c-1', Rating.Again);
		await expect(attempt).rejects.toMatchObject({ kind: 'quota' });
		await expect(attempt).rejects.toThrow(/storage for Factdeck is full.*Nothing was changed/);
		db.reviews.hook('creating').unsubscribe(full);
	});

	it('undo puts back the exact previous state and removes the log', async () => {
		const before = await db.cards.get(['d', 'c-1']);
		const { reviewId } = await grade('c-1', Rating.Easy);
		expect(await undoReview(db, { reviewId, deckId: 'd', cardId: 'c-1', at: now.getTime() })).toEqual({ deckId: 'd', cardId: 'c-1' });
		expect(await db.cards.get(['d', 'c-1'])).toEqual(before);
		expect(await db.reviews.count()).toBe(0);
	});

	it('counts new cards introduced today by study, not by quiz or earlier days', async () => {
		await grade('c-1', Rating.Good);
		await grade('c-1', Rating.Good, new Date(now.getTime() + 600_000));
		await recordReview(db, scheduler, { deckId: 'd', cardId: 'c-2', grade: Rating.Good, now, durationMs: 0, origin: 'quiz' });
		await grade('c-3', Rating.Good, new Date(now.getTime() - 2 * 86_400_000));
		expect(await newCardsStudiedToday(db, 'd', now, CALENDAR)).toBe(1);
	});
});

describe('built-in decks', () => {
	const v1 = deckFile('seed', threeCards);

	it('are installed on first run and merged by card id on a new version, keeping progress', async () => {
		expect(await installBuiltIns(db, [{ file: v1, version: 'v1' }], now)).toEqual(['seed']);
		await recordReview(db, scheduler, { deckId: 'seed', cardId: 'c-2', grade: Rating.Good, now, durationMs: 0, origin: 'study' });
		const progress = (await db.cards.get(['seed', 'c-2']))!.progress;
		expect(await installBuiltIns(db, [{ file: v1, version: 'v1' }], now)).toEqual([]);
		const v2 = deckFile('seed', [threeCards[1]!, ['c-9', 'What are Track I talks?', 'official']]);
		expect(await installBuiltIns(db, [{ file: v2, version: 'v2' }], now)).toEqual(['seed']);
		const rows = await cardsOf(db, 'seed');
		expect(rows.map((row) => row.id)).toEqual(['c-2', 'c-9']);
		expect(rows[0]!.progress).toEqual(progress);
		expect((await db.decks.get('seed'))!.builtInVersion).toBe('v2');
	});

	it('are not put back after the user deleted them', async () => {
		await installBuiltIns(db, [{ file: v1, version: 'v1' }], now);
		await deleteDeck(db, 'seed');
		expect(await installBuiltIns(db, [{ file: v1, version: 'v2' }], now)).toEqual([]);
		expect(await db.decks.count()).toBe(0);
	});
});

describe('deck summaries, seminar date, deletion', () => {
	it('lists decks with total, new, due and seen counts', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		await grade('c-1', Rating.Good);
		const later = new Date(now.getTime() + 11 * 60_000);
		const [summary] = await deckSummaries(db, later);
		expect([summary!.deck.id, summary!.total, summary!.new, summary!.due, summary!.seen]).toEqual(['d', 3, 2, 1, 1]);
	});

	it('stores a seminar date and refuses one that is not a date', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		await setSeminarDate(db, 'd', '2026-03-20', now);
		expect((await db.decks.get('d'))!.seminarDate).toBe('2026-03-20');
		await expect(setSeminarDate(db, 'd', 'next week', now)).rejects.toThrow('"next week" is not a date (expected YYYY-MM-DD).');
		expect((await db.decks.get('d'))!.seminarDate).toBe('2026-03-20');
	});

	it('deletes a deck with its cards, sources, reviews and quiz results', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		await grade('c-1', Rating.Good);
		await saveQuizResult(db, scheduler, {
			deckId: 'd',
			startedAt: now,
			finishedAt: now,
			cardIds: ['c-2'],
			answers: [{ cardId: 'c-2', correct: false, given: '1975', overridden: false }],
			countAsReview: false
		});
		await deleteDeck(db, 'd');
		const counts = [db.decks, db.cards, db.sources, db.reviews, db.quizzes].map((table) => table.count());
		expect(await Promise.all(counts)).toEqual([0, 0, 0, 0, 0]);
	});

	it('regression: a deck re-imported under a deleted deck\'s id does not inherit its missed questions', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		const quiz = { deckId: 'd', startedAt: now, finishedAt: now, cardIds: ['c-2'], countAsReview: false };
		await saveQuizResult(db, scheduler, { ...quiz, answers: [{ cardId: 'c-2', correct: false, given: '', overridden: false }] });
		expect([...(await missedLastTime(db, 'd'))]).toEqual(['c-2']);
		await deleteDeck(db, 'd');
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		expect([...(await missedLastTime(db, 'd'))]).toEqual([]);
	});
});

describe('settings', () => {
	it('defaults to retention 0.90, 20 new cards a day, system theme, next day at 04:00', async () => {
		expect(await getSettings(db)).toEqual({ desiredRetention: 0.9, newPerDay: 20, theme: 'system', rolloverHour: 4, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumInterval: 36500, burySiblings: true });
	});

	it('reads a row stored before "Next day starts at" existed with the 04:00 default', async () => {
		await db.settings.put({ key: 'app', desiredRetention: 0.8, newPerDay: 3, theme: 'light' } as SettingsRow);
		expect(await getSettings(db)).toEqual({ desiredRetention: 0.8, newPerDay: 3, theme: 'light', rolloverHour: 4, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumInterval: 36500, burySiblings: true });
		expect(await getDayRule(db, () => 60)).toEqual({ rolloverHour: 4, zone: expect.any(Function) });
	});

	it('saves valid changes and refuses out-of-range ones without changing anything', async () => {
		await saveSettings(db, { desiredRetention: 0.85, theme: 'dark' });
		await expect(saveSettings(db, { desiredRetention: 0.99 })).rejects.toThrow('Desired retention must be between 0.7 and 0.97.');
		await expect(saveSettings(db, { newPerDay: -1 })).rejects.toThrow('New cards per day must be a whole number from 0 to 9999.');
		await expect(saveSettings(db, { rolloverHour: 24 })).rejects.toThrow('The next day must start at a whole hour from 0 to 23.');
		await expect(saveSettings(db, { rolloverHour: 3.5 })).rejects.toThrow('The next day must start at a whole hour from 0 to 23.');
		expect(await getSettings(db)).toEqual({ desiredRetention: 0.85, newPerDay: 20, theme: 'dark', rolloverHour: 4, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumInterval: 36500, burySiblings: true });
		await saveSettings(db, { rolloverHour: 0 });
		expect((await getSettings(db)).rolloverHour).toBe(0);
	});
});

describe('deckSummary', () => {
	it('gives one deck with its counts, and null for an unknown id', async () => {
		await importDeck(db, deckFile('d', threeCards), 'add', now);
		await importDeck(db, deckFile('e', threeCards.slice(0, 1)), 'add', now);
		await grade('c-2', Rating.Good);
		const summary = await deckSummary(db, 'd', new Date(now.getTime() + 11 * 60_000));
		expect([summary!.deck.id, summary!.total, summary!.new, summary!.due, summary!.seen]).toEqual(['d', 3, 2, 1, 1]);
		expect(await deckSummary(db, 'nope', now)).toBeNull();
	});
});
