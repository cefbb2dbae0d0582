/**
 * The concept ranker's named features and their weights (issue 9). Each feature is 0..1; a concept fact's
 * weight is BASE plus the weighted sum. The weights were fitted by coordinate search on the public sample and
 * the development set (tests/bench/fit.ts); docs/generator.md records each feature's effect.
 */
import { ENGLISH_RANKS } from './english-ranks';

export interface ConceptFeatures {
	/** how often the document uses the phrase's head noun (log scale, 8+ uses = 1) */
	salience: number;
	/** how rare the phrase's rarest content word is in general English (SUBTLEX-US rank) */
	rarity: number;
	/** the phrase is the clause's subject: what the sentence is about */
	subject: number;
	/** a real question (subject, object or definition) could be built, not only a cloze */
	question: number;
	/** two or more content words: a term rather than a word */
	compound: number;
	/** the clause is long (over 30 words): harder to read as a card */
	long: number;
}

export const BASE = 0.42;
export const WEIGHTS: Record<keyof ConceptFeatures, number> = { salience: 0.12, rarity: 0.12, subject: 0.04, question: 0.08, compound: 0.04, long: -0.06 };

let ranks: Map<string, number> | null = null;

/** 0 for the most common English words, 1 for words outside the 20,000 most common. */
export function rarity(word: string): number {
	if (!ranks) {
		ranks = new Map();
		ENGLISH_RANKS.split(' ').forEach((w, i) => ranks?.set(w, i + 1));
	}
	const r = ranks.get(word.toLowerCase());
	return r === undefined ? 1 : Math.log(r) / Math.log(20_001);
}

export function conceptWeight(f: ConceptFeatures, weights: Record<keyof ConceptFeatures, number> = WEIGHTS): number {
	let w = BASE;
	for (const k of Object.keys(weights) as (keyof ConceptFeatures)[]) w += weights[k] * f[k];
	return Math.min(1, Math.max(0, w));
}
