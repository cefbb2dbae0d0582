/**
 * Siblings (issue 10, §2; Anki's "bury siblings"): cards made from the same source sentence are not shown on the
 * same day, because one gives the other's answer away. A fact is always taken from one sentence and every card of
 * it carries that sentence as its source (src/lib/generator/core/cards.ts), so "same sentence" covers "same fact".
 * Pure: the cards and the clock come in, the ids to bury go out.
 */
import type { CardSource } from '$lib/domain/types';
import { isDueToday, type DayRule } from '$lib/domain/days';
import { isLearning, isNew } from './progress';
import { isSetAside, type QueueCard } from './queue';

export type SiblingCard = QueueCard & { source: Pick<CardSource, 'doc' | 'start' | 'end'> };

/** Cards share a sentence when they point at the same span of the same document. */
export function sentenceKey(source: SiblingCard['source']): string {
	return `${source.doc}\u0000${source.start}\u0000${source.end}`;
}

/**
 * The siblings of `studied` to bury when it has just been studied: the other cards from its sentence that would
 * otherwise come today, new or due for review. As in Anki, cards in (re)learning are left alone (their steps are
 * minutes long and belong to today), and so are cards already suspended or buried.
 */
export function siblingsToBury(studied: SiblingCard, cards: readonly SiblingCard[], now: Date, days: DayRule): string[] {
	const key = sentenceKey(studied.source);
	const at = now.getTime();
	return cards
		.filter((card) => card.id !== studied.id && sentenceKey(card.source) === key && !isSetAside(card, at))
		.filter(({ progress }) => isNew(progress) || (!isLearning(progress) && isDueToday(progress.due, at, days)))
		.map((card) => card.id);
}
