/**
 * Which card to study next. Pure: cards and the clock come in, an ordered list of card ids goes out.
 *
 * Order (as in Anki and FSRS's reference apps): learning and relearning cards that are due, then review
 * cards that are due, then new cards up to what is left of today's new-card limit, then learning cards due
 * within the learn-ahead window (so a session does not end while a card waits 1 minute for its next step).
 *
 * Review cards are due by day (issue 12, §2.2): a review card is due once its due instant falls in today's study
 * day (src/lib/domain/days.ts), so an interval of N days means "on the N-th day", whatever hour the last review
 * was. Learning and relearning steps are minutes long and stay due by the clock.
 */
import { isDueToday, type DayRule } from '$lib/domain/days';
import { isLearning, isNew, type Progress } from './progress';

export interface QueueCard {
	id: string;
	progress: Progress;
	/** The card's place in its deck (generator rank or the instructor's order): new cards come in this order. */
	position: number;
	suspended?: boolean;
	/** Buried until this instant (the next study day's start): out of the queue and the counts until then. */
	buriedUntil?: number;
}

/** Whether a card is out of today's queue and counts: suspended, or buried until after `now`. */
export function isSetAside(card: Pick<QueueCard, 'suspended' | 'buriedUntil'>, now: number): boolean {
	return card.suspended === true || (card.buriedUntil !== undefined && card.buriedUntil > now);
}

export interface QueueOptions {
	now: Date;
	/** How instants fall into study days (rollover hour and time zone). */
	days: DayRule;
	/** New cards that may still be introduced today (daily limit minus new cards already studied today). */
	newLeft: number;
	/** Default 20 minutes, Anki's default "learn ahead limit". */
	learnAheadMs?: number;
	/** Orders due review cards; default: earliest due first. Seminar mode passes lowest predicted recall first. */
	compareReviews?: (a: QueueCard, b: QueueCard) => number;
}

export const DEFAULT_LEARN_AHEAD_MS = 20 * 60_000;

export interface StudyQueue {
	/** Card ids in study order. */
	ids: string[];
	counts: { learning: number; review: number; new: number };
}

export function buildQueue(cards: readonly QueueCard[], options: QueueOptions): StudyQueue {
	const now = options.now.getTime();
	const ahead = now + (options.learnAheadMs ?? DEFAULT_LEARN_AHEAD_MS);
	const learningDue: QueueCard[] = [];
	const learningAhead: QueueCard[] = [];
	const reviewDue: QueueCard[] = [];
	const fresh: QueueCard[] = [];

	for (const card of cards) {
		if (isSetAside(card, now)) continue;
		const { progress } = card;
		if (isNew(progress)) fresh.push(card);
		else if (isLearning(progress)) {
			if (progress.due <= now) learningDue.push(card);
			else if (progress.due <= ahead) learningAhead.push(card);
		} else if (isDueToday(progress.due, now, options.days)) reviewDue.push(card);
	}

	const byDue = (a: QueueCard, b: QueueCard) => a.progress.due - b.progress.due || a.position - b.position;
	learningDue.sort(byDue);
	learningAhead.sort(byDue);
	reviewDue.sort(options.compareReviews ?? byDue);
	fresh.sort((a, b) => a.position - b.position);
	const newCards = fresh.slice(0, Math.max(0, options.newLeft));

	const ordered = [...learningDue, ...reviewDue, ...newCards, ...learningAhead];
	return {
		ids: ordered.map((card) => card.id),
		counts: { learning: learningDue.length + learningAhead.length, review: reviewDue.length, new: newCards.length }
	};
}

/**
 * Counts shown on the home page: new cards not yet studied, and cards due today (learning or review) — due
 * before today's study day ends, as `dayEnd` in src/lib/domain/days.ts. Suspended and buried cards are in neither.
 */
export function deckCounts(cards: readonly QueueCard[], now: Date, days: DayRule): { total: number; new: number; due: number } {
	let fresh = 0;
	let due = 0;
	for (const card of cards) {
		if (isSetAside(card, now.getTime())) continue;
		if (isNew(card.progress)) fresh++;
		else if (isDueToday(card.progress.due, now, days)) due++;
	}
	return { total: cards.length, new: fresh, due };
}
