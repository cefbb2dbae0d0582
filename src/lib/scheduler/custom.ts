/**
 * Custom study (issue 10, §2; Anki's "Custom study"): a session over cards chosen some other way than "due today".
 * Pure: the cards, today's failed card ids and the clock come in, the card ids to study, in order, go out.
 * Suspended cards are never chosen; buried ones are (the learner asked for them).
 */
import { dayOf, type DayRule } from '$lib/domain/days';
import { isNew } from './progress';
import type { QueueCard } from './queue';

export type CustomChoice =
	/** Exactly these cards, in this order (the knowledge map and the browser link here). */
	| { kind: 'cards'; ids: string[] }
	/** Cards already studied that fall due in the next `days` study days (today's included). */
	| { kind: 'ahead'; days: number }
	/** Every card with this tag. */
	| { kind: 'tag'; tag: string }
	/** Cards answered Again today, in the order they were failed. */
	| { kind: 'failed' };

export type CustomCard = QueueCard & { tags: readonly string[] };

export interface CustomContext {
	now: Date;
	days: DayRule;
	/** Ids of the cards graded Again today, first failure first. */
	failedToday: readonly string[];
}

/** The longest "study ahead" window, in days. */
export const MAX_AHEAD_DAYS = 365;

export function customCards(cards: readonly CustomCard[], choice: CustomChoice, context: CustomContext): string[] {
	const open = cards.filter((card) => !card.suspended);
	const byId = new Map(open.map((card) => [card.id, card]));
	const inDeckOrder = (chosen: CustomCard[]) => [...chosen].sort((a, b) => a.position - b.position).map((card) => card.id);
	switch (choice.kind) {
		case 'cards':
			return unique(choice.ids).filter((id) => byId.has(id));
		case 'ahead': {
			const last = dayOf(context.now, context.days) + choice.days;
			return open
				.filter((card) => !isNew(card.progress) && dayOf(card.progress.due, context.days) <= last)
				.sort((a, b) => a.progress.due - b.progress.due || a.position - b.position)
				.map((card) => card.id);
		}
		case 'tag':
			return inDeckOrder(open.filter((card) => card.tags.includes(choice.tag)));
		case 'failed':
			return unique(context.failedToday).filter((id) => byId.has(id));
	}
}

function unique(ids: readonly string[]): string[] {
	return [...new Set(ids)];
}
