/**
 * Counts that depend on the day ("due today") go stale when the study day rolls over while a page stays open;
 * `watchDay` calls back at each day start under a day rule from src/lib/domain/days.ts (the "Next day starts at"
 * hour; local midnight by default). The clock and the timer are passed in (tests pin them).
 */
import { CALENDAR, dayEnd, type DayRule } from '$lib/domain/days';

/** The start of the day after the one containing `now` under `rule` (days.ts does the calendar, DST included). */
export function nextDayStart(now: Date, rule: DayRule = CALENDAR): Date {
	return new Date(dayEnd(now, rule));
}

export interface Timers {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const browserTimers: Timers = {
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/**
 * Calls `onNewDay` at each local day start from now on; returns the function that stops it. A timer that fires
 * early (a clock change) just waits again for the same day start; one that fires late (a sleeping phone) fires
 * once, and the next is armed from the real time.
 */
export function watchDay(onNewDay: () => void, clock: () => Date = () => new Date(), timers: Timers = browserTimers, rule: DayRule = CALENDAR): () => void {
	let handle: unknown;
	let day = nextDayStart(clock(), rule).getTime();
	const arm = () => {
		const now = clock();
		handle = timers.set(() => {
			const started = nextDayStart(clock(), rule).getTime();
			if (started !== day) {
				day = started;
				onNewDay();
			}
			arm();
		}, Math.max(0, nextDayStart(now, rule).getTime() - now.getTime()));
	};
	arm();
	return () => timers.clear(handle);
}

/**
 * `watchDay` at the stored rollover hour, once `rule` is read (local midnight if it cannot be); returns the
 * function that stops it, also before the rule arrives.
 */
export function watchStudyDay(onNewDay: () => void, rule: Promise<DayRule>): () => void {
	let stop: (() => void) | undefined;
	let stopped = false;
	const start = (r: DayRule) => {
		if (!stopped) stop = watchDay(onNewDay, undefined, undefined, r);
	};
	rule.then(start, () => start(CALENDAR));
	return () => {
		stopped = true;
		stop?.();
	};
}
