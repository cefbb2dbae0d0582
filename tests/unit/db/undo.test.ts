// Undo takes back only the review it was shown for, and only while that is the card's latest review
// (issue 12 §1.4): checked inside the transaction, against what is stored now.
import { beforeEach, describe, expect, it } from 'vitest';
import { FactdeckDB, importDeck, recordReview, restoreBackup, exportAll, undoReview, type GradeInput } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from './deck-fixture';
import { useFreshDb } from './fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
const later = new Date('2026-03-02T09:05:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
useFreshDb('undo', (fresh) => (db = fresh));
beforeEach(async () => {
	await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab'], ['c-2', 'In which year was the NCAFP founded?', '1974']]), 'add', now);
});

const input = (cardId: string, at: Date, grade: GradeInput['grade'] = Rating.Good): GradeInput => ({ deckId: 'd', cardId, grade, now: at, durationMs: 1000, origin: 'study' });
const snapshot = async () => ({ cards: await db.cards.toArray(), reviews: await db.reviews.toArray() });

describe('undoReview', () => {
	it('refuses when another tab graded the card since, and changes nothing (regression: older state put back)', async () => {
		const first = await recordReview(db, scheduler, input('c-1', now, Rating.Again));
		// The other tab's grade of the same card.
		await recordReview(db, scheduler, input('c-1', later, Rating.Good));
		const stored = await snapshot();
		await expect(undoReview(db, { reviewId: first.reviewId, deckId: 'd', cardId: 'c-1', at: now.getTime() })).rejects.toMatchObject({
			kind: 'conflict',
			message: 'This card was graded again since (perhaps in another tab); only its latest grade can be undone, so nothing was undone.'
		});
		expect(await snapshot()).toEqual(stored);
	});

	it('refuses when a restore gave the review id to another review, and changes nothing (regression: wrong card undone)', async () => {
		const shown = await recordReview(db, scheduler, input('c-1', now));
		const backup = await exportAll(db, now);
		// The backup restored is one in which that id belongs to a grade of another card.
		backup.reviews[0] = { ...backup.reviews[0]!, cardId: 'c-2', at: later.getTime() };
		await restoreBackup(db, JSON.stringify(backup), later);
		const stored = await snapshot();
		await expect(undoReview(db, { reviewId: shown.reviewId, deckId: 'd', cardId: 'c-1', at: now.getTime() })).rejects.toMatchObject({
			kind: 'not-found',
			message: 'That review is no longer stored (the data was restored or changed since), so nothing was undone.'
		});
		expect(await snapshot()).toEqual(stored);
	});
});
