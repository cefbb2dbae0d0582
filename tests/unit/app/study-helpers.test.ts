import { describe, expect, it } from 'vitest';
import {
	choiceOptions,
	clozeParts,
	judgeMatching,
	judgeOrdering,
	matchingRights,
	moveItem,
	orderingStart,
	suggestedGrade,
	taskKind
} from '$lib/app/card-task';
import { formatDue, formatDuration, formatPercent } from '$lib/app/format';
import { sourceExcerpt } from '$lib/app/source-excerpt';
import { studyKeyAction, type KeyContext } from '$lib/app/study-keys';
import type { Card } from '$lib/domain/types';
import { Rating } from '$lib/scheduler/fsrs';

const source = { doc: 'doc-1', sentence: 'S.', start: 0, end: 2 };
const card = (extra: Partial<Card>): Card => ({ id: 'c-1', type: 'basic', question: 'Q?', answer: 'A', tags: [], score: 1, source, ...extra });

describe('card tasks', () => {
	it('answers mcq and truefalse by choosing, matching and ordering by arranging, the rest by recall', () => {
		expect(taskKind(card({ type: 'mcq', choices: ['A', 'B', 'C'] }))).toBe('choice');
		expect(taskKind(card({ type: 'truefalse', answer: 'True' }))).toBe('choice');
		expect(taskKind(card({ type: 'matching', pairs: [['a', '1'], ['b', '2'], ['c', '3']] }))).toBe('matching');
		expect(taskKind(card({ type: 'ordering', items: ['x', 'y', 'z'] }))).toBe('ordering');
		expect(taskKind(card({ type: 'cloze' }))).toBe('recall');
		expect(taskKind(card({ type: 'mcq' }))).toBe('recall');
	});

	it('offers True and False in that order, and an mcq the same shuffle every time', () => {
		expect(choiceOptions(card({ type: 'truefalse', answer: 'False' }))).toEqual(['True', 'False']);
		const mcq = card({ type: 'mcq', choices: ['A', 'B', 'C', 'D'] });
		expect(choiceOptions(mcq)).toEqual(choiceOptions({ ...mcq }));
		expect([...choiceOptions(mcq)].sort()).toEqual(['A', 'B', 'C', 'D']);
	});

	it('never starts an ordering or matching task already solved', () => {
		for (let i = 0; i < 50; i++) {
			const items = ['first', 'second', 'third'];
			const c = card({ id: `c-${i}`, type: 'ordering', items, pairs: [['a', '1'], ['b', '2'], ['c', '3']] });
			expect(orderingStart(c)).not.toEqual(items);
			expect(matchingRights(c)).not.toEqual(['1', '2', '3']);
		}
	});

	it('judges arrangements and suggests Good when right, Again when wrong', () => {
		const c = card({ type: 'ordering', items: ['x', 'y', 'z'], pairs: [['a', '1'], ['b', '2']] });
		expect(judgeOrdering(c, ['x', 'y', 'z']).correct).toBe(true);
		expect(judgeOrdering(c, ['y', 'x', 'z']).reason).toBe('Not accepted: 1 of 3 in the right place');
		expect(judgeMatching(c, { a: '1', b: '2' }).correct).toBe(true);
		expect(judgeMatching(c, { a: '2', b: '1' }).correct).toBe(false);
		expect(suggestedGrade({ correct: true, reason: '' })).toBe(Rating.Good);
		expect(suggestedGrade({ correct: false, reason: '' })).toBe(Rating.Again);
	});

	it('moves an item up or down, clamped at the ends', () => {
		expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
	});

	it('splits a cloze question around its blank', () => {
		expect(clozeParts('The NCAFP was founded in _____.', '_____')).toEqual(['The NCAFP was founded in ', '.']);
	});
});

describe('study keys', () => {
	const question: KeyContext = { phase: 'question', options: 0 };
	const answer: KeyContext = { phase: 'answer', options: 0 };
	const body = { tagName: 'BODY' };

	it('Space shows the answer, 1-4 grade, Z undoes', () => {
		expect(studyKeyAction({ key: ' ', target: body }, question)).toEqual({ type: 'reveal' });
		expect(studyKeyAction({ key: ' ', target: body }, answer)).toBeNull();
		expect(studyKeyAction({ key: '1', target: body }, answer)).toEqual({ type: 'grade', index: 0 });
		expect(studyKeyAction({ key: '4', target: body }, answer)).toEqual({ type: 'grade', index: 3 });
		expect(studyKeyAction({ key: '5', target: body }, answer)).toBeNull();
		expect(studyKeyAction({ key: 'z', target: body }, answer)).toEqual({ type: 'undo' });
		expect(studyKeyAction({ key: 'Z', target: body }, question)).toEqual({ type: 'undo' });
	});

	it('1-5 choose an option of a multiple-choice card before the answer shows', () => {
		const mcq: KeyContext = { phase: 'question', options: 5 };
		expect(studyKeyAction({ key: '5', target: body }, mcq)).toEqual({ type: 'choose', index: 4 });
		expect(studyKeyAction({ key: '3', target: body }, { phase: 'question', options: 2 })).toBeNull();
		expect(studyKeyAction({ key: '1', target: body }, question)).toBeNull();
	});

	it('@ suspends, - buries and F flags the card shown, before or after the answer, and never while typing', () => {
		expect(studyKeyAction({ key: '@', target: body }, question)).toEqual({ type: 'suspend' });
		expect(studyKeyAction({ key: '-', target: body }, answer)).toEqual({ type: 'bury' });
		expect(studyKeyAction({ key: 'f', target: body }, question)).toEqual({ type: 'flag' });
		expect(studyKeyAction({ key: 'F', target: body }, answer)).toEqual({ type: 'flag' });
		expect(studyKeyAction({ key: '@', target: body }, { phase: 'other', options: 0 })).toBeNull();
		expect(studyKeyAction({ key: '-', target: { tagName: 'INPUT' } }, answer)).toBeNull();
		expect(studyKeyAction({ key: 'f', ctrlKey: true, target: body }, answer)).toBeNull();
	});

	it('does nothing while typing, with modifiers, or for Space on a focused button', () => {
		expect(studyKeyAction({ key: '1', target: { tagName: 'INPUT' } }, answer)).toBeNull();
		expect(studyKeyAction({ key: 'z', target: { tagName: 'textarea' } }, answer)).toBeNull();
		expect(studyKeyAction({ key: 'z', target: { tagName: 'DIV', isContentEditable: true } }, answer)).toBeNull();
		expect(studyKeyAction({ key: 'z', ctrlKey: true, target: body }, answer)).toBeNull();
		expect(studyKeyAction({ key: ' ', target: { tagName: 'BUTTON' } }, question)).toBeNull();
		expect(studyKeyAction({ key: '2', target: { tagName: 'BUTTON' } }, answer)).toEqual({ type: 'grade', index: 1 });
	});
});

describe('sourceExcerpt', () => {
	const text = 'Title line\n\nFirst sentence here. The NCAFP was founded in 1974. Last one.\n\nNext paragraph.';
	const sentence = 'The NCAFP was founded in 1974.';
	const start = text.indexOf(sentence);
	const docs = [{ id: 'doc-1', title: 'Doc', text }];

	it('returns the sentence within its paragraph', () => {
		expect(sourceExcerpt({ doc: 'doc-1', sentence, start, end: start + sentence.length }, docs)).toEqual({
			title: 'Doc',
			before: 'First sentence here. ',
			sentence,
			after: ' Last one.'
		});
	});

	it('finds the sentence when the offsets are off, and falls back to the bare sentence', () => {
		expect(sourceExcerpt({ doc: 'doc-1', sentence, start: 0, end: 5 }, docs).before).toBe('First sentence here. ');
		expect(sourceExcerpt({ doc: 'gone', sentence, start, end: start + 1 }, docs)).toEqual({ title: '', before: '', sentence, after: '' });
	});

	it('uses single line breaks as paragraphs when the text has no blank lines', () => {
		const flat = 'One.\nTwo. Three.\nFour.';
		const at = flat.indexOf('Three.');
		expect(sourceExcerpt({ doc: 'd', sentence: 'Three.', start: at, end: at + 6 }, [{ id: 'd', title: 'T', text: flat }])).toEqual({
			title: 'T',
			before: 'Two. ',
			sentence: 'Three.',
			after: ''
		});
	});
});

describe('formats', () => {
	it('formats durations, shares and due dates', () => {
		expect(formatDuration(45_400)).toBe('45 s');
		expect(formatDuration(200_000)).toBe('3 min 20 s');
		expect(formatDuration(3_900_000)).toBe('1 h 5 min');
		expect(formatPercent(2 / 3)).toBe('67%');
		const now = new Date(2026, 2, 2, 9, 0);
		expect(formatDue(now.getTime() - 1, now)).toBe('now');
		expect(formatDue(now.getTime() + 10 * 60_000, now)).toBe('in 10 min');
		expect(formatDue(new Date(2026, 2, 3, 8, 0).getTime(), now)).toBe('tomorrow');
	});
});
