import { describe, expect, it } from 'vitest';
import {
	computeStats,
	dueForecast,
	retentionPerWeek,
	reviewsPerDay,
	streak,
	totals,
	trueRetention
} from '$lib/stats';
import { CALENDAR, studyDays } from '$lib/domain/days';
import { card, march, now, review } from './fixtures';

describe('reviewsPerDay', () => {
	it('gives the last N local days, oldest first, with zeros for days without reviews', () => {
		const reviews = [
			review(march(10, 0, 5), 3),
			review(march(10, 23, 55), 1),
			review(march(8, 9), 3),
			review(march(7, 23, 59), 4),
			review(march(3), 3) // outside a 5-day window
		];
		expect(reviewsPerDay(reviews, now, CALENDAR, 5)).toEqual([
			{ day: '2026-03-06', count: 0 },
			{ day: '2026-03-07', count: 1 },
			{ day: '2026-03-08', count: 1 },
			{ day: '2026-03-09', count: 0 },
			{ day: '2026-03-10', count: 2 }
		]);
	});

	it('spans 30 days by default and crosses a month boundary', () => {
		const days = reviewsPerDay([], now, CALENDAR);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ day: '2026-02-09', count: 0 });
		expect(days[29]).toEqual({ day: '2026-03-10', count: 0 });
	});
});

describe('dueForecast', () => {
	it('counts cards by due day from today; overdue count today; new and suspended cards are left out', () => {
		const cards = [
			card(2, march(1)), // overdue → today
			card(2, march(10, 23)), // later today
			card(1, march(11, 0, 30)), // learning, tomorrow
			card(2, march(12)),
			card(2, march(12, 8)),
			card(2, march(20)), // beyond a 3-day window
			card(0, march(10)), // new
			card(2, march(11), 3, true) // suspended
		];
		expect(dueForecast(cards, now, CALENDAR, 3)).toEqual([
			{ day: '2026-03-10', count: 2 },
			{ day: '2026-03-11', count: 1 },
			{ day: '2026-03-12', count: 2 }
		]);
		expect(dueForecast(cards, now, CALENDAR).map((d) => d.count).reduce((a, b) => a + b)).toBe(6);
	});
});

describe('retention', () => {
	const reviews = [
		// this week (Mon 9 March on): 3 review-state reviews, 2 passed (Hard counts as a pass)
		review(march(9, 8), 2),
		review(march(10, 8), 3),
		review(march(10, 9), 1),
		review(march(10, 10), 1, 1), // learning step: not counted
		review(march(10, 11), 3, 0), // first sight of a new card: not counted
		// last week: 1 of 1; Sunday 8 March belongs to the week of Monday 2 March
		review(march(8, 22), 4),
		// relearning step two weeks ago: not counted, so that week is empty
		review(new Date(2026, 1, 25, 12), 1, 3)
	];

	it('is the share of review-state reviews graded Hard or better, per Monday-to-Sunday week', () => {
		expect(retentionPerWeek(reviews, now, CALENDAR, 3)).toEqual([
			{ week: '2026-02-23', reviews: 0, passed: 0, retention: null },
			{ week: '2026-03-02', reviews: 1, passed: 1, retention: 1 },
			{ week: '2026-03-09', reviews: 3, passed: 2, retention: 2 / 3 }
		]);
	});

	it('gives true retention over the whole history, and null before any review-state review', () => {
		expect(trueRetention(reviews)).toEqual({ reviews: 4, passed: 3, retention: 0.75 });
		expect(trueRetention([review(now, 3, 0)])).toEqual({ reviews: 0, passed: 0, retention: null });
	});
});

describe('streak', () => {
	it('counts consecutive days ending today', () => {
		const reviews = [march(10, 1), march(10, 2), march(9), march(8), march(6), march(5), march(4), march(3)].map((at) =>
			review(at, 3)
		);
		expect(streak(reviews, now, CALENDAR)).toEqual({ current: 3, longest: 4, today: true });
	});

	it('is kept while today has no review yet, and broken after a whole day without one', () => {
		const reviews = [review(march(9), 3), review(march(8), 3)];
		expect(streak(reviews, now, CALENDAR)).toEqual({ current: 2, longest: 2, today: false });
		expect(streak(reviews, march(11), CALENDAR)).toEqual({ current: 0, longest: 2, today: false });
		expect(streak([], now, CALENDAR)).toEqual({ current: 0, longest: 0, today: false });
	});
});

describe('totals and computeStats', () => {
	it('adds up cards, reviews, today and time spent', () => {
		const cards = [card(0, now), card(2, march(12), 3), card(1, march(10), 1)];
		const reviews = [review(march(10, 8), 3), review(march(9), 1)];
		expect(totals(cards, reviews, now, CALENDAR)).toEqual({
			cards: 3,
			studied: 2,
			new: 1,
			reviews: 2,
			reviewsToday: 1,
			timeMs: 2000
		});
		const stats = computeStats(cards, reviews, now, CALENDAR, () => 0);
		expect(stats.perDay).toHaveLength(30);
		expect(stats.forecast.slice(0, 3).map((d) => d.count)).toEqual([1, 0, 1]);
		expect(stats.retention).toHaveLength(8);
		expect(stats.trueRetention).toEqual({ reviews: 2, passed: 1, retention: 0.5 });
		expect(stats.streak).toEqual({ current: 2, longest: 2, today: true });
	});
});

describe('study days (issue 12, §2.2): the statistics count by the same days as the study queue', () => {
	// Paris in winter (UTC+1), next day at 04:00; instants written in UTC.
	const days = studyDays(4, () => 60);
	const utc = (iso: string) => new Date(Date.parse(iso));
	const today = utc('2026-03-10T11:00:00Z'); // Tuesday 10 March, 12:00

	it('forecasts a card due at 21:00 tomorrow as due tomorrow, and one due at 03:00 the day after as tomorrow too', () => {
		const cards = [card(2, utc('2026-03-11T20:00:00Z')), card(2, utc('2026-03-12T02:00:00Z')), card(2, utc('2026-03-12T03:00:00Z'))];
		expect(dueForecast(cards, today, days, 3)).toEqual([
			{ day: '2026-03-10', count: 0 },
			{ day: '2026-03-11', count: 2 },
			{ day: '2026-03-12', count: 1 }
		]);
	});

	it('counts a review at 02:30 under the day before', () => {
		const reviews = [review(utc('2026-03-10T01:30:00Z'), 3), review(utc('2026-03-10T03:30:00Z'), 3)];
		expect(reviewsPerDay(reviews, today, days, 2)).toEqual([
			{ day: '2026-03-09', count: 1 },
			{ day: '2026-03-10', count: 1 }
		]);
		expect(totals([], reviews, today, days).reviewsToday).toBe(1);
	});
});
