import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { formatInterval, Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress, State } from '$lib/scheduler/progress';
import { studyDays } from '$lib/domain/days';

const now = new Date('2026-03-02T09:00:00Z');
const exact = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });

describe('Scheduler (ts-fsrs, no fuzz, pinned dates)', () => {
	it('previews the four grades of a new card with the default learning steps 1m/10m', () => {
		const preview = exact.preview(newProgress(now), now);
		expect(preview.map((p) => [p.name, p.label, p.intervalMs])).toEqual([
			['Again', '1m', 60_000],
			['Hard', '6m', 360_000],
			['Good', '10m', 600_000],
			// At retention 0.9 the first interval equals the initial stability for Easy, w[3] (FSRS-6 default).
			['Easy', `${Math.round(default_w[3]!)}d`, Math.round(default_w[3]!) * 86_400_000]
		]);
	});

	it('follows the exact interval sequence Good, Good, Good, Again, Good', () => {
		let progress = newProgress(now);
		let at = now;
		const seen: [string, State, number][] = [];
		for (const grade of [Rating.Good, Rating.Good, Rating.Good, Rating.Again, Rating.Good] as const) {
			progress = exact.grade(progress, grade, at).next;
			seen.push([new Date(progress.due).toISOString(), progress.state, progress.scheduled_days]);
			at = new Date(progress.due);
		}
		expect(seen).toEqual([
			['2026-03-02T09:10:00.000Z', State.Learning, 0],
			['2026-03-04T09:10:00.000Z', State.Review, 2],
			['2026-03-15T09:10:00.000Z', State.Review, 11],
			['2026-03-15T09:20:00.000Z', State.Relearning, 0],
			['2026-03-17T09:20:00.000Z', State.Review, 2]
		]);
	});

	it('gives shorter intervals for a higher desired retention', () => {
		const strict = new Scheduler({ desiredRetention: 0.97, enableFuzz: false });
		expect(strict.preview(newProgress(now), now).map((p) => p.label)).toEqual(['1m', '6m', '10m', '2d']);
	});

	it('logs the grade and the state before it', () => {
		const { log } = exact.grade(newProgress(now), Rating.Hard, now);
		expect([log.rating, log.state, log.review]).toEqual([Rating.Hard, State.New, now.getTime()]);
	});

	it('says a never-studied card has 0 retrievability and one studied today 1', () => {
		const fresh = newProgress(now);
		expect(exact.retrievabilityToday(fresh, now)).toBe(0);
		const studied = exact.grade(fresh, Rating.Good, now).next;
		expect(exact.retrievabilityToday(studied, now)).toBe(1);
	});
});

describe('formatInterval', () => {
	it.each([
		[30_000, '<1m'],
		[60_000, '1m'],
		[600_000, '10m'],
		[3 * 3_600_000, '3h'],
		[86_400_000, '1d'],
		[45 * 86_400_000, '1.5mo'],
		[730 * 86_400_000, '2y']
	])('%i ms → %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});

describe('elapsed days are study days (issue 12, §2.2)', () => {
	// Reviewed on 1 March at 21:00 in Tokyo (UTC+9, 12:00 UTC) with S = 1; studied on its due day, 2 March, at
	// 08:00 (1 March 23:00 UTC): the same UTC date as the last review.
	const tokyo = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days: studyDays(4, () => 540) });
	const last = Date.parse('2026-03-01T12:00:00Z');
	const card = { ...newProgress(new Date(last)), state: State.Review, reps: 3, stability: 1, difficulty: 5, scheduled_days: 1, last_review: last, due: last + 86_400_000 };
	const morning = new Date('2026-03-01T23:00:00Z'); // 2 March, 08:00 in Tokyo

	it('a review at 08:00 the day after a 21:00 review is one day later, not a same-day review', () => {
		const { next, log } = tokyo.grade(card, Rating.Good, morning);
		expect(log.elapsed_days).toBe(1);
		expect(log.review).toBe(morning.getTime());
		// The same review in UTC, where 12:00 and 23:00 fall on different dates, gives the same memory state.
		const utc = exact.grade(card, Rating.Good, new Date('2026-03-02T08:00:00Z')).next;
		expect([next.stability, next.difficulty, next.scheduled_days]).toEqual([utc.stability, utc.difficulty, utc.scheduled_days]);
		expect(next.due).toBe(morning.getTime() + next.scheduled_days * 86_400_000);
		// Without the study-day frame, ts-fsrs sees one UTC date and treats it as a same-day review.
		expect(exact.grade(card, Rating.Good, morning).log.elapsed_days).toBe(0);
	});

	it('recall today counts that day too: R(1 day, S = 1) = 0.9, where 24-hour periods count none', () => {
		// S = 1 is the interval after which FSRS predicts the desired retention, 0.9, by construction.
		expect(tokyo.retrievabilityToday(card, morning)).toBeCloseTo(0.9, 10);
		// At 03:00 on 2 March in Tokyo (before the 04:00 rollover) it is still 1 March's study day.
		expect(tokyo.retrievabilityToday(card, new Date('2026-03-01T18:00:00Z'))).toBe(1);
		expect(tokyo.retrievabilityToday(newProgress(morning), morning)).toBe(0);
	});

	it('previews the same intervals it grades with', () => {
		const good = tokyo.preview(card, morning).find((p) => p.name === 'Good')!;
		expect(good.next).toEqual(tokyo.grade(card, Rating.Good, morning).next);
		expect(tokyo.retrievabilityToday(card, morning)).toBe(exact.retrievabilityToday(card, new Date('2026-03-02T08:00:00Z')));
	});
});
