// Share links for class readings (issue 12, 2.6): a link carries the cited paragraphs that fit and the cited
// sentences at least, with card offsets moved into the shorter text; a hosted deck's download says what went
// wrong (offline, CORS, unreachable, HTTP) and stops at the size cap.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '$lib/domain/deck-file';
import type { Card, DeckFile } from '$lib/domain/types';
import { encodeShareFragment, excerptDeck, fetchSharedDeck, makeShareLink, MAX_FRAGMENT_CHARS, parseShareFragment } from '$lib/formats/share';
import { generateDeck } from '$lib/generator/core/index';
import { seed } from '../generator/seeds';
import { goodDeck } from './decks';

const TEXT = 'Title line\n\nOne a. One b.\n\nTwo a. Two b. Two c.\n\nThree a.';

function card(id: string, sentence: string, doc = 'doc-1', text = TEXT): Card {
	const start = text.indexOf(sentence);
	return { id, type: 'basic', question: `Q ${id}?`, answer: 'a', tags: [], score: 1, source: { doc, sentence, start, end: start + sentence.length } };
}

function smallDeck(): DeckFile {
	return {
		...goodDeck(),
		sources: [
			{ id: 'doc-1', title: 'Reading', text: TEXT, note: 'kept' },
			{ id: 'doc-2', title: 'Uncited', text: 'Nobody cites this.' }
		],
		// "Two …" is cited twice, so it is the most cited paragraph.
		cards: [card('c1', 'One b.'), card('c2', 'Two a.'), card('c3', 'Two c.'), card('c4', 'Three a.')]
	};
}

const cited = (deck: DeckFile) => deck.cards.map((c) => [c.id, c.source.start, c.source.end, deck.sources[0]!.text.slice(c.source.start, c.source.end)]);

describe('excerptDeck', () => {
	it('keeps only the cited sentences, each moved into the shorter text', () => {
		const deck = excerptDeck(smallDeck(), 0);
		expect(deck.sources).toEqual([{ id: 'doc-1', title: 'Reading', text: 'One b.\n\nTwo a.\n\nTwo c.\n\nThree a.', note: 'kept', excerpt: true }]);
		expect(cited(deck)).toEqual([
			['c1', 0, 6, 'One b.'],
			['c2', 8, 14, 'Two a.'],
			['c3', 16, 22, 'Two c.'],
			['c4', 24, 32, 'Three a.']
		]);
		expect(parseDeckFile(deck).ok).toBe(true);
	});

	it('keeps the most cited paragraphs whole, up to the number asked for', () => {
		const one = excerptDeck(smallDeck(), 1);
		expect(one.sources[0]!.text).toBe('One b.\n\nTwo a. Two b. Two c.\n\nThree a.');
		expect(cited(one)).toEqual([
			['c1', 0, 6, 'One b.'],
			['c2', 8, 14, 'Two a.'],
			['c3', 22, 28, 'Two c.'],
			['c4', 30, 38, 'Three a.']
		]);
		const all = excerptDeck(smallDeck());
		expect(all.sources[0]!.text).toBe('One a. One b.\n\nTwo a. Two b. Two c.\n\nThree a.');
		expect(parseDeckFile(all).ok).toBe(true);
	});
});

describe('share links of a class reading', () => {
	const squad = JSON.parse(readFileSync('tests/fixtures/squad/squad-v2-dev-sample.json', 'utf8')) as { data: { title: string; paragraphs: { context: string }[] }[] };
	// Four documents, 63,281 characters: 21 pages of 3,000 characters (about 500 words a page). (63,282 until the
	// reader joined the exchanges seed's paragraph that stops on a comma, "… Susan Shirk," to the next: read.ts.)
	const reading = [seed('talks'), seed('exchanges'), ...squad.data.map((a) => ({ title: a.title, text: a.paragraphs.map((p) => p.context).join('\n\n') }))].map(
		(doc, i) => ({ id: `doc-${i + 1}`, title: doc.title, text: doc.text })
	);

	it('a 100-card deck from a 20-page reading fits in a 32 KB link, and opens as the same cards', { timeout: 120_000 }, async () => {
		expect(reading.reduce((n, doc) => n + doc.text.length, 0)).toBe(63_281);
		const deck = generateDeck(reading, { maxCards: 100, seed: 'share', now: '2026-03-01T00:00:00.000Z' });
		expect(deck.cards).toHaveLength(100);
		// The regression: with its documents in full the link is too long.
		expect((await encodeShareFragment(deck)).length).toBeGreaterThan(MAX_FRAGMENT_CHARS);

		const link = await makeShareLink('https://factdeck.app', deck);
		if (!link.ok) throw link.error;
		const fragment = new URL(link.value).hash;
		expect(fragment.length - '#d='.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
		const opened = await parseShareFragment(fragment);
		if (!opened.ok || opened.value.kind !== 'deck') throw new Error('the link did not open a deck');
		const received = opened.value.deck;
		// parseShareFragment validated it (every card's offsets select its sentence); the cards are the same.
		const withoutOffsets = (d: DeckFile) => d.cards.map(({ source: { doc, sentence }, ...rest }) => ({ ...rest, doc, sentence }));
		expect(withoutOffsets(received)).toEqual(withoutOffsets(deck));
		for (const c of received.cards) expect(received.sources.find((s) => s.id === c.source.doc)!.text.slice(c.source.start, c.source.end)).toBe(c.source.sentence);
		expect(received.sources.every((s) => s.excerpt === true)).toBe(true);
	});
});

describe('fetchSharedDeck', () => {
	const URL_ = 'https://decks.example.org/week3.factdeck.json';
	const deckText = JSON.stringify(goodDeck());
	type Init = RequestInit | undefined;

	/** A fetch that answers `cors` requests with `respond` and `no-cors` ones with `opaque`. */
	function fetcher(respond: (init: Init) => Response | Promise<Response>, opaque: boolean | 'unused' = 'unused') {
		const calls: string[] = [];
		const f = async (_url: string | URL | Request, init?: RequestInit) => {
			calls.push(init?.mode ?? 'cors');
			if (init?.mode === 'no-cors') {
				if (opaque === true) return new Response(null, { status: 200 });
				throw new TypeError('Failed to fetch');
			}
			return respond(init);
		};
		return { fetch: f as typeof fetch, calls };
	}
	const refused = () => Promise.reject(new TypeError('Failed to fetch'));

	it('opens a hosted deck', async () => {
		const { fetch } = fetcher(() => new Response(deckText));
		expect(await fetchSharedDeck(URL_, fetch, { online: true })).toEqual({ ok: true, deck: goodDeck(), warnings: [] });
	});

	const failures: [string, () => ReturnType<typeof fetcher>, { maxBytes?: number; online?: boolean }, string, string[]][] = [
		['offline', () => fetcher(() => new Response(deckText)), { online: false }, 'You are offline. This link points to a deck on decks.example.org; connect to the internet and open the link again.', []],
		[
			'a server that sends no CORS header',
			() => fetcher(refused, true),
			{ online: true },
			'decks.example.org does not let other sites read the deck (its server sends no CORS header, Access-Control-Allow-Origin), so Factdeck cannot download it. Ask whoever shared it for the .factdeck.json file to import, or to host it where any site may read it.',
			['cors', 'no-cors']
		],
		['an unreachable host', () => fetcher(refused, false), { online: true }, 'Could not reach decks.example.org to download the deck. Check your connection and open the link again.', ['cors', 'no-cors']],
		['a missing file', () => fetcher(() => new Response('', { status: 404 })), { online: true }, `The shared deck was not found at ${URL_} (HTTP 404). Ask for a new link.`, ['cors']],
		['a server error', () => fetcher(() => new Response('', { status: 503 })), { online: true }, 'decks.example.org refused to send the deck (HTTP 503). Try again later.', ['cors']],
		[
			'a file whose Content-Length is over the cap',
			() => fetcher(() => new Response(deckText, { headers: { 'content-length': String(3 * 1024 * 1024) } })),
			{ online: true, maxBytes: 1024 * 1024 },
			'The shared deck at decks.example.org is 3 MB; a shared deck can be up to 1 MB. Ask for a smaller deck.',
			['cors']
		]
	];
	it.each(failures)('says what went wrong: %s', async (_label, make, options, message, calls) => {
		const f = make();
		expect(await fetchSharedDeck(URL_, f.fetch, options)).toEqual({ ok: false, error: expect.objectContaining({ message }) });
		expect(f.calls).toEqual(calls);
	});

	it('stops reading a body with no Content-Length at the cap', async () => {
		let pulled = 0;
		const endless = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				controller.enqueue(new Uint8Array(64 * 1024).fill(32));
			}
		});
		const { fetch } = fetcher(() => new Response(endless));
		const result = await fetchSharedDeck(URL_, fetch, { online: true, maxBytes: 1024 * 1024 });
		expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: 'The shared deck at decks.example.org is over 1 MB; a shared deck can be up to 1 MB. Ask for a smaller deck.' }) });
		// 1 MB is 16 chunks of 64 KB: the 17th passes the cap and reading stops; the stream had pulled one more
		// ahead (its queue holds one chunk), and none after that.
		expect(pulled).toBe(18);
	});
});
