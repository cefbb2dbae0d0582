import type { Card, DeckFile } from '$lib/domain/types';

const TEXT = 'George Schwab is the President of NCAFP. The NCAFP was founded in 1974. Track II talks are unofficial.';
const SENTENCES = ['George Schwab is the President of NCAFP.', 'The NCAFP was founded in 1974.', 'Track II talks are unofficial.'];

function source(index: number): Card['source'] {
	const sentence = SENTENCES[index % SENTENCES.length]!;
	const start = TEXT.indexOf(sentence);
	return { doc: 'doc-1', sentence, start, end: start + sentence.length };
}

/** A small valid deck file; `cards` are [id, question, answer] triples (basic cards). */
export function deckFile(id: string, cards: [string, string, string][], extra: Record<string, unknown> = {}): DeckFile {
	return {
		format: 'factdeck',
		version: 1,
		id,
		title: `Deck ${id}`,
		createdAt: '2026-03-01T00:00:00Z',
		sources: [{ id: 'doc-1', title: 'Doc', text: TEXT }],
		cards: cards.map(([cardId, question, answer], i) => ({
			id: cardId,
			type: 'basic',
			question,
			answer,
			tags: [],
			score: 0.5,
			source: source(i)
		})),
		...extra
	};
}
