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
 */
import { DeckFileError, parseDeckFile } from '$lib/domain/deck-file';
import type { DeckFile } from '$lib/domain/types';
import { formatSize, MAX_FILE_BYTES, orderDeck } from './json';

/** The most fragment data a link carries; longer URLs are cut by chat apps, QR codes and some browsers. */
export const MAX_FRAGMENT_CHARS = 32 * 1024;

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: DeckFileError };
export type SharePayload = { kind: 'deck'; deck: DeckFile } | { kind: 'url'; url: string };

async function pipeBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
	const chunks: Uint8Array[] = [];
	let length = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		length += value.length;
		// A small fragment can inflate to gigabytes (a "zip bomb"); stop reading past the import limit.
		if (length > limit) {
			await reader.cancel();
			throw new RangeError(`inflates past ${formatSize(limit)}`);
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

/**
 * A link to open `deck` on another device. Small decks travel inside the link; a deck whose data is over 32 KB
 * needs `hostedUrl`, the https address where the instructor put its `.factdeck.json`, and the link carries that.
 */
export async function makeShareLink(origin: string, deck: DeckFile, hostedUrl?: string): Promise<ShareResult<string>> {
	const base = `${origin.replace(/\/+$/, '')}/share`;
	const data = await encodeShareFragment(deck);
	if (data.length <= MAX_FRAGMENT_CHARS) return { ok: true, value: `${base}#d=${data}` };
	if (hostedUrl === undefined) {
		return fail(
			`This deck is ${formatSize(data.length)} compressed; a link holds up to ${formatSize(MAX_FRAGMENT_CHARS)}. ` +
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

function fail(message: string): { ok: false; error: DeckFileError } {
	return { ok: false, error: new DeckFileError(message) };
}
