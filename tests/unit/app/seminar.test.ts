import { describe, expect, it } from 'vitest';
import { forgetting_curve } from 'ts-fsrs';
import { seminarView, studyQueueOptions } from '$lib/app/seminar';
import { StudySession } from '$lib/app/study-session.svelte';
import { FactdeckDB, importDeck, saveSettings, setSeminarDate } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';
import { buildQueue, type QueueCard } from '$lib/scheduler/queue';
import { DEFAULT_PARAMETERS } from '$lib/optimiser/fit';
import { deckFile } from '../db/deck-fixture';
import { studyDays } from '$lib/domain/days';

// Local times, so calendar days do not depend on the machine's zone.
const now = new Date(2026, 2, 2, 10, 0);
const DAY = 86_400_000;
const settings = { newPerDay: 5, desiredRetention: 0.9, rolloverHour: 0 };
const days = studyDays(0);

function fresh(n: number, from = 0): QueueCard[] {
	return Array.from({ length: n }, (_, i) => ({ id: `n${from + i}`, progress: newProgress(now), position: from + i }));
}

/** A review card last seen `daysAgo` with `stability`, due at `due`. */
function review(id: string, stability: number, daysAgo: number, due: number, position: number): QueueCard {
	const progress: Progress = {
		due,
		stability,
		difficulty: 5,
		elapsed_days: 0,
		scheduled_days: 1,
		learning_steps: 0,
		reps: 3,
		lapses: 0,
		state: State.Review,
		last_review: now.getTime() - daysAgo * DAY
	};
	return { id, progress, position };
}

describe('studyQueueOptions outside seminar mode', () => {
	it('is the daily limit minus the new cards studied today, with the default review order', () => {
		expect(studyQueueOptions({ seminarDate: null }, fresh(30), settings, 2, now)).toEqual({ newLeft: 3 });
		expect(studyQueueOptions({ seminarDate: null }, fresh(30), settings, 9, now)).toEqual({ newLeft: 0 });
	});

	it('returns to normal once the seminar has started (09:00 on its day) and for a date that is not a day', () => {
		expect(studyQueueOptions({ seminarDate: '2026-03-02' }, fresh(30), settings, 0, now)).toEqual({ newLeft: 5 });
		// Earlier on the seminar's own day the plan has no study day left: the normal allowance.
		expect(studyQueueOptions({ seminarDate: '2026-03-02' }, fresh(30), settings, 0, new Date(2026, 2, 2, 8, 0)).newLeft).toBe(5);
		expect(studyQueueOptions({ seminarDate: '2026-02-30' }, fresh(30), settings, 0, now)).toEqual({ newLeft: 5 });
	});
});

describe('studyQueueOptions in seminar mode', () => {
	it('raises the allowance to the plan: 30 new cards, seminar in 4 days, introduced over 3 days: 10 today', () => {
		expect(studyQueueOptions({ seminarDate: '2026-03-06' }, fresh(30), settings, 0, now).newLeft).toBe(10);
	});

	it('counts the new cards already studied today against the same morning plan (no re-spreading)', () => {
		const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
		const studiedToday = fresh(4).map((card) => ({ ...card, progress: scheduler.grade(card.progress, Rating.Good, now).next }));
		const cards = [...studiedToday, ...fresh(26, 4)];
		expect(studyQueueOptions({ seminarDate: '2026-03-06' }, cards, settings, 4, now).newLeft).toBe(6);
	});

	it('spreads evenly, earlier days taking the remainder: 31 cards over 3 days is 11 today', () => {
		expect(studyQueueOptions({ seminarDate: '2026-03-06' }, fresh(31), settings, 0, now).newLeft).toBe(11);
	});

	it('never gives fewer new cards than the daily limit', () => {
		expect(studyQueueOptions({ seminarDate: '2026-06-01' }, fresh(10), settings, 0, now).newLeft).toBe(5);
	});

	it('does what the deck page’s plan shows: the same figure for today, and no shortfall', () => {
		const cards = fresh(30);
		const view = seminarView(cards.map((c) => ({ progress: c.progress, suspended: false })), '2026-03-06', now, settings);
		expect(view.plan?.days.map((d) => d.newCards)).toEqual([10, 10, 10, 0]);
		expect(view.plan?.shortfall).toBe(0);
		expect(studyQueueOptions({ seminarDate: '2026-03-06' }, cards, settings, 0, now).newLeft).toBe(10);
	});

	it('beyond the plan’s horizon keeps the daily limit but still orders reviews for the seminar', () => {
		const options = studyQueueOptions({ seminarDate: '2027-06-01' }, fresh(400), settings, 0, now);
		expect([options.newLeft, typeof options.compareReviews]).toEqual([5, 'function']);
	});

	it('leaves suspended cards out of the plan', () => {
		const cards = [...fresh(20), ...fresh(10, 20).map((card) => ({ ...card, suspended: true }))];
		expect(studyQueueOptions({ seminarDate: '2026-03-04' }, cards, settings, 0, now).newLeft).toBe(20);
	});

	it('orders due reviews lowest predicted recall at the seminar first, not by due date', () => {
		const cards = [
			review('strong', 60, 2, now.getTime() - 3 * DAY, 0),
			review('weak', 1, 2, now.getTime() - 1 * DAY, 1),
			review('middle', 8, 2, now.getTime() - 2 * DAY, 2),
			review('later', 1, 2, now.getTime() + DAY, 3)
		];
		const options = studyQueueOptions({ seminarDate: '2026-03-10' }, cards, settings, 0, now);
		expect(buildQueue(cards, { now, days, ...options }).ids).toEqual(['weak', 'middle', 'strong']);
		expect(buildQueue(cards, { now, days, newLeft: 0 }).ids).toEqual(['strong', 'middle', 'weak']);
	});
});

describe('a study session in seminar mode', () => {
	it('introduces the seminar plan’s new cards today instead of the daily limit', async () => {
		const db = new FactdeckDB('seminar-study-session');
		await db.open();
		try {
			const triples = Array.from({ length: 30 }, (_, i): [string, string, string] => [`c-${i}`, `Question ${i}?`, `Answer ${i}`]);
			await importDeck(db, deckFile('d', triples), 'add', now);
			await saveSettings(db, { newPerDay: 5 });
			const normal = new StudySession('d', { db, clock: () => now, enableFuzz: false, persist: async () => true });
			await normal.start();
			expect(normal.remaining.new).toBe(5);

			await setSeminarDate(db, 'd', '2026-03-06', now);
			const seminar = new StudySession('d', { db, clock: () => now, enableFuzz: false, persist: async () => true });
			await seminar.start();
			expect(seminar.remaining.new).toBe(10);
		} finally {
			await db.delete();
		}
	});
});

describe('seminarView with the person’s settings (issue 12, §2.3)', () => {
	// UTC with the day starting at 04:00, so the figures do not depend on the machine's zone.
	const utc = () => 0;
	const start = new Date(Date.parse('2026-03-02T09:00:00Z'));
	const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
	const learnt = scheduler.grade(scheduler.grade(newProgress(start), Rating.Good, start).next, Rating.Good, new Date(start.getTime() + 600_000)).next;
	const cards = [...Array.from({ length: 6 }, () => ({ progress: newProgress(start), suspended: false })), { progress: learnt, suspended: false }];
	const reviewsAt = (desiredRetention: number) =>
		seminarView(cards, '2026-03-16', start, { newPerDay: 20, desiredRetention, rolloverHour: 4 }, utc).plan?.days.reduce((sum, d) => sum + d.reviews, 0);

	it('plans more reviews for a higher desired retention, as FSRS schedules them', () => {
		expect([reviewsAt(0.8), reviewsAt(0.9), reviewsAt(0.95)]).toEqual([7, 9, 16]);
	});

	it('leaves suspended cards out of readiness and the plan', () => {
		const settings = { newPerDay: 20, desiredRetention: 0.9, rolloverHour: 4 };
		const suspended = Array.from({ length: 2 }, () => ({ progress: newProgress(start), suspended: true }));
		const view = seminarView([...cards, ...suspended], '2026-03-16', start, settings, utc);
		expect(view.percent).toBe(seminarView(cards, '2026-03-16', start, settings, utc).percent);
		expect(view.percent).toBe(11);
		expect(view.plan?.days.reduce((sum, d) => sum + d.newCards, 0)).toBe(6);
	});
});

describe('seminar readiness with the learner’s FSRS parameters (issue 10’s loose end)', () => {
	// UTC with the day starting at 04:00. The card was reviewed at 21:00 on 6 March with S = 5 days; the seminar is
	// at 09:00 on 16 March: 9.5 days later by the clock, 10 study days (the days the study session grades with).
	const utc = () => 0;
	const now = new Date('2026-03-07T09:00:00Z');
	const progress: Progress = {
		due: Date.parse('2026-03-11T21:00:00Z'),
		stability: 5,
		difficulty: 5,
		elapsed_days: 0,
		scheduled_days: 5,
		learning_steps: 0,
		reps: 3,
		lapses: 0,
		state: State.Review,
		last_review: Date.parse('2026-03-06T21:00:00Z')
	};
	const learnerSettings = { newPerDay: 20, desiredRetention: 0.9, rolloverHour: 4 };
	/** Fitted parameters with an FSRS-5 decay of 0.5 (the defaults' is 0.1542). */
	const fitted = [...DEFAULT_PARAMETERS.slice(0, 20), 0.5];
	const today = (w?: readonly number[]) => seminarView([{ progress, suspended: false }], '2026-03-16', now, { ...learnerSettings, w }, utc);

	it('counts study days: with the defaults R(10, 5) = (1 + 0.9804·2)^−0.1542 = 0.84588, not R(9.5, 5)', () => {
		expect(today().curve[0]?.readiness).toBe(forgetting_curve(DEFAULT_PARAMETERS, 10, 5));
		expect(today().curve[0]?.readiness).toBeCloseTo(0.84588, 5);
		expect(today().percent).toBe(85);
	});

	it('uses the fitted parameters: R(10, 5) = (1 + (19/81)·2)^−0.5 = √(81/119) = 0.82503', () => {
		expect(today(fitted).curve[0]?.readiness).toBe(forgetting_curve(fitted, 10, 5));
		expect(today(fitted).curve[0]?.readiness).toBeCloseTo(Math.sqrt(81 / 119), 8);
		expect(today(fitted).percent).toBe(83);
	});

	it('agrees with the learner’s scheduler (Scheduler.retrievabilityToday) at the seminar', () => {
		const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days: studyDays(4, utc), w: fitted });
		expect(today(fitted).curve[0]?.readiness).toBe(scheduler.retrievabilityToday(progress, new Date('2026-03-16T09:00:00Z')));
	});
});
