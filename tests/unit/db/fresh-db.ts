// Shared set-up for the db tests: a fresh fake-indexeddb database per test, and the invariant every deck must
// keep (docs/data.md, "Invariants"): its export reads back as a deck file equal to it.
import { afterEach, beforeEach, expect } from 'vitest';
import { exportDeck, FactdeckDB } from '$lib/db';
import { parseDeckFile } from '$lib/domain/deck-file';
import type { DeckFile } from '$lib/domain/types';

let n = 0;

/** Opens a new database before each test (handed to `set`) and deletes it after. */
export function useFreshDb(prefix: string, set: (db: FactdeckDB) => void): void {
	let db: FactdeckDB;
	beforeEach(async () => {
		db = new FactdeckDB(`${prefix}-${++n}`);
		set(db);
		await db.open();
	});
	afterEach(async () => {
		await db.delete();
	});
}

/** Exports the deck and reads it back as a deck file: it must parse and come back equal. */
export async function exportedAndReadBack(db: FactdeckDB, deckId: string): Promise<DeckFile> {
	const file = await exportDeck(db, deckId);
	const parsed = parseDeckFile(JSON.parse(JSON.stringify(file)));
	if (!parsed.ok) throw parsed.error;
	expect(parsed.deck).toEqual(file);
	return file;
}
