/**
 * The naive baseline the issue compares against: blank every capitalised word run or number, as cloze cards.
 * Cards come one per sentence first (each sentence's first candidate, in document order), then each sentence's
 * second candidate, and so on, so the top of the deck spreads over the whole text as a cloze-per-sentence deck
 * would. A run that opens the sentence loses a leading function word ("The", "In"); a lone capitalised word
 * opening the sentence is not a candidate. Measured exactly like the generator's deck.
 */
import { DECK_FORMAT, DECK_VERSION, type Card, type DeckFile } from '../../src/lib/domain/types';
import { cleanText, segment } from '../../src/lib/generator/core/index';

const RUN = /\p{Lu}[\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*)*|\d+(?:[.,]\d+)*(?:\s?%)?/gu;
const OPENERS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'During', 'After', 'Before', 'When', 'While', 'Since', 'Although', 'This', 'These', 'Its', 'Their', 'His', 'Her']);

export const BLANK = '_____';

interface Candidate {
	answer: string;
	at: number;
}

export function candidates(sentence: string): Candidate[] {
	const out: Candidate[] = [];
	for (const m of sentence.matchAll(RUN)) {
		let answer = m[0];
		let at = m.index ?? 0;
		if (at === 0 && /^\p{Lu}/u.test(answer)) {
			const words = answer.split(/\s+/);
			if (words.length === 1) continue;
			if (OPENERS.has(words[0] ?? '')) {
				const rest = words.slice(1).join(' ');
				at = answer.indexOf(rest);
				answer = rest;
			}
		}
		out.push({ answer, at });
	}
	return out;
}

export function baselineDeck(id: string, title: string, text: string): DeckFile {
	const clean = cleanText(text);
	const perSentence = segment(id, clean).map((s) => ({ s, cands: candidates(s.text) }));
	const cards: Card[] = [];
	const most = Math.max(0, ...perSentence.map((p) => p.cands.length));
	for (let round = 0; round < most; round++) {
		for (const { s, cands } of perSentence) {
			const c = cands[round];
			if (!c) continue;
			cards.push({
				id: `baseline-${s.index}-${round}`,
				type: 'cloze',
				question: s.text.slice(0, c.at) + BLANK + s.text.slice(c.at + c.answer.length),
				answer: c.answer,
				tags: [],
				score: 0.5,
				source: { doc: id, sentence: s.text, start: s.start, end: s.end }
			});
		}
	}
	return { format: DECK_FORMAT, version: DECK_VERSION, id, title, createdAt: '1970-01-01T00:00:00.000Z', sources: [{ id, title, text: clean }], cards };
}
