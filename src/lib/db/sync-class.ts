/**
 * Publishing decks to a class database (docs/data.md, "A class database"): which decks this device publishes, and
 * the entries that bring the class up to date with them. The rules are src/lib/sync/class.ts; the order of a class
 * sync is src/lib/sync/run.ts `syncClass`.
 */
import { formatId, tick } from '$lib/sync/clock';
import { keyOf, type Entry, type Row } from '$lib/sync/entries';
import { publishChanges, type ClassTable } from '$lib/sync/class';
import { guard, StorageError } from './errors';
import { syncStatus } from './sync';
import type { FactdeckDB, SyncPublishedRow } from './schema';

const key = (deckId: string): SyncPublishedRow['key'] => `published/${deckId}`;

/** The decks this device publishes to its class database. */
export async function publishedDecks(db: FactdeckDB): Promise<string[]> {
	return (await syncStatus(db)).published;
}

/** From now on this device publishes the deck (at the next class sync, and every one after). */
export async function startPublishing(db: FactdeckDB, deckId: string): Promise<void> {
	await guard('mark the deck for publishing', () =>
		db.transaction('rw', db.decks, db.sync, async () => {
			const config = await db.sync.get('config');
			if (config?.key !== 'config' || !config.classUrl) throw new StorageError('invalid', 'Enter the class database first, then publish.');
			if (!(await db.decks.get(deckId))) throw new StorageError('invalid', 'That deck is not on this device any more.');
			if (!(await db.sync.get(key(deckId)))) await db.sync.put({ key: key(deckId), deckId, rows: {} });
		})
	);
}

/** This device no longer publishes the deck (what the class has stays there). */
export async function stopPublishing(db: FactdeckDB, deckId: string): Promise<void> {
	await db.sync.delete(key(deckId));
}

export interface Publication {
	deckId: string;
	/** The entries to push to the class: the deck's rows that changed since it was last published, and deletes. */
	entries: Entry[];
	/** The fingerprints to remember once the class has them. */
	after: Record<string, string>;
}

/**
 * What the class lacks of a deck this device publishes, in one read of the deck's rows: entries named by this
 * device's clock (ticked and stored here, so the ids are never used twice). A deck deleted here deletes its rows
 * from the class.
 */
export async function preparePublication(db: FactdeckDB, deckId: string, now: number): Promise<Publication | undefined> {
	return guard('prepare the deck for the class', () =>
		db.transaction('rw', [db.decks, db.sources, db.cards, db.sync], async () => {
			const record = await db.sync.get(key(deckId));
			const state = await db.sync.get('state');
			if (record === undefined || !('rows' in record) || state?.key !== 'state') return undefined;
			const deck = await db.decks.get(deckId);
			const rows: { table: ClassTable; row: Row }[] = deck
				? [
						{ table: 'decks', row: deck as unknown as Row },
						...(await db.sources.where('deckId').equals(deckId).toArray()).map((row) => ({ table: 'sources' as const, row: row as unknown as Row })),
						...(await db.cards.where('deckId').equals(deckId).toArray()).map((row) => ({ table: 'cards' as const, row: row as unknown as Row }))
					]
				: [];
			const { changes, after } = publishChanges(
				record.rows,
				rows.map(({ table, row }) => ({ table, key: keyOf(table, row)!, row }))
			);
			let clock = state.clock;
			const entries: Entry[] = changes.map((change) => {
				clock = tick(clock, now);
				return { id: formatId(clock, state.device), ...change };
			});
			if (entries.length > 0) await db.sync.put({ ...state, clock });
			return { deckId, entries, after };
		})
	);
}

/** The class has the publication's entries: remember what it has (a deck deleted here is published no more). */
export async function markPublished(db: FactdeckDB, publication: Publication): Promise<void> {
	await db.transaction('rw', db.decks, db.sync, async () => {
		if (!(await db.sync.get(key(publication.deckId)))) return;
		if (Object.keys(publication.after).length === 0) await db.sync.delete(key(publication.deckId));
		else await db.sync.put({ key: key(publication.deckId), deckId: publication.deckId, rows: publication.after });
	});
}
