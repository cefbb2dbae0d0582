/**
 * Stable, dependency-free ids. The same input gives the same id in Node, in a worker and in the browser,
 * so a regenerated deck keeps the ids (and so the progress) of unchanged facts.
 */

/**
 * 64-bit FNV-1a over the UTF-16 code units of `text`, as 16 hex digits.
 * FNV-1a: h = (h XOR byte) * 0x100000001b3, starting from 0xcbf29ce484222325 (Fowler–Noll–Vo).
 * Done in two 32-bit halves with Math.imul-free BigInt-free arithmetic would be faster, but ids are made
 * once per card, so BigInt keeps the formula readable.
 */
export function hash64(text: string): string {
	const prime = 0x100000001b3n;
	const mask = 0xffffffffffffffffn;
	let h = 0xcbf29ce484222325n;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		h ^= BigInt(unit & 0xff);
		h = (h * prime) & mask;
		h ^= BigInt(unit >>> 8);
		h = (h * prime) & mask;
	}
	return h.toString(16).padStart(16, '0');
}

/** A card id: `c-` and the hash of the card type and the fact's normalised key. */
export function cardId(type: string, factKey: string): string {
	return `c-${hash64(`${type}\u0000${normaliseKey(factKey)}`)}`;
}

/** Lower case, accents folded, punctuation and runs of space collapsed: the same fact spelt alike. */
export function normaliseKey(text: string): string {
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
