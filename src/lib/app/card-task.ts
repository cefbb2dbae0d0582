/**
 * How a card is answered on the study page, by type. Pure: the options a card offers, the starting order of
 * a matching or ordering task (shuffled with a seed from the card id, so a card looks the same every time it
 * comes back), and the verdict of an answer. Verdicts come from the quiz's judge (src/lib/quiz/answer-check),
 * so study and quiz agree on what is right.
 */
import type { Card } from '$lib/domain/types';
import { hash64 } from '$lib/domain/ids';
import { checkChoice, checkMatching, checkOrdering, type Verdict } from '$lib/quiz/answer-check';
import { mulberry32, shuffled, shuffledAwayFrom } from '$lib/domain/random';
import { Rating, type Grade } from '$lib/scheduler/fsrs';

export const TRUE_FALSE = ['True', 'False'] as const;

/** How the card is answered: reveal and self-grade, tap an option, or arrange then check. */
export type TaskKind = 'recall' | 'choice' | 'matching' | 'ordering';

export function taskKind(card: Card): TaskKind {
	switch (card.type) {
		case 'mcq':
			return card.choices && card.choices.length > 1 ? 'choice' : 'recall';
		case 'truefalse':
			return 'choice';
		case 'matching':
			return card.pairs && card.pairs.length > 1 ? 'matching' : 'recall';
		case 'ordering':
			return card.items && card.items.length > 1 ? 'ordering' : 'recall';
		default:
			return 'recall';
	}
}

function random(card: Card, salt: string) {
	return mulberry32(Number.parseInt(hash64(`${salt}\u0000${card.id}`).slice(0, 8), 16));
}

/** The options of an mcq (shuffled per card) or a true/false card. */
export function choiceOptions(card: Card): string[] {
	if (card.type === 'truefalse') return [...TRUE_FALSE];
	return shuffled(card.choices ?? [], random(card, 'choices'));
}

/** An ordering card's items in a starting order that is never already correct. */
export function orderingStart(card: Card): string[] {
	return shuffledAwayFrom(card.items ?? [], random(card, 'order'));
}

/** A matching card's right-hand items, shuffled so they do not line up with their left items. */
export function matchingRights(card: Card): string[] {
	return shuffledAwayFrom((card.pairs ?? []).map(([, right]) => right), random(card, 'match'));
}

export function judgeChoice(card: Card, chosen: string): Verdict {
	return checkChoice(chosen, card.answer);
}

export function judgeMatching(card: Card, given: Readonly<Record<string, string | undefined>>): Verdict {
	return checkMatching(given, card.pairs ?? []);
}

export function judgeOrdering(card: Card, given: readonly string[]): Verdict {
	return checkOrdering(given, card.items ?? []);
}

/** The grade pre-selected after an answered task (issue 4): Good if right, Again if wrong. */
export function suggestedGrade(verdict: Verdict): Grade {
	return verdict.correct ? Rating.Good : Rating.Again;
}

/** Moves the item at `index` by `delta` places (clamped); a new array. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
	const target = Math.min(items.length - 1, Math.max(0, index + delta));
	const out = items.slice();
	if (index < 0 || index >= items.length || target === index) return out;
	const [item] = out.splice(index, 1);
	out.splice(target, 0, item as T);
	return out;
}

/** A cloze question split around its blank, so the page can style the blank. */
export function clozeParts(question: string, blank: string): string[] {
	return question.split(blank);
}
