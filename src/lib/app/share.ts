/** Share links for stored decks. (Opening a link, and downloading a hosted deck, is formats/share.ts.) */
import { exportDeck, getDb } from '$lib/db';
import { makeShareLink, type ShareResult } from '$lib/formats/share';

/** A share link for a stored deck (formats/share.ts): in the fragment when small, else via `hostedUrl`. */
export async function shareLinkFor(deckId: string, origin: string, hostedUrl?: string): Promise<ShareResult<string>> {
	return makeShareLink(origin, await exportDeck(getDb(), deckId), hostedUrl);
}
