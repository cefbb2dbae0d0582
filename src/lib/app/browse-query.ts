/**
 * The card browser's search, filters and sorting (/browse), without the DOM or Dexie. Stored card rows become
 * `BrowseItem`s once per read (`toBrowseItem`: the text folded for search, the fields filters read copied flat),
 * then every keystroke or filter change is `queryItems` over those items in memory: 50,000 cards filter and sort
 * in tens of milliseconds (docs/benchmarks.md), so only the read itself goes through an index (src/lib/db/browse.ts).
 *
 * Search: every word of the query must occur in the card's question, answer, tags or source sentence, ignoring
 * case and accents ("Pyongyang" finds "PYÖNGYANG"). Time is passed in as the study day's bounds (`BrowseDay`).
 */
import type { CardKey } from '$lib/db/card-state';
import type { CardRow } from '$lib/db/schema';
import { State } from '$lib/scheduler/grades';
import type { CardType } from '$lib/domain/types';

export const STATE_NAMES = { [State.New]: 'New', [State.Learning]: 'Learning', [State.Review]: 'Review', [State.Relearning]: 'Relearning' } as const;
export type StateFilter = '' | 'new' | 'learning' | 'review' | 'relearning';
const STATE_OF: Record<Exclude<StateFilter, ''>, State> = {
	new: State.New,
	learning: State.Learning,
	review: State.Review,
	relearning: State.Relearning
};

/** '' shows both; 'yes' only the marked cards, 'no' only the others. */
export type MarkFilter = '' | 'yes' | 'no';
/** 'today': studied cards due before today's study day ends (overdue ones too); 'overdue': due before it began. */
export type DueFilter = '' | 'today' | 'overdue';
export const SORT_KEYS = ['due', 'difficulty', 'stability', 'added', 'deck'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface BrowseQuery {
	text: string;
	/** '' for every deck. */
	deckId: string;
	type: CardType | '';
	state: StateFilter;
	suspended: MarkFilter;
	flagged: MarkFilter;
	due: DueFilter;
	/** Cards with at least this many lapses (0: every card). */
	minLapses: number;
	sort: SortKey;
	descending: boolean;
}

export const ALL_CARDS: BrowseQuery = {
	text: '',
	deckId: '',
	type: '',
	state: '',
	suspended: '',
	flagged: '',
	due: '',
	minLapses: 0,
	sort: 'deck',
	descending: false
};

/** Today's study day as instants (src/lib/domain/days.ts: `dayStart`, `dayEnd`). */
export interface BrowseDay {
	start: number;
	end: number;
}

/** What the browser lists and filters for one card. */
export interface BrowseItem {
	/** `deckId` NUL `id`: unique across decks, for selections and keyed lists. */
	key: string;
	deckId: string;
	id: string;
	deckTitle: string;
	/** The deck's place in title order, then the card's in its deck: "deck order". */
	deckOrder: number;
	position: number;
	type: CardType;
	question: string;
	answer: string;
	tags: readonly string[];
	state: State;
	suspended: boolean;
	flagged: boolean;
	due: number;
	difficulty: number;
	stability: number;
	lapses: number;
	addedAt: number;
	/** Question, answer, tags and source sentence, folded (`fold`), for search. */
	text: string;
}

/** Lower case without accents or compatibility forms: "Ǹorth Ｋorea" → "north korea". */
export function fold(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function itemKey(deckId: string, id: string): string {
	return `${deckId}\u0000${id}`;
}

export function keyOf(item: Pick<BrowseItem, 'deckId' | 'id'>): CardKey {
	return [item.deckId, item.id];
}

export function toBrowseItem(row: CardRow, deck: { title: string; order: number }): BrowseItem {
	const { card, progress } = row;
	// NUL between fields, so a query word never matches across the end of one field and the start of the next.
	const text = fold([card.question, card.answer, card.tags.join(' '), card.source.sentence].join('\u0000'));
	return {
		key: itemKey(row.deckId, row.id),
		deckId: row.deckId,
		id: row.id,
		deckTitle: deck.title,
		deckOrder: deck.order,
		position: row.position,
		type: card.type,
		question: card.question,
		answer: card.answer,
		tags: card.tags,
		state: progress.state,
		suspended: row.suspended,
		flagged: row.flagged,
		due: row.due,
		difficulty: progress.difficulty,
		stability: progress.stability,
		lapses: progress.lapses,
		addedAt: row.addedAt,
		text
	};
}

/** The query's words, folded; empty when the query has none. */
export function searchWords(text: string): string[] {
	return fold(text).split(/\s+/).filter(Boolean);
}

function markMatches(filter: MarkFilter, value: boolean): boolean {
	return filter === '' || (filter === 'yes') === value;
}

/** Whether one item passes every filter and contains every word. */
export function matches(item: BrowseItem, query: BrowseQuery, words: readonly string[], day: BrowseDay): boolean {
	if (query.deckId !== '' && item.deckId !== query.deckId) return false;
	if (query.type !== '' && item.type !== query.type) return false;
	if (query.state !== '' && item.state !== STATE_OF[query.state]) return false;
	if (!markMatches(query.suspended, item.suspended) || !markMatches(query.flagged, item.flagged)) return false;
	if (query.due !== '') {
		// A new card's `due` is when it was added: it is waiting to be introduced, not due for review.
		if (item.state === State.New) return false;
		if (item.due >= (query.due === 'today' ? day.end : day.start)) return false;
	}
	if (item.lapses < query.minLapses) return false;
	return words.every((word) => item.text.includes(word));
}

/**
 * Cards never studied have no difficulty or stability (ts-fsrs stores 0): under those sorts they come last in
 * either direction, in deck order, rather than posing as the easiest or least stable cards.
 */
function sortValue(item: BrowseItem, key: Exclude<SortKey, 'deck'>): number | null {
	switch (key) {
		case 'due':
			return item.due;
		case 'difficulty':
			return item.state === State.New ? null : item.difficulty;
		case 'stability':
			return item.state === State.New ? null : item.stability;
		case 'added':
			return item.addedAt;
	}
}

function byDeckOrder(a: BrowseItem, b: BrowseItem): number {
	return a.deckOrder - b.deckOrder || a.position - b.position;
}

/** The order of a sort; ties (and cards without a value) in deck order. */
export function compareItems(key: SortKey, descending: boolean): (a: BrowseItem, b: BrowseItem) => number {
	const sign = descending ? -1 : 1;
	if (key === 'deck') return (a, b) => sign * byDeckOrder(a, b);
	return (a, b) => {
		const x = sortValue(a, key);
		const y = sortValue(b, key);
		if (x === null || y === null) return x === y ? byDeckOrder(a, b) : x === null ? 1 : -1;
		return sign * (x - y) || byDeckOrder(a, b);
	};
}

/** The items the query selects, in its order. Does not change `items`. */
export function queryItems(items: readonly BrowseItem[], query: BrowseQuery, day: BrowseDay): BrowseItem[] {
	const words = searchWords(query.text);
	return items.filter((item) => matches(item, query, words, day)).sort(compareItems(query.sort, query.descending));
}

/**
 * What the store can narrow before anything is read (src/lib/db/browse.ts): one deck through the `deckId` index,
 * or, for the due filters, the cards due before a time through the `due` index. `queryItems` applies every
 * filter again on what is read, so this is only ever a shortcut.
 */
export function readRange(query: Pick<BrowseQuery, 'deckId' | 'due'>, day: BrowseDay): { deckId?: string; dueBefore?: number } {
	if (query.deckId !== '') return { deckId: query.deckId };
	if (query.due !== '') return { dueBefore: query.due === 'today' ? day.end : day.start };
	return {};
}
