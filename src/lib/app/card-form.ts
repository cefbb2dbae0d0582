/**
 * The card editor's form, without the DOM: a `CardDraft` holds what the fields show (every type's fields, so
 * switching type loses nothing), `checkDraft` says what is wrong with each field as the person types, and
 * `draftToCard` turns a valid draft into a card. The deck-file rules themselves are deck-file.ts's
 * (`cardTypeProblem`), applied last, so the editor can never save a card the importer would refuse.
 *
 * Card text is data: it is rendered with text interpolation only, so nothing typed here is ever run as HTML.
 */
import { cardTypeProblem, LIMITS, matchingAnswer, orderingAnswer } from '$lib/domain/deck-file';
import { CLOZE_BLANK, type Card, type CardType } from '$lib/domain/types';
import type { CardInput } from '$lib/db/cards';

export interface CardDraft {
	type: CardType;
	question: string;
	/** basic and cloze: typed; truefalse: 'True' | 'False'; mcq, matching, ordering: derived. */
	answer: string;
	/** mcq options, with the index of the correct one. */
	choices: string[];
	correct: number;
	pairs: [string, string][];
	items: string[];
	/** Space- or comma-separated. */
	tags: string;
}

export type DraftField = 'question' | 'answer' | 'choices' | 'pairs' | 'items' | 'tags';
export type DraftProblems = Partial<Record<DraftField, string>>;

export const MCQ_CHOICES = { min: 3, max: 5 } as const;
export const MATCHING_PAIRS = { min: 3, max: 6 } as const;
export const ORDERING_ITEMS = { min: 2, max: 50 } as const;

export const TYPE_LABELS: Record<CardType, string> = {
	basic: 'Question and answer',
	cloze: 'Fill in the blank',
	mcq: 'Multiple choice',
	truefalse: 'True or false',
	matching: 'Matching',
	ordering: 'Ordering'
};

/** An empty draft of a type, with the fewest slots that type allows. */
export function emptyDraft(type: CardType = 'basic'): CardDraft {
	return {
		type,
		question: '',
		answer: type === 'truefalse' ? 'True' : '',
		choices: ['', '', ''],
		correct: 0,
		pairs: [
			['', ''],
			['', ''],
			['', '']
		],
		items: ['', ''],
		tags: ''
	};
}

export function cardToDraft(card: Card): CardDraft {
	const draft = emptyDraft(card.type);
	draft.question = card.question;
	draft.answer = card.answer;
	draft.tags = card.tags.join(' ');
	if (card.choices) {
		draft.choices = [...card.choices];
		draft.correct = Math.max(0, card.choices.indexOf(card.answer));
	}
	if (card.pairs) draft.pairs = card.pairs.map(([l, r]) => [l, r]);
	if (card.items) draft.items = [...card.items];
	return draft;
}

export function parseTags(text: string): string[] {
	return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

const clean = (s: string) => s.trim();

/** The card's content fields as the draft says (answer derived for mcq, matching and ordering). */
function contentOf(draft: CardDraft): Pick<Card, 'type' | 'question' | 'answer' | 'choices' | 'pairs' | 'items' | 'tags'> {
	const base = { type: draft.type, question: clean(draft.question), tags: parseTags(draft.tags) };
	switch (draft.type) {
		case 'mcq': {
			const choices = draft.choices.map(clean);
			return { ...base, answer: choices[draft.correct] ?? '', choices };
		}
		case 'matching': {
			const pairs = draft.pairs.map(([l, r]): [string, string] => [clean(l), clean(r)]);
			return { ...base, answer: matchingAnswer(pairs), pairs };
		}
		case 'ordering': {
			const items = draft.items.map(clean);
			return { ...base, answer: orderingAnswer(items), items };
		}
		default:
			return { ...base, answer: clean(draft.answer) };
	}
}

function firstRepeat(values: string[]): string | undefined {
	const seen = new Set<string>();
	for (const value of values.map((v) => v.toLowerCase())) {
		if (seen.has(value)) return value;
		seen.add(value);
	}
	return undefined;
}

function countProblem(what: string, n: number, range: { min: number; max: number }): string | null {
	if (n < range.min) return `Add at least ${range.min} ${what} (${n} so far).`;
	if (n > range.max) return `At most ${range.max} ${what} (${n} now).`;
	return null;
}

/** What is wrong with each field, for messages next to them; `{}` when the draft can be saved. */
export function checkDraft(draft: CardDraft): DraftProblems {
	const problems: DraftProblems = {};
	const content = contentOf(draft);
	const tooLong = (s: string) => s.length > LIMITS.string;
	if (!content.question) problems.question = 'Write the question.';
	else if (tooLong(content.question)) problems.question = `The question is longer than ${LIMITS.string} characters.`;
	else if (draft.type === 'cloze' && !content.question.includes(CLOZE_BLANK)) {
		problems.question = `Put a blank (${CLOZE_BLANK}) where the answer goes.`;
	}

	switch (draft.type) {
		case 'mcq': {
			const choices = content.choices!;
			const filled = choices.filter(Boolean);
			const repeated = firstRepeat(filled);
			problems.choices =
				(filled.length < choices.length ? 'Fill in every option or remove the empty ones.' : null) ??
				countProblem('options', choices.length, MCQ_CHOICES) ??
				(repeated !== undefined ? `Options must differ: "${repeated}" appears twice.` : null) ??
				(draft.correct < 0 || draft.correct >= choices.length ? 'Mark the correct option.' : undefined);
			break;
		}
		case 'matching': {
			const pairs = content.pairs!;
			const repeated = firstRepeat(pairs.map(([l]) => l)) ?? firstRepeat(pairs.map(([, r]) => r));
			problems.pairs =
				(pairs.some(([l, r]) => !l || !r) ? 'Fill in both sides of every pair or remove the empty ones.' : null) ??
				countProblem('pairs', pairs.length, MATCHING_PAIRS) ??
				(repeated !== undefined ? `Each side must differ: "${repeated}" appears twice.` : undefined);
			break;
		}
		case 'ordering': {
			const items = content.items!;
			problems.items =
				(items.some((item) => !item) ? 'Fill in every item or remove the empty ones.' : null) ??
				countProblem('items', items.length, ORDERING_ITEMS) ??
				(items.some((item) => item.includes('→')) ? 'Items cannot contain "→".' : undefined);
			break;
		}
		case 'truefalse':
			if (content.answer !== 'True' && content.answer !== 'False') problems.answer = 'Choose True or False.';
			break;
		default:
			if (!content.answer) problems.answer = 'Write the answer.';
			else if (tooLong(content.answer)) problems.answer = `The answer is longer than ${LIMITS.string} characters.`;
	}
	if (content.tags.length > LIMITS.tags) problems.tags = `At most ${LIMITS.tags} tags.`;

	for (const key of Object.keys(problems) as DraftField[]) if (!problems[key]) delete problems[key];
	// The importer's own rule, last: anything it would refuse is refused here too.
	if (Object.keys(problems).length === 0) {
		const rule = cardTypeProblem(content);
		if (rule) problems[draft.type === 'mcq' ? 'choices' : draft.type === 'matching' ? 'pairs' : draft.type === 'ordering' ? 'items' : 'answer'] = rule;
	}
	return problems;
}

export function isValid(problems: DraftProblems): boolean {
	return Object.keys(problems).length === 0;
}

/**
 * The card a valid draft describes, over `base` (an existing card keeps its id, source, score and unknown
 * fields). Fields only other types use are dropped. Returns null when the draft has problems.
 */
export function draftToCard(draft: CardDraft, base: Partial<Card> = {}): CardInput | null {
	if (!isValid(checkDraft(draft))) return null;
	const { type, question, answer, tags, choices, pairs, items } = contentOf(draft);
	const { choices: _c, pairs: _p, items: _i, ...rest } = base;
	const card: CardInput = { ...rest, score: base.score ?? 1, type, question, answer, tags };
	if (choices) card.choices = choices;
	if (pairs) card.pairs = pairs;
	if (items) card.items = items;
	return card;
}

/** Whether an edit changes what counts as the right answer: then the editor asks whether to reset progress. */
export function answerChanged(before: Pick<Card, 'type' | 'answer'>, after: Pick<Card, 'type' | 'answer'>): boolean {
	return before.type !== after.type || before.answer.trim() !== after.answer.trim();
}

/** Resizes a list field to `length` within its limits, padding with `blank`. Used by the add/remove buttons. */
export function resized<T>(list: readonly T[], length: number, blank: () => T): T[] {
	return length <= list.length ? list.slice(0, length) : [...list, ...Array.from({ length: length - list.length }, blank)];
}

/** Whether a card's text (question, answer, options, pairs, items, tags) contains `query`, ignoring case. */
export function cardMatches(card: Card, query: string): boolean {
	const needle = query.trim().toLowerCase();
	if (!needle) return true;
	const texts = [card.question, card.answer, ...(card.choices ?? []), ...(card.pairs ?? []).flat(), ...(card.items ?? []), ...card.tags];
	return texts.some((text) => text.toLowerCase().includes(needle));
}
