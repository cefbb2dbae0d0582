/**
 * Decks in and out of the database: import (one transaction; built-in decks are merged in builtins.ts), export,
 * deletion, and the summaries the home page lists.
 */
import { dayEnd, deviceZone, parseDayKey, type DayRule, type TimeZone } from '$lib/domain/days';
import type { Card, DeckFile, SourceDocument } from '$lib/domain/types';
import { DECK_FORMAT, DECK_VERSION } from '$lib/domain/types';
import { newProgress } from '$lib/scheduler/progress';
import { guard, StorageError } from './errors';
import { anchorRows } from './repair';
import { QUEUE, type CardRow, type DeckRow, type FactdeckDB, type Queue, type SourceRow } from './schema';
import { getDayRule } from './settings';

export type ImportMode =
	/** A new deck; refused with a 'conflict' error when the id exists (the caller asks update or copy). */
	| 'add'
	/** Replace the deck's cards with the file's, keeping progress of cards whose id is unchanged. */
	| 'update'
	/** Keep both: the file becomes a new deck with a fresh id. */
	| 'copy';

export interface DeckSummary {
	deck: DeckRow;
	total: number;
	new: number;
	due: number;
	/** Cards studied at least once. */
	seen: number;
}

const KNOWN_DECK_FIELDS = new Set(['format', 'version', 'id', 'title', 'description', 'createdAt', 'sources', 'cards']);
const KNOWN_SOURCE_FIELDS = new Set(['id', 'title', 'text']);
export const REMOVED_BUILT_INS = 'removedBuiltIns';

function pickExtra(object: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(object).filter(([key]) => !known.has(key)));
}

function cardRow(deckId: string, card: Card, position: number, now: Date, previous?: CardRow): CardRow {
	const progress = previous?.progress ?? newProgress(now);
	return {
		deckId,
		id: card.id,
		card,
		position,
		progress,
		due: progress.due,
		suspended: previous?.suspended ?? false,
		flagged: previous?.flagged ?? false,
		addedAt: previous?.addedAt ?? now.getTime()
	};
}

function sourceRows(deckId: string, file: DeckFile): SourceRow[] {
	return file.sources.map((source) => ({
		deckId,
		id: source.id,
		title: source.title,
		text: source.text,
		extra: pickExtra(source, KNOWN_SOURCE_FIELDS)
	}));
}

async function freeDeckId(db: FactdeckDB, id: string): Promise<string> {
	for (let n = 2; ; n++) {
		const candidate = `${id}-${n}`;
		if (!(await db.decks.get(candidate))) return candidate;
	}
}

/**
 * Stores a validated deck file. Deck, sources and cards are one transaction: an import happens whole or
 * not at all (contract §4). Returns the id the deck was stored under.
 */
export interface ImportExtras {
	/** A built-in deck, with the version of its generated cards; `edited`: the person's since (restore). */
	builtIn?: { version: string; edited?: boolean };
	/** The deck's seminar date (`YYYY-MM-DD`), stored in the same transaction. Default: kept on update, else none. */
	seminarDate?: string | null;
}

export async function importDeck(
	db: FactdeckDB,
	file: DeckFile,
	mode: ImportMode,
	now: Date,
	{ builtIn, seminarDate }: ImportExtras = {}
): Promise<string> {
	if (seminarDate && parseDayKey(seminarDate) === null) {
		throw new StorageError('invalid', `"${seminarDate}" is not a date (expected YYYY-MM-DD).`);
	}
	return guard('save the deck', () =>
		db.transaction('rw', db.decks, db.cards, db.sources, async () => {
			const existing = await db.decks.get(file.id);
			if (existing && mode === 'add') {
				throw new StorageError('conflict', `A deck with the id "${file.id}" is already on this device.`);
			}
			const deckId = existing && mode === 'copy' ? await freeDeckId(db, file.id) : file.id;
			const keep = existing && mode === 'update' ? existing : undefined;
			const previous = new Map<string, CardRow>();
			if (keep) {
				for (const row of await db.cards.where('deckId').equals(deckId).toArray()) previous.set(row.id, row);
			}
			const deck: DeckRow = {
				id: deckId,
				title: file.title,
				createdAt: file.createdAt,
				updatedAt: now.getTime(),
				builtIn: builtIn !== undefined && !builtIn.edited,
				seminarDate: seminarDate !== undefined ? seminarDate : (keep?.seminarDate ?? null),
				extra: pickExtra(file, KNOWN_DECK_FIELDS)
			};
			if (file.description !== undefined) deck.description = file.description;
			if (builtIn) deck.builtInVersion = builtIn.version;

			const rows = file.cards.map((card, i) => cardRow(deckId, card, i, now, previous.get(card.id)));
			const incoming = new Set(rows.map((row) => row.id));
			// A card that is gone from the new file but was studied keeps its history and stays in the deck
			// (after the file's cards): a regenerated deck never resets progress.
			const retained = [...previous.values()]
				.filter((row) => !incoming.has(row.id) && row.progress.reps > 0)
				.map((row, i) => ({ ...row, position: rows.length + i }));
			const kept = new Set([...incoming, ...retained.map((row) => row.id)]);
			const dropped = [...previous.keys()].filter((id) => !kept.has(id));

			// The kept cards may cite a document the file no longer has, or offsets into text that changed: they are
			// anchored again, keeping the old document when nothing else holds their sentence (issue 12 §1.1).
			const previousSources = keep ? await db.sources.where('deckId').equals(deckId).toArray() : [];
			const anchored = anchorRows(deckId, [...rows, ...retained], sourceRows(deckId, file), previousSources);

			await db.decks.put(deck);
			await db.sources.where('deckId').equals(deckId).delete();
			await db.sources.bulkPut(anchored.sources);
			if (dropped.length) await db.cards.bulkDelete(dropped.map((id): [string, string] => [deckId, id]));
			await db.cards.bulkPut(anchored.rows);
			return deckId;
		})
	);
}

/** Ids of the built-in decks the user deleted (so they are not put back). */
export async function removedBuiltIns(db: FactdeckDB): Promise<string[]> {
	const row = await db.meta.get(REMOVED_BUILT_INS);
	return Array.isArray(row?.value) ? row.value.filter((id): id is string => typeof id === 'string') : [];
}

/** Deletes a deck with its cards, sources, review history and quiz results, in one transaction. */
export async function deleteDeck(db: FactdeckDB, deckId: string): Promise<void> {
	await guard('delete the deck', () =>
		db.transaction('rw', [db.decks, db.cards, db.sources, db.reviews, db.quizzes, db.meta], async () => {
			const deck = await db.decks.get(deckId);
			if (!deck) return;
			// Edited built-in decks (no longer `builtIn`) too: deleted, the deck must not come back on the next start.
			if (deck.builtIn || deck.builtInVersion !== undefined) {
				const removed = await removedBuiltIns(db);
				await db.meta.put({ key: REMOVED_BUILT_INS, value: [...removed, deckId] });
			}
			await db.cards.where('deckId').equals(deckId).delete();
			await db.sources.where('deckId').equals(deckId).delete();
			await db.reviews.where('deckId').equals(deckId).delete();
			// Otherwise a deck imported later under the same id would inherit this one's "missed last time".
			await db.quizzes.where('deckId').equals(deckId).delete();
			await db.decks.delete(deckId);
		})
	);
}

/** The deck as a deck file (contract §1), unknown fields and sources included. */
export async function exportDeck(db: FactdeckDB, deckId: string): Promise<DeckFile> {
	const deck = await db.decks.get(deckId);
	if (!deck) throw new StorageError('not-found', 'That deck is not on this device.');
	const [cards, sources] = await Promise.all([cardsOf(db, deckId), sourcesOf(db, deckId)]);
	const file: DeckFile = {
		...deck.extra,
		format: DECK_FORMAT,
		version: DECK_VERSION,
		id: deck.id,
		title: deck.title,
		createdAt: deck.createdAt,
		sources,
		cards: cards.map((row) => row.card)
	};
	if (deck.description !== undefined) file.description = deck.description;
	return file;
}

/** Which cards `cardsIn` reads, picked out by an index before any row is read. */
export interface CardRange {
	/** Only this deck's cards (the `deckId` index). */
	deckId?: string | undefined;
	/** Only cards whose `due` is before this instant (the `due` index); ignored when `deckId` is given. */
	dueBefore?: number | undefined;
}

/**
 * The cards `range` picks (every card by default), in no particular order: one read of the table or of one
 * index, for statistics and the card browser over a whole collection, where sorting 200 decks' cards is wasted
 * work.
 */
export async function cardsIn(db: FactdeckDB, { deckId, dueBefore }: CardRange = {}): Promise<CardRow[]> {
	if (deckId !== undefined) return db.cards.where('deckId').equals(deckId).toArray();
	if (dueBefore !== undefined) return db.cards.where('due').below(dueBefore).toArray();
	return db.cards.toArray();
}

/** Every deck's id and title, by title, without its counts (a deck filter). */
export async function deckTitles(db: FactdeckDB): Promise<{ id: string; title: string }[]> {
	return (await db.decks.orderBy('title').toArray()).map(({ id, title }) => ({ id, title }));
}

/** The deck's cards in deck order. */
export async function cardsOf(db: FactdeckDB, deckId: string): Promise<CardRow[]> {
	const rows = await db.cards.where('deckId').equals(deckId).toArray();
	return rows.sort((a, b) => a.position - b.position);
}

/** The deck's source documents as a deck file has them (the knowledge map's text). */
export async function sourcesOf(db: FactdeckDB, deckId: string): Promise<SourceDocument[]> {
	const rows = await db.sources.where('deckId').equals(deckId).toArray();
	return rows.map((s) => ({ ...s.extra, id: s.id, title: s.title, text: s.text }));
}

/**
 * A deck's counts through the `[deckId+queue+due]` index (schema.ts, QUEUE): IndexedDB counts keys, so no card
 * row is read and 200 decks of 50,000 cards list in a few milliseconds per deck (docs/benchmarks.md). The
 * same rules as the scheduler's `deckCounts`: suspended cards are neither new nor due, a studied card is due
 * when it falls due before the study day ends (`dayEnd`; a buried one's indexed due is its bury's end), a buried
 * new card is new again once its bury has ended. Seen = studied at least once (not New).
 */
async function countsOf(db: FactdeckDB, deck: DeckRow, now: Date, days: DayRule): Promise<DeckSummary> {
	const index = db.cards.where('[deckId+queue+due]');
	const until = (queue: Queue, end: number, inclusive: boolean) =>
		index.between([deck.id, queue, -Infinity], [deck.id, queue, end], true, inclusive).count();
	const all = (queue: Queue) => until(queue, Infinity, true);
	const [fresh, studied, dueToday, suspendedNew, suspendedStudied, buriedNew, unburiedNew] = await Promise.all([
		all(QUEUE.new),
		all(QUEUE.studied),
		until(QUEUE.studied, dayEnd(now, days), false),
		all(QUEUE.suspendedNew),
		all(QUEUE.suspendedStudied),
		all(QUEUE.buriedNew),
		until(QUEUE.buriedNew, now.getTime(), true)
	]);
	return {
		deck,
		total: fresh + studied + suspendedNew + suspendedStudied + buriedNew,
		new: fresh + unburiedNew,
		due: dueToday,
		seen: studied + suspendedStudied
	};
}

/** Every deck with its counts, for the home page; due counts by study day (the "Next day starts at" setting). */
export async function deckSummaries(db: FactdeckDB, now: Date, zone: TimeZone = deviceZone): Promise<DeckSummary[]> {
	const days = await getDayRule(db, zone);
	// One read transaction, so the counts agree with each other.
	return db.transaction('r', db.decks, db.cards, async () => {
		const decks = await db.decks.orderBy('title').toArray();
		return Promise.all(decks.map((deck) => countsOf(db, deck, now, days)));
	});
}

/** One deck with its counts; null when there is no such deck. */
export async function deckSummary(db: FactdeckDB, deckId: string, now: Date, zone: TimeZone = deviceZone): Promise<DeckSummary | null> {
	const days = await getDayRule(db, zone);
	return db.transaction('r', db.decks, db.cards, async () => {
		const deck = await db.decks.get(deckId);
		return deck ? countsOf(db, deck, now, days) : null;
	});
}

export async function setSeminarDate(db: FactdeckDB, deckId: string, date: string | null, now: Date): Promise<void> {
	if (date !== null && parseDayKey(date) === null) {
		throw new StorageError('invalid', `"${date}" is not a date (expected YYYY-MM-DD).`);
	}
	await guard('save the seminar date', async () => {
		const updated = await db.decks.update(deckId, { seminarDate: date, updatedAt: now.getTime() });
		if (!updated) throw new StorageError('not-found', 'That deck is not on this device.');
	});
}
