/**
 * Quiz results (issue 5): a finished quiz is stored with its answers and, when the quiz counts as review, each
 * answer's review for the scheduler (right → Good, wrong → Again), all in ONE transaction, so the history never
 * shows a quiz whose reviews are missing, nor reviews from a quiz that was not saved (contract §4).
 */
import type { Scheduler } from '$lib/scheduler/fsrs';
import { Rating } from '$lib/scheduler/grades';
import { guard, StorageError } from './errors';
import { recordReview } from './reviews';
import type { FactdeckDB, QuizAnswerRow, QuizRow } from './schema';

export interface QuizAnswerInput extends QuizAnswerRow {
	/** When the answer was checked: the review's time. Default: the quiz's end. */
	answeredAt?: Date;
	/** Time spent on the question, for the review log. Default 0. */
	durationMs?: number;
}

export interface SaveQuizInput {
	deckId: string;
	startedAt: Date;
	finishedAt: Date;
	/** Every question of the quiz, in order, answered or not (a question left when time ran out is missed). */
	cardIds: readonly string[];
	/** The answered questions, in the order they were answered. */
	answers: readonly QuizAnswerInput[];
	countAsReview: boolean;
}

/**
 * Stores a finished quiz; returns its id. With `countAsReview`, every answered question is also graded (by the
 * stored card state, like a study review, with origin 'quiz'), in the same transaction as the result.
 */
export async function saveQuizResult(db: FactdeckDB, scheduler: Scheduler, input: SaveQuizInput): Promise<number> {
	const asked = new Set(input.cardIds);
	const stray = input.answers.find((a) => !asked.has(a.cardId));
	if (stray) throw new StorageError('invalid', `The answer for card ${stray.cardId} is not a question of this quiz.`);
	const right = new Set(input.answers.filter((a) => a.correct).map((a) => a.cardId));
	const row: QuizRow = {
		deckId: input.deckId,
		startedAt: input.startedAt.getTime(),
		finishedAt: input.finishedAt.getTime(),
		durationMs: Math.max(0, input.finishedAt.getTime() - input.startedAt.getTime()),
		cardIds: [...input.cardIds],
		answers: input.answers.map(({ cardId, correct, given, overridden }) => ({ cardId, correct, given, overridden })),
		score: { correct: input.cardIds.filter((id) => right.has(id)).length, total: input.cardIds.length },
		countedAsReviews: input.countAsReview
	};
	return guard('save the quiz result', () =>
		// One transaction for the result and its reviews: recordReview's own transaction joins this one.
		db.transaction('rw', db.quizzes, db.cards, db.reviews, async () => {
			if (input.countAsReview) {
				const stored = await db.cards.bulkGet(input.answers.map((a) => [input.deckId, a.cardId] as [string, string]));
				const gone = input.answers.filter((_, i) => !stored[i]).map((a) => a.cardId);
				if (gone.length > 0) {
					throw new StorageError(
						'not-found',
						`Could not save the quiz result: ${gone.length === 1 ? 'a card' : `${gone.length} cards`} of this quiz ${gone.length === 1 ? 'is' : 'are'} no longer in the deck (deleted in another tab?). Nothing was saved.`
					);
				}
				for (const answer of input.answers) {
					await recordReview(db, scheduler, {
						deckId: input.deckId,
						cardId: answer.cardId,
						grade: answer.correct ? Rating.Good : Rating.Again,
						now: answer.answeredAt ?? input.finishedAt,
						durationMs: answer.durationMs ?? 0,
						origin: 'quiz'
					});
				}
			}
			const id = await db.quizzes.add(row);
			if (id === undefined) throw new StorageError('unknown', 'The quiz result got no id.');
			return id;
		})
	);
}

/** A deck's quiz history, oldest first; rows that do not read back as quiz results are left out. */
export async function quizzesOf(db: FactdeckDB, deckId: string): Promise<QuizRow[]> {
	const rows = await db.quizzes.where('deckId').equals(deckId).sortBy('finishedAt');
	return rows.filter(isQuizRow);
}

/**
 * The cards whose latest quiz question was missed (answered wrong, or left unanswered), for the set-up form's
 * "missed last time" choice. A card asked again and answered right leaves the set.
 */
export async function missedLastTime(db: FactdeckDB, deckId: string): Promise<Set<string>> {
	const missed = new Set<string>();
	for (const quiz of await quizzesOf(db, deckId)) {
		const right = new Set(quiz.answers.filter((a) => a.correct).map((a) => a.cardId));
		for (const id of quiz.cardIds) {
			if (right.has(id)) missed.delete(id);
			else missed.add(id);
		}
	}
	return missed;
}

function isQuizRow(row: unknown): row is QuizRow {
	if (typeof row !== 'object' || row === null) return false;
	const r = row as Partial<QuizRow>;
	return (
		typeof r.deckId === 'string' &&
		typeof r.finishedAt === 'number' &&
		Array.isArray(r.cardIds) &&
		r.cardIds.every((id) => typeof id === 'string') &&
		Array.isArray(r.answers) &&
		r.answers.every((a) => typeof a === 'object' && a !== null && typeof a.cardId === 'string' && typeof a.correct === 'boolean')
	);
}
