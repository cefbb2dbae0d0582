import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerContexts, judge, QuizSession, type QuizResponse } from '$lib/app/quiz-session.svelte';
import { FactdeckDB, importDeck, missedLastTime, quizzesOf } from '$lib/db';
import type { DeckFile } from '$lib/domain/types';
import { checkTypedAnswer } from '$lib/quiz/answer-check';
import type { QuizQuestion } from '$lib/quiz/build';
import { Rating } from '$lib/scheduler/fsrs';
import { deck as cards } from '../quiz/fixtures';

const start = new Date('2026-03-02T09:00:00Z').getTime();
let t = start;
const clock = () => new Date(t);
let db: FactdeckDB;
let n = 0;

const file: DeckFile = {
	format: 'factdeck',
	version: 1,
	id: 'q',
	title: 'Quiz deck',
	createdAt: '2026-03-01T00:00:00Z',
	sources: [{ id: 'doc-1', title: 'Doc', text: 'Sentence c1. Sentence c2.' }],
	cards
};

beforeEach(async () => {
	t = start;
	db = new FactdeckDB(`quiz-session-${++n}`);
	await db.open();
	await importDeck(db, file, 'add', new Date(start - 86_400_000));
});
afterEach(async () => {
	await db.delete();
});

async function loaded(seed = 7): Promise<QuizSession> {
	const session = new QuizSession('q', { db, clock, seed: () => seed, enableFuzz: false });
	await session.load();
	return session;
}

function right(question: QuizQuestion): QuizResponse {
	const { card, presentation } = question;
	if (presentation.kind === 'choice') return { kind: 'choice', option: card.answer };
	if (presentation.kind === 'matching') return { kind: 'matching', given: Object.fromEntries(card.pairs ?? []) };
	if (presentation.kind === 'ordering') return { kind: 'ordering', order: card.items ?? [] };
	return { kind: 'typed', text: card.answer };
}

function wrong(question: QuizQuestion): QuizResponse {
	const { card, presentation } = question;
	if (presentation.kind === 'choice') return { kind: 'choice', option: presentation.options.find((o) => o !== card.answer) ?? '' };
	if (presentation.kind === 'matching') return { kind: 'matching', given: {} };
	// Never in order: the builder shuffles ordering items away from the right order.
	if (presentation.kind === 'ordering') return { kind: 'ordering', order: presentation.items };
	return { kind: 'typed', text: 'something else entirely' };
}

/** Answers every question, right where `pattern` has 1; 10 s a question. */
async function play(session: QuizSession, pattern: number[]): Promise<void> {
	for (const bit of pattern) {
		t += 10_000;
		const question = session.question!;
		session.check(bit ? right(question) : wrong(question));
		expect(session.current?.correct).toBe(bit === 1);
		await session.next();
	}
}

describe('QuizSession set-up', () => {
	it('offers the deck’s card types and tags (most used first) with the default set-up', async () => {
		const session = await loaded();
		expect(session.phase).toBe('setup');
		expect(session.types).toEqual(['basic', 'cloze', 'mcq', 'truefalse', 'matching', 'ordering']);
		expect(session.tags).toEqual(['date', 'person', 'place', 'acronym']);
		expect(session.setup).toEqual({
			count: 10,
			types: ['basic', 'cloze', 'mcq', 'truefalse', 'matching', 'ordering'],
			which: 'all',
			tag: 'date',
			timeLimitMin: null,
			countAsReview: true
		});
	});

	it('says why a set-up gives no quiz, and stays on the form', async () => {
		const session = await loaded();
		session.setup.which = 'missed';
		session.start();
		expect([session.phase, session.setupError]).toEqual([
			'setup',
			'No cards missed in the last quiz of the chosen types (basic, cloze, mcq, truefalse, matching, ordering) in this deck'
		]);
		session.setup.which = 'all';
		session.setup.count = 4;
		session.start();
		expect(session.setupError).toBe('Number of questions must be a whole number from 5 to 100');
	});

	it('is "missing" for a deck that is not on this device', async () => {
		const session = new QuizSession('nope', { db, clock });
		await session.load();
		expect([session.phase, session.loadError]).toEqual(['missing', null]);
	});

	it('shows a storage failure with its cause (regression: "Deck not found", or loading forever) and retries', async () => {
		vi.spyOn(db.quizzes, 'where').mockImplementationOnce(() => {
			throw new DOMException('quota', 'QuotaExceededError');
		});
		const session = new QuizSession('q', { db, clock });
		await session.load();
		expect([session.phase, session.loadError]).toEqual([
			'failed',
			"Could not open this deck: this device's storage for Factdeck is full. Free some space (delete files or apps you no longer need, or decks in Factdeck), then try again. Nothing was changed."
		]);
		await session.load();
		expect([session.phase, session.loadError]).toEqual(['setup', null]);
	});
});

describe('QuizSession quiz', () => {
	it('runs a quiz to its score, saves it with its reviews, and retries exactly the missed questions', async () => {
		const session = await loaded();
		session.setup.count = 5;
		session.start();
		expect([session.phase, session.total, session.setupError]).toEqual(['question', 5, null]);
		const asked = session.quiz!.questions.map((q) => q.card.id);
		expect(asked).toHaveLength(5);

		await play(session, [1, 0, 1, 0, 1]);
		expect(session.phase).toBe('end');
		expect(session.score?.label).toBe('3 / 5');
		expect(session.score?.missed.map((q) => q.card.id)).toEqual([asked[1], asked[3]]);
		expect(session.durationMs).toBe(50_000);
		expect([session.saved, session.error]).toEqual([true, null]);

		const [stored] = await quizzesOf(db, 'q');
		expect(stored?.score).toEqual({ correct: 3, total: 5 });
		expect(stored?.cardIds).toEqual(asked);
		const reviews = await db.reviews.orderBy('at').toArray();
		expect(reviews.map((r) => [r.cardId, r.origin, r.log.rating, r.durationMs])).toEqual(
			asked.map((id, i) => [id, 'quiz', i % 2 ? Rating.Again : Rating.Good, 10_000])
		);
		expect(await missedLastTime(db, 'q')).toEqual(new Set([asked[1], asked[3]]));

		session.retry();
		expect([session.phase, session.quiz?.questions.map((q) => q.card.id)]).toEqual(['question', [asked[1], asked[3]]]);
		const relearning = await db.cards.get(['q', asked[1]!]);
		await play(session, [1, 1]);
		expect(session.score?.label).toBe('2 / 2');
		expect(await missedLastTime(db, 'q')).toEqual(new Set());
		// Regression (issue 12, §2.3): the retry, seconds later, logs no second review and leaves the schedule.
		expect(await db.reviews.count()).toBe(5);
		expect(await db.cards.get(['q', asked[1]!])).toEqual(relearning);
		expect((await quizzesOf(db, 'q')).map((q) => q.countedAsReviews)).toEqual([true, false]);

		// Back at the set-up form, the history lists both quizzes, newest first, and "missed" finds none.
		await session.newQuiz();
		expect(session.phase).toBe('setup');
		expect(session.history.map((q) => q.score)).toEqual([{ correct: 2, total: 2 }, { correct: 3, total: 5 }]);
	});

	it('is the same quiz for the same seed', async () => {
		const a = await loaded(11);
		const b = await loaded(11);
		a.start();
		b.start();
		expect(a.quiz).toEqual(b.quiz);
		expect(a.total).toBe(10);
	});

	it('takes "I was right" for a refused answer and counts it right, as Good', async () => {
		const session = await loaded();
		session.setup.count = 5;
		session.start();
		t += 3_000;
		session.check(wrong(session.question!));
		expect(session.current?.correct).toBe(false);
		session.override();
		expect(session.current).toMatchObject({ correct: true, overridden: true, reason: 'Counted as right: you said you were right' });
		await session.next();
		await play(session, [1, 1, 1, 1]);
		expect(session.score?.label).toBe('5 / 5');
		expect((await db.reviews.toArray()).map((r) => r.log.rating)).toEqual([Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good]);
		expect((await quizzesOf(db, 'q'))[0]?.answers[0]).toMatchObject({ correct: true, overridden: true });
	});

	it('records no reviews when "Count answers as reviews" is off', async () => {
		const session = await loaded();
		session.setup.count = 5;
		session.setup.countAsReview = false;
		session.start();
		await play(session, [1, 0, 0, 0, 0]);
		expect(session.score?.label).toBe('1 / 5');
		expect(await db.reviews.count()).toBe(0);
		expect((await quizzesOf(db, 'q'))[0]?.countedAsReviews).toBe(false);
	});

	it('ends when the time limit runs out: unanswered questions are missed, the time is the limit', async () => {
		const session = await loaded();
		session.setup.count = 5;
		session.setup.timeLimitMin = 1;
		session.start();
		expect(session.remainingMs).toBe(60_000);
		await play(session, [1, 1]);
		await session.tick();
		expect([session.phase, session.remainingMs]).toEqual(['question', 40_000]);
		t = start + 75_000;
		await session.tick();
		expect([session.phase, session.timedOut, session.durationMs, session.score?.label]).toEqual(['end', true, 60_000, '2 / 5']);
		expect((await quizzesOf(db, 'q'))[0]?.score).toEqual({ correct: 2, total: 5 });
		expect(await db.reviews.count()).toBe(2);
	});

	it('keeps the result on screen when saving fails, and saves it with `Save again`', async () => {
		const session = await loaded();
		session.setup.count = 5;
		session.start();
		const first = session.question!.card.id;
		const row = await db.cards.get(['q', first]);
		await db.cards.delete(['q', first]);
		await play(session, [1, 1, 1, 1, 1]);
		expect([session.phase, session.saved, session.error]).toEqual([
			'end',
			false,
			'Could not save the quiz result: a card of this quiz is no longer in the deck (deleted in another tab?). Nothing was saved.'
		]);
		expect([await db.quizzes.count(), await db.reviews.count()]).toEqual([0, 0]);
		await db.cards.put(row!);
		await session.save();
		expect([session.saved, session.error, await db.quizzes.count(), await db.reviews.count()]).toEqual([true, null, 1, 5]);
	});
});

describe('judging in a deck', () => {
	it('accepts a person’s surname alone when no one else in the deck has it', () => {
		const context = answerContexts(cards);
		const schwab = cards[0]!;
		expect(context(schwab)).toMatchObject({ type: 'basic', kind: 'person' });
		expect(checkTypedAnswer('Schwab', schwab.answer, context(schwab))).toEqual({ correct: true, reason: 'Accepted: surname is enough here' });
		const two = answerContexts([...cards, { ...schwab, id: 'c11', answer: 'Susan Schwab' }]);
		expect(checkTypedAnswer('Schwab', schwab.answer, two(schwab)).correct).toBe(false);
	});

	it('counts the deck’s other answers and multiple-choice options of the same kind as confusables', () => {
		const context = answerContexts(cards);
		const byId = (id: string) => cards.find((c) => c.id === id)!;
		expect(context(byId('c7')).confusables).toEqual(['Seoul', 'Tokyo', 'Beijing', 'Moscow', 'Track II']);
		expect(context(byId('c9')).confusables).toEqual(['George Schwab']);
		expect(context(byId('c2')).confusables).toEqual(['2003', '2005', '2007']);
	});

	it('refuses a typed answer as close to another card’s option as to the expected answer (issue 12)', () => {
		const site = { ...cards[6]!, id: 'site', question: 'Where is the reactor?', answer: 'Yongbyon', tags: ['place'] };
		const options = { ...cards[2]!, id: 'launch', answer: 'Sohae', choices: ['Sohae', 'Yongban', 'Tonghae'], tags: ['place'] };
		const dated = { ...options, id: 'dated', tags: ['date'] };
		expect(checkTypedAnswer('Yongbon', site.answer, answerContexts([site, options])(site))).toEqual({
			correct: false,
			reason: 'Not accepted: as close to “Yongban”, another answer in this deck; expected “Yongbyon”'
		});
		// An option of another kind (a date card's) is not a confusable.
		expect(checkTypedAnswer('Yongbon', site.answer, answerContexts([site, dated])(site))).toEqual({
			correct: true,
			reason: 'Accepted: small typo (1 letter)'
		});
	});

	it('keeps what was given as text: matching pairs and the order as arrows', () => {
		const matching = cards[4]!;
		const question: QuizQuestion = { card: matching, presentation: { kind: 'matching', left: [], right: [] } };
		const given = { NEACD: 'Northeast Asia Cooperation Dialogue', NCAFP: 'International Atomic Energy Agency' };
		const result = judge(question, { kind: 'matching', given }, answerContexts(cards)(matching));
		expect(result.given).toBe(
			'NEACD → Northeast Asia Cooperation Dialogue; NCAFP → International Atomic Energy Agency; IAEA → …'
		);
		expect(result.verdict).toMatchObject({ correct: false, reason: 'Not accepted: 1 of 3 pairs matched' });
	});
});

describe('QuizSession "due" choice (issue 12, §2.2)', () => {
	it('counts a card as due on its due day, as the home page does, not from the hour it was last reviewed', async () => {
		// Every card reviewed yesterday at 21:00 UTC, due today at 21:00; now is 09:00 UTC, the day starts at 04:00.
		const reviewed = start - 12 * 3_600_000;
		await db.cards.toCollection().modify((row) => {
			row.progress = { ...row.progress, state: 2, reps: 1, stability: 1, last_review: reviewed, due: reviewed + 86_400_000 };
			row.due = row.progress.due;
		});
		const session = new QuizSession('q', { db, clock, seed: () => 7, enableFuzz: false, zone: () => 0 });
		await session.load();
		session.setup.which = 'due';
		session.setup.count = 5;
		session.start();
		expect([session.phase, session.setupError, session.total]).toEqual(['question', null, 5]);
	});
});
