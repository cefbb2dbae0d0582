/**
 * The learner's scheduler (src/lib/db/learner.ts): built from the stored settings and the fitted FSRS parameters,
 * with ts-fsrs's defaults when none are stored. Intervals and recall pinned.
 */
import { forgetting_curve } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { applyIfBetter, FactdeckDB, learnerScheduler, saveSettings } from '$lib/db';
import { DEFAULT_PARAMETERS } from '$lib/optimiser/fit';
import type { Scheduler } from '$lib/scheduler/fsrs';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';
import { useFreshDb } from './fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
const utc = () => 0;
/** Fitted-looking parameters: the defaults with a first-Easy stability of 20 days. */
const FITTED = DEFAULT_PARAMETERS.map((w, i) => (i === 3 ? 20 : w));
const figures = (logLoss: number) => ({ logLoss, rmseBins: 0.05, count: 812 });
const labels = (scheduler: Scheduler, progress: Progress) => scheduler.preview(progress, now).map((p) => `${p.name} ${p.label}`);
/** Reviewed at 21:00 the evening before `now` (09:00 UTC) with a stability of 10 days. */
const lastEvening: Progress = {
	...newProgress(now),
	state: State.Review,
	reps: 3,
	stability: 10,
	difficulty: 5,
	scheduled_days: 10,
	last_review: Date.parse('2026-03-01T21:00:00Z'),
	due: Date.parse('2026-03-11T21:00:00Z')
};

let db: FactdeckDB;
useFreshDb('learner', (fresh) => (db = fresh));

describe('learnerScheduler', () => {
	it('with nothing stored: ts-fsrs\'s default parameters and the default settings', async () => {
		const { scheduler, settings, days, w } = await learnerScheduler(db, { zone: utc });
		expect(w).toBeUndefined();
		expect(settings.desiredRetention).toBe(0.9);
		expect(days.rolloverHour).toBe(4);
		expect(labels(scheduler, newProgress(now))).toEqual(['Again 1m', 'Hard 6m', 'Good 10m', 'Easy 8d']);
		// 21:00 yesterday is one study day ago at 09:00 (the day starts at 04:00); default decay w20.
		expect(scheduler.retrievabilityToday(lastEvening, now)).toBe(forgetting_curve(DEFAULT_PARAMETERS, 1, 10));
	});

	it('uses the fitted parameters when Optimise stored some', async () => {
		await applyIfBetter(db, { fitted: FITTED, current: figures(0.3393), after: figures(0.3214) }, 1203, now);
		const { scheduler, w } = await learnerScheduler(db, { zone: utc });
		expect(w).toEqual(FITTED);
		// A new card answered Easy is first due after its initial stability at 90 % retention: w3 = 20 days.
		expect(labels(scheduler, newProgress(now))).toEqual(['Again 1m', 'Hard 6m', 'Good 10m', 'Easy 20d']);
	});

	it('applies the stored retention, steps, maximum interval and "Next day starts at"', async () => {
		await saveSettings(db, { learningSteps: ['5m', '1h'], maximumInterval: 3 });
		expect(labels((await learnerScheduler(db, { zone: utc })).scheduler, newProgress(now))).toEqual(['Again 5m', 'Hard 33m', 'Good 1h', 'Easy 3d']);

		await saveSettings(db, { learningSteps: ['1m', '10m'], maximumInterval: 36_500, relearningSteps: ['30m'], desiredRetention: 0.8 });
		const { scheduler } = await learnerScheduler(db, { zone: utc });
		// At 80 % retention an Easy first answer waits until R falls to 0.8: S/FACTOR · (0.8^(1/DECAY) − 1) with
		// S = w3 = 8.2956, DECAY = −0.1542, FACTOR = 0.9^(1/DECAY) − 1 = 0.9805: 8.4606 · 3.251 = 27.5 → 28 days.
		expect(labels(scheduler, newProgress(now))).toEqual(['Again 1m', 'Hard 6m', 'Good 10m', 'Easy 28d']);
		expect(labels(scheduler, { ...lastEvening, due: now.getTime() })[0]).toBe('Again 30m');

		// With the day starting at 10:00, 21:00 yesterday and 09:00 today are the same study day: recall is 1.
		await saveSettings(db, { rolloverHour: 10 });
		const late = await learnerScheduler(db, { zone: utc });
		expect(late.days.rolloverHour).toBe(10);
		expect(late.scheduler.retrievabilityToday(lastEvening, now)).toBe(1);
	});
});
