/**
 * Rank and cut: near-duplicate questions merge (the better card stays), every fact's best card comes before
 * any second card of a fact, repeats of the same answer are discounted so the top of the deck covers many
 * facts, the top's cards of one paragraph are discounted past the paragraph's share of the reading so the top
 * covers the whole reading, and the deck is cut to its size, best first. Ties break on the id, so the order is
 * deterministic.
 */
import { normaliseKey } from '../../domain/ids';
import type { Card } from '../../domain/types';
import { pieceCount } from './clause';
import { paragraphs } from './segment';

/** Discount for the k-th card (0-based) of the same fact, and for the k-th card with the same answer. */
const SAME_FACT = [1, 0.72, 0.6, 0.5];
const SAME_ANSWER = [1, 0.85, 0.75, 0.7];
/** Cards per answer and per sentence among each fact's first card. */
const TOP_REPEATS = 2;
/**
 * Paragraph coverage (sixteenth pass): the k-th top question of one paragraph (0-based, best first) is scored
 * × exp(−COVER · k / e), e = the paragraph's share of the reading's words × the top's questions, i.e. the
 * number of top questions the paragraph would get if they were spread by length.
 */
const COVER = 0.3;

/**
 * `sources` are the documents' clean texts (the cards' `source.start` points into them); without them the
 * ranking knows no paragraphs and skips the coverage term.
 */
export function rankCards(cards: { card: Card; fact: string }[], max: number, sources: readonly { id: string; text: string }[] = []): Card[] {
	const byQuestion = new Map<string, { card: Card; fact: string }>();
	for (const c of cards) {
		const q = normaliseKey(c.card.question);
		const prev = byQuestion.get(q);
		if (!prev || c.card.score > prev.card.score || (c.card.score === prev.card.score && c.card.id < prev.card.id)) byQuestion.set(q, c);
	}
	const order = byScore;
	const sorted = [...byQuestion.values()].sort((a, b) => order(a.card, b.card));
	const perFact = new Map<string, number>();
	const perAnswer = new Map<string, number>();
	const firstPerAnswer = new Map<string, number>();
	const firstPerSentence = new Map<string, number>();
	/** Per sentence, the answers of its top cards: one inside another ("Caret", "Caret ranges") is the same fact. */
	const topAnswers = new Map<string, string[]>();
	/** Per sentence, its top cards' answer and question, lower case: a definition asked both ways is one fact. */
	const topAsked = new Map<string, { answer: string; question: string }[]>();
	const ids = new Set<string>();
	/** Per word, the top's common-noun answers that use it: one inside another is asked the same (`nested`). */
	const topPhrases = new Map<string, Phrase[]>();
	const first: Card[] = [];
	const later: Card[] = [];
	// Cards of one answer among each fact's first cards; a common-noun answer also counts the top's answers inside
	// it and around it ("immune response", "innate immune response"): the top asks it no more than twice either way.
	const timesAsked = (ak: string, answer: string) => (firstPerAnswer.get(ak) ?? 0) + (plain(answer) ? nested(topPhrases, ak) : 0);
	for (const { card, fact } of sorted) {
		if (ids.has(card.id)) continue;
		ids.add(card.id);
		const nf = perFact.get(fact) ?? 0;
		const ak = card.type === 'truefalse' ? `tf|${fact}` : answerKey(card.answer);
		const na = perAnswer.get(ak) ?? 0;
		perFact.set(fact, nf + 1);
		perAnswer.set(ak, na + 1);
		const score = round(card.score * (SAME_FACT[nf] ?? 0.45) * (SAME_ANSWER[na] ?? 0.65));
		// The top of the deck asks no answer and no sentence more than twice (issue 9).
		const sentenceKey = `${card.source.doc}|${card.source.start}`;
		// Matching and ordering cards span several sentences: the caps are for single facts.
		const group = card.type === 'matching' || card.type === 'ordering';
		// Two facts of one sentence with one answer ("Which term means …?", "What is …?") test one thing, and so do
		// two whose answers hold one another ("What are ideal …? — Caret ranges", "What kind of ranges …? — Caret").
		// (Lower-cased only for the questions that are compared: basic cards.)
		const posed = card.type === 'basic' ? { answer: card.answer.toLowerCase(), question: card.question.toLowerCase() } : null;
		// … and so do two questions that ask one relation both ways ("Which term means D? — T", "What does the
		// term T mean? — D"): each answer stands in the other's question. (Two clozes of a sentence always would.)
		const reversed = posed !== null && (topAsked.get(sentenceKey) ?? []).some((o) => o.question.includes(posed.answer) && posed.question.includes(o.answer));
		const padded = ` ${ak} `;
		const same = card.type !== 'truefalse' && !group && (reversed || (topAnswers.get(sentenceKey) ?? []).some((a) => a === ak || ` ${a} `.includes(padded) || padded.includes(` ${a} `)));
		const top = nf === 0 && !same && (group || ((card.type === 'truefalse' || timesAsked(ak, card.answer) < TOP_REPEATS) && (firstPerSentence.get(sentenceKey) ?? 0) < TOP_REPEATS));
		if (top) {
			if (card.type !== 'truefalse' && !group) topAnswers.set(sentenceKey, [...(topAnswers.get(sentenceKey) ?? []), ak]);
			if (posed !== null) topAsked.set(sentenceKey, [...(topAsked.get(sentenceKey) ?? []), posed]);
			if (card.type !== 'truefalse') firstPerAnswer.set(ak, (firstPerAnswer.get(ak) ?? 0) + 1);
			if (card.type !== 'truefalse' && !group && plain(card.answer)) {
				const phrase = { key: ak, words: new Set(ak.split(' ')) };
				for (const w of phrase.words) {
					const list = topPhrases.get(w);
					if (list) list.push(phrase);
					else topPhrases.set(w, [phrase]);
				}
			}
			firstPerSentence.set(sentenceKey, (firstPerSentence.get(sentenceKey) ?? 0) + 1);
		}
		(top ? first : later).push({ ...card, score });
	}
	// Every fact's best card comes before any fact's second card: people study the top of the deck, and it
	// should cover as many facts as it can. Second cards are scored no higher than the last first card.
	cover(first, sources);
	first.sort(order);
	const floor = first.length ? (first[first.length - 1]?.score ?? 0) : 1;
	// Sorted before capping, so the second cards keep their own order (capped scores would tie at the floor).
	const rest = later.sort(order).map((c) => ({ ...c, score: Math.min(c.score, floor) }));
	// True/false takes at most a fifth of the deck: it tests recognition, the weakest kind of recall.
	let trueFalse = Math.floor(max / 5);
	// No answer is asked more than twice in the whole deck: a third card on "civil disobedience" teaches nothing
	// the first two did not, and a short deck is all "top".
	const asked = new Map<string, number>();
	const deck: Card[] = [];
	for (const c of [...first, ...rest]) {
		if (deck.length >= max) break;
		if (c.type === 'truefalse' && trueFalse-- <= 0) continue;
		const single = c.type === 'basic' || c.type === 'cloze' || c.type === 'mcq';
		const key = answerKey(c.answer);
		if (single && (asked.get(key) ?? 0) >= TOP_REPEATS) continue;
		if (single) asked.set(key, (asked.get(key) ?? 0) + 1);
		deck.push(c);
	}
	return deck;
}

/** Best score first; ties by id, so the order is deterministic. */
const byScore = (a: Card, b: Card): number => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One answer however it is written: "A version range" and "version range" are the same answer. */
export function answerKey(answer: string): string {
	return normaliseKey(answer).replace(/^(?:the|a|an) /, '');
}

/**
 * The coverage term (issue 9): a thin part of the reading gets its best question before a crowded part gets its
 * eighth. Each top question (basic, cloze, multiple choice: one sentence each) is discounted by its rank among
 * the top questions of its paragraph, relative to the paragraph's share of the words; a paragraph's best question
 * is never discounted. A blank line starts a paragraph, and a heading stands alone between blank lines (read.ts),
 * so a section's heading starts a new part too. Only the scores and so the order change: no card is added or
 * dropped. True/false is left out (at most a fifth of the deck is kept, so it may not be shown), and so are
 * matching and ordering (they span several sentences). Cost: one pass over the texts and a sort per paragraph.
 */
function cover(top: Card[], sources: readonly { id: string; text: string }[]): void {
	const parts = new Map<string, { starts: number[]; words: number[] }>();
	let words = 0;
	for (const s of sources) {
		const ps = paragraphs(s.text);
		const counts = ps.map((p) => pieceCount(s.text.slice(p.start, p.end)));
		words += counts.reduce((a, b) => a + b, 0);
		parts.set(s.id, { starts: ps.map((p) => p.start), words: counts });
	}
	const byPart = new Map<string, { share: number; at: number[] }>();
	top.forEach((c, i) => {
		const part = parts.get(c.source.doc);
		if (!part || !(c.type === 'basic' || c.type === 'cloze' || c.type === 'mcq')) return;
		const p = Math.max(0, lastAtOrBefore(part.starts, c.source.start));
		const key = `${c.source.doc}|${p}`;
		const group = byPart.get(key) ?? { share: (part.words[p] ?? 0) / Math.max(1, words), at: [] };
		group.at.push(i);
		byPart.set(key, group);
	});
	const questions = [...byPart.values()].reduce((n, g) => n + g.at.length, 0);
	for (const { share, at } of byPart.values()) {
		const expected = Math.max(share * questions, 1e-6);
		at.sort((a, b) => byScore(top[a] as Card, top[b] as Card));
		at.forEach((i, k) => {
			const c = top[i] as Card;
			if (k > 0) top[i] = { ...c, score: round(c.score * Math.exp((-COVER * k) / expected)) };
		});
	}
}

/** Index of the last value ≤ x in an ascending list (−1 if none). */
function lastAtOrBefore(sorted: number[], x: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((sorted[mid] ?? 0) <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

function round(score: number): number {
	return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** A common-noun phrase: no capital letter, no digit ("inflammatory response", not "Court of Justice", not "1973"). */
const plain = (answer: string): boolean => !/[\p{Lu}\p{N}]/u.test(answer);

interface Phrase {
	key: string;
	words: Set<string>;
}

/**
 * How many phrases of the index (per word, the phrases that use it) hold all the words of `key` or have all their
 * words in it, other than `key` itself: "immune response" and "innate immune response" ask one thing. Only phrases
 * sharing a word are looked at, so the cost stays linear in the deck.
 */
function nested(index: Map<string, Phrase[]>, key: string): number {
	const words = new Set(key.split(' '));
	const shared = new Map<Phrase, number>();
	for (const w of words) for (const p of index.get(w) ?? []) shared.set(p, (shared.get(p) ?? 0) + 1);
	let n = 0;
	for (const [p, k] of shared) if (p.key !== key && k === Math.min(words.size, p.words.size)) n++;
	return n;
}
