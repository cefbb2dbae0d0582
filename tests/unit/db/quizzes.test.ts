import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsOf, FactdeckDB, importDeck, missedLastTime, quizzesOf, saveQuizResult, StorageError, type SaveQuizInput } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { State } from '$lib/scheduler/progress';
import { deckFile } from './deck-fixture';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let n = 0;

beforeEach(async () => {
	db = new FactdeckDB(`quiz-db-${++n}`);
	await db.open();
	await importDeck(
		db,
		deckFile('d', [
			['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
			['c-2', 'In which year was the NCAFP founded?', '1974'],
			['c-3', 'What kind of talks are Track II talks?', 'unofficial']
		]),
		'add',
		now
	);
});
afterEach(async () => {
	await db.delete();
});

const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

function quiz(overrides: Partial<SaveQuizInput> = {}): SaveQuizInput {
	return {
		deckId: 'd',
		startedAt: at(0),
		finishedAt: at(3),
		cardIds: ['c-1', 'c-2', 'c-3'],
		answers: [
			{ cardId: 'c-1', correct: true, given: 'Schwab', overridden: false, answeredAt: at(1), durationMs: 5000 },
			{ cardId: 'c-2', correct: false, given: '1975', overridden: false, answeredAt: at(2), durationMs: 7000 },
			{ cardId: 'c-3', correct: true, given: 'informal', overridden: true, answeredAt: at(3), durationMs: 9000 }
		],
		countAsReview: true,
		...overrides
	};
}

describe('saveQuizResult', () => {
	it('stores the result with its score and grades each answer (right → Good, wrong → Again) at its time', async () => {
		const id = await saveQuizResult(db, scheduler, quiz());
		expect(await quizzesOf(db, 'd')).toEqual([
			{
				id,
				deckId: 'd',
				startedAt: at(0).getTime(),
				finishedAt: at(3).getTime(),
				durationMs: 180_000,
				cardIds: ['c-1', 'c-2', 'c-3'],
				answers: [
					{ cardId: 'c-1', correct: true, given: 'Schwab', overridden: false },
					{ cardId: 'c-2', correct: false, given: '1975', overridden: false },
					{ cardId: 'c-3', correct: true, given: 'informal', overridden: true }
				],
				score: { correct: 2, total: 3 },
				countedAsReviews: true,
				uid: expect.stringMatching(/^[0-9a-z]{16}$/)
			}
		]);
		const reviews = await db.reviews.orderBy('at').toArray();
		expect(reviews.map((r) => [r.cardId, r.origin, r.log.rating, r.at, r.durationMs])).toEqual([
			['c-1', 'quiz', Rating.Good, at(1).getTime(), 5000],
			['c-2', 'quiz', Rating.Again, at(2).getTime(), 7000],
			['c-3', 'quiz', Rating.Good, at(3).getTime(), 9000]
		]);
		const cards = await cardsOf(db, 'd');
		expect(cards.map((c) => [c.id, c.progress.state, c.progress.reps])).toEqual([
			['c-1', State.Learning, 1],
			['c-2', State.Learning, 1],
			['c-3', State.Learning, 1]
		]);
		// The card's state is exactly what the scheduler gives for that grade at that time.
		const expected = scheduler.grade(reviews[1]!.before, Rating.Again, at(2)).next;
		expect(cards[1]!.progress).toEqual(expected);
	});

	it('leaves cards and review log alone when the quiz does not count as review', async () => {
		const before = await db.cards.toArray();
		await saveQuizResult(db, scheduler, quiz({ countAsReview: false }));
		expect(await db.cards.toArray()).toEqual(before);
		expect(await db.reviews.count()).toBe(0);
		expect((await quizzesOf(db, 'd')).map((q) => [q.score, q.countedAsReviews])).toEqual([[{ correct: 2, total: 3 }, false]]);
	});

	it('counts a question left unanswered as missed, and records no review for it', async () => {
		await saveQuizResult(db, scheduler, quiz({ answers: quiz().answers.slice(0, 1) }));
		expect((await quizzesOf(db, 'd'))[0]!.score).toEqual({ correct: 1, total: 3 });
		expect((await db.reviews.toArray()).map((r) => r.cardId)).toEqual(['c-1']);
	});

	it('saves nothing, neither result nor reviews, when one review cannot be written', async () => {
		await db.cards.delete(['d', 'c-3']);
		const cards = await db.cards.toArray();
		const attempt = saveQuizResult(db, scheduler, quiz());
		await expect(attempt).rejects.toBeInstanceOf(StorageError);
		await expect(attempt).rejects.toMatchObject({
			kind: 'not-found',
			message: 'Could not save the quiz result: a card of this quiz is no longer in the deck (deleted in another tab?). Nothing was saved.'
		});
		expect(await db.quizzes.count()).toBe(0);
		expect(await db.reviews.count()).toBe(0);
		expect(await db.cards.toArray()).toEqual(cards);
	});

	it('refuses an answer to a card that was not asked', async () => {
		const answers = [{ cardId: 'c-9', correct: true, given: 'x', overridden: false }];
		await expect(saveQuizResult(db, scheduler, quiz({ answers }))).rejects.toMatchObject({
			kind: 'invalid',
			message: 'The answer for card c-9 is not a question of this quiz.'
		});
		expect(await db.quizzes.count()).toBe(0);
	});
});

describe('quizzesOf and missedLastTime', () => {
	it('lists a deck’s quizzes oldest first, and only that deck’s', async () => {
		await saveQuizResult(db, scheduler, quiz({ startedAt: at(10), finishedAt: at(12), countAsReview: false }));
		await saveQuizResult(db, scheduler, quiz({ countAsReview: false }));
		await saveQuizResult(db, scheduler, quiz({ deckId: 'other', countAsReview: false }));
		expect((await quizzesOf(db, 'd')).map((q) => q.finishedAt)).toEqual([at(3).getTime(), at(12).getTime()]);
		expect(await quizzesOf(db, 'none')).toEqual([]);
	});

	it('is the set of cards whose latest question was missed; a right answer later takes a card out', async () => {
		expect(await missedLastTime(db, 'd')).toEqual(new Set());
		await saveQuizResult(db, scheduler, quiz({ countAsReview: false, answers: quiz().answers.slice(0, 2) }));
		expect(await missedLastTime(db, 'd')).toEqual(new Set(['c-2', 'c-3']));
		// A retry of c-2 only, answered right: c-3 stays missed from the quiz before.
		await saveQuizResult(db, scheduler, {
			deckId: 'd',
			startedAt: at(20),
			finishedAt: at(21),
			cardIds: ['c-2'],
			answers: [{ cardId: 'c-2', correct: true, given: '1974', overridden: false }],
			countAsReview: false
		});
		expect(await missedLastTime(db, 'd')).toEqual(new Set(['c-3']));
	});
});
