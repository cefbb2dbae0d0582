/**
 * Counts that depend on the day ("due today") go stale at midnight while a page stays open; `watchDay` calls
 * back when the local day changes. The clock and the timer are passed in (tests pin them).
 *
 * The day starts at local midnight here. The scheduler's day (issue 12, §2: a rollover hour) will come from
 * src/lib/domain/days.ts; `nextDayStart` is the one place to swap for it.
 */

/** The start of the local day after the one containing `now`. DST-safe: built from calendar fields. */
export function nextDayStart(now: Date): Date {
	return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
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
export function watchDay(onNewDay: () => void, clock: () => Date = () => new Date(), timers: Timers = browserTimers): () => void {
	let handle: unknown;
	let day = nextDayStart(clock()).getTime();
	const arm = () => {
		const now = clock();
		handle = timers.set(() => {
			const started = nextDayStart(clock()).getTime();
			if (started !== day) {
				day = started;
				onNewDay();
			}
			arm();
		}, Math.max(0, nextDayStart(now).getTime() - now.getTime()));
	};
	arm();
	return () => timers.clear(handle);
}
