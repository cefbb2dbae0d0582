import { describe, expect, it } from 'vitest';
import {
	buildQuiz,
	QuizSetupError,
	resolveQuizOptions,
	retryMistakes,
	scoreQuiz,
	type Quiz,
	type QuizAnswer
} from '../../../src/lib/quiz/build';
import { mulberry32, shuffled, shuffledAwayFrom } from '$lib/domain/random';
import { candidates } from './fixtures';

const ids = (quiz: Quiz) => quiz.questions.map((q) => q.card.id);
const answer = (cardId: string, correct: boolean, overridden = false): QuizAnswer => ({
	cardId,
	correct,
	given: correct ? 'right' : 'wrong',
	overridden
});

describe('seeded randomness', () => {
	it('repeats for a seed and differs between seeds', () => {
		const a = mulberry32(7);
		const b = mulberry32(7);
		const first = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(first);
		expect(mulberry32(8)()).not.toBe(first[0]);
		expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
	});

	it('shuffles without touching its input, and a shuffle "away" never returns the original order', () => {
		const items = ['a', 'b'];
		expect(shuffled(items, mulberry32(1))).toHaveLength(2);
		expect(items).toEqual(['a', 'b']);
		for (let seed = 0; seed < 20; seed++) expect(shuffledAwayFrom(items, mulberry32(seed))).toEqual(['b', 'a']);
	});
});

describe('resolveQuizOptions', () => {
	it('fills in the defaults', () => {
		expect(resolveQuizOptions({ seed: 3 })).toEqual({
			count: 10,
			types: ['basic', 'cloze', 'mcq', 'truefalse', 'matching', 'ordering'],
			which: 'all',
			countAsReview: true,
			seed: 3
		});
	});

	it('refuses an out-of-range set-up with a message naming the field', () => {
		expect(() => resolveQuizOptions({ seed: 1, count: 4 })).toThrow(
			new QuizSetupError('Number of questions must be a whole number from 5 to 100')
		);
		expect(() => resolveQuizOptions({ seed: 1, count: 101 })).toThrow(QuizSetupError);
		expect(() => resolveQuizOptions({ seed: 1, count: 7.5 })).toThrow(QuizSetupError);
		expect(() => resolveQuizOptions({ seed: 1, types: [] })).toThrow('Choose at least one card type');
		expect(() => resolveQuizOptions({ seed: 1, timeLimitSec: 0 })).toThrow(
			'Time limit must be a whole number of seconds above 0'
		);
		expect(resolveQuizOptions({ seed: 1, timeLimitSec: 300 }).timeLimitSec).toBe(300);
	});
});

describe('buildQuiz', () => {
	it('pins the question order and every presentation for seed 42', () => {
		const quiz = buildQuiz(candidates, { seed: 42 });
		expect(quiz.questions.map((q) => [q.card.id, q.presentation])).toEqual([
			['c1', { kind: 'typed' }],
			['c8', { kind: 'choice', options: ['2007', '2003', '2005'] }],
			['c4', { kind: 'choice', options: ['True', 'False'] }],
			['c6', { kind: 'ordering', items: ['b', 'a', 'c', 'd'] }],
			['c3', { kind: 'choice', options: ['Moscow', 'Beijing', 'Tokyo', 'Seoul'] }],
			['c2', { kind: 'typed' }],
			['c9', { kind: 'typed' }],
			['c10', { kind: 'typed' }],
			[
				'c5',
				{
					kind: 'matching',
					left: ['NEACD', 'NCAFP', 'IAEA'],
					right: [
						'International Atomic Energy Agency',
						'Northeast Asia Cooperation Dialogue',
						'National Committee on American Foreign Policy'
					]
				}
			],
			['c7', { kind: 'typed' }]
		]);
	});

	it('pins a different order for seed 1, and the same quiz again for the same seed', () => {
		const quiz = buildQuiz(candidates, { seed: 1 });
		expect(ids(quiz)).toEqual(['c8', 'c9', 'c4', 'c3', 'c2', 'c6', 'c10', 'c5', 'c1', 'c7']);
		expect(quiz.questions[0]?.presentation).toEqual({ kind: 'choice', options: ['2005', '2003', '2007'] });
		expect(quiz.questions[3]?.presentation).toEqual({
			kind: 'choice',
			options: ['Moscow', 'Beijing', 'Seoul', 'Tokyo']
		});
		expect(buildQuiz(candidates, { seed: 1 })).toEqual(quiz);
	});

	it('takes the first `count` of the seeded shuffle', () => {
		expect(ids(buildQuiz(candidates, { seed: 42, count: 5 }))).toEqual(['c1', 'c8', 'c4', 'c6', 'c3']);
	});

	it('filters by card type and by which cards', () => {
		const sorted = (quiz: Quiz) => ids(quiz).sort();
		expect(sorted(buildQuiz(candidates, { seed: 5, types: ['basic', 'cloze'] }))).toEqual(['c1', 'c10', 'c2', 'c7', 'c9']);
		expect(sorted(buildQuiz(candidates, { seed: 5, which: 'new' }))).toEqual(['c1', 'c2', 'c3', 'c4']);
		expect(sorted(buildQuiz(candidates, { seed: 5, which: 'due' }))).toEqual(['c5', 'c6', 'c7', 'c8']);
		expect(sorted(buildQuiz(candidates, { seed: 5, which: 'missed' }))).toEqual(['c2', 'c9']);
		expect(sorted(buildQuiz(candidates, { seed: 5, which: { tag: 'Date' } }))).toEqual(['c2', 'c4', 'c6', 'c8']);
		expect(sorted(buildQuiz(candidates, { seed: 5, which: 'new', types: ['mcq'] }))).toEqual(['c3']);
	});

	it('says clearly when no card matches', () => {
		expect(() => buildQuiz(candidates, { seed: 1, which: 'due', types: ['basic', 'cloze'] })).not.toThrow();
		expect(() => buildQuiz(candidates, { seed: 1, which: 'missed', types: ['mcq'] })).toThrow(
			new QuizSetupError('No cards missed in the last quiz of the chosen types (mcq) in this deck')
		);
		expect(() => buildQuiz(candidates, { seed: 1, which: { tag: 'acronym' }, types: ['basic'] })).toThrow(
			'No cards tagged “acronym” of the chosen types (basic) in this deck'
		);
		expect(() => buildQuiz([], { seed: 1 })).toThrow(
			'No cards of the chosen types (basic, cloze, mcq, truefalse, matching, ordering) in this deck'
		);
	});

	it('asks an mcq card without choices as a typed question', () => {
		const bare = { ...candidates[2]!, card: { ...candidates[2]!.card, choices: undefined } };
		expect(buildQuiz([bare], { seed: 1 }).questions[0]?.presentation).toEqual({ kind: 'typed' });
	});
});

describe('retryMistakes', () => {
	const quiz = buildQuiz(candidates, { seed: 42 });
	const answers = [
		answer('c1', true),
		answer('c8', false),
		answer('c4', true),
		answer('c6', false),
		answer('c3', false, true), // the student overrode a right verdict: the final verdict is what counts
		answer('c2', true, true),
		answer('c9', true),
		answer('c10', true),
		answer('c5', true)
		// c7 was never answered (time ran out)
	];

	it('builds a quiz of exactly the missed questions, in their original order', () => {
		const retry = retryMistakes(quiz, answers);
		expect(ids(retry)).toEqual(['c8', 'c6', 'c3', 'c7']);
		expect(retry.options).toEqual({ ...quiz.options, count: 4, which: 'all', seed: 43, countAsReview: false });
		expect(retry.questions.map((q) => q.presentation)).toEqual([
			{ kind: 'choice', options: ['2005', '2003', '2007'] },
			{ kind: 'ordering', items: ['b', 'd', 'a', 'c'] },
			{ kind: 'choice', options: ['Tokyo', 'Moscow', 'Seoul', 'Beijing'] },
			{ kind: 'typed' }
		]);
	});

	it('refuses when nothing was missed', () => {
		const all = quiz.questions.map((q) => answer(q.card.id, true));
		expect(() => retryMistakes(quiz, all)).toThrow(new QuizSetupError('Nothing to retry: every answer was right'));
	});

	it('scores the quiz: label, by type, by tag and the missed questions', () => {
		const score = scoreQuiz(quiz, answers);
		expect(score.label).toBe('6 / 10');
		expect([score.correct, score.total]).toEqual([6, 10]);
		expect(score.byType).toEqual({
			basic: { correct: 2, total: 3 },
			mcq: { correct: 0, total: 2 },
			truefalse: { correct: 1, total: 1 },
			ordering: { correct: 0, total: 1 },
			cloze: { correct: 2, total: 2 },
			matching: { correct: 1, total: 1 }
		});
		expect(score.byTag).toEqual({
			person: { correct: 2, total: 2 },
			date: { correct: 2, total: 4 },
			place: { correct: 0, total: 2 },
			acronym: { correct: 1, total: 1 }
		});
		expect(score.missed.map((q) => q.card.id)).toEqual(['c8', 'c6', 'c3', 'c7']);
	});
});
