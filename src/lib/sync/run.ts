/**
 * One sync, start to end (docs/data.md, "Sync"): log what was written before sync was on, pull and apply the
 * server's entries page by page, then push the outbox. Each step is safe to repeat after a failure: a page is
 * applied with the pull position in one transaction, and an entry leaves the outbox only once the server has it.
 */
import { advancePull, applyPulled, classPosition, logSnapshot, markPushed, outboxBatch, pendingSnapshot, pullSince, syncDevice } from '$lib/db/sync';
import { markPublished, preparePublication, publishedDecks, stopPublishing } from '$lib/db/sync-class';
import { parseId } from './clock';
import type { FactdeckDB } from '$lib/db/schema';
import { learnerScheduler } from '$lib/db/learner';
import type { Scheduler } from '$lib/scheduler/fsrs';
import { SyncError, type Remote } from './transport';

export interface SyncRun {
	db: FactdeckDB;
	remote: Remote;
	/** Replays the reviews of cards that got new ones (the app's scheduler, from the settings). */
	scheduler: Scheduler;
	now: () => number;
	/** Entries per request; 500 by default. */
	pageSize?: number;
}

/**
 * The scheduler that replays pulled reviews: built exactly as the study and quiz sessions build theirs (settings,
 * study days, the fitted FSRS parameters when Optimise stored some), so a replayed card gets the state grading it
 * on this device would give. Built before the pull: parameters or settings a pull brings apply from the next sync.
 */
export async function replayScheduler(db: FactdeckDB, enableFuzz = true): Promise<Scheduler> {
	return (await learnerScheduler(db, { enableFuzz })).scheduler;
}

export interface SyncResult {
	pushed: number;
	/** Rows changed here by pulled entries. */
	applied: number;
	/** Server documents that were not change-log entries. */
	skipped: number;
}

export async function syncOnce({ db, remote, scheduler, now, pageSize = 500 }: SyncRun): Promise<SyncResult> {
	const snapshot = await pendingSnapshot(db);
	// After a restore the restored rows are logged first, as the latest version of each row; a device that joins
	// pulls first, so for a row both have, the server's version stays.
	if (snapshot === 'restore') await logSnapshot(db, now());
	let applied = 0;
	let skipped = 0;
	for (;;) {
		const page = await remote.pull(await pullSince(db), pageSize);
		applied += await applyPulled(db, page.entries, page.lastSeq, scheduler, now());
		skipped += page.skipped;
		if (page.entries.length + page.skipped < pageSize) break;
	}
	if (snapshot === 'join') await logSnapshot(db, now());
	let pushed = 0;
	for (;;) {
		const batch = await outboxBatch(db, pageSize);
		if (batch.length === 0) break;
		await remote.push(batch);
		await markPushed(db, batch.map((entry) => entry.id));
		pushed += batch.length;
	}
	if (pushed > 0) await skipOwnPushes(db, remote, pageSize);
	return { pushed, applied, skipped };
}

/**
 * Moves the pull position past this device's own entries that follow it in the server's feed, reading only their
 * ids: they were written here, so pulling them would download them for nothing (a first sync's push made the
 * next sync download the whole collection again). It stops at the first change that is not this device's entry,
 * so another device's entry is never skipped: the next pull starts there and downloads it (and any of this
 * device's entries after it, which it then skips by their stamps).
 */
async function skipOwnPushes(db: FactdeckDB, remote: Remote, pageSize: number): Promise<void> {
	const device = await syncDevice(db);
	if (device === undefined) return;
	for (;;) {
		const since = await pullSince(db);
		const page = await remote.peek(since, pageSize);
		const foreign = page.changes.findIndex((change) => parseId(change.id)?.device !== device);
		const own = foreign === -1 ? page.changes : page.changes.slice(0, foreign);
		const last = own.at(-1);
		// Only from the position this peek started at: if a pull moved it meanwhile (another tab), leave it.
		if (last === undefined || !(await advancePull(db, since, last.seq))) return;
		if (foreign !== -1 || page.changes.length < pageSize) return;
	}
}

export interface ClassResult {
	/** Rows changed here by the class's entries. */
	applied: number;
	/** Entries this device published to the class. */
	published: number;
}

/**
 * One sync with the class database (docs/data.md, "A class database"): first the decks this device publishes go
 * out (only what changed since they last did), then the class's entries come in, page by page. Nothing else is
 * ever pushed to the class. A class that refuses a publication stops this device publishing that deck, and says so.
 */
export async function syncClass({ db, remote, scheduler, now, pageSize = 500 }: SyncRun): Promise<ClassResult> {
	let published = 0;
	for (const deckId of await publishedDecks(db)) {
		const publication = await preparePublication(db, deckId, now());
		if (!publication) continue;
		for (let i = 0; i < publication.entries.length; i += pageSize) {
			try {
				await remote.push(publication.entries.slice(i, i + pageSize));
			} catch (error) {
				if (!(error instanceof SyncError) || (error.kind !== 'forbidden' && error.kind !== 'unauthorised')) throw error;
				await stopPublishing(db, deckId);
				throw new SyncError('read-only', 'You may read this class database but not publish to it: only its instructor can. The deck was not published (nothing on this device changed).');
			}
		}
		await markPublished(db, publication);
		published += publication.entries.length;
	}
	let applied = 0;
	for (;;) {
		const position = await classPosition(db);
		if (!position) break;
		const page = await remote.pull(position.since, pageSize);
		applied += await applyPulled(db, page.entries, page.lastSeq, scheduler, now(), position.url);
		if (page.entries.length + page.skipped < pageSize) break;
	}
	return { applied, published };
}

/** A failure of the class database in words: which database, and for a refused account what to ask for. */
export function classFailure(error: unknown, url: string): unknown {
	if (!(error instanceof SyncError) || error.kind === 'read-only') return error;
	if (error.kind === 'unauthorised' || error.kind === 'forbidden') {
		return new SyncError(error.kind, `The class database at ${url} refused this user name and password: ask your instructor to add you to the class, and check them in Settings.`);
	}
	return new SyncError(error.kind, `Class database: ${error.message}`);
}
