/**
 * String hashes for seeds and fact keys. The generator never calls Math.random: its PRNG and shuffle are the
 * domain's (src/lib/domain/random.ts, shared with the quiz), seeded from these, so decks are byte-identical run
 * to run in Node, a worker and tests.
 */

/** 32-bit FNV-1a of a string: a cheap, well-spread seed. */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A 64-bit digest as two salted 32-bit hashes: keeps fact keys short, so ids stay cheap on long sentences. */
export function digest(text: string): string {
	return `${hash32(text).toString(36)}${hash32(`\u0001${text}`).toString(36)}`;
}
