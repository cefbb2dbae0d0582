/** Share links: making one for a stored deck, and downloading the deck a hosted link points to. */
import { exportDeck, getDb } from '$lib/db';
import { DeckFileError, type DeckFileResult } from '$lib/domain/deck-file';
import { readDeckJson } from '$lib/formats/json';
import { makeShareLink, type ShareResult } from '$lib/formats/share';

/** A share link for a stored deck (formats/share.ts): in the fragment when small, else via `hostedUrl`. */
export async function shareLinkFor(deckId: string, origin: string, hostedUrl?: string): Promise<ShareResult<string>> {
	return makeShareLink(origin, await exportDeck(getDb(), deckId), hostedUrl);
}

/**
 * Downloads a hosted .factdeck.json (a `#u=` share link) and validates it. Offline, a network failure and an
 * HTTP error each get a message that says what to do.
 */
export async function fetchSharedDeck(url: string, fetcher: typeof fetch = fetch): Promise<DeckFileResult> {
	const fail = (message: string): DeckFileResult => ({ ok: false, error: new DeckFileError(message) });
	const host = new URL(url).host;
	if (typeof navigator !== 'undefined' && navigator.onLine === false) {
		return fail(`You are offline. This link points to a deck on ${host}; connect to the internet and open the link again.`);
	}
	let response: Response;
	try {
		response = await fetcher(url, { credentials: 'omit' });
	} catch {
		return fail(`Could not reach ${host} to download the deck. Check your connection and open the link again.`);
	}
	if (response.status === 404 || response.status === 410) {
		return fail(`The shared deck was not found at ${url} (HTTP ${response.status}). Ask for a new link.`);
	}
	if (!response.ok) return fail(`${host} refused to send the deck (HTTP ${response.status}). Try again later.`);
	return readDeckJson(await response.text());
}
