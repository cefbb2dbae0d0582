/**
 * Seeded randomness. The generator never calls Math.random: the same seed and the same fact give the same
 * shuffle in Node, in a worker and in tests, so decks are byte-identical run to run. The PRNG and shuffle
 * are the domain's (src/lib/domain/random.ts, shared with the quiz; a pure module with no imports, safe in the
 * worker); this adds a string → seed hash.
 */
export { mulberry32 as rng, shuffled as shuffle } from '../../domain/random';

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
