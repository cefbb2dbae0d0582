import { describe, expect, it } from 'vitest';
import { memoryState, reviewHistory } from '$lib/app/card-detail';
import type { ReviewRow } from '$lib/db/schema';
import { studyDays } from '$lib/domain/days';
import { Rating, Scheduler, type Grade } from '$lib/scheduler/fsrs';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });

/** Grades a new card at the given times, as recordReview stores it: each review with the progress before it. */
function studied(grades: [Grade, Date][]): { reviews: ReviewRow[]; progress: Progress } {
	let progress = newProgress(t0);
	const reviews: ReviewRow[] = [];
	grades.forEach(([grade, at], i) => {
		const { next, log } = scheduler.grade(progress, grade, at);
		reviews.push({ id: i + 1, deckId: 'd', cardId: 'c', origin: i === 1 ? 'quiz' : 'study', at: at.getTime(), durationMs: 1000, log, before: progress });
		progress = next;
	});
	return { reviews, progress };
}

describe('reviewHistory', () => {
	it('gives each review its grade and the interval it set (to the next review’s starting due date, or the card’s now)', () => {
		const tenMinutes = new Date(t0.getTime() + 10 * 60_000);
		const { reviews, progress } = studied([
			[Rating.Good, t0],
			[Rating.Good, tenMinutes],
			[Rating.Again, new Date(progress0Due(tenMinutes))]
		]);
		const history = reviewHistory(reviews, progress);
		expect(history.map(({ grade, origin, interval }) => [grade, origin, interval])).toEqual([
			['Good', 'study', '10m'],
			['Good', 'quiz', '2d'],
			['Again', 'study', '10m']
		]);
		expect(history.map((h) => h.at)).toEqual(reviews.map((r) => r.at));
		expect(history[0]!.intervalMs).toBe(10 * 60_000);
	});

	it('is empty for a card never reviewed', () => {
		expect(reviewHistory([], newProgress(t0))).toEqual([]);
	});
});

/** When the second Good (at `at`) makes the card due: two days later on ts-fsrs's defaults. */
function progress0Due(at: Date): number {
	return at.getTime() + 2 * DAY;
}

describe('memoryState', () => {
	const reviewed: Progress = { ...newProgress(t0), state: State.Review, stability: 10, difficulty: 6.25, reps: 3, last_review: t0.getTime(), due: t0.getTime() + 10 * DAY };

	it('is null for a new card', () => {
		expect(memoryState(newProgress(t0), scheduler, t0)).toBeNull();
	});

	it('gives D and S as stored, and R from the forgetting curve: 100 % on the day of review, 90 % after S days', () => {
		expect(memoryState(reviewed, scheduler, t0)).toEqual({ difficulty: 6.25, stability: 10, retrievability: 1 });
		const atS = memoryState(reviewed, scheduler, new Date(t0.getTime() + 10 * DAY))!;
		expect(atS.retrievability).toBeCloseTo(0.9, 10);
		// ts-fsrs rounds R to 8 decimals. FSRS-6: R(t, S) = (1 + f·t/S)^(-w20), f = 0.9^(-1/w20) - 1, with the default w20 = 0.1542.
		const f = 0.9 ** (-1 / 0.1542) - 1;
		const later = memoryState(reviewed, scheduler, new Date(t0.getTime() + 30 * DAY))!;
		expect(later.retrievability).toBeCloseTo((1 + f * 3) ** -0.1542, 8);
	});

	it('counts study days, as the scheduler and the knowledge map do: reviewed at 21:00, it is a day old at 08:00', () => {
		const days = studyDays(4, () => 0);
		const evening = new Date('2026-03-02T21:00:00Z');
		const card: Progress = { ...reviewed, last_review: evening.getTime() };
		const inDays = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days });
		const f = 0.9 ** (-1 / 0.1542) - 1;
		const morning = memoryState(card, inDays, new Date('2026-03-03T08:00:00Z'))!;
		expect(morning.retrievability).toBeCloseTo((1 + f / 10) ** -0.1542, 8);
	});
});
