import { forgetting_curve, generatorParameters, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
	fromProgress,
	isSeminarActive,
	prioritiseForSeminar,
	readiness,
	readinessCurve,
	seminarInstant,
	SeminarDateError,
	seminarPlan,
	type ReadinessCard
} from '../../../src/lib/scheduler/readiness';
import { CALENDAR, dayKeyOf, studyDays } from '$lib/domain/days';

// All dates are local (new Date(y, m, d, h)), like the app's; late November has no DST change.
const w = generatorParameters().w;
const target = seminarInstant('2026-12-03'); // Thursday 3 December 2026, 09:00 local
const today = new Date(2026, 10, 26, 18, 30); // Thursday 26 November, 18:30: 7 study days (26 Nov - 2 Dec)
const fresh = (): ReadinessCard => ({ stability: 0, state: State.New });
/** S = 10, reviewed 10 days before the seminar: R = 0.9 by FSRS's definition of stability. */
const strong: ReadinessCard = {
	stability: 10,
	difficulty: 5,
	state: State.Review,
	lastReview: new Date(2026, 10, 23, 9),
	due: new Date(2026, 11, 3, 9)
};
/** S = 3, reviewed 9 days (3 S) before the seminar; due tomorrow. */
const weak: ReadinessCard = {
	stability: 3,
	difficulty: 6,
	state: State.Review,
	lastReview: new Date(2026, 10, 24, 9),
	due: new Date(2026, 10, 27, 9)
};
const deck = [...Array.from({ length: 10 }, fresh), strong, weak];

describe('seminar dates', () => {
	it('reads a seminar date as 09:00 local time on that day', () => {
		expect(target).toEqual(new Date(2026, 11, 3, 9, 0, 0));
		expect(dayKeyOf(target, CALENDAR)).toBe('2026-12-03');
		expect(() => seminarInstant('3/12/2026')).toThrow(
			new SeminarDateError('Seminar date must look like 2026-12-03, got “3/12/2026”')
		);
		expect(() => seminarInstant('2026-02-30')).toThrow('Seminar date 2026-02-30 is not a day of the calendar');
	});

	it('is active until the seminar starts, then scheduling is normal FSRS again', () => {
		expect(isSeminarActive(target, new Date(2026, 11, 3, 8, 59))).toBe(true);
		expect(isSeminarActive(target, new Date(2026, 11, 3, 9, 0))).toBe(false);
		expect(isSeminarActive(target, new Date(2026, 11, 4))).toBe(false);
	});
});

describe('readiness', () => {
	it('uses FSRS retrievability R = (1 + FACTOR·t/S)^DECAY at the seminar', () => {
		// By hand: DECAY = -0.1542, FACTOR = 0.9^(1/DECAY) - 1 = 0.98040; R(S) = 0.9; R(3S) = 3.9412^-0.1542 = 0.80939.
		expect(readiness([strong], target)).toBe(0.9);
		expect(readiness([weak], target)).toBeCloseTo(0.80939, 5);
		expect(readiness([weak], target)).toBe(forgetting_curve(w, 9, 3));
	});

	it('counts never-studied cards as 0 and averages over the deck', () => {
		expect(readiness([fresh()], target)).toBe(0);
		expect(readiness(deck, target)).toBeCloseTo((0.9 + 0.80939) / 12, 6);
		expect(readiness(deck, target)).toBe((0.9 + forgetting_curve(w, 9, 3)) / 12);
		expect(readiness([], target)).toBe(0);
		expect(readiness([strong], target)).toBe(0.9);
	});

	it('counts whole study days, as Scheduler.retrievabilityToday, and a review after the target date means full recall', () => {
		// 21:00 on 26 Nov is 6.5 days (24-hour periods) before the seminar, and 7 study days: R(7, 10), not R(6.5, 10).
		const evening = { ...strong, lastReview: new Date(2026, 10, 26, 21) };
		expect(readiness([evening], target)).toBe(forgetting_curve(w, 7, 10));
		expect(readiness([evening], target)).toBeCloseTo(0.92259, 5);
		// 02:00 on 27 Nov belongs to 26 Nov when the day starts at 04:00: 7 study days; in calendar days, 6.
		const night = { ...strong, lastReview: new Date(2026, 10, 27, 2) };
		expect(readiness([night], target, { days: studyDays(4) })).toBe(forgetting_curve(w, 7, 10));
		expect(readiness([night], target)).toBe(forgetting_curve(w, 6, 10));
		expect(readiness([{ ...strong, lastReview: new Date(2026, 11, 4) }], target)).toBe(1);
	});

	it('follows the parameters given (an FSRS-5 decay of 0.5)', () => {
		const fsrs5 = [...w.slice(0, 20), 0.5];
		expect(readiness([weak], target, { params: { w: fsrs5 } })).toBe(forgetting_curve(0.5, 9, 3));
		// By hand: FACTOR = 0.9^-2 - 1 = 19/81; R(3S) = (1 + 57/81)^-0.5 = 0.76613.
		expect(readiness([weak], target, { params: { w: fsrs5 } })).toBeCloseTo(0.76613, 5);
	});
});

describe('seminarPlan', () => {
	it('spreads 10 new cards over the first 6 of 7 days, so each is seen again before the date', () => {
		expect(seminarPlan(deck, today, target, 20)).toEqual({
			days: [
				{ day: '2026-11-26', newCards: 2, reviews: 0 },
				{ day: '2026-11-27', newCards: 2, reviews: 1 }, // the weak card is due
				{ day: '2026-11-28', newCards: 2, reviews: 2 }, // 26 Nov's new cards: Good gives S = 2.3065, interval 2 days
				{ day: '2026-11-29', newCards: 2, reviews: 2 },
				{ day: '2026-11-30', newCards: 1, reviews: 2 },
				{ day: '2026-12-01', newCards: 1, reviews: 2 },
				{ day: '2026-12-02', newCards: 0, reviews: 2 } // 30 Nov's card, and 1 Dec's pulled in from 3 Dec
			],
			shortfall: 0
		});
	});

	it('keeps to the new-cards-a-day limit and reports the cards it cannot fit', () => {
		const plan = seminarPlan(deck, today, target, 1);
		expect(plan.days.map((d) => [d.newCards, d.reviews])).toEqual([
			[1, 0],
			[1, 1],
			[1, 1],
			[1, 1],
			[1, 1],
			[1, 1],
			[0, 2]
		]);
		expect(plan.shortfall).toBe(4);
	});

	it('with one day left introduces everything today; on the day itself there is nothing left to plan', () => {
		const eve = new Date(2026, 11, 2, 20);
		expect(seminarPlan(deck, eve, target, 20)).toEqual({
			days: [{ day: '2026-12-02', newCards: 10, reviews: 1 }],
			shortfall: 0
		});
		expect(seminarPlan(deck, new Date(2026, 11, 3, 7), target, 20)).toEqual({ days: [], shortfall: 10 });
	});

	it('counts study days: at 02:00 with the next day starting at 04:00 it is still the eve (issue 12, §2.2)', () => {
		const night = new Date(2026, 11, 3, 2);
		expect(seminarPlan(deck, night, target, 20, { days: studyDays(4) })).toEqual({
			days: [{ day: '2026-12-02', newCards: 10, reviews: 1 }],
			shortfall: 0
		});
		expect(seminarPlan(deck, night, target, 20, { days: studyDays(0) })).toEqual({ days: [], shortfall: 10 });
	});

	it('brings a card seen only once back before the date even when FSRS would wait longer', () => {
		const once: ReadinessCard = { ...strong, reps: 1 };
		expect(seminarPlan([once], today, target, 20).days.map((d) => d.reviews)).toEqual([0, 0, 0, 0, 0, 0, 1]);
		expect(seminarPlan([strong], today, target, 20).days.map((d) => d.reviews)).toEqual([0, 0, 0, 0, 0, 0, 0]);
	});
});

describe('readinessCurve', () => {
	it('starts at today’s readiness and rises with each day of planned reviews', () => {
		const curve = readinessCurve(deck, today, target, 20);
		expect(curve.map((p) => p.day)).toEqual([
			'2026-11-26',
			'2026-11-27',
			'2026-11-28',
			'2026-11-29',
			'2026-11-30',
			'2026-12-01',
			'2026-12-02',
			'2026-12-03'
		]);
		expect(curve[0]?.readiness).toBe(readiness(deck, target));
		// After 26 Nov: two new cards learnt at 18:30 with S = 2.3065, 7 study days before the seminar.
		const learnt = forgetting_curve(w, 7, 2.3065);
		expect(curve[1]?.readiness).toBeCloseTo((0.9 + forgetting_curve(w, 9, 3) + 2 * learnt) / 12, 10);
		expect(curve.map((p) => Number(p.readiness.toFixed(4)))).toEqual([
			0.1424, 0.2772, 0.4243, 0.5868, 0.7517, 0.846, 0.9413, 0.956
		]);
	});
});

describe('prioritiseForSeminar', () => {
	const now = new Date(2026, 10, 28, 10);
	const dueSoonWeak = { ...weak, id: 'weak' };
	const dueStrong = { ...strong, id: 'strong-due', due: new Date(2026, 10, 28, 9) };
	const learning = { ...weak, id: 'learning', state: State.Learning, stability: 0.5, lastReview: new Date(2026, 10, 28, 9, 50), due: new Date(2026, 10, 28, 10) };
	const notDue = { ...strong, id: 'not-due' };
	const brandNew = { ...fresh(), id: 'new' };

	it('orders due and learning cards by lowest predicted recall at the seminar, leaving out new and not-due cards', () => {
		const order = prioritiseForSeminar([dueStrong, notDue, brandNew, dueSoonWeak, learning], target, now);
		expect(order.map((c) => c.id)).toEqual(['learning', 'weak', 'strong-due']);
		expect(readiness([learning], target)).toBe(forgetting_curve(w, 5, 0.5));
	});

	it('reads a stored card state', () => {
		const progress = (card: ReadinessCard) => ({
			progress: {
				due: card.due?.getTime() ?? 0,
				stability: card.stability,
				difficulty: card.difficulty ?? 5,
				elapsed_days: 0,
				scheduled_days: 0,
				learning_steps: 0,
				reps: 3,
				lapses: 0,
				state: card.state,
				last_review: card.lastReview?.getTime() ?? null
			}
		});
		expect(fromProgress(progress(weak).progress)).toEqual({ ...weak, reps: 3 });
	});
});
