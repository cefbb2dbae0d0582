/**
 * A class (docs/data.md, "A class database"): an instructor publishes decks to a database the students may read
 * but not write; each student's progress stays in their own database. Pure rules, used by src/lib/db/sync.ts and
 * src/lib/db/sync-class.ts:
 *
 * - A class publishes only decks, their sources and their cards, and a published row carries no one's progress:
 *   a card goes out new, unsuspended, unflagged and unburied, a deck without a seminar date (`published`).
 * - On a device that reads the class, a row the class has published is split in two: its **content** (a card's
 *   text and position, a deck's title…) comes from the class's latest entry for it, its **own state** (a card's
 *   progress, marks and bury, a deck's seminar date) from the device and the person's own database. So an
 *   instructor's edit reaches the students with their reviews, suspensions and buries intact (card ids are stable),
 *   and the student's own entries about such a row change only its own state. Either order of arrival gives the
 *   same row.
 * - Class rows are applied without being logged: they come from the class, and the student's own database gets
 *   only what the student does (their reviews, a suspension…).
 */
import { newProgress } from '$lib/scheduler/progress';
import { entityOf, shareable, type Entry, type Row, type SyncedTable } from './entries';

/** The tables a class publishes and its readers take from it; anything else in a class database is ignored. */
export const CLASS_TABLES: readonly SyncedTable[] = ['decks', 'cards', 'sources'];
export type ClassTable = 'decks' | 'cards' | 'sources';

export function isClassTable(table: SyncedTable): table is ClassTable {
	return CLASS_TABLES.includes(table);
}

/** A row's own state on a device reading the class: never taken from the class, never sent to it. */
const OWN_FIELDS: Record<ClassTable, readonly string[]> = {
	decks: ['seminarDate'],
	cards: ['progress', 'due', 'suspended', 'flagged', 'buriedUntil', 'addedAt'],
	sources: []
};

export const CLASS_STAMP_PREFIX = 'class:';

/** The stamp (src/lib/db/schema.ts `StampRow`) of the latest class entry applied to a row, beside its own stamp. */
export function classEntity(entry: Pick<Entry, 'table' | 'key'>): string {
	return CLASS_STAMP_PREFIX + entityOf(entry);
}

/** The row as the class publishes it: shared fields only, and no progress, marks or seminar date. */
export function published(table: ClassTable, row: Row): Row {
	const shared = shareable(table, row);
	if (table === 'cards') {
		const { buriedUntil: _buried, ...card } = shared;
		const addedAt = typeof card.addedAt === 'number' ? card.addedAt : 0;
		const progress = newProgress(new Date(addedAt));
		return { ...card, progress, due: progress.due, suspended: false, flagged: false, addedAt };
	}
	if (table === 'decks') {
		const { builtInVersion: _version, builtInCards: _cards, builtInOffer: _offer, ...deck } = shared;
		return { ...deck, builtIn: false, seminarDate: null };
	}
	return shared;
}

/** `content`'s fields with `state`'s own state (its progress, marks, seminar date); `state` absent: `content` as it is. */
export function merged(table: ClassTable, content: Row, state: Row | undefined): Row {
	if (!state) return content;
	const row: Row = { ...content };
	for (const field of OWN_FIELDS[table]) {
		if (field in state) row[field] = state[field];
		else delete row[field];
	}
	return row;
}

/**
 * A published row's fingerprint, to publish again only what changed since (FNV-1a, 32 bits, of its JSON, with
 * the JSON's length): a collision would only leave one edit unpublished until the row changes again.
 */
export function fingerprint(row: Row): string {
	const json = JSON.stringify(row);
	let hash = 0x811c9dc5;
	for (let i = 0; i < json.length; i++) {
		hash ^= json.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return `${(hash >>> 0).toString(36)}-${json.length.toString(36)}`;
}

/** What publishing a deck must send: the rows that changed since the last publish, and deletes for rows gone. */
export function publishChanges(
	before: Readonly<Record<string, string>>,
	rows: readonly { table: ClassTable; key: string; row: Row }[]
): { changes: Pick<Entry, 'table' | 'key' | 'op' | 'row'>[]; after: Record<string, string> } {
	const after: Record<string, string> = {};
	const changes: Pick<Entry, 'table' | 'key' | 'op' | 'row'>[] = [];
	for (const { table, key, row } of rows) {
		const out = published(table, row);
		const entity = entityOf({ table, key });
		after[entity] = fingerprint(out);
		if (before[entity] !== after[entity]) changes.push({ table, key, op: 'put', row: out });
	}
	for (const entity of Object.keys(before)) {
		if (entity in after) continue;
		const slash = entity.indexOf('/');
		changes.push({ table: entity.slice(0, slash) as ClassTable, key: entity.slice(slash + 1), op: 'delete' });
	}
	return { changes, after };
}
