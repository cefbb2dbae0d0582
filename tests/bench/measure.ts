/**
 * The benchmark's figures for one deck against people's questions (issue 9), pure so they can be unit-tested.
 *
 * A card "asks" a gold question when its answer and one of the question's answers reach token F1 ≥ 0.5 after
 * SQuAD's answer normalisation. The top H are the first H cards with a span answer (basic, cloze, mcq) in deck
 * order, H = the number of gold questions.
 *  - recall@H: share of gold questions asked by at least one top card;
 *  - precision@H: share of top cards that ask a gold question, where one gold ANSWER credits at most two cards
 *    (gold questions whose answers share a normalised variant are one answer: "Normans" asked thirteen times
 *    counts twice, not thirteen times);
 *  - maxRepeat: the most top cards sharing one normalised answer.
 */
import type { Card } from '../../src/lib/domain/types';
import { normaliseAnswer, tokenF1 } from './squad';

export const MATCH_F1 = 0.5;
/** How many cards one gold answer may credit in precision@H. */
export const CREDITS_PER_ANSWER = 2;
export const SPAN_TYPES = new Set(['basic', 'cloze', 'mcq']);


/** Gold questions grouped into answers: two questions are one answer when they share a normalised variant. */
export function answerGroups(gold: string[][]): number[] {
	const parent = gold.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
	const owner = new Map<string, number>();
	gold.forEach((variants, i) => {
		for (const v of variants) {
			const key = normaliseAnswer(v).join(' ');
			if (!key) continue;
			const j = owner.get(key);
			if (j === undefined) owner.set(key, i);
			else parent[find(i)] = find(j);
		}
	});
	return gold.map((_, i) => find(i));
}

export interface TopScore {
	H: number;
	shown: number;
	recalled: number;
	credited: number;
	maxRepeat: number;
}

/** Score the top H span cards (in the given order) against the gold questions' answer variants. */
export function scoreTop(answers: string[], gold: string[][]): TopScore {
	const H = gold.length;
	const top = answers.slice(0, H);
	const group = answerGroups(gold);
	// Normalised once: H × H × variants comparisons per article.
	const goldTokens = gold.map((golds) => golds.map(normaliseAnswer));
	const asked = new Set<number>();
	const credits = new Map<number, number>();
	let credited = 0;
	for (const answer of top) {
		const tokens = normaliseAnswer(answer);
		const hits = goldTokens.flatMap((golds, i) => (golds.some((g) => tokenF1(tokens, g) >= MATCH_F1) ? [i] : []));
		for (const i of hits) asked.add(i);
		// Credit the matched answer that has been credited least so far, if it still has room.
		const open = [...new Set(hits.map((i) => group[i] ?? i))].sort((a, b) => (credits.get(a) ?? 0) - (credits.get(b) ?? 0))[0];
		if (open !== undefined && (credits.get(open) ?? 0) < CREDITS_PER_ANSWER) {
			credits.set(open, (credits.get(open) ?? 0) + 1);
			credited++;
		}
	}
	const repeats = new Map<string, number>();
	for (const a of top) {
		const key = normaliseAnswer(a).join(' ');
		repeats.set(key, (repeats.get(key) ?? 0) + 1);
	}
	return { H, shown: top.length, recalled: asked.size, credited, maxRepeat: Math.max(0, ...repeats.values()) };
}

/** The answers of a deck's span cards in deck order: what scoreTop reads. */
export const spanAnswers = (cards: Card[]): string[] => cards.filter((c) => SPAN_TYPES.has(c.type)).map((c) => c.answer);

/** A fact a student should carry away from a reading (tests/fixtures/seed-key-facts.json). */
export interface KeyFact {
	fact: string;
	/** Answers that ask it: any one of them matching a card's answer (token F1 ≥ MATCH_F1). */
	answers: string[];
	/** Words of the fact's own sentence, so the card asks it there and not elsewhere. */
	anchor: string;
}

/** How many key facts one of the first `top` span cards asks: its answer matches and its sentence holds the anchor. */
export function keyFactsCovered(cards: Card[], facts: KeyFact[], top = 200): number {
	const asked = cards.slice(0, top).filter((c) => SPAN_TYPES.has(c.type)).map((c) => ({ answer: normaliseAnswer(c.answer), sentence: c.source.sentence.replace(/\s+/g, ' ') }));
	return facts.filter((f) => {
		const answers = f.answers.map(normaliseAnswer);
		return asked.some((c) => c.sentence.includes(f.anchor) && answers.some((a) => tokenF1(c.answer, a) >= MATCH_F1));
	}).length;
}
