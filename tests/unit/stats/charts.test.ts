// The statistics behind /stats's charts (issue 10, §4) on a fixed review log and fixed card states
// (tests/unit/stats/log.ts): pinned instants, Paris time, study days from 04:00.
import { describe, expect, it } from 'vitest';
import { Scheduler } from '$lib/scheduler/fsrs';
import type { Progress } from '$lib/scheduler/progress';
import {
	answerButtons,
	computeStats,
	difficultyDistribution,
	heatLevel,
	monthTotals,
	retrievabilityDistribution,
	reviewHeatmap,
	stabilityDistribution,
	stateCounts,
	streak,
	timePerDay
} from '$lib/stats';
import { CARDS, LOG, NOW, PARIS_4AM } from './log';

const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days: PARIS_4AM });
const recall = (progress: Progress, at: Date) => scheduler.retrievabilityToday(progress, at);

describe('calendar heatmap', () => {
	const heatmap = reviewHeatmap(LOG, NOW, PARIS_4AM);

	it('spans this week and the 52 before it: Monday 10 March 2025 to today, Tuesday 10 March 2026', () => {
		expect(heatmap.days).toHaveLength(52 * 7 + 2);
		expect(heatmap.days[0]).toEqual({ day: '2025-03-10', count: 1 });
		expect(heatmap.days.at(-1)).toEqual({ day: '2026-03-10', count: 3 });
	});

	it('counts reviews by study day: 03:30 on 10 March is 9 March, and the day before the first is left out', () => {
		expect(heatmap.days.slice(-10)).toEqual([
			{ day: '2026-03-01', count: 1 },
			{ day: '2026-03-02', count: 1 },
			{ day: '2026-03-03', count: 1 },
			{ day: '2026-03-04', count: 1 },
			{ day: '2026-03-05', count: 1 },
			{ day: '2026-03-06', count: 0 },
			{ day: '2026-03-07', count: 2 },
			{ day: '2026-03-08', count: 1 },
			{ day: '2026-03-09', count: 1 },
			{ day: '2026-03-10', count: 3 }
		]);
		expect({ max: heatmap.max, total: heatmap.total, studied: heatmap.studied }).toEqual({ max: 3, total: 13, studied: 10 });
	});

	it('shades a day by quarters of the busiest day, rounded up; no review is level 0', () => {
		expect([0, 1, 2, 3, 6, 7, 8].map((count) => heatLevel(count, 8))).toEqual([0, 1, 1, 2, 3, 4, 4]);
		expect(heatmap.days.slice(-5).map((d) => heatLevel(d.count, heatmap.max))).toEqual([0, 3, 2, 2, 4]);
		expect(heatLevel(0, 0)).toBe(0);
	});

	it('sums the days by calendar month for the table behind it', () => {
		const months = monthTotals(heatmap.days);
		expect(months).toHaveLength(13);
		expect(months[0]).toEqual({ month: '2025-03', reviews: 1, studied: 1 });
		expect(months[1]).toEqual({ month: '2025-04', reviews: 0, studied: 0 });
		expect(months.at(-1)).toEqual({ month: '2026-03', reviews: 12, studied: 9 });
	});

	it('gives the current streak (7-10 March) and the longest (1-5 March) by study days', () => {
		expect(streak(LOG, NOW, PARIS_4AM)).toEqual({ current: 4, longest: 5, today: true });
	});
});

describe('card counts by state', () => {
	it('counts each card once; suspended cards only as suspended', () => {
		expect(stateCounts(CARDS)).toEqual({ new: 1, learning: 1, review: 3, relearning: 1, suspended: 2, total: 8 });
		expect(stateCounts([])).toEqual({ new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 });
	});
});

describe('stability and difficulty distributions', () => {
	it('bins the studied cards’ stability in days, a value on an edge in the bin it starts', () => {
		const { bins, cards, mean } = stabilityDistribution(CARDS);
		expect(bins).toEqual([
			{ from: 0, to: 1, count: 2 },
			{ from: 1, to: 3, count: 1 },
			{ from: 3, to: 7, count: 1 },
			{ from: 7, to: 14, count: 0 },
			{ from: 14, to: 30, count: 0 },
			{ from: 30, to: 90, count: 1 },
			{ from: 90, to: 180, count: 0 },
			{ from: 180, to: 365, count: 0 },
			{ from: 365, to: null, count: 1 }
		]);
		expect(cards).toBe(6);
		expect(mean).toBe(72.75);
	});

	it('bins difficulty as Anki shows it, (D − 1) / 9 in tenths, 100 % in the last tenth', () => {
		const { bins, cards, mean } = difficultyDistribution(CARDS);
		expect(bins.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 2, 0, 1, 0, 1]);
		expect(bins[0]).toEqual({ from: 0, to: 0.1, count: 1 });
		expect(bins[9]).toEqual({ from: 0.9, to: null, count: 1 });
		expect(cards).toBe(6);
		expect(mean).toBe(0.5);
	});

	it('has no mean and empty bins without a studied card', () => {
		const onlyNew = CARDS.filter((c) => c.progress.state === 0);
		expect(stabilityDistribution(onlyNew).mean).toBeNull();
		expect(difficultyDistribution(onlyNew).bins.every((b) => b.count === 0)).toBe(true);
	});
});

describe('retrievability now, by the scheduler’s FSRS forgetting curve', () => {
	// FSRS-6 with the default decay w20 = 0.1542: R(t, S) = (1 + F·t/S)^−0.1542, F = 0.9^(−1/0.1542) − 1 =
	// 0.9804, t in whole study days since the last review (Scheduler.retrievabilityToday; Paris, day from 04:00;
	// now is 12:00 on 10 March), rounded by ts-fsrs to 8 decimals: studied today → 1; 03:30 today is yesterday's
	// study day, R(1, 30) = 0.99505387; 7 March, R(3, 3) = 0.9; 5 March, R(5, 400) = 0.99812363; a year ago with
	// S = 0.75, R(365, 0.75) = 0.38620504.
	const expected = [1, 1, 0.99505387, 0.9, 0.99812363, 0.38620504];

	it('predicts each studied card’s recall now and bins it in tenths', () => {
		const { bins, cards, mean } = retrievabilityDistribution(CARDS, NOW, recall);
		expect(bins.map((b) => b.count)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 5]);
		expect(cards).toBe(6);
		expect(mean).toBeCloseTo(expected.reduce((a, b) => a + b) / 6, 8);
	});

	it('uses ts-fsrs through src/lib/scheduler: the same values, card by card', () => {
		const studied = CARDS.filter((c) => c.progress.state !== 0);
		studied.forEach((card, i) => expect(recall(card.progress, NOW)).toBeCloseTo(expected[i]!, 8));
	});
});

describe('answer buttons by card state', () => {
	it('counts Again/Hard/Good/Easy for learning (new, learning, relearning) and review cards', () => {
		expect(answerButtons(LOG)).toEqual({
			learning: { counts: [2, 0, 4, 0], total: 6, correct: 4 / 6 },
			review: { counts: [1, 3, 3, 1], total: 8, correct: 7 / 8 }
		});
	});

	it('leaves out a stored grade that is not a button (0 Manual, 5, 2.5)', () => {
		const odd = [0, 5, 2.5].map((rating) => ({ ...LOG[0]!, log: { rating } }));
		expect(answerButtons(odd)).toEqual({
			learning: { counts: [0, 0, 0, 0], total: 0, correct: null },
			review: { counts: [0, 0, 0, 0], total: 0, correct: null }
		});
	});
});

describe('time spent per day', () => {
	it('adds up the reviews’ durations (ms) by study day, today last', () => {
		expect(timePerDay(LOG, NOW, PARIS_4AM, 5)).toEqual([
			{ day: '2026-03-06', count: 0 },
			{ day: '2026-03-07', count: 12000 },
			{ day: '2026-03-08', count: 3000 },
			{ day: '2026-03-09', count: 8000 },
			{ day: '2026-03-10', count: 15000 }
		]);
	});
});

describe('computeStats', () => {
	it('puts the new figures beside the old ones', () => {
		const stats = computeStats(CARDS, LOG, NOW, PARIS_4AM, recall);
		expect(stats.heatmap.total).toBe(13);
		expect(stats.states.suspended).toBe(2);
		expect(stats.buttons.review.counts).toEqual([1, 3, 3, 1]);
		expect(stats.timePerDay.at(-1)).toEqual({ day: '2026-03-10', count: 15000 });
		expect(stats.retrievability.cards).toBe(6);
	});
});
