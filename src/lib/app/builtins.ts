/**
 * The built-in decks: made at build time from the seed documents (src/cli/build-decks.ts) into
 * `/decks/index.json` and `/decks/<id>.factdeck.json`, precached by the service worker, and loaded into
 * IndexedDB on app start. `installBuiltIns` merges a regenerated deck by card id, so progress is never reset, and
 * never changes a deck the person edited (src/lib/db/builtins.ts).
 * Everything fetched goes through one validation step (the index here, each deck with `parseDeckFile`).
 */
import { getDb } from '$lib/db/connection';
import { installBuiltIns, type BuiltInDeck } from '$lib/db/builtins';
import { StorageError } from '$lib/db/errors';
import type { FactdeckDB } from '$lib/db/schema';
import * as v from 'valibot';
import { parseDeckFile } from '$lib/domain/deck-file';

export const BUILT_IN_INDEX = '/decks/index.json';

export interface BuiltInIndexEntry {
	id: string;
	title: string;
	/** The deck file, relative to the index (or absolute). */
	file: string;
	cards: number;
	version: string;
	/** Ids earlier app versions stored this deck under; its progress moves to `id`. */
	formerIds?: string[];
}

export interface BuiltInsResult {
	/** Ids of decks added or updated by this run. */
	installed: string[];
	/** One user-facing message per deck that could not be loaded; the others still install. */
	problems: string[];
}

export type Fetch = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

const text = v.pipe(v.string(), v.minLength(1));
const EntrySchema = v.object({ id: text, title: text, file: text, cards: v.number(), version: text, formerIds: v.optional(v.array(text)) });
const IndexSchema = v.looseObject({ decks: v.array(v.unknown()) });

/** Validates `index.json`; throws an Error naming what is wrong. */
export function parseBuiltInIndex(input: unknown): BuiltInIndexEntry[] {
	const index = v.safeParse(IndexSchema, input);
	if (!index.success) throw new Error('The built-in deck list is damaged: "decks" is missing.');
	return index.output.decks.map((entry, i) => {
		const parsed = v.safeParse(EntrySchema, entry);
		if (!parsed.success) {
			throw new Error(`The built-in deck list is damaged: entry ${i + 1} lacks id, title, file, cards or version.`);
		}
		return parsed.output;
	});
}

async function fetchJson(fetchFn: Fetch, url: string): Promise<unknown> {
	const response = await fetchFn(url);
	if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
	return response.json();
}

/** Fetches and validates the built-in decks listed at `indexUrl`; a bad deck is reported, not fatal. */
export async function loadBuiltIns(fetchFn: Fetch, indexUrl: URL): Promise<{ decks: BuiltInDeck[]; problems: string[] }> {
	const index = parseBuiltInIndex(await fetchJson(fetchFn, indexUrl.href));
	const problems: string[] = [];
	const decks: BuiltInDeck[] = [];
	const loaded = await Promise.allSettled(index.map((entry) => fetchJson(fetchFn, new URL(entry.file, indexUrl).href)));
	loaded.forEach((outcome, i) => {
		const entry = index[i]!;
		if (outcome.status === 'rejected') {
			problems.push(`Built-in deck “${entry.title}”: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`);
			return;
		}
		const parsed = parseDeckFile(outcome.value);
		if (parsed.ok) decks.push({ file: parsed.deck, version: entry.version, formerIds: entry.formerIds ?? [] });
		else problems.push(`Built-in deck “${entry.title}”: ${parsed.error.message}`);
	});
	return { decks, problems };
}

/** Loads the built-in decks and stores new or regenerated ones. */
export async function installBuiltInDecks(db: FactdeckDB, fetchFn: Fetch, indexUrl: URL, now: Date): Promise<BuiltInsResult> {
	const { decks, problems } = await loadBuiltIns(fetchFn, indexUrl);
	try {
		return { installed: await installBuiltIns(db, decks, now), problems };
	} catch (error) {
		// Two tabs opened at once both saw an empty database; the other tab's install won. Once more, and
		// this time the decks are found and kept.
		if (error instanceof StorageError && error.kind === 'conflict') {
			return { installed: await installBuiltIns(db, decks, now), problems };
		}
		throw error;
	}
}

let started: Promise<BuiltInsResult> | undefined;

/**
 * Installs the built-in decks once per page load (every page that lists or opens decks awaits this, so a
 * deep link on a first visit works too). Failures are returned as messages for an alert.
 */
export function ensureBuiltIns(): Promise<BuiltInsResult> {
	started ??= installBuiltInDecks(
		getDb(),
		(url) => fetch(url),
		new URL(BUILT_IN_INDEX, window.location.href),
		new Date()
	).catch((error: unknown) => ({
		installed: [],
		problems: [error instanceof Error ? error.message : `Could not load the built-in decks (${String(error)}).`]
	}));
	return started;
}
