import { describe, expect, it } from 'vitest';
import { nextDayStart, watchDay, type Timers } from '$lib/app/day-change';
import { studyDays } from '$lib/domain/days';

/** A timer queue the test runs by hand, and the clock it moves. */
function fakeTime(start: Date) {
	let now = start.getTime();
	const pending = new Map<number, { callback: () => void; at: number }>();
	const delays: number[] = [];
	let next = 1;
	const timers: Timers = {
		set(callback, ms) {
			delays.push(ms);
			pending.set(next, { callback, at: now + ms });
			return next++;
		},
		clear: (handle) => void pending.delete(handle as number)
	};
	const runNext = (at?: number) => {
		const [id, timer] = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0]!;
		pending.delete(id);
		now = at ?? timer.at;
		timer.callback();
	};
	return { clock: () => new Date(now), timers, delays, runNext, pending };
}

describe('watchDay (home due counts refresh when the day rolls over)', () => {
	it('the next day starts at local midnight, also across month and year ends', () => {
		expect(nextDayStart(new Date(2026, 2, 2, 23, 59, 30))).toEqual(new Date(2026, 2, 3));
		expect(nextDayStart(new Date(2026, 11, 31, 0, 0, 0))).toEqual(new Date(2027, 0, 1));
	});

	it('fires at midnight, then every following midnight, and stops when asked', () => {
		const time = fakeTime(new Date(2026, 2, 2, 23, 59, 30));
		let days = 0;
		const stop = watchDay(() => days++, time.clock, time.timers);
		expect(time.delays).toEqual([30_000]);
		time.runNext();
		expect(days).toBe(1);
		expect(time.delays).toEqual([30_000, 86_400_000]);
		// A phone asleep for two days: one refresh on waking, then the next midnight from the real time.
		time.runNext(new Date(2026, 2, 5, 7, 0, 0).getTime());
		expect(days).toBe(2);
		expect(time.delays.at(-1)).toBe(17 * 3_600_000);
		stop();
		expect(time.pending.size).toBe(0);
	});

	it('a timer that fires before midnight (the clock was moved) waits again without a refresh', () => {
		const time = fakeTime(new Date(2026, 2, 2, 23, 0, 0));
		let days = 0;
		watchDay(() => days++, time.clock, time.timers);
		time.runNext(new Date(2026, 2, 2, 23, 30, 0).getTime());
		expect(days).toBe(0);
		expect(time.delays).toEqual([3_600_000, 1_800_000]);
	});
});

describe('watchDay at the study day\'s rollover ("Next day starts at")', () => {
	it('fires at 04:00, not at midnight, with a 04:00 rollover', () => {
		const time = fakeTime(new Date(2026, 2, 2, 23, 0, 0));
		let days = 0;
		watchDay(() => days++, time.clock, time.timers, studyDays(4));
		expect(time.delays).toEqual([5 * 3_600_000]);
		time.runNext();
		expect(days).toBe(1);
		expect(time.clock()).toEqual(new Date(2026, 2, 3, 4, 0, 0));
	});

	it('the next day start follows the rule', () => {
		expect(nextDayStart(new Date(2026, 2, 2, 23, 0, 0), studyDays(4))).toEqual(new Date(2026, 2, 3, 4, 0, 0));
	});
});
