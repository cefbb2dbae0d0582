import { describe, expect, it } from 'vitest';
import { buildQueue, deckCounts, type QueueCard } from '$lib/scheduler/queue';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';

const now = new Date('2026-03-02T09:00:00Z');
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
		const queue = buildQueue(cards, { now, newLeft: 2 });
		expect(queue.ids).toEqual(['learn-due', 'review-early', 'review-late', 'new-a', 'new-b', 'learn-soon']);
		expect(queue.counts).toEqual({ learning: 2, review: 2, new: 2 });
	});

	it('introduces no new card when the daily limit is used up', () => {
		expect(buildQueue(cards, { now, newLeft: 0 }).ids).toEqual(['learn-due', 'review-early', 'review-late', 'learn-soon']);
	});

	it('lets a caller order reviews, e.g. by predicted recall on a seminar date', () => {
		const queue = buildQueue(cards, { now, newLeft: 0, compareReviews: (a, b) => b.position - a.position });
		expect(queue.ids).toEqual(['learn-due', 'review-early', 'review-late', 'learn-soon']);
		const reversed = buildQueue(cards, { now, newLeft: 0, compareReviews: (a, b) => a.position - b.position });
		expect(reversed.ids).toEqual(['learn-due', 'review-late', 'review-early', 'learn-soon']);
	});
});

describe('deckCounts', () => {
	it('counts new and due cards, skipping suspended ones', () => {
		expect(deckCounts(cards, now)).toEqual({ total: 10, new: 3, due: 3 });
	});
});
