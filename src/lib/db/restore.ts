/**
 * `Restore from backup` and `Undo restore` (docs/data.md, "Restore"). A backup of any size is restored in
 * three steps, and nothing on the device changes until the last one:
 *
 * 1. `stageBackup` reads the file's text in chunks, checks each record as it comes (src/lib/formats/backup.ts for
 *    the file format, ./backup.ts for the rows) and writes the checked rows, a few thousand at a time, into the
 *    `stash` table's `staged` area. Only one chunk of records is in memory at a time. A bad record, a damaged
 *    file or Cancel stops here and the staged rows are dropped.
 * 2. `commitStaged`, in ONE transaction: copies every row the restore replaces into the `undo` area (replacing
 *    the previous restore's), clears the tables, and writes the staged rows into them. It happens whole or not at
 *    all: a failure (storage full) or Cancel rolls it all back, the old data and the old undo included.
 * 3. `undoRestore`, in ONE transaction: puts the `undo` rows back exactly (review ids included), until the
 *    next restore replaces them.
 *
 * Why a staging area rather than one transaction from the file: an IndexedDB transaction commits as soon as it
 * waits on anything else, such as the next chunk of the file, so the file cannot be read inside it; and holding
 * a 200 MB backup's rows in memory to write them in one go is what a phone cannot do. Staged rows are read back
 * one chunk at a time inside the commit's transaction, which never waits on anything but IndexedDB.
 */
import { Dexie, type IndexableType, type Table } from 'dexie';
import { DeckFileError } from '$lib/domain/deck-file';
import { BackupReader, type BackupPiece } from '$lib/formats/backup';
import { BackupProblem, planDeck, planMeta, planParameters, planQuiz, planReview, planSettings, writeDeck, type BackupSummary, type DeckPlan } from './backup';
import { guard, StorageError, toStorageError } from './errors';
import type { FactdeckDB, MetaRow, ParametersRow, QuizRow, ReviewRow, StashRow } from './schema';
import type { Settings } from './settings';

/** Rows per stash record: big enough that a 500,000-review backup is a few hundred writes, small enough for a phone. */
const CHUNK_ROWS = 2000;

type Area = StashRow['area'];

/** A checked backup waiting in the staged area for the person to confirm. */
export interface StagedBackup {
	summary: BackupSummary;
	settings: Settings;
	meta: MetaRow[];
	/** Fitted FSRS parameters ([] for a backup made before they existed: the restored device uses the defaults). */
	parameters: ParametersRow[];
}

/** What `Undo restore` would put back, and when that data was replaced. */
export interface UndoInfo {
	restoredAt: number;
	decks: number;
	cards: number;
	reviews: number;
}

/** Cancel was pressed; nothing was changed. */
export class RestoreCancelled extends Error {
	override readonly name = 'RestoreCancelled';
	constructor() {
		super('Restore cancelled. Nothing was changed.');
	}
}

/** The tables a restore replaces and Undo restore puts back: everything but the stash itself. */
function dataTables(db: FactdeckDB): Table[] {
	return [db.decks, db.cards, db.sources, db.reviews, db.settings, db.meta, db.quizzes, db.parameters];
}

function areaRange(db: FactdeckDB, area: Area) {
	// Parts are names (strings) and seq numbers; '\uffff' sorts after every name used.
	return db.stash.where('[area+part+seq]').between([area, '', -Infinity], [area, '\uffff', Infinity], true, true);
}

/** The records of one part of an area, one at a time, in order (inside a transaction: never waits elsewhere). */
async function eachChunk(db: FactdeckDB, area: Area, part: string, use: (rows: unknown[]) => Promise<void>): Promise<void> {
	for (let seq = 0; ; seq++) {
		const record = await db.stash.get([area, part, seq]);
		if (!record) return;
		await use(record.rows);
	}
}

export async function discardStaged(db: FactdeckDB): Promise<void> {
	await guard('clear the unfinished restore', () => areaRange(db, 'staged').delete());
}

function stop(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new RestoreCancelled();
}

/** Checked rows gathered into stash records as the backup is read. */
class Staging {
	readonly #db: FactdeckDB;
	#decks = new Map<string, number>();
	#reviewIds = new Set<number>();
	/** The first record of each deck id not (yet) seen among the decks, checked when the file has ended. */
	#unknownDecks: { what: string; deckId: string; index: number }[] = [];
	#pending = new Map<string, { rows: unknown[]; size: number; seq: number }>();
	#meta: MetaRow[] = [];
	#parameters: ParametersRow[] = [];
	#counts = { cards: 0, reviews: 0, quizzes: 0 };

	constructor(db: FactdeckDB) {
		this.#db = db;
	}

	async take(pieces: BackupPiece[]): Promise<void> {
		for (const piece of pieces) {
			if (piece.kind === 'deck') {
				const first = this.#decks.get(piece.deck.id);
				if (first !== undefined) {
					throw new BackupProblem(`Deck ${piece.index + 1} (${JSON.stringify(piece.deck.id)}): duplicate id; deck ${first + 1} has the same id`);
				}
				this.#decks.set(piece.deck.id, piece.index);
				const plan: DeckPlan = planDeck(piece.deck, piece.index);
				this.#counts.cards += plan.file.cards.length;
				await this.#add('decks', plan, plan.file.cards.length + 1);
			} else if (piece.kind === 'review') {
				const row = planReview(piece.review, piece.index);
				if (row.id !== undefined) {
					if (this.#reviewIds.has(row.id)) throw new BackupProblem(`Review ${piece.index + 1}: id ${row.id} is used twice`);
					this.#reviewIds.add(row.id);
				}
				this.#refer('Review', row.deckId, piece.index);
				this.#counts.reviews++;
				await this.#add('reviews', row);
			} else if (piece.kind === 'quiz') {
				const row = planQuiz(piece.quiz, piece.index);
				this.#refer('Quiz result', row.deckId, piece.index);
				this.#counts.quizzes++;
				await this.#add('quizzes', row);
			} else if (piece.kind === 'parameters') this.#parameters.push(planParameters(piece.row, piece.index));
			else this.#meta.push(planMeta(piece.row, piece.index));
		}
	}

	async finish(exportedAt: string, settings: unknown): Promise<StagedBackup> {
		for (const { what, deckId, index } of this.#unknownDecks) {
			if (!this.#decks.has(deckId)) throw new BackupProblem(`${what} ${index + 1}: deck ${JSON.stringify(deckId)} is not in the backup`);
		}
		const checked = planSettings(settings);
		for (const part of this.#pending.keys()) await this.#flush(part);
		return {
			summary: { exportedAt, decks: this.#decks.size, ...this.#counts },
			settings: checked,
			meta: this.#meta,
			parameters: this.#parameters
		};
	}

	#refer(what: string, deckId: string, index: number): void {
		if (this.#decks.has(deckId)) return;
		// Reviews usually follow their decks (the app writes them so); a hand-made file may put them first.
		if (!this.#unknownDecks.some((seen) => seen.what === what && seen.deckId === deckId)) this.#unknownDecks.push({ what, deckId, index });
	}

	async #add(part: string, row: unknown, size = 1): Promise<void> {
		const pending = this.#pending.get(part) ?? { rows: [], size: 0, seq: 0 };
		this.#pending.set(part, pending);
		pending.rows.push(row);
		pending.size += size;
		if (pending.size >= CHUNK_ROWS) await this.#flush(part);
	}

	async #flush(part: string): Promise<void> {
		const pending = this.#pending.get(part);
		if (!pending || pending.rows.length === 0) return;
		await this.#db.stash.add({ area: 'staged', part, seq: pending.seq++, rows: pending.rows });
		pending.rows = [];
		pending.size = 0;
	}
}

/**
 * Step 1: reads and checks a backup from its text chunks (`readTextChunks` in src/lib/formats/backup-file.ts)
 * into the staged area. A bad backup is refused with a StorageError of kind 'invalid' whose message names the
 * problem; Cancel (`signal`) throws RestoreCancelled. Either way the staged rows are dropped, and nothing else
 * was ever touched.
 */
export async function stageBackup(
	db: FactdeckDB,
	chunks: AsyncIterable<string> | Iterable<string>,
	{ signal }: { signal?: AbortSignal } = {}
): Promise<StagedBackup> {
	await discardStaged(db);
	const reader = new BackupReader();
	const staging = new Staging(db);
	try {
		for await (const text of chunks) {
			stop(signal);
			await staging.take(reader.push(text));
		}
		stop(signal);
		const { pieces, header } = reader.end();
		await staging.take(pieces);
		return await staging.finish(header.exportedAt, header.settings);
	} catch (error) {
		await discardStaged(db).catch(() => {});
		if (error instanceof DeckFileError || error instanceof BackupProblem) throw new StorageError('invalid', error.message, error);
		if (error instanceof RestoreCancelled) throw error;
		throw toStorageError(error, 'read the backup');
	}
}

/** The primary key of a row read from `table` (compound keys as arrays). */
function keyOf(table: Table, row: unknown): IndexableType {
	return Dexie.getByKeyPath(row as object, table.schema.primKey.keyPath as string | string[]) as IndexableType;
}

/** Copies `table` into the undo area in chunks, ordered by primary key; returns how many rows. */
async function keep(db: FactdeckDB, table: Table): Promise<number> {
	let last: IndexableType | undefined;
	let count = 0;
	for (let seq = 0; ; seq++) {
		const from = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
		const rows: unknown[] = await from.limit(CHUNK_ROWS).toArray();
		if (rows.length === 0) return count;
		await db.stash.add({ area: 'undo', part: table.name, seq, rows });
		count += rows.length;
		last = keyOf(table, rows.at(-1));
	}
}

/**
 * Step 2: replaces everything on this device with the staged backup, keeping what it replaces for Undo restore.
 * One transaction (see the top of this file). `onStep` reports progress as [done, total] decks.
 */
export async function commitStaged(
	db: FactdeckDB,
	staged: StagedBackup,
	now: Date,
	{ signal, onStep }: { signal?: AbortSignal; onStep?: (done: number, total: number) => void } = {}
): Promise<BackupSummary> {
	const tables = dataTables(db);
	try {
		await db.transaction('rw', [...tables, db.stash], async () => {
			if (!(await db.stash.get(['staged', 'decks', 0])) && staged.summary.decks > 0) {
				throw new StorageError('not-found', 'The backup to restore is no longer waiting; choose the file again.');
			}
			// The way back: every row this restore replaces, as it is (the previous restore's undo is dropped).
			await areaRange(db, 'undo').delete();
			const kept = { decks: await keep(db, db.decks), cards: await keep(db, db.cards), reviews: await keep(db, db.reviews) };
			for (const table of [db.sources, db.settings, db.meta, db.quizzes, db.parameters]) await keep(db, table);
			const info: UndoInfo = { restoredAt: now.getTime(), ...kept };
			await db.stash.add({ area: 'undo', part: 'info', seq: 0, rows: [info] });
			stop(signal);

			await Promise.all(tables.map((table) => table.clear()));
			let done = 0;
			await eachChunk(db, 'staged', 'decks', async (decks) => {
				for (const deck of decks as DeckPlan[]) {
					stop(signal);
					await writeDeck(db, deck, now);
					onStep?.(++done, staged.summary.decks);
				}
			});
			await eachChunk(db, 'staged', 'reviews', async (rows) => {
				stop(signal);
				await db.reviews.bulkAdd(rows as ReviewRow[]);
			});
			await eachChunk(db, 'staged', 'quizzes', (rows) => db.quizzes.bulkAdd(rows as QuizRow[]).then(() => {}));
			await db.settings.put({ key: 'app', ...staged.settings });
			await db.meta.bulkPut(staged.meta);
			await db.parameters.bulkPut(staged.parameters);
			await areaRange(db, 'staged').delete();
		});
	} catch (error) {
		if (error instanceof RestoreCancelled) throw error;
		throw toStorageError(error, 'restore the backup');
	}
	return staged.summary;
}

/** What Undo restore would put back, or null when there was no restore since (or it was undone). */
export async function undoInfo(db: FactdeckDB): Promise<UndoInfo | null> {
	const record = await guard('read the restore history', () => db.stash.get(['undo', 'info', 0]));
	return (record?.rows[0] as UndoInfo | undefined) ?? null;
}

/**
 * Step 3: puts back exactly what the last restore replaced, in one transaction. Changes made since that restore
 * (reviews, edits) go with the restored data. Throws StorageError 'not-found' when there is nothing to undo.
 */
export async function undoRestore(db: FactdeckDB): Promise<UndoInfo> {
	const tables = dataTables(db);
	return guard('undo the restore', () =>
		db.transaction('rw', [...tables, db.stash], async () => {
			const info = (await db.stash.get(['undo', 'info', 0]))?.rows[0] as UndoInfo | undefined;
			if (!info) throw new StorageError('not-found', 'There is no restore to undo.');
			await Promise.all(tables.map((table) => table.clear()));
			for (const table of tables) await eachChunk(db, 'undo', table.name, (rows) => table.bulkAdd(rows).then(() => {}));
			await areaRange(db, 'undo').delete();
			return info;
		})
	);
}

/** Stages and commits a backup given as text (one chunk or several), for callers that have it whole. */
export async function restoreBackup(db: FactdeckDB, text: string | Iterable<string>, now: Date): Promise<BackupSummary> {
	const staged = await stageBackup(db, typeof text === 'string' ? [text] : text);
	try {
		return await commitStaged(db, staged, now);
	} catch (error) {
		await discardStaged(db).catch(() => {});
		throw error;
	}
}
