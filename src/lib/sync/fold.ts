/**
 * The fold from change-log entries to tables (docs/data.md, "Sync"). Pure, so it is tested on its own
 * (tests/unit/sync/fold.test.ts); the app applies pulled entries with these same rules (src/lib/db/sync-log.ts).
 *
 * - Every row (deck, card, source, review, quiz result, settings, synced meta) is decided by its latest entry:
 *   last writer wins by clock, then device id, which is the string order of entry ids. A delete is such an
 *   entry, so it propagates, and a row deleted after another device's edit stays deleted.
 * - A review is never edited, only added (with a unique uid) or taken back by Undo (a delete): every device's
 *   reviews are kept.
 * - A card's scheduling state is not taken from any one device: it is recomputed by replaying the card's reviews
 *   through ts-fsrs in time order (`replayReviews`), as Anki's FSRS does from its review log. A card without
 *   reviews keeps the state its latest entry carries (new, or restored from a backup without a history).
 *
 * Taking the maximum per row is commutative, associative and idempotent, so any order of the same entries, with
 * any duplicates, folds to the same tables.
 */
import type { Scheduler } from '$lib/scheduler/fsrs';
import type { Progress } from '$lib/scheduler/progress';
import type { CardRow, ReviewRow } from '$lib/db/schema';
import { entityOf, SYNCED_TABLES, type Entry, type Row, type SyncedTable } from './entries';

/** The latest entry of one row; `row` null once deleted (a tombstone, kept so an older put cannot revive it). */
export interface Winner {
	id: string;
	table: SyncedTable;
	key: string;
	row: Row | null;
}

export type Folded = ReadonlyMap<string, Winner>;

/** The state after `entries`: each row's latest entry. `state` is not changed. */
export function fold(state: Folded, entries: Iterable<Entry>): Map<string, Winner> {
	const next = new Map(state);
	for (const entry of entries) {
		const entity = entityOf(entry);
		const current = next.get(entity);
		if (current && current.id >= entry.id) continue;
		next.set(entity, { id: entry.id, table: entry.table, key: entry.key, row: entry.op === 'put' ? (entry.row ?? null) : null });
	}
	return next;
}

/** What a review needs for replay. */
export type ReplayedReview = Pick<ReviewRow, 'at' | 'before'> & { uid: string; log: Pick<ReviewRow['log'], 'rating'> };

/** Reviews in the order they are replayed: by time, then uid (so two devices order equal times alike). */
export function byTime(a: ReplayedReview, b: ReplayedReview): number {
	return a.at - b.at || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/**
 * A card's state after its reviews, replayed through the scheduler in time order from the state before the
 * first one. With the scheduler that graded them (same retention, fuzz and study days), this is exactly the
 * state the grades stored (pinned in tests/unit/sync/replay.test.ts).
 */
export function replayReviews(scheduler: Scheduler, reviews: readonly ReplayedReview[]): Progress | undefined {
	const sorted = [...reviews].sort(byTime);
	const first = sorted[0];
	if (!first) return undefined;
	let progress = first.before;
	for (const review of sorted) progress = scheduler.grade(progress, review.log.rating, new Date(review.at)).next;
	return progress;
}

export type Tables = Record<SyncedTable, Row[]>;

/**
 * The tables a folded state stands for, each sorted by key, with every card's state recomputed from its reviews.
 * Local-only fields (auto-increment ids, `queue`) are not part of it.
 */
export function tablesOf(state: Folded, scheduler: Scheduler): Tables {
	const tables = Object.fromEntries(SYNCED_TABLES.map((t) => [t, [] as { key: string; row: Row }[]])) as Record<SyncedTable, { key: string; row: Row }[]>;
	for (const winner of state.values()) if (winner.row) tables[winner.table].push({ key: winner.key, row: winner.row });
	const reviewsByCard = new Map<string, ReplayedReview[]>();
	for (const { row } of tables.reviews) {
		const review = row as unknown as ReplayedReview & Pick<ReviewRow, 'deckId' | 'cardId'>;
		const card = JSON.stringify([review.deckId, review.cardId]);
		reviewsByCard.set(card, [...(reviewsByCard.get(card) ?? []), review]);
	}
	const result = {} as Tables;
	for (const table of SYNCED_TABLES) {
		const rows = tables[table].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		result[table] = rows.map(({ key, row }) => (table === 'cards' ? withProgress(row, reviewsByCard.get(key), scheduler) : row));
	}
	return result;
}

/** The card row with its state replayed from its reviews, when it has any. */
export function withProgress(row: Row, reviews: readonly ReplayedReview[] | undefined, scheduler: Scheduler): Row {
	const progress = reviews && replayReviews(scheduler, reviews);
	if (!progress) return row;
	const card: Partial<CardRow> = { progress, due: progress.due };
	return { ...row, ...card };
}
