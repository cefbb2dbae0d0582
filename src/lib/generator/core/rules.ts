/**
 * The contract's card rules (contract §1) as one checker, used by the generator on itself, by the tests
 * and by the benchmark. Returns the list of violations; an empty list means the card is valid.
 */
import { normaliseKey } from '../../domain/ids';
import { ARROW, PAIR_SEPARATOR, type Card, type DeckFile } from '../../domain/types';
import { danglingStart, occurrences } from './clause';

export function normalisedQuestion(q: string): string {
	return normaliseKey(q);
}

export function checkCardRules(card: Card, deck: Pick<DeckFile, 'sources' | 'cards'>): string[] {
	const v: string[] = [];
	const doc = deck.sources.find((s) => s.id === card.source.doc);
	if (!doc) v.push('source.doc is not one of the deck sources');
	else if (doc.text.slice(card.source.start, card.source.end) !== card.source.sentence) v.push('text.slice(start, end) differs from source.sentence');
	if (!card.source.sentence) v.push('empty source sentence');
	if (!card.question.trim()) v.push('empty question');
	if (!card.answer.trim()) v.push('empty answer');
	if (danglingStart(card.question)) v.push('question starts with an unresolved pronoun or connective');
	if (card.score < 0 || card.score > 1 || Number.isNaN(card.score)) v.push('score outside 0..1');
	if (card.type === 'basic' || card.type === 'cloze' || card.type === 'mcq') {
		if (!card.source.sentence.toLowerCase().includes(card.answer.toLowerCase())) v.push('answer not in the source sentence');
		if (occurrences(card.question, card.answer) > 0) v.push('answer appears in the question');
	}
	if (card.type === 'mcq') {
		const choices = card.choices ?? [];
		if (choices.length < 3 || choices.length > 5) v.push('mcq needs 3-5 choices');
		if (new Set(choices.map(normaliseKey)).size !== choices.length) v.push('mcq choices are not distinct');
		if (choices.filter((c) => c === card.answer).length !== 1) v.push('mcq needs exactly one choice equal to the answer');
	}
	if (card.type === 'truefalse' && card.answer !== 'True' && card.answer !== 'False') v.push('truefalse answer must be True or False');
	if (card.type === 'matching') {
		const pairs = card.pairs ?? [];
		if (pairs.length < 3 || pairs.length > 6) v.push('matching needs 3-6 pairs');
		if (card.answer !== pairs.map(([l, r]) => `${l}${ARROW}${r}`).join(PAIR_SEPARATOR)) v.push('matching answer does not render the pairs');
	}
	if (card.type === 'ordering') {
		const items = card.items ?? [];
		if (items.length < 3 || items.length > 5) v.push('ordering needs 3-5 items');
		if (card.answer !== items.join(ARROW)) v.push('ordering answer does not join the items');
	}
	const q = normalisedQuestion(card.question);
	if (deck.cards.some((c) => c !== card && normalisedQuestion(c.question) === q)) v.push('another card has the same normalised question');
	return v;
}
