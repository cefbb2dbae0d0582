/**
 * The deck-level steps the create, import and share pages share, kept out of the routes: adding a validated
 * deck (asking the page what to do when its id is taken) and reading a file the person picked.
 */
import { getDb, importDeck, StorageError, type ImportMode } from '$lib/db';
import { DeckFileError, type DeckFileResult } from '$lib/domain/deck-file';
import type { DeckFile } from '$lib/domain/types';
import { readDeckJson } from '$lib/formats/json';

export type AddOutcome = { ok: true; id: string } | { ok: false; conflict: true };

/**
 * Stores `deck` in one transaction (importDeck). With mode 'add', a deck whose id is already on this device is
 * not an error but a question for the person: `{ conflict: true }`; the page then calls again with 'update'
 * (keeps progress of unchanged cards) or 'copy' (keep both). Other failures throw a StorageError.
 */
export async function addDeck(deck: DeckFile, mode: ImportMode, now: Date = new Date()): Promise<AddOutcome> {
	try {
		return { ok: true, id: await importDeck(getDb(), deck, mode, now) };
	} catch (error) {
		if (error instanceof StorageError && error.kind === 'conflict') return { ok: false, conflict: true };
		throw error;
	}
}

/** A picked file's bytes; a file the browser cannot read becomes a message. */
export async function readPickedFile(file: File): Promise<Uint8Array> {
	try {
		return new Uint8Array(await file.arrayBuffer());
	} catch {
		throw new Error(`Could not read "${file.name}"; it may have been moved or deleted. Pick it again.`);
	}
}

/** An error as the text an Alert shows. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
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
