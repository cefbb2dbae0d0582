/**
 * The change log's entries (docs/data.md, "Sync"). Each local change is written once as an entry named by a
 * hybrid-logical-clock id (clock.ts); an entry is never changed afterwards, so two devices pushing to one
 * CouchDB database never conflict. Entries are plain JSON: they are the CouchDB documents (`_id` = `id`).
 */

/**
 * The tables whose rows are the person's and travel between devices. `stash` and `sync` stay local. `parameters`
 * (the FSRS parameters Optimise fitted) is one row, `fsrs`, decided by its latest write like the settings row.
 */
export const SYNCED_TABLES = ['decks', 'cards', 'sources', 'reviews', 'quizzes', 'settings', 'meta', 'parameters'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/**
 * The meta rows that are the person's: a built-in deck they deleted stays deleted on every device (otherwise the
 * other device's next start would put it back, and that would sync back). `lastExportAt` belongs to one device.
 */
export const SYNCED_META: readonly string[] = ['removedBuiltIns'];

export type Row = Record<string, unknown>;

export interface Entry {
	/** The entry's clock id (clock.ts `formatId`): globally unique, and the order of last-writer-wins. */
	id: string;
	table: SyncedTable;
	/** The row's key in its table as a string (`keyOf`). */
	key: string;
	/** A delete is a write like any other: the latest entry of a row says whether it exists. */
	op: 'put' | 'delete';
	/** The row as written, for `put`, without fields that only mean something on one device (`localFields`). */
	row?: Row;
}

/** A row's identity across devices: `<table>/<key>`. */
export function entityOf(entry: Pick<Entry, 'table' | 'key'>): string {
	return `${entry.table}/${entry.key}`;
}

/**
 * The key that names a row on every device, or undefined for a row that does not sync. Reviews and quiz results
 * have a local auto-increment id, so they are named by their `uid` (schema version 7).
 */
export function keyOf(table: SyncedTable, row: Row): string | undefined {
	switch (table) {
		case 'decks':
			return str(row.id);
		case 'cards':
		case 'sources':
			return typeof row.deckId === 'string' && typeof row.id === 'string' ? JSON.stringify([row.deckId, row.id]) : undefined;
		case 'reviews':
		case 'quizzes':
			return str(row.uid);
		case 'settings':
		case 'parameters':
			return str(row.key);
		case 'meta':
			return typeof row.key === 'string' && SYNCED_META.includes(row.key) ? row.key : undefined;
	}
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** The row without fields that are one device's own: the auto-increment `id` and the card's index field `queue`. */
export function shareable(table: SyncedTable, row: Row): Row {
	const { id: _id, ...withoutId } = row;
	if (table === 'reviews' || table === 'quizzes') return withoutId;
	if (table === 'cards') {
		const { queue: _queue, ...card } = row;
		return card;
	}
	return row;
}

export function isSyncedTable(name: string): name is SyncedTable {
	return (SYNCED_TABLES as readonly string[]).includes(name);
}

/** An entry read from the server, checked once here: a malformed document is reported, never applied. */
export function parseEntry(doc: unknown): Entry | undefined {
	if (typeof doc !== 'object' || doc === null) return undefined;
	const d = doc as Record<string, unknown>;
	const id = d._id ?? d.id;
	if (typeof id !== 'string' || typeof d.table !== 'string' || !isSyncedTable(d.table) || typeof d.key !== 'string') return undefined;
	if (d.op === 'delete') return { id, table: d.table, key: d.key, op: 'delete' };
	if (d.op !== 'put' || typeof d.row !== 'object' || d.row === null || Array.isArray(d.row)) return undefined;
	const row = d.row as Row;
	// The row must be the one the key names, or a put could overwrite another row.
	if (keyOf(d.table, row) !== d.key) return undefined;
	if (d.table === 'reviews' && !replayable(row)) return undefined;
	return { id, table: d.table, key: d.key, op: 'put', row };
}

/** A review row has what replaying it needs (fold.ts): its card, time, grade and the state before it. */
function replayable(row: Row): boolean {
	const log = row.log as Row | null | undefined;
	const before = row.before as Row | null | undefined;
	return (
		typeof row.deckId === 'string' &&
		typeof row.cardId === 'string' &&
		typeof row.at === 'number' &&
		typeof log === 'object' && log !== null && [1, 2, 3, 4].includes(log.rating as number) &&
		typeof before === 'object' && before !== null && typeof before.due === 'number' && typeof before.state === 'number'
	);
}
