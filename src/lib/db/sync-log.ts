/**
 * The outbox (docs/data.md, "Sync"): while sync is on, every change to a synced table is also written as a
 * change-log entry, IN THE SAME TRANSACTION, by this Dexie DBCore middleware. So no code path that writes
 * (grading, editing, importing, deleting, settings…) has to remember sync, and a change is never stored without
 * its entry or the other way round.
 *
 * - Every read-write transaction is widened to the three sync stores, so the entry can join it.
 * - A card write that changes only its scheduling state (a grade, its Undo) logs nothing: the state is recomputed
 *   from the reviews on every device (fold.ts), and logging it as a card edit would let a grade on one device
 *   undo a text edit made on another.
 * - Writes made while applying pulled entries (`applyQuietly`) are not logged again.
 * - A restore or Undo restore (the transactions that use `stash`) replaces tables wholesale: it is not logged row
 *   by row; it sets `snapshot: 'restore'`, and the next sync logs every row as it then is (sync.ts `logSnapshot`).
 */
import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { formatId, tick } from '$lib/sync/clock';
import { entityOf, isSyncedTable, keyOf, shareable, type Entry, type Row, type SyncedTable } from '$lib/sync/entries';
import type { StampRow, SyncStateRow } from './schema';

const SYNC_STORES = ['outbox', 'stamps', 'sync'];

/** Transactions that apply pulled entries: their writes are not logged. */
const quiet = new WeakSet<DBCoreTransaction>();
/** Transactions of a restore or Undo restore (they use `stash`). */
const wholesale = new WeakSet<DBCoreTransaction>();

/** Marks the current transaction as applying pulled entries (call inside `db.transaction`). */
export function applyQuietly(): void {
	const trans = Dexie.currentTransaction?.idbtrans;
	if (!trans) throw new Error('applyQuietly must be called inside a transaction');
	quiet.add(trans);
}

export const syncLog: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'SyncLog',
	// Below Dexie's hooks (level 2), so the rows it sees carry what the `creating` hooks add (a review's uid).
	level: 1,
	create(down) {
		const hasSyncStores = SYNC_STORES.every((name) => down.schema.tables.some((t) => t.name === name));
		return {
			...down,
			transaction(stores, mode, options) {
				const widened = mode === 'readwrite' && hasSyncStores ? [...new Set([...stores, ...SYNC_STORES])] : stores;
				const trans = down.transaction(widened, mode, options);
				if (stores.includes('stash')) wholesale.add(trans);
				return trans;
			},
			table(name) {
				const table = down.table(name);
				if (!hasSyncStores || !isSyncedTable(name)) return table;
				return { ...table, mutate: (req) => logged(down, name, table, req) };
			}
		};
	}
};

async function logged(down: DBCore, name: SyncedTable, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
	const trans = req.trans;
	// Schema upgrades run before the sync stores may exist, and log nothing.
	if (quiet.has(trans) || (trans as { mode?: string }).mode === 'versionchange') return table.mutate(req);
	const syncTable = down.table('sync');
	const state: SyncStateRow | undefined = await syncTable.get({ trans, key: 'state' });
	if (!state?.enabled) return table.mutate(req);
	if (wholesale.has(trans)) {
		const response = await table.mutate(req);
		if (state.snapshot !== 'restore') await syncTable.mutate({ type: 'put', trans, values: [{ ...state, snapshot: 'restore' }] });
		return response;
	}
	const before = await rowsBefore(table, req);
	const response = await table.mutate(req);
	const changes = changesOf(name, req, before, response);
	if (changes.length === 0) return response;
	let clock = state.clock;
	const entries: Entry[] = changes.map((change) => {
		clock = tick(clock, Date.now());
		return { id: formatId(clock, state.device), table: name, ...change };
	});
	const stamps: StampRow[] = entries.map((entry) => ({ entity: entityOf(entry), id: entry.id }));
	await down.table('outbox').mutate({ type: 'put', trans, values: entries });
	await down.table('stamps').mutate({ type: 'put', trans, values: stamps });
	await syncTable.mutate({ type: 'put', trans, values: [{ ...state, clock }] });
	return response;
}

/** The rows a delete removes, or a card write replaces (to tell a content edit from a new scheduling state). */
async function rowsBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(Row | undefined)[]> {
	const trans = req.trans;
	switch (req.type) {
		case 'delete':
			return table.getMany({ trans, keys: req.keys });
		case 'deleteRange':
			return (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).result;
		case 'put':
			if (table.name !== 'cards') return [];
			return table.getMany({ trans, keys: req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey?.(v)) });
		case 'add':
			return [];
	}
}

type Change = Pick<Entry, 'key' | 'op' | 'row'>;

function changesOf(name: SyncedTable, req: DBCoreMutateRequest, before: (Row | undefined)[], response: DBCoreMutateResponse): Change[] {
	const failed = (i: number) => response.failures[i] !== undefined;
	const changes: Change[] = [];
	if (req.type === 'delete' || req.type === 'deleteRange') {
		before.forEach((row, i) => {
			const key = row && !(req.type === 'delete' && failed(i)) ? keyOf(name, row) : undefined;
			if (key !== undefined) changes.push({ key, op: 'delete' });
		});
		return changes;
	}
	req.values.forEach((value: Row, i) => {
		if (failed(i)) return;
		const key = keyOf(name, value);
		if (key === undefined) return;
		const old = before[i];
		if (name === 'cards' && old && sameContent(old, value)) return;
		changes.push({ key, op: 'put', row: shareable(name, value) });
	});
	return changes;
}

/** Whether two card rows differ only in their scheduling state (`progress`, `due` and the index field `queue`). */
function sameContent(a: Row, b: Row): boolean {
	const content = ({ progress: _p, due: _d, queue: _q, ...rest }: Row) => rest;
	return deepEqual(content(a), content(b));
}

function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	if (ka.length !== kb.length) return false;
	return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Row)[k], (b as Row)[k]));
}
