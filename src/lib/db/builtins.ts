/**
 * The built-in decks on this device: first install, the merge of a regenerated version, the move from a
 * former id, and the offer of new cards to a deck the person has edited. The rules are in docs/data.md
 * ("Built-in decks"); in short, a deck the person edited is theirs, and a new version never changes it.
 */
import type { Card, DeckFile, SourceDocument } from '$lib/domain/types';
import { newProgress } from '$lib/scheduler/progress';
import { importDeck, REMOVED_BUILT_INS, removedBuiltIns } from './decks';
import { guard, StorageError } from './errors';
import { anchorRows } from './repair';
import type { CardRow, DeckRow, FactdeckDB, SourceRow } from './schema';

export interface BuiltInDeck {
	file: DeckFile;
	/** Changes whenever the generated cards change. */
	version: string;
	/** Ids an earlier app version stored this deck under (before ids came from the seed file's name). */
	formerIds?: readonly string[];
}

/** New cards of a built-in deck's new version, offered to the person who edited the deck (never forced). */
export interface BuiltInOffer {
	version: string;
	cards: Card[];
	/** The documents those cards cite. */
	sources: SourceDocument[];
}

const tables = (db: FactdeckDB) => [db.decks, db.cards, db.sources, db.reviews, db.quizzes, db.meta];

/**
 * First run: stores the built-in decks. Later app versions: merges each regenerated deck (see `mergeBuiltIn`).
 * A built-in deck the user deleted is not put back. Returns the ids of the decks that changed.
 */
export async function installBuiltIns(db: FactdeckDB, decks: readonly BuiltInDeck[], now: Date): Promise<string[]> {
	const changed: string[] = [];
	for (const deck of decks) if (await mergeBuiltIn(db, deck, now)) changed.push(deck.file.id);
	return changed;
}

/**
 * One built-in deck, in one transaction:
 * - stored under a former id by an earlier version: moved to its id first, with its cards, sources, review
 *   history and quiz results (a deleted one stays deleted under its new id);
 * - not on the device: added;
 * - unedited (`builtIn`) and of another version: merged by card id (`importDeck` 'update': the file's cards,
 *   progress kept for unchanged ids, studied cards that left kept and anchored);
 * - edited (`builtIn` false, `builtInVersion` set): left exactly as it is; the new version's cards the deck has
 *   never had are offered (`builtInOffer`);
 * - a deck of the person's own under that id (never built-in): left alone.
 */
async function mergeBuiltIn(db: FactdeckDB, { file, version, formerIds = [] }: BuiltInDeck, now: Date): Promise<boolean> {
	return guard('install the built-in decks', () =>
		db.transaction('rw', tables(db), async () => {
			const removed = await removedBuiltIns(db);
			if (removed.includes(file.id)) return false;
			let existing = await db.decks.get(file.id);
			let moved = false;
			if (!existing) {
				if (formerIds.some((id) => removed.includes(id))) {
					await db.meta.put({ key: REMOVED_BUILT_INS, value: [...removed, file.id] });
					return false;
				}
				const former = await formerDeck(db, formerIds);
				if (former) {
					existing = await moveDeck(db, former, file.id);
					moved = true;
				}
			}
			if (!existing) {
				await importDeck(db, file, 'add', now, { builtIn: { version } });
				await db.decks.update(file.id, { builtInCards: file.cards.map((card) => card.id) });
				return true;
			}
			if (existing.builtInVersion === undefined || existing.builtInVersion === version) return moved;
			if (existing.builtIn) {
				await importDeck(db, file, 'update', now, { builtIn: { version } });
				const ids = (await db.cards.where('deckId').equals(file.id).primaryKeys()).map(([, id]) => id);
				await db.decks.update(file.id, { builtInCards: ids });
				return true;
			}
			await db.decks.update(file.id, { builtInVersion: version, builtInOffer: await offerFor(db, existing, file, version) });
			return true;
		})
	);
}

/** The first former id holding a built-in deck (one that is, or was before an edit, built in). */
async function formerDeck(db: FactdeckDB, ids: readonly string[]): Promise<DeckRow | undefined> {
	for (const id of ids) {
		const deck = await db.decks.get(id);
		if (deck && (deck.builtIn || deck.builtInVersion !== undefined)) return deck;
	}
	return undefined;
}

/** Moves a deck and everything that belongs to it to another id; returns the deck row as moved. */
async function moveDeck(db: FactdeckDB, deck: DeckRow, to: string): Promise<DeckRow> {
	const from = deck.id;
	const cards = await db.cards.where('deckId').equals(from).toArray();
	const sources = await db.sources.where('deckId').equals(from).toArray();
	const row = { ...deck, id: to };
	await db.decks.add(row);
	await db.cards.bulkAdd(cards.map((card) => ({ ...card, deckId: to })));
	await db.sources.bulkAdd(sources.map((source) => ({ ...source, deckId: to })));
	await db.reviews.where('deckId').equals(from).modify({ deckId: to });
	await db.quizzes.where('deckId').equals(from).modify({ deckId: to });
	await db.cards.where('deckId').equals(from).delete();
	await db.sources.where('deckId').equals(from).delete();
	await db.decks.delete(from);
	return row;
}

/**
 * The cards of `file` an edited deck has never had: not in the deck, not among the built-in cards it had or
 * declined (`builtInCards`; a deck from before that was kept counts only the cards it has, so a card deleted
 * then may be offered again, never added by itself). Undefined when there is none.
 */
async function offerFor(db: FactdeckDB, deck: DeckRow, file: DeckFile, version: string): Promise<BuiltInOffer | undefined> {
	const has = new Set((await db.cards.where('deckId').equals(deck.id).primaryKeys()).map(([, id]) => id));
	const known = new Set([...has, ...(deck.builtInCards ?? [])]);
	const cards = file.cards.filter((card) => !known.has(card.id));
	if (cards.length === 0) return undefined;
	const cited = new Set(cards.map((card) => card.source.doc));
	return { version, cards, sources: file.sources.filter((source) => cited.has(source.id)) };
}

/**
 * Adds the offered cards to the deck as new cards, after its own, with the documents they cite (a document the
 * deck has under that id with other text is kept as `<id>-updated`). One transaction; the offer is then gone.
 */
export async function acceptBuiltInOffer(db: FactdeckDB, deckId: string, now: Date): Promise<number> {
	return guard('add the new cards', () =>
		db.transaction('rw', tables(db), async () => {
			const deck = await db.decks.get(deckId);
			if (!deck) throw new StorageError('not-found', 'That deck is not on this device.');
			const offer = deck.builtInOffer;
			if (!offer) return 0;
			const rows = await db.cards.where('deckId').equals(deckId).toArray();
			const has = new Set(rows.map((row) => row.id));
			const end = rows.reduce((max, row) => Math.max(max, row.position + 1), 0);
			const progress = newProgress(now);
			const added: CardRow[] = offer.cards
				.filter((card) => !has.has(card.id))
				.map((card, i) => ({ deckId, id: card.id, card, position: end + i, progress, due: progress.due, suspended: false, flagged: false, addedAt: now.getTime() }));
			const current = await db.sources.where('deckId').equals(deckId).toArray();
			const offered: SourceRow[] = offer.sources.map(({ id, title, text, ...extra }) => ({ deckId, id, title, text, extra }));
			const anchored = anchorRows(deckId, added, current, offered, 'updated');
			await db.sources.bulkPut(anchored.sources.slice(current.length));
			await db.cards.bulkAdd(anchored.rows);
			await settleOffer(db, deck, offer, now);
			return added.length;
		})
	);
}

/** Declines the offer: its cards are not offered again. */
export async function declineBuiltInOffer(db: FactdeckDB, deckId: string, now: Date): Promise<void> {
	await guard('dismiss the new cards', () =>
		db.transaction('rw', db.decks, async () => {
			const deck = await db.decks.get(deckId);
			if (deck?.builtInOffer) await settleOffer(db, deck, deck.builtInOffer, now);
		})
	);
}

async function settleOffer(db: FactdeckDB, deck: DeckRow, offer: BuiltInOffer, now: Date): Promise<void> {
	const known = [...new Set([...(deck.builtInCards ?? []), ...offer.cards.map((card) => card.id)])];
	await db.decks.update(deck.id, { builtInCards: known, builtInOffer: undefined, updatedAt: now.getTime() });
}
