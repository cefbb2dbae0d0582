import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardId, hash64, normaliseKey, slugify } from '$lib/domain/ids';

/** The textbook 64-bit FNV-1a in BigInt, over each UTF-16 unit's low then high byte: the reference. */
function referenceHash(text: string): string {
	let h = 0xcbf29ce484222325n;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		for (const byte of [unit & 0xff, unit >>> 8]) {
			h ^= BigInt(byte);
			h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
		}
	}
	return h.toString(16).padStart(16, '0');
}

describe('hash64', () => {
	it('is FNV-1a 64 (known values)', () => {
		expect(hash64('')).toBe('cbf29ce484222325');
		expect(hash64('a')).toBe(referenceHash('a'));
		expect(hash64('a')).toBe('089be207b544f1e4');
	});

	it('equals the BigInt reference on any text, including astral characters', () => {
		fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => hash64(text) === referenceHash(text)), {
			numRuns: 500
		});
	});
});

describe('ids', () => {
	it('gives the same card id to the same fact spelt differently', () => {
		expect(cardId('basic', 'George Schwab — President')).toBe(cardId('basic', 'george schwab, president'));
		expect(cardId('basic', 'x')).not.toBe(cardId('cloze', 'x'));
		expect(cardId('basic', 'x')).toMatch(/^c-[0-9a-f]{16}$/);
	});

	it('normalises ASCII text by its short road exactly as by the Unicode one', () => {
		const unicode = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
		fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (text) => normaliseKey(text) === unicode(text)), { numRuns: 2000 });
		fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => normaliseKey(text) === unicode(text)), { numRuns: 500 });
		expect(normaliseKey('Track II: the "NCAFP"—meetings, 2006!')).toBe('track ii the ncafp meetings 2006');
	});

	it('normalises keys and slugs', () => {
		expect(normaliseKey('  Évans   Revere! ')).toBe('evans revere');
		expect(slugify('Track II Exchanges With The DPRK')).toBe('track-ii-exchanges-with-the-dprk');
		expect(slugify('!!!')).toBe('deck');
	});
});
