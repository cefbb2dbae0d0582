import { describe, expect, it } from 'vitest';
import { buildQueue, deckCounts, type QueueCard } from '$lib/scheduler/queue';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';
import { studyDays } from '$lib/domain/days';

const now = new Date('2026-03-02T09:00:00Z');
/** Calendar days in UTC: these cases are about order, not days (see 'due by day' below). */
const days = studyDays(0, () => 0);
const minutes = (m: number) => now.getTime() + m * 60_000;

function card(id: string, position: number, state: State, due: number, suspended = false): QueueCard {
	const progress: Progress = { ...newProgress(now), state, due, reps: state === State.New ? 0 : 1 };
	return { id, position, progress, suspended };
}

const cards: QueueCard[] = [
	card('new-b', 5, State.New, minutes(0)),
	card('review-late', 1, State.Review, minutes(-10)),
	card('learn-due', 9, State.Learning, minutes(-1)),
	card('new-a', 2, State.New, minutes(0)),
	card('review-early', 3, State.Review, minutes(-60 * 24)),
	card('learn-soon', 4, State.Relearning, minutes(5)),
	card('learn-later', 6, State.Learning, minutes(60)),
	card('review-future', 7, State.Review, minutes(60 * 24)),
	card('new-c', 8, State.New, minutes(0)),
	card('suspended', 0, State.Review, minutes(-5), true)
];

describe('buildQueue', () => {
	it('orders due learning, due reviews (earliest first), new cards by position, then learning due soon', () => {
		const queue = buildQueue(cards, { now, days, newLeft: 2 });
		expect(queue.ids).toEqual(['learn-due', 'review-early', 'review-late', 'new-a', 'new-b', 'learn-soon']);
		expect(queue.counts).toEqual({ learning: 2, review: 2, new: 2 });
	});

	it('introduces no new card when the daily limit is used up', () => {
		expect(buildQueue(cards, { now, days, newLeft: 0 }).ids).toEqual(['learn-due', 'review-early', 'review-late', 'learn-soon']);
	});

	it('lets a caller order reviews, e.g. by predicted recall on a seminar date', () => {
		const queue = buildQueue(cards, { now, days, newLeft: 0, compareReviews: (a, b) => b.position - a.position });
		expect(queue.ids).toEqual(['learn-due', 'review-early', 'review-late', 'learn-soon']);
		const reversed = buildQueue(cards, { now, days, newLeft: 0, compareReviews: (a, b) => a.position - b.position });
		expect(reversed.ids).toEqual(['learn-due', 'review-late', 'review-early', 'learn-soon']);
	});
});

describe('deckCounts', () => {
	it('counts new cards and cards due today (learning ones due later today too), skipping suspended ones', () => {
		// Due today: learn-due, review-late, review-early, learn-soon, learn-later; review-future is tomorrow.
		expect(deckCounts(cards, now, days)).toEqual({ total: 10, new: 3, due: 5 });
	});
});

describe('due by day (issue 12, §2.2)', () => {
	// Paris in winter (UTC+1), next day at 04:00; instants written in UTC.
	const paris = studyDays(4, () => 60);
	// Reviewed 9 March at 21:00 with a 1-day interval: FSRS's due is 10 March at 21:00.
	const reviewed = card('reviewed-at-21', 0, State.Review, Date.parse('2026-03-10T20:00:00Z'));
	const at = (iso: string) => new Date(Date.parse(iso));

	it('a card reviewed at 21:00 with a 1-day interval is studied at 08:00 the next day', () => {
		const morning = at('2026-03-10T07:00:00Z'); // 08:00 in Paris
		expect(buildQueue([reviewed], { now: morning, days: paris, newLeft: 0 }).ids).toEqual(['reviewed-at-21']);
		expect(deckCounts([reviewed], morning, paris)).toEqual({ total: 1, new: 0, due: 1 });
	});

	it('at 03:00 with the day starting at 04:00 it is still the day before: not due yet', () => {
		const night = at('2026-03-10T02:00:00Z'); // 03:00 in Paris
		expect(buildQueue([reviewed], { now: night, days: paris, newLeft: 0 }).ids).toEqual([]);
		expect(deckCounts([reviewed], night, paris).due).toBe(0);
		const rollover = at('2026-03-10T03:00:00Z'); // 04:00
		expect(buildQueue([reviewed], { now: rollover, days: paris, newLeft: 0 }).ids).toEqual(['reviewed-at-21']);
	});

	it('keeps learning steps due by the clock', () => {
		const step = card('step', 0, State.Learning, Date.parse('2026-03-10T12:00:00Z'));
		const morning = at('2026-03-10T07:00:00Z');
		expect(buildQueue([step], { now: morning, days: paris, newLeft: 0 }).ids).toEqual([]);
		expect(deckCounts([step], morning, paris).due).toBe(1); // due today, shown on the home page
	});
});
