/**
 * The deck file's types (contract §1). These are the shapes that leave and enter the app: the generator
 * produces them, the importer validates into them (deck-file.ts), the exporter writes them.
 */

export const DECK_FORMAT = 'factdeck';
/** The deck file version this app writes. Files with a newer major version are refused. */
export const DECK_VERSION = 1;

export const CARD_TYPES = ['basic', 'cloze', 'mcq', 'truefalse', 'matching', 'ordering'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** The blank in a cloze card's question. */
export const CLOZE_BLANK = '_____';
/** Joins matching pairs (`left → right; …`) and ordering items (`a → b → c`) in a card's answer. */
export const ARROW = ' → ';
export const PAIR_SEPARATOR = '; ';

/** Where a card comes from: `sources[doc].text.slice(start, end) === sentence`. */
export interface CardSource {
	doc: string;
	sentence: string;
	start: number;
	end: number;
}

export interface Card {
	/** Stable across regenerations of the same fact: a hash of the fact and the card type (ids.ts). */
	id: string;
	type: CardType;
	question: string;
	/** The expected answer as plain text; always present, for every type. */
	answer: string;
	/** mcq: 3-5 distinct options, exactly one equal to `answer`. */
	choices?: string[];
	/** matching: 3-6 [left, right] pairs. */
	pairs?: [string, string][];
	/** ordering: the items in their correct order. */
	items?: string[];
	tags: string[];
	/** 0..1, the generator's confidence that this is a good card (1 for hand-written cards). */
	score: number;
	source: CardSource;
	/** Unknown fields are kept on round trip (contract §1). */
	[extra: string]: unknown;
}

export interface SourceDocument {
	id: string;
	title: string;
	text: string;
	[extra: string]: unknown;
}

export interface DeckFile {
	format: typeof DECK_FORMAT;
	version: number;
	id: string;
	title: string;
	description?: string;
	createdAt: string;
	sources: SourceDocument[];
	cards: Card[];
	[extra: string]: unknown;
}
