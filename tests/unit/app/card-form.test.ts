import { describe, expect, it } from 'vitest';
import { answerChanged, cardToDraft, checkDraft, draftToCard, emptyDraft, type CardDraft } from '$lib/app/card-form';
import { CardSchema } from '$lib/domain/deck-file';
import type { Card } from '$lib/domain/types';
import * as v from 'valibot';

const source = { doc: 'doc-1', sentence: 'George Schwab is the President of NCAFP.', start: 0, end: 40 };

function draft(patch: Partial<CardDraft>): CardDraft {
	return { ...emptyDraft(patch.type), ...patch };
}

describe('checkDraft', () => {
	it('asks for a question and an answer on an empty basic card', () => {
		expect(checkDraft(emptyDraft('basic'))).toEqual({ question: 'Write the question.', answer: 'Write the answer.' });
	});

	it('accepts a basic card', () => {
		expect(checkDraft(draft({ question: 'Who leads NCAFP?', answer: 'George Schwab' }))).toEqual({});
	});

	it('wants a blank in a cloze question', () => {
		expect(checkDraft(draft({ type: 'cloze', question: 'NCAFP was founded in 1974.', answer: '1974' }))).toEqual({
			question: 'Put a blank (_____) where the answer goes.'
		});
		expect(checkDraft(draft({ type: 'cloze', question: 'NCAFP was founded in _____.', answer: '1974' }))).toEqual({});
	});

	it.each([
		[['1974', '1980'], 0, 'Add at least 3 options (2 so far).'],
		[['a', 'b', 'c', 'd', 'e', 'f'], 0, 'At most 5 options (6 now).'],
		[['1974', '1980', ' 1974 '], 0, 'Options must differ: "1974" appears twice.'],
		[['1974', '', '1990'], 0, 'Fill in every option or remove the empty ones.'],
		[['1974', '1980', '1990'], 3, 'Mark the correct option.']
	])('refuses mcq options %j (correct %i)', (choices, correct, message) => {
		expect(checkDraft(draft({ type: 'mcq', question: 'When?', choices, correct }))).toEqual({ choices: message });
	});

	it('accepts an mcq with 3-5 distinct options and one marked correct', () => {
		expect(checkDraft(draft({ type: 'mcq', question: 'When?', choices: ['1974', '1980', '1990'], correct: 1 }))).toEqual({});
	});

	it.each([
		[[['a', '1'], ['b', '2']], 'Add at least 3 pairs (2 so far).'],
		[[['a', '1'], ['b', ''], ['c', '3']], 'Fill in both sides of every pair or remove the empty ones.'],
		[[['a', '1'], ['a', '2'], ['c', '3']], 'Each side must differ: "a" appears twice.'],
		[Array.from({ length: 7 }, (_, i) => [`l${i}`, `r${i}`]), 'At most 6 pairs (7 now).']
	] as [[string, string][], string][])('refuses matching pairs %j', (pairs, message) => {
		expect(checkDraft(draft({ type: 'matching', question: 'Match', pairs }))).toEqual({ pairs: message });
	});

	it('refuses an ordering with one item and a truefalse answer that is neither True nor False', () => {
		expect(checkDraft(draft({ type: 'ordering', question: 'Order', items: ['only'] }))).toEqual({ items: 'Add at least 2 items (1 so far).' });
		expect(checkDraft(draft({ type: 'truefalse', question: 'NCAFP was founded in 1974.', answer: 'Yes' }))).toEqual({
			answer: 'Choose True or False.'
		});
	});
});

describe('draftToCard', () => {
	it('derives the answer of mcq, matching and ordering cards, as the deck-file rules want', () => {
		expect(draftToCard(draft({ type: 'mcq', question: 'When?', choices: ['1974', '1980', '1990'], correct: 2 }))).toEqual({
			type: 'mcq', question: 'When?', answer: '1990', choices: ['1974', '1980', '1990'], tags: [], score: 1
		});
		const matching = draftToCard(draft({ type: 'matching', question: 'Match', pairs: [['a', '1'], ['b', '2'], ['c', '3']] }));
		expect(matching?.answer).toBe('a → 1; b → 2; c → 3');
		expect(draftToCard(draft({ type: 'ordering', question: 'Order', items: [' x', 'y '] }))?.answer).toBe('x → y');
	});

	it('keeps id, source, score and unknown fields of the card being edited, and drops other types’ fields', () => {
		const card: Card = { id: 'c-1', type: 'mcq', question: 'When?', answer: '1974', choices: ['1974', '1980', '1990'], tags: ['year'], score: 0.7, source, hint: 'x' };
		const edited = draftToCard({ ...cardToDraft(card), type: 'basic', answer: 'in 1974', tags: 'year founding' }, card);
		expect(edited).toEqual({ id: 'c-1', type: 'basic', question: 'When?', answer: 'in 1974', tags: ['year', 'founding'], score: 0.7, source, hint: 'x' });
		expect(v.safeParse(CardSchema, edited).success).toBe(true);
	});

	it('returns null for a draft with problems', () => {
		expect(draftToCard(emptyDraft('basic'))).toBeNull();
	});

	it('round-trips a card through its draft unchanged', () => {
		const card: Card = { id: 'c-2', type: 'ordering', question: 'Order', answer: 'a → b → c', items: ['a', 'b', 'c'], tags: [], score: 0.5, source };
		expect(draftToCard(cardToDraft(card), card)).toEqual(card);
	});

	it('keeps markup as plain text', () => {
		const card = draftToCard(draft({ question: '<img src=x onerror=alert(1)>?', answer: '<b>bold</b>' }));
		expect(card?.question).toBe('<img src=x onerror=alert(1)>?');
		expect(card?.answer).toBe('<b>bold</b>');
	});
});

describe('answerChanged', () => {
	it('is true when the answer or the type changes, not for whitespace', () => {
		expect(answerChanged({ type: 'basic', answer: '1974' }, { type: 'basic', answer: ' 1974 ' })).toBe(false);
		expect(answerChanged({ type: 'basic', answer: '1974' }, { type: 'basic', answer: '1975' })).toBe(true);
		expect(answerChanged({ type: 'basic', answer: 'True' }, { type: 'truefalse', answer: 'True' })).toBe(true);
	});
});
