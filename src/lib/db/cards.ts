/**
 * Card edits from the deck editor: add, update, delete (one or many), duplicate and re-order. Each edit is one
 * transaction over the rows it touches, and returns an `EditUndo` holding those rows as they were, so the
 * editor's Undo puts the deck back exactly (review history included) in one more transaction.
 *
 * An edit keeps the card's progress and review log. Only `updateCard(…, { resetProgress: true })` resets them;
 * the editor asks the person first when the answer changes (`answerChanged` in src/lib/app/card-form.ts).
 */
import * as v from 'valibot';
import { holds } from '$lib/domain/anchor';
import { CardSchema, issueToError, LIMITS } from '$lib/domain/deck-file';
import { cardId, hash64 } from '$lib/domain/ids';
import type { Card, CardSource } from '$lib/domain/types';
import { newProgress } from '$lib/scheduler/progress';
import { cardsOf } from './decks';
import { guard, StorageError } from './errors';
import { anchorStoredDeck } from './repair';
import type { CardKey } from './card-state';
import type { CardRow, FactdeckDB, ReviewRow, SourceRow } from './schema';

/** Where the sentences of hand-written cards go: a source document of the deck, so exports stay valid. */
export const NOTES_SOURCE = { id: 'notes', title: 'Cards written in Factdeck' } as const;

/** Everything an edit changed, as it was before: `undoEdit` restores it. */
export interface EditUndo {
	deckId: string;
	/** What the edit did, for the Undo button ("Undo delete 3 cards"). */
	label: string;
	/** Ids of every card row the edit wrote or deleted. */
	cardIds: string[];
	/** Those rows before the edit (a card the edit added has none). */
	cards: CardRow[];
	/** Review log entries the edit deleted. */
	reviews: ReviewRow[];
	/** The notes source before the edit, when the edit changed it (`null`: it did not exist). */
	notes?: SourceRow | null;
}

export interface EditResult {
	/** The card added, updated or made (duplicate); for deletes and moves, the first card touched. */
	cardId: string;
	undo: EditUndo;
}

/**
 * A card as written in the editor: an existing card has its id and source; a new one gets an id, and without a
 * source a notes sentence, when stored. (Spelt out with Pick: Omit over Card's index signature loses its keys.)
 */
export type CardInput = Pick<Card, 'type' | 'question' | 'answer' | 'tags' | 'score'> &
	Partial<Pick<Card, 'id' | 'choices' | 'pairs' | 'items' | 'source'>> & { [extra: string]: unknown };

const tables = (db: FactdeckDB) => [db.cards, db.reviews, db.sources, db.decks];

/**
 * Notes the edit on the deck. An edited deck is the person's: a built-in deck stops being `builtIn` (it keeps its
 * `builtInVersion`), so a later app version never changes its cards (docs/data.md, "Built-in decks").
 */
async function touch(db: FactdeckDB, deckId: string, now: Date): Promise<void> {
	const updated = await db.decks.update(deckId, { updatedAt: now.getTime(), builtIn: false });
	if (!updated) throw new StorageError('not-found', 'That deck is not on this device.');
}

/**
 * Refuses a card the deck could not export (docs/data.md, "Invariants"): one that breaks the deck file's card
 * rules, or whose source sentence is not where it points in one of the deck's documents.
 */
async function checkCard(db: FactdeckDB, deckId: string, card: Card): Promise<void> {
	const parsed = v.safeParse(CardSchema, card);
	if (!parsed.success) throw new StorageError('invalid', issueToError(parsed.issues[0], 0, 'The card was not saved: ').message);
	const docs = new Map((await db.sources.where('deckId').equals(deckId).toArray()).map((s) => [s.id, s]));
	if (!holds(card.source, docs)) {
		throw new StorageError('invalid', `The card was not saved: its source sentence is not at ${card.source.start}-${card.source.end} of the deck's document "${card.source.doc}".`);
	}
}

async function checkRoom(db: FactdeckDB, deckId: string): Promise<void> {
	if ((await db.cards.where('deckId').equals(deckId).count()) >= LIMITS.cards) {
		throw new StorageError('invalid', `The card was not added: a deck holds at most ${LIMITS.cards.toLocaleString('en-US')} cards.`);
	}
}

async function existingRow(db: FactdeckDB, deckId: string, id: string): Promise<CardRow> {
	const row = await db.cards.get([deckId, id]);
	if (!row) throw new StorageError('not-found', 'That card is no longer in the deck.');
	return row;
}

/** An id not used in the deck: the hash of type and text like generated cards, `-2`, `-3`… on a clash. */
async function freeCardId(db: FactdeckDB, deckId: string, type: string, key: string): Promise<string> {
	const base = cardId(type, key);
	for (let n = 1; ; n++) {
		const id = n === 1 ? base : `${base}-${n}`;
		if (!(await db.cards.get([deckId, id]))) return id;
	}
}

/** Appends `sentence` to the deck's notes source (creating it) and returns the card source that points at it. */
async function appendNote(db: FactdeckDB, deckId: string, sentence: string): Promise<{ source: CardSource; before: SourceRow | null }> {
	const before = (await db.sources.get([deckId, NOTES_SOURCE.id])) ?? null;
	const prefix = before && before.text ? `${before.text}\n` : '';
	const text = prefix + sentence;
	await db.sources.put({ deckId, id: NOTES_SOURCE.id, title: before?.title ?? NOTES_SOURCE.title, text, extra: before?.extra ?? {} });
	return { source: { doc: NOTES_SOURCE.id, sentence, start: prefix.length, end: text.length }, before };
}

/** The sentence a hand-written card is "from": its question and answer, on one line. */
export function noteSentence(card: Pick<Card, 'question' | 'answer'>): string {
	return `${card.question} — ${card.answer}`.replace(/\s+/g, ' ').trim();
}

function reviewsOfCard(db: FactdeckDB, deckId: string, id: string): Promise<ReviewRow[]> {
	return db.reviews.where('[deckId+cardId]').equals([deckId, id]).toArray();
}

async function deleteReviews(db: FactdeckDB, reviews: ReviewRow[]): Promise<void> {
	const ids = reviews.map((r) => r.id).filter((id): id is number => id !== undefined);
	if (ids.length) await db.reviews.bulkDelete(ids);
}

/** Shifts the positions of cards at or after `from` by one, to open a slot; returns the rows as they were. */
async function openSlot(db: FactdeckDB, deckId: string, from: number): Promise<CardRow[]> {
	const later = (await db.cards.where('deckId').equals(deckId).toArray()).filter((row) => row.position >= from);
	await db.cards.bulkPut(later.map((row) => ({ ...row, position: row.position + 1 })));
	return later;
}

/**
 * Adds a card at `position` (default: the end). Without a source, the card's question and answer become a
 * sentence of the deck's notes source. The card, the source and the deck's updatedAt are one transaction.
 */
export async function addCard(
	db: FactdeckDB,
	deckId: string,
	input: CardInput,
	now: Date,
	position?: number
): Promise<EditResult> {
	return guard('add the card', () =>
		db.transaction('rw', tables(db), async () => {
			await touch(db, deckId, now);
			const id = await freeCardId(db, deckId, input.type, `${input.question} ${input.answer}`);
			let source = input.source;
			let notes: SourceRow | null | undefined;
			if (!source) ({ source, before: notes } = await appendNote(db, deckId, noteSentence(input)));
			const rows = await db.cards.where('deckId').equals(deckId).toArray();
			const end = rows.reduce((max, row) => Math.max(max, row.position + 1), 0);
			const at = position === undefined ? end : Math.max(0, Math.min(position, end));
			const shifted = at < end ? await openSlot(db, deckId, at) : [];
			const progress = newProgress(now);
			const card: Card = { ...input, id, source };
			await checkRoom(db, deckId);
			await checkCard(db, deckId, card);
			await db.cards.add({ deckId, id, card, position: at, progress, due: progress.due, suspended: false, flagged: false, addedAt: now.getTime() });
			const undo: EditUndo = { deckId, label: 'add card', cardIds: [id, ...shifted.map((r) => r.id)], cards: shifted, reviews: [] };
			if (notes !== undefined) undo.notes = notes;
			return { cardId: id, undo };
		})
	);
}

/**
 * Replaces a card's content (same id). Progress and review log stay unless `resetProgress`: then the card is
 * new again and its review log is deleted (the editor asks first, when the answer changed).
 */
export async function updateCard(
	db: FactdeckDB,
	deckId: string,
	card: Card,
	options: { resetProgress: boolean; now: Date }
): Promise<EditResult> {
	return guard('save the card', () =>
		db.transaction('rw', tables(db), async () => {
			await touch(db, deckId, options.now);
			const before = await existingRow(db, deckId, card.id);
			await checkCard(db, deckId, card);
			const reviews = options.resetProgress ? await reviewsOfCard(db, deckId, card.id) : [];
			const progress = options.resetProgress ? newProgress(options.now) : before.progress;
			await db.cards.put({ ...before, card, progress, due: progress.due });
			await deleteReviews(db, reviews);
			return { cardId: card.id, undo: { deckId, label: 'edit card', cardIds: [card.id], cards: [before], reviews } };
		})
	);
}

/** Deletes cards with their review logs (one card or a bulk selection), together. */
export async function deleteCards(db: FactdeckDB, deckId: string, ids: readonly string[], now: Date): Promise<EditResult> {
	return guard(ids.length === 1 ? 'delete the card' : 'delete the cards', () =>
		db.transaction('rw', tables(db), async () => {
			await touch(db, deckId, now);
			const rows = await Promise.all(ids.map((id) => existingRow(db, deckId, id)));
			const reviews = (await Promise.all(ids.map((id) => reviewsOfCard(db, deckId, id)))).flat();
			await db.cards.bulkDelete(ids.map((id): [string, string] => [deckId, id]));
			await deleteReviews(db, reviews);
			const label = ids.length === 1 ? 'delete card' : `delete ${ids.length} cards`;
			return { cardId: ids[0] ?? '', undo: { deckId, label, cardIds: [...ids], cards: rows, reviews } };
		})
	);
}

/**
 * A copy of a card right after it, new (no progress), with a fresh id and "(copy)" after its question so the
 * deck keeps one card per question (contract §1) until the copy is edited.
 */
export async function duplicateCard(db: FactdeckDB, deckId: string, id: string, now: Date): Promise<EditResult> {
	return guard('duplicate the card', () =>
		db.transaction('rw', tables(db), async () => {
			await touch(db, deckId, now);
			const original = await existingRow(db, deckId, id);
			await checkRoom(db, deckId);
			const question = `${original.card.question} (copy)`;
			const copyId = await freeCardId(db, deckId, original.card.type, `${question} ${original.card.answer} ${hash64(id)}`);
			const shifted = await openSlot(db, deckId, original.position + 1);
			const progress = newProgress(now);
			await db.cards.add({
				deckId,
				id: copyId,
				card: { ...structuredClone(original.card), id: copyId, question },
				position: original.position + 1,
				progress,
				due: progress.due,
				suspended: false,
				flagged: false,
				addedAt: now.getTime()
			});
			return { cardId: copyId, undo: { deckId, label: 'duplicate card', cardIds: [copyId, ...shifted.map((r) => r.id)], cards: shifted, reviews: [] } };
		})
	);
}

/** Moves a card to `toIndex` in deck order (0-based, clamped) and renumbers the deck 0…n-1. */
export async function moveCard(db: FactdeckDB, deckId: string, id: string, toIndex: number, now: Date): Promise<EditResult> {
	return guard('move the card', () =>
		db.transaction('rw', tables(db), async () => {
			await touch(db, deckId, now);
			const rows = await cardsOf(db, deckId);
			const from = rows.findIndex((row) => row.id === id);
			if (from < 0) throw new StorageError('not-found', 'That card is no longer in the deck.');
			const order = [...rows];
			const [moved] = order.splice(from, 1);
			order.splice(Math.max(0, Math.min(toIndex, order.length)), 0, moved!);
			const changed = order.map((row, position) => ({ row, position })).filter(({ row, position }) => row.position !== position);
			await db.cards.bulkPut(changed.map(({ row, position }) => ({ ...row, position })));
			return { cardId: id, undo: { deckId, label: 'move card', cardIds: changed.map(({ row }) => row.id), cards: changed.map(({ row }) => row), reviews: [] } };
		})
	);
}

/** Puts back everything an edit changed, in one transaction. */
export async function undoEdit(db: FactdeckDB, undo: EditUndo, now: Date): Promise<void> {
	await guard(`undo the ${undo.label}`, () =>
		db.transaction('rw', tables(db), async () => {
			await touch(db, undo.deckId, now);
			await db.cards.bulkDelete(undo.cardIds.map((id): [string, string] => [undo.deckId, id]));
			await db.cards.bulkPut(undo.cards);
			await db.reviews.bulkPut(undo.reviews);
			if (undo.notes === null) await db.sources.delete([undo.deckId, NOTES_SOURCE.id]);
			else if (undo.notes) await db.sources.put(undo.notes);
			// The rows put back cite the sources as they were at the edit; an import since may have replaced them.
			await anchorStoredDeck(db, undo.deckId);
		})
	);
}

/** Card keys grouped by deck, decks and cards in the order first named. */
function byDeck(keys: readonly CardKey[]): Map<string, string[]> {
	const groups = new Map<string, string[]>();
	for (const [deckId, id] of keys) {
		const ids = groups.get(deckId);
		if (ids) ids.push(id);
		else groups.set(deckId, [id]);
	}
	return groups;
}

const cardCount = (n: number) => (n === 1 ? 'card' : `${n} cards`);

/**
 * Deletes cards of any decks (the browser's bulk delete): `deleteCards` for each deck, all inside one transaction
 * (Dexie runs each deck's as a part of it), so either every card goes or none. One undo per deck touched.
 */
export async function deleteCardsOfDecks(db: FactdeckDB, keys: readonly CardKey[], now: Date): Promise<EditUndo[]> {
	return guard(`delete the ${keys.length === 1 ? 'card' : 'cards'}`, () =>
		db.transaction('rw', tables(db), async () => {
			const undos: EditUndo[] = [];
			for (const [deckId, ids] of byDeck(keys)) undos.push((await deleteCards(db, deckId, ids, now)).undo);
			return undos;
		})
	);
}

/** Undoes several edits (those of `deleteCardsOfDecks` or `changeTags`) together, latest first. */
export async function undoEdits(db: FactdeckDB, undos: readonly EditUndo[], now: Date): Promise<void> {
	await guard('undo the change', () =>
		db.transaction('rw', tables(db), async () => {
			for (const undo of [...undos].reverse()) await undoEdit(db, undo, now);
		})
	);
}

export type TagChange = { add: string[] } | { remove: string[] };

/** The tag limits of the deck file (deck-file.ts: at most LIMITS.tags tags per card, each 1-200 characters). */
export const TAG_MAX_LENGTH = 200;

function retagged(tags: readonly string[], change: TagChange): string[] {
	if ('add' in change) return [...new Set([...tags, ...change.add])];
	const removed = new Set(change.remove);
	return tags.filter((tag) => !removed.has(tag));
}

/**
 * Adds tags to, or removes tags from, cards of any decks (the browser's bulk action), in one transaction. A tag is
 * content (it is exported), so a changed deck is the person's, as after any edit (`touch`); decks where no card
 * changed are left alone. Returns one undo per deck changed (`undoEdits` puts the rows back).
 */
export async function changeTags(db: FactdeckDB, keys: readonly CardKey[], change: TagChange, now: Date): Promise<EditUndo[]> {
	const tags = 'add' in change ? change.add : change.remove;
	const verb = 'add' in change ? 'add' : 'remove';
	if (tags.length === 0) throw new StorageError('invalid', `Type a tag to ${verb}.`);
	const long = tags.find((tag) => tag.length > TAG_MAX_LENGTH);
	if (long !== undefined) throw new StorageError('invalid', `A tag has at most ${TAG_MAX_LENGTH} characters; "${long.slice(0, 40)}…" has ${long.length}. Nothing was changed.`);
	const label = `${verb} ${tags.length === 1 ? 'tag' : 'tags'} ${'add' in change ? 'to' : 'from'} ${cardCount(keys.length)}`;
	return guard(label, () =>
		db.transaction('rw', tables(db), async () => {
			const undos: EditUndo[] = [];
			for (const [deckId, ids] of byDeck(keys)) {
				const rows = await Promise.all(ids.map((id) => existingRow(db, deckId, id)));
				const changed = rows
					.map((row) => ({ row, tags: retagged(row.card.tags, change) }))
					.filter(({ row, tags }) => tags.length !== row.card.tags.length);
				const full = changed.find(({ tags }) => tags.length > LIMITS.tags);
				if (full) throw new StorageError('invalid', `A card has at most ${LIMITS.tags} tags: "${full.row.card.question}" would have ${full.tags.length}. Nothing was changed.`);
				if (changed.length === 0) continue;
				await touch(db, deckId, now);
				await db.cards.bulkPut(changed.map(({ row, tags }) => ({ ...row, card: { ...row.card, tags } })));
				undos.push({ deckId, label, cardIds: changed.map(({ row }) => row.id), cards: changed.map(({ row }) => row), reviews: [] });
			}
			return undos;
		})
	);
}
