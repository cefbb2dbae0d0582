/**
 * A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): wall time in ms, a counter for
 * events within the same millisecond (or while the wall clock is behind the clock), and the device id. Every
 * change-log entry is named by one tick, so its id is globally unique and ids sort in the order "clock, then
 * device id": the order in which last-writer-wins picks a winner.
 *
 * Pure: `now` is passed in. The state is persisted with every tick (src/lib/db/sync-log.ts), so a restart, or a
 * wall clock set back, never hands out an id smaller than one already used.
 */

export interface Hlc {
	/** Epoch ms: the largest wall time seen, locally or in a received id. */
	wall: number;
	counter: number;
}

export const ZERO_HLC: Hlc = { wall: 0, counter: 0 };

/** The next local event's clock: later than `prev`, and than `now`'s wall time. */
export function tick(prev: Hlc, now: number): Hlc {
	return now > prev.wall ? { wall: now, counter: 0 } : { wall: prev.wall, counter: prev.counter + 1 };
}

/** The clock after seeing a remote id's clock: later than both, so a later local write wins over what was seen. */
export function receive(prev: Hlc, remote: Hlc, now: number): Hlc {
	const wall = Math.max(prev.wall, remote.wall, now);
	// 0 when `now` is ahead of both; otherwise one more than the largest counter at that wall time.
	const counter = Math.max(wall === prev.wall ? prev.counter : -1, wall === remote.wall ? remote.counter : -1) + 1;
	return { wall, counter };
}

// Fixed-width fields so that string order is clock order: 15 decimal digits of ms last until the year 33658,
// 6 base-36 digits of counter allow 2 billion events in one millisecond.
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;

/** An entry id: `<wall>-<counter>-<device>`; ids compare as strings in (wall, counter, device) order. */
export function formatId(clock: Hlc, device: string): string {
	return `${String(clock.wall).padStart(WALL_DIGITS, '0')}-${clock.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${device}`;
}

/** The clock and device of an entry id, or undefined when it is not one. */
export function parseId(id: string): { clock: Hlc; device: string } | undefined {
	const match = /^(\d{15})-([0-9a-z]{6})-([0-9a-z]+)$/.exec(id);
	if (!match) return undefined;
	return { clock: { wall: Number(match[1]), counter: parseInt(match[2]!, 36) }, device: match[3]! };
}
