/**
 * The quiz builder (issue 5): which cards a quiz asks, in what order, and how each question is presented.
 * Pure: the deck's cards and their study status come in, randomness comes in as a seed, so the same set-up
 * always gives the same quiz. Scoring, retrying the mistakes and the stored result record live here too.
 */
import { CARD_TYPES, type Card, type CardType } from '../domain/types';
import { mulberry32, shuffled, shuffledAwayFrom, type Random } from '$lib/domain/random';

export const QUIZ_MIN_QUESTIONS = 5;
export const QUIZ_MAX_QUESTIONS = 100;
export const QUIZ_DEFAULT_QUESTIONS = 10;
export const TRUE_FALSE_OPTIONS = ['True', 'False'] as const;

export type QuizSelection = 'all' | 'due' | 'new' | 'missed' | { tag: string };

export interface QuizOptions {
	/** How many questions, 5..100. A deck with fewer matching cards gives a shorter quiz. */
	count: number;
	types: CardType[];
	which: QuizSelection;
	timeLimitSec?: number;
	/** Whether each answer is also recorded as a review for the scheduler (right → Good, wrong → Again). */
	countAsReview: boolean;
	seed: number;
}

/** What the set-up form hands over: everything but the seed may be left to its default. */
export type QuizOptionsInput = Partial<Omit<QuizOptions, 'seed'>> & { seed: number };

/** A deck card with what the study loop knows about it. */
export interface QuizCandidate {
	card: Card;
	isNew: boolean;
	isDue: boolean;
	missedLastQuiz: boolean;
}

export type QuizPresentation =
	/** mcq (options shuffled) and truefalse (always True, False: keys 1 and 2 stay put). */
	| { kind: 'choice'; options: string[] }
	/** basic and cloze: the student types the answer. */
	| { kind: 'typed' }
	/** left items in card order, right items shuffled. */
	| { kind: 'matching'; left: string[]; right: string[] }
	/** the card's items, shuffled so they are never already in order. */
	| { kind: 'ordering'; items: string[] };

export interface QuizQuestion {
	card: Card;
	presentation: QuizPresentation;
}

export interface Quiz {
	options: QuizOptions;
	questions: QuizQuestion[];
}

/** A set-up that cannot give a quiz; `message` is written for the person at the set-up form. */
export class QuizSetupError extends Error {
	override name = 'QuizSetupError';
}

/** Fills in defaults and refuses an out-of-range set-up with a message naming the field. */
export function resolveQuizOptions(input: QuizOptionsInput): QuizOptions {
	const count = input.count ?? QUIZ_DEFAULT_QUESTIONS;
	if (!Number.isInteger(count) || count < QUIZ_MIN_QUESTIONS || count > QUIZ_MAX_QUESTIONS) {
		throw new QuizSetupError(
			`Number of questions must be a whole number from ${QUIZ_MIN_QUESTIONS} to ${QUIZ_MAX_QUESTIONS}`
		);
	}
	const types = input.types ?? [...CARD_TYPES];
	if (types.length === 0) throw new QuizSetupError('Choose at least one card type');
	const timeLimitSec = input.timeLimitSec;
	if (timeLimitSec !== undefined && !(Number.isInteger(timeLimitSec) && timeLimitSec > 0)) {
		throw new QuizSetupError('Time limit must be a whole number of seconds above 0');
	}
	const options: QuizOptions = {
		count,
		types: [...types],
		which: input.which ?? 'all',
		countAsReview: input.countAsReview ?? true,
		seed: input.seed
	};
	if (timeLimitSec !== undefined) options.timeLimitSec = timeLimitSec;
	return options;
}

function matchesSelection(candidate: QuizCandidate, which: QuizSelection): boolean {
	if (which === 'all') return true;
	if (which === 'due') return candidate.isDue;
	if (which === 'new') return candidate.isNew;
	if (which === 'missed') return candidate.missedLastQuiz;
	const tag = which.tag.toLowerCase();
	return candidate.card.tags.some((t) => t.toLowerCase() === tag);
}

function describeSelection(which: QuizSelection): string {
	if (which === 'all') return 'cards';
	if (which === 'due') return 'due cards';
	if (which === 'new') return 'new cards';
	if (which === 'missed') return 'cards missed in the last quiz';
	return `cards tagged “${which.tag}”`;
}

/** How a card is asked. Cards missing their choices, pairs or items fall back to a typed answer. */
function present(card: Card, random: Random): QuizPresentation {
	if (card.type === 'mcq' && card.choices && card.choices.length > 1) {
		return { kind: 'choice', options: shuffled(card.choices, random) };
	}
	if (card.type === 'truefalse') return { kind: 'choice', options: [...TRUE_FALSE_OPTIONS] };
	if (card.type === 'matching' && card.pairs && card.pairs.length > 1) {
		const right = card.pairs.map(([, r]) => r);
		return { kind: 'matching', left: card.pairs.map(([l]) => l), right: shuffledAwayFrom(right, random) };
	}
	if (card.type === 'ordering' && card.items && card.items.length > 1) {
		return { kind: 'ordering', items: shuffledAwayFrom(card.items, random) };
	}
	return { kind: 'typed' };
}

/**
 * Builds a quiz: the candidates that match the set-up, shuffled with the seed, the first `count` of them, each
 * with its presentation (drawn from the same seeded stream, in question order).
 * @throws QuizSetupError when the options are out of range or no card matches.
 */
export function buildQuiz(candidates: readonly QuizCandidate[], input: QuizOptionsInput): Quiz {
	const options = resolveQuizOptions(input);
	const matching = candidates.filter(
		(c) => options.types.includes(c.card.type) && matchesSelection(c, options.which)
	);
	if (matching.length === 0) {
		throw new QuizSetupError(
			`No ${describeSelection(options.which)} of the chosen types (${options.types.join(', ')}) in this deck`
		);
	}
	const random = mulberry32(options.seed);
	const chosen = shuffled(matching, random).slice(0, options.count);
	return { options, questions: chosen.map(({ card }) => ({ card, presentation: present(card, random) })) };
}

/** One answered question, as stored. `correct` is the final verdict, after any "I was right" override. */
export interface QuizAnswer {
	cardId: string;
	correct: boolean;
	given: string;
	overridden: boolean;
}

/**
 * A quiz of exactly the missed questions (wrong or unanswered), in their original order, presented afresh
 * with `seed` (by default the quiz's seed + 1, so a retry is not the same shuffle again).
 *
 * A retry never counts as review (issue 12, §2.3). It comes seconds after the quiz, whose wrong answers were just
 * recorded as Again, and after the right answers were shown: it tests what was just read, not memory. Logging it
 * as a second FSRS review would move a card just forgotten out of relearning on a same-day "Good". So the retry is
 * kept in the quiz history (and in "missed last time"), and the card's schedule is left to its next real review.
 * @throws QuizSetupError when nothing was missed.
 */
export function retryMistakes(quiz: Quiz, answers: readonly QuizAnswer[], seed = quiz.options.seed + 1): Quiz {
	const right = new Set(answers.filter((a) => a.correct).map((a) => a.cardId));
	const missed = quiz.questions.filter((q) => !right.has(q.card.id));
	if (missed.length === 0) throw new QuizSetupError('Nothing to retry: every answer was right');
	const random = mulberry32(seed);
	return {
		options: { ...quiz.options, count: missed.length, which: 'all', seed, countAsReview: false },
		questions: missed.map(({ card }) => ({ card, presentation: present(card, random) }))
	};
}

export interface Tally {
	correct: number;
	total: number;
}

export interface QuizScore extends Tally {
	/** "7 / 10", the contract's score text. */
	label: string;
	byType: Partial<Record<CardType, Tally>>;
	byTag: Record<string, Tally>;
	/** The questions answered wrong or not at all, in quiz order. */
	missed: QuizQuestion[];
}

function count(tallies: Record<string, Tally>, key: string, correct: boolean): void {
	const tally = (tallies[key] ??= { correct: 0, total: 0 });
	tally.total += 1;
	if (correct) tally.correct += 1;
}

/** Scores a quiz from its answers; a question with no answer (time ran out) counts as missed. */
export function scoreQuiz(quiz: Quiz, answers: readonly QuizAnswer[]): QuizScore {
	const right = new Set(answers.filter((a) => a.correct).map((a) => a.cardId));
	const byType: Record<string, Tally> = {};
	const byTag: Record<string, Tally> = {};
	const missed: QuizQuestion[] = [];
	for (const question of quiz.questions) {
		const correct = right.has(question.card.id);
		count(byType, question.card.type, correct);
		for (const tag of question.card.tags) count(byTag, tag, correct);
		if (!correct) missed.push(question);
	}
	const total = quiz.questions.length;
	const correct = total - missed.length;
	return { correct, total, label: `${correct} / ${total}`, byType, byTag, missed };
}
