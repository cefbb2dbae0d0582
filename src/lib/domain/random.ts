/**
 * A small seeded PRNG so a quiz built from the same seed is identical run to run (style habit 1: randomness is
 * passed in). mulberry32: 32-bit state, period 2^32, good enough for shuffling a handful of options.
 * Source: Tommy Ettinger's public-domain mulberry32, as popularised in bryc/code `PRNGs.md`.
 */
export type Random = () => number;

/** Returns a function yielding floats in [0, 1). */
export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher-Yates shuffle into a new array; the input is left as it was. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const held = out[i] as T;
		out[i] = out[j] as T;
		out[j] = held;
	}
	return out;
}

/**
 * A shuffle that never hands back the original order when there are at least two distinct positions
 * (an ordering question shown already in order, or matching rows already aligned, would give the answer away).
 * Falls back to rotating by one, which is deterministic and always differs.
 */
export function shuffledAwayFrom<T>(items: readonly T[], random: Random): T[] {
	const out = shuffled(items, random);
	const same = out.every((item, i) => item === items[i]);
	if (!same || items.length < 2) return out;
	return [...items.slice(1), items[0] as T];
}
