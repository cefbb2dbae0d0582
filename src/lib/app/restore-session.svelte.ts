/**
 * The settings page's backup workflow as runes, like the study, quiz and create sessions: export all data; restore
 * from a backup in two steps (read, check and stage the file with progress and Cancel, then show what it holds and
 * replace everything only when the person confirms); and `Undo restore` until the next restore. A failed or
 * cancelled step changes nothing stored (docs/data.md, "Backup and restore"). The store and the clock come in, so
 * tests pin them.
 */
import {
	backupFileName,
	commitStaged,
	discardStaged,
	exportBackupFile,
	RestoreCancelled,
	stageBackup,
	undoInfo,
	undoRestore,
	type BackupSummary,
	type FactdeckDB,
	type StagedBackup,
	type UndoInfo
} from '$lib/db';
import { readTextChunks } from '$lib/formats/backup-file';
import { formatSize } from '$lib/formats/json';
import { messageOf } from './message';

export interface RestoreDeps {
	db: FactdeckDB;
	/** Saves the exported backup (the page downloads it). */
	save: (name: string, file: Blob) => void;
	/** Runs after a restore or its undo replaced the data (the page reads its settings again). */
	replaced: () => Promise<void>;
	clock?: () => Date;
}

/** A step in progress: reading the file (bytes of `total`) or writing it (decks of `total`); Cancel aborts it. */
export interface RestoreWork {
	label: string;
	done: number;
	total: number;
	text: string;
	abort: AbortController;
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** "2 decks, 40 cards and 1 review". */
export function describeBackup(summary: Pick<BackupSummary, 'decks' | 'cards' | 'reviews'>): string {
	return `${plural(summary.decks, 'deck')}, ${plural(summary.cards, 'card')} and ${plural(summary.reviews, 'review')}`;
}

export class RestoreSession {
	/** A backup that was read, checked and staged, waiting for the person to confirm. */
	pending = $state.raw<{ name: string; staged: StagedBackup } | undefined>();
	/** Why the last export, restore or undo failed (shown with "Nothing was changed."). */
	error = $state('');
	/** What the last restore or undo did. */
	done = $state('');
	work = $state<RestoreWork | undefined>();
	/** What `Undo restore` would put back, if there was a restore. */
	undo = $state.raw<UndoInfo | null>(null);

	#deps: RestoreDeps;
	#clock: () => Date;

	constructor(deps: RestoreDeps) {
		this.#deps = deps;
		this.#clock = deps.clock ?? (() => new Date());
	}

	/** On opening the page: a backup staged on an earlier visit and never confirmed is of no use now. */
	async open(): Promise<void> {
		await discardStaged(this.#deps.db).catch(() => {});
		this.undo = await undoInfo(this.#deps.db);
	}

	async exportData(): Promise<void> {
		this.error = '';
		try {
			const now = this.#clock();
			this.#deps.save(backupFileName(now), await exportBackupFile(this.#deps.db, now));
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	/** Reads, checks and stages the chosen file. False when it was refused or cancelled (the page clears its input). */
	async choose(file: File | undefined): Promise<boolean> {
		if (this.pending) await discardStaged(this.#deps.db).catch(() => {});
		this.pending = undefined;
		this.error = '';
		this.done = '';
		if (!file) return false;
		const abort = new AbortController();
		this.work = { label: 'Reading the backup', done: 0, total: file.size, text: `0 of ${formatSize(file.size)}`, abort };
		try {
			const chunks = readTextChunks(file, (bytes) => {
				if (this.work) this.work = { ...this.work, done: bytes, text: `${formatSize(bytes)} of ${formatSize(file.size)}` };
			});
			this.pending = { name: file.name, staged: await stageBackup(this.#deps.db, chunks, { signal: abort.signal }) };
			return true;
		} catch (e) {
			this.error = e instanceof RestoreCancelled ? '' : `${file.name}: ${messageOf(e)}`;
			return false;
		} finally {
			this.work = undefined;
		}
	}

	/** Cancel at the confirmation: the staged rows are dropped, nothing else changes. */
	async cancel(): Promise<void> {
		this.pending = undefined;
		await discardStaged(this.#deps.db).catch(() => {});
	}

	/** Replace everything with the staged backup. True when it was restored. */
	async confirm(): Promise<boolean> {
		if (!this.pending) return false;
		const { staged } = this.pending;
		const abort = new AbortController();
		const total = staged.summary.decks;
		this.work = { label: 'Restoring', done: 0, total, text: `0 of ${plural(total, 'deck')}`, abort };
		try {
			const summary = await commitStaged(this.#deps.db, staged, this.#clock(), {
				signal: abort.signal,
				onStep: (done) => {
					if (this.work) this.work = { ...this.work, done, text: `${done} of ${plural(total, 'deck')}` };
				}
			});
			this.done = `Restored ${describeBackup(summary)}.`;
			this.pending = undefined;
			this.undo = await undoInfo(this.#deps.db);
			await this.#deps.replaced();
			return true;
		} catch (e) {
			if (!(e instanceof RestoreCancelled)) this.error = messageOf(e);
			return false;
		} finally {
			this.work = undefined;
		}
	}

	async undoLast(): Promise<void> {
		this.error = '';
		this.done = '';
		try {
			const back = await undoRestore(this.#deps.db);
			this.done = `Restore undone: ${describeBackup(back)} are back as they were.`;
			this.undo = await undoInfo(this.#deps.db);
			await this.#deps.replaced();
		} catch (e) {
			this.error = messageOf(e);
		}
	}
}
