import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { formatInterval, Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress, State } from '$lib/scheduler/progress';

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

	it('says a never-studied card has 0 retrievability and a just-studied one about 1', () => {
		const fresh = newProgress(now);
		expect(exact.retrievability(fresh, now)).toBe(0);
		const studied = exact.grade(fresh, Rating.Good, now).next;
		expect(exact.retrievability(studied, now)).toBeCloseTo(1, 6);
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
