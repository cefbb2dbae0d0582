/**
 * Stable, dependency-free ids. The same input gives the same id in Node, in a worker and in the browser,
 * so a regenerated deck keeps the ids (and so the progress) of unchanged facts.
 */

/**
 * 64-bit FNV-1a over the UTF-16 code units of `text` (low byte, then high byte), as 16 hex digits.
 * FNV-1a: h = (h XOR byte) · 0x100000001b3 mod 2^64, from h = 0xcbf29ce484222325 (Fowler–Noll–Vo).
 *
 * Computed in two 32-bit halves: the prime is 2^40 + 0x1b3, so h · prime = h · 0x1b3 + (h << 40), and
 * h << 40 only adds lo · 2^8 to the high half. Every intermediate stays below 2^53, so doubles are exact.
 * (A BigInt version was the generator's hottest function on large documents.)
 */
export function hash64(text: string): string {
	let hi = 0xcbf29ce4;
	let lo = 0x84222325;
	const step = (byte: number) => {
		lo = (lo ^ byte) >>> 0;
		const low = lo * 0x1b3;
		hi = (hi * 0x1b3 + Math.floor(low / 0x100000000) + ((lo << 8) >>> 0)) >>> 0;
		lo = low >>> 0;
	};
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		step(unit & 0xff);
		step(unit >>> 8);
	}
	return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** A card id: `c-` and the hash of the card type and the fact's normalised key. */
export function cardId(type: string, factKey: string): string {
	return `c-${hash64(`${type}\u0000${normaliseKey(factKey)}`)}`;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Only ASCII characters: text that has no accents to fold and whose letters are [A-Za-z]. */
export const isAscii = (text: string): boolean => ASCII.test(text);

/**
 * Lower case, accents folded, punctuation and runs of space collapsed: the same fact spelt alike. ASCII text (most
 * keys) takes a shorter road to the same result: it has nothing to fold, and its letters and digits are [a-z0-9]
 * once lower-cased (the Unicode classes cost a tenth of a large deck's generation time).
 */
export function normaliseKey(text: string): string {
	if (isAscii(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** A URL-safe slug for deck ids made from titles ("Track II Exchanges" → "track-ii-exchanges"). */
export function slugify(title: string): string {
	const slug = normaliseKey(title).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '');
	return slug || 'deck';
}

/**
 * A random id of 16 base-36 digits (about 82 bits): a device's id, a review's or quiz result's `uid` (sync,
 * docs/data.md). `crypto.getRandomValues`, unlike `randomUUID`, also works on a page served over plain http.
 */
export function randomId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
