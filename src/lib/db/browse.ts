/**
 * What the card browser (/browse) reads: every card of every deck, or the part an index can pick out before
 * anything is read (one deck through `deckId`, the cards due before a time through `due`), and one card with its
 * review log for its detail view. Search and the other filters run on the rows in memory
 * (src/lib/app/browse-query.ts): a text search has to look at every card's text anyway.
 */
import type { DayRule } from '$lib/domain/days';
import { cardsIn, deckTitles, type CardRange } from './decks';
import type { CardRow, DeckRow, FactdeckDB, ReviewRow } from './schema';
import { getDayRule } from './settings';

export interface BrowseData {
	/** Study days under the "Next day starts at" setting: what "due today" means. */
	days: DayRule;
	/** Every deck, by title: the deck filter's choices and the "deck order" sort. */
	decks: Pick<DeckRow, 'id' | 'title'>[];
	rows: CardRow[];
}

/**
 * The cards `range` picks, given the study days (a due filter's bound depends on the "Next day starts at" hour).
 * The deck list and the cards are read side by side; a change between them is seen by a live query, which runs
 * again.
 */
export async function browseCards(db: FactdeckDB, range: (days: DayRule) => CardRange = () => ({})): Promise<BrowseData> {
	const days = await getDayRule(db);
	const [decks, rows] = await Promise.all([deckTitles(db), cardsIn(db, range(days))]);
	return { days, decks, rows };
}

export interface CardDetail {
	row: CardRow;
	deckTitle: string;
	/** The card's review log, oldest first. */
	reviews: ReviewRow[];
}

/** One card with its deck's title and its review log; null when the card (or its deck) is not stored. */
export async function cardDetail(db: FactdeckDB, deckId: string, cardId: string): Promise<CardDetail | null> {
	return db.transaction('r', db.decks, db.cards, db.reviews, async () => {
		const [deck, row] = await Promise.all([db.decks.get(deckId), db.cards.get([deckId, cardId])]);
		if (!deck || !row) return null;
		const reviews = await db.reviews.where('[deckId+cardId]').equals([deckId, cardId]).toArray();
		// Ordered by time, then by id (the order they were written) for reviews given in the same millisecond.
		reviews.sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
		return { row, deckTitle: deck.title, reviews };
	});
}
