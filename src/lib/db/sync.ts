/**
 * Sync's side of the database (docs/data.md, "Sync"): this device's sync state and server settings, the outbox,
 * the snapshot that logs rows written before sync was on, and applying pulled entries through the fold's rules.
 * The network is src/lib/sync/transport.ts; the order of a sync is src/lib/sync/run.ts.
 */
import type { Table } from 'dexie';
import { formatId, parseId, receive, tick, ZERO_HLC, type Hlc } from '$lib/sync/clock';
import { entityOf, keyOf, shareable, SYNCED_TABLES, type Entry, type Row, type SyncedTable } from '$lib/sync/entries';
import { fold, replayReviews, type ReplayedReview, type Winner } from '$lib/sync/fold';
import { CLASS_STAMP_PREFIX, CLASS_TABLES, classEntity, isClassTable, merged } from '$lib/sync/class';
import { randomId } from '$lib/domain/ids';
import type { Scheduler } from '$lib/scheduler/fsrs';
import { guard, StorageError } from './errors';
import { applyQuietly } from './sync-log';
import type { CardRow, FactdeckDB, ReviewRow, StampRow, SyncConfigRow, SyncStateRow } from './schema';

export interface SyncSettings {
	url: string;
	username: string;
	password: string;
	/** A class database to read beside one's own (docs/data.md, "A class database"); '' or absent for none. */
	classUrl?: string;
}

export interface SyncStatus {
	enabled: boolean;
	config: SyncConfigRow | undefined;
	/** Local changes not yet on the server. */
	pending: number;
	/** The decks this device publishes to the class database (src/lib/db/sync-class.ts). */
	published: string[];
}

export async function syncStatus(db: FactdeckDB): Promise<SyncStatus> {
	return db.transaction('r', db.sync, db.outbox, async () => {
		const state = await syncState(db);
		const config = await db.sync.get('config');
		return {
			enabled: state?.enabled ?? false,
			config: config?.key === 'config' ? config : undefined,
			pending: await db.outbox.count(),
			published: (await db.sync.where('key').startsWith('published/').toArray()).flatMap((row) => ('deckId' in row ? [row.deckId] : []))
		};
	});
}

async function syncState(db: FactdeckDB): Promise<SyncStateRow | undefined> {
	const row = await db.sync.get('state');
	return row?.key === 'state' ? row : undefined;
}

/**
 * Saves the server and turns sync on: from now on every change is logged. The first sync logs what was here
 * before (`snapshot`); a device joining a database takes the server's version of a row both have.
 */
export async function saveSyncSettings(db: FactdeckDB, settings: SyncSettings): Promise<void> {
	const url = settings.url.trim();
	const classUrl = settings.classUrl?.trim() ?? '';
	if (url === '') throw new StorageError('invalid', 'Enter the sync server address (a CouchDB database URL).');
	if (sameDatabase(url, classUrl)) {
		throw new StorageError('invalid', 'The class database must be another database than your own sync server: your progress goes to your own, the class only gives decks.');
	}
	await guard('save the sync settings', () =>
		db.transaction('rw', db.sync, db.stamps, async () => {
			const old = await db.sync.get('config');
			const config: SyncConfigRow = {
				key: 'config',
				url,
				username: settings.username.trim(),
				password: settings.password,
				lastSyncedAt: old?.key === 'config' && old.url === url ? old.lastSyncedAt : null,
				lastError: null,
				classUrl
			};
			await db.sync.put(config);
			await setClass(db, classUrl);
			const state = await syncState(db);
			if (state?.enabled) return;
			await db.sync.put({ key: 'state', device: state?.device ?? randomId(), clock: state?.clock ?? ZERO_HLC, enabled: true, snapshot: 'join', since: 0 });
		})
	);
}

function sameDatabase(a: string, b: string): boolean {
	const normal = (url: string) => url.replace(/\/+$/, '');
	return b !== '' && normal(a) === normal(b);
}

/**
 * Another class database (or none) starts afresh: read from its start, with no stamp of the old one's entries (its
 * ids would outrank the new class's), and no deck published there yet.
 */
async function setClass(db: FactdeckDB, classUrl: string): Promise<void> {
	const current = await db.sync.get('class');
	if (current?.key === 'class' && current.url === classUrl) return;
	await db.stamps.where('entity').startsWith(CLASS_STAMP_PREFIX).delete();
	await db.sync.where('key').startsWith('published/').delete();
	if (classUrl === '') await db.sync.delete('class');
	else await db.sync.put({ key: 'class', url: classUrl, since: 0 });
}

/** Turns sync off: changes are no longer logged; the next time it is on, this device joins anew. */
export async function turnSyncOff(db: FactdeckDB): Promise<void> {
	await guard('turn sync off', () =>
		db.transaction('rw', db.sync, db.outbox, db.stamps, async () => {
			const state = await syncState(db);
			// The server, the class database and the decks published there.
			await db.sync.where('key').notEqual('state').delete();
			if (state) await db.sync.put({ ...state, enabled: false });
			await db.outbox.clear();
			await db.stamps.clear();
		})
	);
}

export async function recordSyncOutcome(db: FactdeckDB, at: number, error: string | null): Promise<void> {
	await db.transaction('rw', db.sync, async () => {
		const config = await db.sync.get('config');
		if (config?.key !== 'config') return;
		await db.sync.put({ ...config, lastSyncedAt: error === null ? at : config.lastSyncedAt, lastError: error });
	});
}

/** The oldest `limit` entries of the outbox, in clock order. */
export async function outboxBatch(db: FactdeckDB, limit: number): Promise<Entry[]> {
	return db.outbox.orderBy('id').limit(limit).toArray();
}

/** Entries the server has: removed from the outbox (the server keeps them; the stamps remember them here). */
export async function markPushed(db: FactdeckDB, ids: readonly string[]): Promise<void> {
	await db.outbox.bulkDelete([...ids]);
}

export async function pullSince(db: FactdeckDB): Promise<string | number> {
	return (await syncState(db))?.since ?? 0;
}

/** This device's id in entry ids, while sync is on. */
export async function syncDevice(db: FactdeckDB): Promise<string | undefined> {
	const state = await syncState(db);
	return state?.enabled ? state.device : undefined;
}

/**
 * Moves the pull position from `from` to `to` without applying anything (the entries between are this device's
 * own: run.ts `skipOwnPushes`); only when it is still `from`, so a pull that ran meanwhile is never undone.
 */
export async function advancePull(db: FactdeckDB, from: string | number, to: string | number): Promise<boolean> {
	return db.transaction('rw', db.sync, async () => {
		const state = await syncState(db);
		if (!state?.enabled || state.since !== from) return false;
		await db.sync.put({ ...state, since: to });
		return true;
	});
}

export async function pendingSnapshot(db: FactdeckDB): Promise<SyncStateRow['snapshot']> {
	return (await syncState(db))?.snapshot ?? null;
}

const DATA_TABLES = (db: FactdeckDB): Table<Row, unknown>[] => SYNCED_TABLES.map((name) => db.table(name));

/**
 * Logs, in one transaction, every row not yet logged. `join` (sync just turned on, after the first pull): rows
 * the server did not have. `restore` (a restore replaced the tables): every row, as the latest version; the pull
 * starts again from the beginning, so rows the restored backup lacks come back from the server (with sync on, a
 * restore adds to the synced collection rather than deleting on other devices).
 */
export async function logSnapshot(db: FactdeckDB, now: number): Promise<number> {
	return guard('prepare the first sync', () =>
		db.transaction('rw', [...DATA_TABLES(db), db.sync, db.outbox, db.stamps], async () => {
			const state = await syncState(db);
			if (!state?.snapshot) return 0;
			const mode = state.snapshot;
			if (mode === 'restore') await db.stamps.clear();
			let clock = state.clock;
			let logged = 0;
			for (const table of SYNCED_TABLES) {
				const rows = await db.table<Row>(table).toArray();
				const keyed = rows.flatMap((row) => {
					const key = keyOf(table, row);
					return key === undefined ? [] : [{ key, row }];
				});
				// Joining: rows the server gave (stamped), and rows a class gave (class-stamped: not one's own, class.ts).
				const stamped = new Set<string>();
				if (mode === 'join') {
					const entities = keyed.map(({ key }) => entityOf({ table, key }));
					const [own, fromClass] = await Promise.all([db.stamps.bulkGet(entities), db.stamps.bulkGet(entities.map((e) => CLASS_STAMP_PREFIX + e))]);
					entities.forEach((entity, i) => (own[i] || fromClass[i]) && stamped.add(entity));
				}
				const entries: Entry[] = [];
				for (const { key, row } of keyed) {
					if (stamped.has(entityOf({ table, key }))) continue;
					clock = tick(clock, now);
					entries.push({ id: formatId(clock, state.device), table, key, op: 'put', row: shareable(table, row) });
				}
				await db.outbox.bulkPut(entries);
				await db.stamps.bulkPut(entries.map((e) => ({ entity: entityOf(e), id: e.id })));
				logged += entries.length;
			}
			await db.sync.put({ ...state, clock, snapshot: null, since: mode === 'restore' ? 0 : state.since });
			return logged;
		})
	);
}

/**
 * Applies a page of pulled entries in ONE transaction, with the fold's rules (src/lib/sync/fold.ts): each row
 * takes its latest entry if it is later than the one it has; a review is added if absent; every card whose
 * reviews changed gets its state replayed from them. Then the pull position moves to `lastSeq`, in the same
 * transaction, so a page is applied whole or not at all and never twice.
 */
export async function applyPulled(
	db: FactdeckDB,
	entries: readonly Entry[],
	lastSeq: string | number,
	scheduler: Scheduler,
	now: number,
	/** The class database the entries come from (docs/data.md, "A class database"); absent: one's own. */
	fromClass?: string
): Promise<number> {
	return guard(fromClass === undefined ? 'apply the changes from the sync server' : 'apply the changes from the class database', () =>
		db.transaction('rw', [...DATA_TABLES(db), db.sync, db.stamps], async () => {
			applyQuietly();
			const state = await syncState(db);
			if (!state?.enabled) throw new StorageError('conflict', 'Sync was turned off while it ran; nothing was applied.');
			const classRow = await db.sync.get('class');
			if (fromClass !== undefined && (classRow?.key !== 'class' || classRow.url !== fromClass)) {
				throw new StorageError('conflict', 'The class database was changed while it synced; nothing was applied.');
			}
			// A class gives only decks, sources and cards; its entries are stamped apart from one's own (class.ts).
			const stampOf = fromClass === undefined ? entityOf : classEntity;
			const latest = [...fold(new Map(), fromClass === undefined ? entries : entries.filter((e) => isClassTable(e.table))).values()];
			const stamps = await db.stamps.bulkGet(latest.map(stampOf));
			const winners = latest.filter((w, i) => !stamps[i] || stamps[i].id < w.id);
			const replay = fromClass === undefined ? await writeAll(db, winners, await classRows(db, winners)) : await writeClass(db, winners);
			await replayCards(db, replay, scheduler);
			const newStamps: StampRow[] = winners.map((w) => ({ entity: stampOf(w), id: w.id }));
			await db.stamps.bulkPut(newStamps);
			const clock = seen(state.clock, entries, now);
			if (fromClass === undefined) await db.sync.put({ ...state, clock, since: lastSeq });
			else await db.sync.bulkPut([{ ...state, clock }, { key: 'class', url: fromClass, since: lastSeq }]);
			return winners.length;
		})
	);
}

/** The class database's pull position, when one is set. */
export async function classPosition(db: FactdeckDB): Promise<{ url: string; since: string | number } | undefined> {
	const row = await db.sync.get('class');
	return row?.key === 'class' ? { url: row.url, since: row.since } : undefined;
}

/** The entities (`<table>/<key>`) among `winners` that a class has published here. */
async function classRows(db: FactdeckDB, winners: readonly Winner[]): Promise<Set<string>> {
	const candidates = winners.filter((w) => isClassTable(w.table));
	if (candidates.length === 0) return new Set();
	const stamps = await db.stamps.bulkGet(candidates.map(classEntity));
	return new Set(candidates.filter((_, i) => stamps[i] !== undefined).map(entityOf));
}

/** Parses a row key into the table's primary key (`["deckId","id"]` for cards and sources). */
function primaryKey(table: SyncedTable, key: string): string | [string, string] {
	return table === 'cards' || table === 'sources' ? (JSON.parse(key) as [string, string]) : key;
}

/**
 * Writes a class's winning entries: each row's content from the class, its own state (progress, marks, seminar
 * date) kept from this device (class.ts `merged`); a delete removes the row (the person's reviews of a deleted card
 * stay, and count again if the class puts it back). Returns the cards to replay.
 */
async function writeClass(db: FactdeckDB, winners: readonly Winner[]): Promise<Set<string>> {
	const replay = new Set<string>();
	for (const table of CLASS_TABLES) {
		const mine = winners.filter((w) => w.table === table);
		if (mine.length === 0 || !isClassTable(table)) continue;
		const puts = mine.filter((w) => w.row !== null);
		const locals = await db.table<Row>(table).bulkGet(puts.map((w) => primaryKey(table, w.key)));
		await db.table(table).bulkPut(puts.map((w, i) => merged(table, w.row!, locals[i])));
		await db.table(table).bulkDelete(mine.filter((w) => w.row === null).map((w) => primaryKey(table, w.key)));
		if (table === 'cards') for (const w of puts) replay.add(w.key);
	}
	return replay;
}

/** The clock after seeing these entries' clocks: a later local write then wins over all of them. */
function seen(clock: Hlc, entries: readonly Entry[], now: number): Hlc {
	let latest: Hlc | undefined;
	for (const entry of entries) {
		const parsed = parseId(entry.id)?.clock;
		if (parsed && (!latest || parsed.wall > latest.wall || (parsed.wall === latest.wall && parsed.counter > latest.counter))) latest = parsed;
	}
	return latest ? receive(clock, latest, now) : clock;
}

/**
 * Writes the winning entries, table by table in bulk; returns the cards (`["deckId","cardId"]`) whose state must
 * be replayed: those whose reviews changed, and those put anew (their entry's state may predate their reviews).
 */
async function writeAll(db: FactdeckDB, winners: readonly Winner[], fromClass: ReadonlySet<string>): Promise<Set<string>> {
	const replay = new Set<string>();
	for (const table of SYNCED_TABLES) {
		const all = winners.filter((w) => w.table === table);
		// A row a class published: one's own entry changes only its own state (class.ts), and only while it exists.
		const classOnes = all.filter((w) => fromClass.has(entityOf(w)) && w.row !== null);
		if (classOnes.length > 0 && isClassTable(table)) {
			const locals = await db.table<Row>(table).bulkGet(classOnes.map((w) => primaryKey(table, w.key)));
			const kept = classOnes.flatMap((w, i) => (locals[i] ? [merged(table, locals[i], w.row!)] : []));
			await db.table(table).bulkPut(kept);
			if (table === 'cards') for (const w of classOnes) replay.add(w.key);
		}
		const mine = all.filter((w) => !fromClass.has(entityOf(w)));
		if (mine.length === 0) continue;
		const puts = mine.flatMap((w) => (w.row === null ? [] : [{ ...w.row }]));
		const deletes = mine.filter((w) => w.row === null).map((w) => w.key);
		if (table === 'reviews' || table === 'quizzes') {
			// Named by uid: a put adds the row when absent (a review is never edited), a delete removes it.
			const rows: Table<Row & { uid?: string; deckId?: string; cardId?: string }, number> = db.table(table);
			const existing = await rows.where('uid').anyOf(mine.map((w) => w.key)).toArray();
			const present = new Set(existing.map((r) => r.uid));
			await rows.bulkAdd(puts.filter((row) => !present.has(row.uid as string)));
			await rows.where('uid').anyOf(deletes).delete();
			if (table === 'reviews') for (const r of [...existing, ...puts]) replay.add(JSON.stringify([r.deckId, r.cardId]));
			continue;
		}
		await db.table(table).bulkPut(puts);
		await db.table(table).bulkDelete(deletes.map((key) => primaryKey(table, key)));
		if (table === 'cards') for (const w of mine) if (w.row !== null) replay.add(w.key);
	}
	return replay;
}

/** The cards' states replayed from all their reviews (fold.ts `replayReviews`); a card without reviews keeps its own. */
async function replayCards(db: FactdeckDB, keys: ReadonlySet<string>, scheduler: Scheduler): Promise<void> {
	if (keys.size === 0) return;
	const pairs = [...keys].map((key) => JSON.parse(key) as [string, string]);
	const cards = (await db.cards.bulkGet(pairs)).filter((card): card is CardRow => card !== undefined);
	const reviews: ReviewRow[] = await db.reviews.where('[deckId+cardId]').anyOf(pairs).toArray();
	const byCard = new Map<string, ReplayedReview[]>();
	for (const review of reviews) {
		if (review.uid === undefined) continue;
		const key = JSON.stringify([review.deckId, review.cardId]);
		byCard.set(key, [...(byCard.get(key) ?? []), { ...review, uid: review.uid }]);
	}
	const changed = cards.flatMap((card) => {
		const progress = replayReviews(scheduler, byCard.get(JSON.stringify([card.deckId, card.id])) ?? []);
		return progress ? [{ ...card, progress, due: progress.due }] : [];
	});
	await db.cards.bulkPut(changed);
}

export type { SyncedTable };
