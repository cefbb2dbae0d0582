/**
 * Keeping every deck exportable (docs/data.md, "Invariants"): `anchorRows` anchors card rows in their deck's
 * sources (src/lib/domain/anchor.ts) for the writes that replace sources, and `repairDecks` mends the decks such
 * writes broke before this was kept (schema version 4): an "Update" import or a built-in merge replaced the
 * sources while kept cards still cited the old ones. The old documents are gone by then, so a card is re-anchored
 * where its sentence still is, or anchored in a "recovered" document made of its own sentence.
 */
import type { Table } from 'dexie';
import { anchorCards, type AnchorDoc } from '$lib/domain/anchor';
import type { CardRow, DeckRow, SourceRow } from './schema';

/** The source of the deck's hand-written cards (cards.ts); a built-in deck that has it was edited. */
const NOTES_ID = 'notes';

/**
 * The rows with every card anchored in `sources`: unchanged when it holds, else re-anchored, given back its
 * `previous` document (kept as `<id>-<suffix>` when the id is taken), or anchored in a "recovered" document.
 * Returns the sources to store (`sources` first, then the documents kept or made) and the ids of the cards changed.
 */
export function anchorRows(
	deckId: string,
	rows: readonly CardRow[],
	sources: readonly SourceRow[],
	previous: readonly SourceRow[] = [],
	suffix?: string
): { rows: CardRow[]; sources: SourceRow[]; changed: string[] } {
	const make = (doc: AnchorDoc, from?: SourceRow): SourceRow => ({ deckId, id: doc.id, title: doc.title, text: doc.text, extra: from?.extra ?? {} });
	const result = anchorCards(rows.map((row) => row.card), sources, previous, make, suffix);
	return { rows: rows.map((row, i) => (result.cards[i] === row.card ? row : { ...row, card: result.cards[i]! })), sources: result.sources, changed: result.changed };
}

export interface RepairTables {
	decks: Table<DeckRow, string>;
	cards: Table<CardRow, [string, string]>;
	sources: Table<SourceRow, [string, string]>;
}

/** Anchors the stored cards of one deck in its stored sources, writing only what changes; true when anything did. */
export async function anchorStoredDeck({ cards, sources }: Omit<RepairTables, 'decks'>, deckId: string): Promise<boolean> {
	const rows = await cards.where('deckId').equals(deckId).toArray();
	const docs = await sources.where('deckId').equals(deckId).toArray();
	const anchored = anchorRows(deckId, rows, docs);
	if (anchored.changed.length === 0) return false;
	const changed = new Set(anchored.changed);
	await sources.bulkPut(anchored.sources.slice(docs.length));
	await cards.bulkPut(anchored.rows.filter((row) => changed.has(row.id)));
	return true;
}

/**
 * Anchors every card of every deck (`anchorStoredDeck`); and a built-in deck with hand-written cards (the only
 * edit an earlier version left a trace of) becomes the person's (`builtIn` false), so the built-in merge leaves
 * it alone. Returns the ids of the decks changed.
 */
export async function repairDecks(tables: RepairTables): Promise<string[]> {
	const repaired: string[] = [];
	for (const deck of await tables.decks.toArray()) {
		const anchored = await anchorStoredDeck(tables, deck.id);
		const notes = tables.sources.get([deck.id, NOTES_ID]);
		const edited = deck.builtIn && (await notes) !== undefined;
		if (edited) await tables.decks.update(deck.id, { builtIn: false });
		if (anchored || edited) repaired.push(deck.id);
	}
	return repaired;
}
