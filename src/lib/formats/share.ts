/**
 * Share links that need no server (issue 6): the deck itself in the URL fragment when it is small, else the
 * address of a hosted `.factdeck.json`. The fragment (`#…`) never reaches a server, so a deck in it stays private
 * between the two people.
 *
 *   ${origin}/share#d=<base64url(deflate-raw(compact deck JSON))>
 *   ${origin}/share#u=<encodeURIComponent(https URL)>
 *
 * Compression uses the platform's `CompressionStream('deflate-raw')` (every current browser and Node ≥ 18):
 * no library to ship, and deflate-raw skips the zlib header and checksum, 6 bytes the link doesn't need.
 *
 * A deck too big for a link with its documents in full travels with excerpts of them instead (`excerptDeck`):
 * the paragraphs its cards cite, or else only the cited sentences, with every card's offsets moved into the
 * shorter text, so a 100-card deck from a 20-page reading fits.
 */
import { DeckFileError, parseDeckFile, type DeckFileResult } from '$lib/domain/deck-file';
import type { Card, DeckFile, SourceDocument } from '$lib/domain/types';
import { formatSize, MAX_FILE_BYTES, orderDeck, readDeckJson } from './json';

/** The most fragment data a link carries; longer URLs are cut by chat apps, QR codes and some browsers. */
export const MAX_FRAGMENT_CHARS = 32 * 1024;

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: DeckFileError };
export type SharePayload = { kind: 'deck'; deck: DeckFile } | { kind: 'url'; url: string };

/**
 * Everything a byte stream holds, or null as soon as it passes `limit` bytes (then the rest is never read: a
 * small fragment can inflate to gigabytes, a "zip bomb", and a hosted file can be any size).
 */
async function readCapped(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let length = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		length += value.length;
		if (length > limit) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	return out;
}

async function pipeBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
	const out = await readCapped(new Blob([bytes as BlobPart]).stream().pipeThrough(stream), limit);
	if (out === null) throw new RangeError(`inflates past ${formatSize(limit)}`);
	return out;
}

export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
	return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** The deck as fragment data: compact JSON (stable key order), deflate-raw, base64url. */
export async function encodeShareFragment(deck: DeckFile): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(orderDeck(deck)));
	return toBase64Url(await pipeBytes(json, new CompressionStream('deflate-raw')));
}

/** `https:` only: a plain-http deck could be altered on the way, and the app is served over https. */
function checkHostedUrl(url: string): string | null {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `The shared deck's address is not a valid URL: ${JSON.stringify(url)}`;
	}
	if (parsed.protocol !== 'https:') return `The shared deck's address must start with https://, got ${JSON.stringify(url)}`;
	return null;
}

/** Between two excerpts in a shortened document: a paragraph break, so each excerpt reads as its own paragraph. */
const EXCERPT_GAP = '\n\n';

/** [start, end) ranges sorted and merged where they overlap or touch. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
	const merged: [number, number][] = [];
	for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const last = merged.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else merged.push([start, end]);
	}
	return merged;
}

/** The paragraph (text between blank lines) around [start, end), widened to whole paragraphs. */
function paragraphAround(text: string, start: number, end: number): [number, number] {
	const before = text.lastIndexOf('\n\n', start);
	const after = text.indexOf('\n\n', end);
	return [before === -1 ? 0 : before + 2, after === -1 ? text.length : after];
}

/** A cited paragraph's key: its document and where it starts. */
const paragraphKey = (doc: string, range: [number, number]) => `${doc}\u0000${range[0]}`;

/** The deck's cited paragraphs, most cited first (then in deck order): the order a link takes them back in. */
function rankedParagraphs(deck: DeckFile, texts: ReadonlyMap<string, string>): string[] {
	const cites = new Map<string, number>();
	for (const { source } of deck.cards) {
		const text = texts.get(source.doc);
		if (text === undefined) continue;
		const key = paragraphKey(source.doc, paragraphAround(text, source.start, source.end));
		cites.set(key, (cites.get(key) ?? 0) + 1);
	}
	// A Map keeps insertion order, and sort is stable: ties stay in deck order.
	return [...cites].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

/**
 * The deck with each document cut to what its cards cite: the whole paragraph around a cited sentence for the
 * `paragraphs` most cited paragraphs, the sentence alone for the rest (0: sentences only; Infinity: every cited
 * paragraph). Excerpts are joined by a blank line, each card's `start`/`end` moved into the shorter text (so
 * `text.slice(start, end) === sentence` still holds), a document no card cites is left out, and a shortened
 * document says so with `excerpt: true` (an extra field, which every Factdeck keeps).
 */
export function excerptDeck(deck: DeckFile, paragraphs = Infinity): DeckFile {
	const texts = new Map(deck.sources.map((s) => [s.id, s.text]));
	const kept = new Set(rankedParagraphs(deck, texts).slice(0, paragraphs));
	const moved = new Map<Card, Card>();
	const sources: SourceDocument[] = [];
	for (const source of deck.sources) {
		const cards = deck.cards.filter((card) => card.source.doc === source.id);
		if (cards.length === 0) continue;
		const wanted = cards.map(({ source: { start, end } }): [number, number] => {
			const paragraph = paragraphAround(source.text, start, end);
			return kept.has(paragraphKey(source.id, paragraph)) ? paragraph : [start, end];
		});
		let text = '';
		const placed: { from: number; to: number; at: number }[] = [];
		for (const [from, to] of mergeRanges(wanted)) {
			if (text) text += EXCERPT_GAP;
			placed.push({ from, to, at: text.length });
			text += source.text.slice(from, to);
		}
		for (const card of cards) {
			// Every cited range lies inside one merged piece: the pieces were made from these ranges.
			const piece = placed.find((p) => p.from <= card.source.start && card.source.end <= p.to)!;
			const shift = piece.at - piece.from;
			moved.set(card, { ...card, source: { ...card.source, start: card.source.start + shift, end: card.source.end + shift } });
		}
		sources.push(text.length < source.text.length ? { ...source, text, excerpt: true } : source);
	}
	return { ...deck, sources, cards: deck.cards.map((card) => moved.get(card) ?? card) };
}

/**
 * The fragment data of `deck` within `MAX_FRAGMENT_CHARS` if there is one: the whole deck; else with excerpts
 * of its documents, keeping as many cited paragraphs as fit (a binary search over how many, most cited first);
 * else the shortest form, which is over the limit.
 */
async function fittingFragment(deck: DeckFile): Promise<string> {
	const whole = await encodeShareFragment(deck);
	if (whole.length <= MAX_FRAGMENT_CHARS) return whole;
	const all = await encodeShareFragment(excerptDeck(deck));
	if (all.length <= MAX_FRAGMENT_CHARS) return all;
	let best = await encodeShareFragment(excerptDeck(deck, 0));
	if (best.length > MAX_FRAGMENT_CHARS) return best;
	// Invariant: `low` paragraphs fit (best), `high` do not.
	let [low, high] = [0, rankedParagraphs(deck, new Map(deck.sources.map((s) => [s.id, s.text]))).length];
	while (high - low > 1) {
		const middle = Math.floor((low + high) / 2);
		const data = await encodeShareFragment(excerptDeck(deck, middle));
		if (data.length <= MAX_FRAGMENT_CHARS) [low, best] = [middle, data];
		else high = middle;
	}
	return best;
}

/**
 * A link to open `deck` on another device. The deck travels inside the link when it fits in 32 KB: whole, else
 * with excerpts of its documents (the cited paragraphs that fit, the cited sentences at least). A deck that does
 * not fit even then needs `hostedUrl`, the https address where the instructor put its `.factdeck.json`, and the
 * link carries that.
 */
export async function makeShareLink(origin: string, deck: DeckFile, hostedUrl?: string): Promise<ShareResult<string>> {
	const base = `${origin.replace(/\/+$/, '')}/share`;
	const data = await fittingFragment(deck);
	if (data.length <= MAX_FRAGMENT_CHARS) return { ok: true, value: `${base}#d=${data}` };
	if (hostedUrl === undefined) {
		return fail(
			`This deck is ${formatSize(data.length)} compressed, even with only the sentences its cards cite; a link holds up to ${formatSize(MAX_FRAGMENT_CHARS)}. ` +
				'Put the exported .factdeck.json at a public https address and share that instead'
		);
	}
	const problem = checkHostedUrl(hostedUrl);
	return problem ? fail(problem) : { ok: true, value: `${base}#u=${encodeURIComponent(hostedUrl)}` };
}

/** Read a share link's fragment (`#d=…` or `#u=…`, with or without the `#`). Never throws. */
export async function parseShareFragment(
	hash: string,
	options: { now?: Date; maxBytes?: number } = {}
): Promise<ShareResult<SharePayload>> {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const data = params.get('d');
	const url = params.get('u');
	if (url !== null) {
		// URLSearchParams has already decoded the percent-escapes.
		const problem = checkHostedUrl(url);
		return problem ? fail(problem) : { ok: true, value: { kind: 'url', url } };
	}
	if (data === null || data === '') return fail('This link has no deck in it; ask for the link again');
	const damaged = (why: string) => fail(`This share link is damaged (${why}); ask for the link again`);
	const bytes = fromBase64Url(data);
	if (!bytes) return damaged('it has characters a share link never has');
	let json: Uint8Array;
	try {
		json = await pipeBytes(bytes, new DecompressionStream('deflate-raw'), options.maxBytes ?? MAX_FILE_BYTES);
	} catch (error) {
		return damaged(error instanceof RangeError ? `its deck ${error.message}` : 'its data does not decompress');
	}
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
	} catch {
		return damaged('its data is not a deck');
	}
	const result = parseDeckFile(value, options);
	return result.ok ? { ok: true, value: { kind: 'deck', deck: result.deck } } : { ok: false, error: result.error };
}

/** The most a hosted deck may be: what `Import deck` takes, so any deck that imports can be shared. */
export const MAX_HOSTED_BYTES = MAX_FILE_BYTES;

/**
 * Downloads a hosted .factdeck.json (a `#u=` share link) and validates it. Each way it can fail gets its own
 * message: offline; a server that refuses to let other sites read the file (no CORS header: the browser hides
 * the response, so this is told apart from an unreachable host by asking again in `no-cors` mode, which only
 * says whether the server answered); an unreachable host; an HTTP error; a file over `maxBytes` (refused from
 * its Content-Length, or counted while streaming and aborted at the cap, so a huge file never fills memory).
 */
export async function fetchSharedDeck(
	url: string,
	fetcher: typeof fetch = fetch,
	options: { maxBytes?: number; online?: boolean } = {}
): Promise<DeckFileResult> {
	const maxBytes = options.maxBytes ?? MAX_HOSTED_BYTES;
	const failed = (message: string): DeckFileResult => ({ ok: false, error: new DeckFileError(message) });
	const host = new URL(url).host;
	const online = options.online ?? (typeof navigator === 'undefined' || navigator.onLine !== false);
	if (!online) return failed(`You are offline. This link points to a deck on ${host}; connect to the internet and open the link again.`);
	const abort = new AbortController();
	let response: Response;
	try {
		response = await fetcher(url, { credentials: 'omit', signal: abort.signal });
	} catch {
		const answered = await fetcher(url, { mode: 'no-cors', credentials: 'omit' }).then(
			() => true,
			() => false
		);
		return failed(
			answered
				? `${host} does not let other sites read the deck (its server sends no CORS header, Access-Control-Allow-Origin), so Factdeck cannot download it. ` +
						'Ask whoever shared it for the .factdeck.json file to import, or to host it where any site may read it.'
				: `Could not reach ${host} to download the deck. Check your connection and open the link again.`
		);
	}
	if (response.status === 404 || response.status === 410) {
		return failed(`The shared deck was not found at ${url} (HTTP ${response.status}). Ask for a new link.`);
	}
	if (!response.ok) return failed(`${host} refused to send the deck (HTTP ${response.status}). Try again later.`);
	const tooBig = (size: string) =>
		failed(`The shared deck at ${host} is ${size}; a shared deck can be up to ${formatSize(maxBytes)}. Ask for a smaller deck.`);
	const declared = Number(response.headers.get('content-length') ?? NaN);
	if (declared > maxBytes) {
		abort.abort();
		return tooBig(formatSize(declared));
	}
	const bytes = response.body ? await readCapped(response.body, maxBytes) : new Uint8Array(await response.arrayBuffer());
	if (bytes === null) {
		abort.abort();
		return tooBig(`over ${formatSize(maxBytes)}`);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return failed(`The shared deck at ${host} is not UTF-8 text; ask for the link again.`);
	}
	return readDeckJson(text, maxBytes);
}

function fail(message: string): { ok: false; error: DeckFileError } {
	return { ok: false, error: new DeckFileError(message) };
}
