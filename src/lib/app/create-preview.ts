/**
 * The create page's preview, without the DOM: which generated cards are kept, which are shown under the
 * filters, grouped by type, `Select best N`, and the deck that `Save deck` stores.
 */
import { slugify } from '$lib/domain/ids';
import { CARD_TYPES, type Card, type CardType, type DeckFile } from '$lib/domain/types';

export interface PreviewCard {
	card: Card;
	kept: boolean;
}

export interface PreviewFilter {
	type: CardType | 'all';
	tag: string;
	/** 0..1 */
	minScore: number;
}

export const NO_FILTER: PreviewFilter = { type: 'all', tag: '', minScore: 0 };

export function fromDeck(deck: DeckFile): PreviewCard[] {
	return deck.cards.map((card) => ({ card, kept: true }));
}

export function matches(item: PreviewCard, filter: PreviewFilter): boolean {
	const { card } = item;
	return (filter.type === 'all' || card.type === filter.type) && (!filter.tag || card.tags.includes(filter.tag)) && card.score >= filter.minScore;
}

/** The cards that pass the filter, by type in the contract's type order, deck order within a type. */
export function groupByType(items: readonly PreviewCard[], filter: PreviewFilter): { type: CardType; items: PreviewCard[] }[] {
	return CARD_TYPES.map((type) => ({ type, items: items.filter((item) => item.card.type === type && matches(item, filter)) })).filter(
		(group) => group.items.length > 0
	);
}

export function tagsOf(items: readonly PreviewCard[]): string[] {
	return [...new Set(items.flatMap((item) => item.card.tags))].sort((a, b) => a.localeCompare(b));
}

/** Keeps the `n` highest-scoring cards (earlier card first on a tie) and rejects the rest. */
export function selectBest(items: readonly PreviewCard[], n: number): PreviewCard[] {
	const ranked = items.map((item, index) => ({ item, index })).sort((a, b) => b.item.card.score - a.item.card.score || a.index - b.index);
	const best = new Set(ranked.slice(0, Math.max(0, n)).map(({ index }) => index));
	return items.map((item, index) => ({ ...item, kept: best.has(index) }));
}

export function replaceCard(items: readonly PreviewCard[], card: Card): PreviewCard[] {
	return items.map((item) => (item.card.id === card.id ? { ...item, card } : item));
}

export function keptCount(items: readonly PreviewCard[]): number {
	return items.filter((item) => item.kept).length;
}

/** The deck to store: the generated deck with the kept cards (deck order), the title and description given. */
export function deckToSave(generated: DeckFile, items: readonly PreviewCard[], meta: { title: string; description: string }): DeckFile {
	const title = meta.title.trim() || generated.title;
	const deck: DeckFile = { ...generated, id: slugify(title), title, cards: items.filter((item) => item.kept).map((item) => item.card) };
	const description = meta.description.trim();
	if (description) deck.description = description;
	else delete deck.description;
	return deck;
}
