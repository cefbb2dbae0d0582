import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeShareFragment, excerptDeck, fromBase64Url, makeShareLink, MAX_FRAGMENT_CHARS, parseShareFragment, toBase64Url } from '$lib/formats/share';
import { deckArb, goodDeck } from './decks';

/** A deck too big for a link: 2,000 cards of incompressible text. */
function bigDeck() {
	const deck = goodDeck();
	let seed = 1;
	const noise = () => Array.from({ length: 40 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
	const one = deck.cards[0]!;
	deck.cards = Array.from({ length: 2000 }, (_, i) => ({ ...one, id: `c-${i}`, question: `${noise()}?` }));
	return deck;
}

async function compressedFragment(text: string): Promise<string> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('share links', () => {
	it('round-trips a deck through the link', async () => {
		const link = await makeShareLink('https://factdeck.app/', goodDeck());
		expect(link.ok && link.value.startsWith('https://factdeck.app/share#d=')).toBe(true);
		const parsed = await parseShareFragment(new URL(link.ok ? link.value : '').hash);
		expect(parsed).toEqual({ ok: true, value: { kind: 'deck', deck: goodDeck() } });
	});

	it('round-trips any valid deck', async () => {
		await fc.assert(
			fc.asyncProperty(deckArb, async (deck) => {
				const parsed = await parseShareFragment(`d=${await encodeShareFragment(deck)}`);
				expect(parsed).toEqual({ ok: true, value: { kind: 'deck', deck } });
			}),
			{ numRuns: 50 }
		);
	});

	it('needs a hosted https URL when the deck is over 32 KB compressed even with only its cited sentences', async () => {
		const deck = bigDeck();
		const size = (await encodeShareFragment(excerptDeck(deck, 0))).length;
		expect(size).toBeGreaterThan(MAX_FRAGMENT_CHARS);
		const refused = await makeShareLink('https://factdeck.app', deck);
		expect(refused.ok ? '' : refused.error.message).toBe(
			`This deck is ${(size / 1024).toFixed(1).replace(/\.0$/, '')} KB compressed, even with only the sentences its cards cite; a link holds up to 32 KB. Put the exported .factdeck.json at a public https address and share that instead`
		);
		const hosted = 'https://example.org/decks/big deck.factdeck.json?v=2&x=1';
		const link = await makeShareLink('https://factdeck.app', deck, hosted);
		expect(link).toEqual({ ok: true, value: 'https://factdeck.app/share#u=https%3A%2F%2Fexample.org%2Fdecks%2Fbig%20deck.factdeck.json%3Fv%3D2%26x%3D1' });
		expect(await parseShareFragment(new URL(link.ok ? link.value : '').hash)).toEqual({ ok: true, value: { kind: 'url', url: hosted } });
		const http = await makeShareLink('https://factdeck.app', deck, 'http://example.org/d.json');
		expect(http.ok ? '' : http.error.message).toBe(`The shared deck's address must start with https://, got "http://example.org/d.json"`);
	});

	const bad: [string, () => Promise<string>, string][] = [
		['no data', async () => '#', 'This link has no deck in it; ask for the link again'],
		['not base64url', async () => '#d=abc$def', 'This share link is damaged (it has characters a share link never has); ask for the link again'],
		['not deflate data', async () => '#d=' + toBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff])), 'This share link is damaged (its data does not decompress); ask for the link again'],
		['cut short', async () => '#d=' + (await encodeShareFragment(goodDeck())).slice(0, 40), 'This share link is damaged (its data does not decompress); ask for the link again'],
		['not JSON inside', async () => '#d=' + (await compressedFragment('hello')), 'This share link is damaged (its data is not a deck); ask for the link again'],
		['a newer deck', async () => '#d=' + (await compressedFragment(JSON.stringify({ ...goodDeck(), version: 3 }))), 'This deck was made by a newer Factdeck (version 3); update the app to open it'],
		['a plain http address', async () => '#u=' + encodeURIComponent('http://example.org/d.json'), `The shared deck's address must start with https://, got "http://example.org/d.json"`],
		['an address that is not a URL', async () => '#u=decks%2Fd.json', `The shared deck's address is not a valid URL: "decks/d.json"`]
	];
	it.each(bad)('refuses a link with %s', async (_label, hash, message) => {
		const parsed = await parseShareFragment(await hash());
		expect(parsed.ok ? '' : parsed.error.message).toBe(message);
	});

	it('stops inflating a zip bomb at the size limit', async () => {
		const bomb = await compressedFragment(' '.repeat(3 * 1024 * 1024));
		expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
		const parsed = await parseShareFragment(`#d=${bomb}`, { maxBytes: 1024 * 1024 });
		expect(parsed.ok ? '' : parsed.error.message).toBe('This share link is damaged (its deck inflates past 1 MB); ask for the link again');
	});

	it('encodes base64url without padding and decodes it back', () => {
		const bytes = new Uint8Array([251, 255, 191, 0, 1]);
		expect(toBase64Url(bytes)).toBe('-_-_AAE');
		expect(fromBase64Url('-_-_AAE')).toEqual(bytes);
		expect(fromBase64Url('a')).toBeNull();
	});
});
