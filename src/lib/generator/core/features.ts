/**
 * The ranker (issue 9): every fact gets named features, each 0..1, and its weight is a logistic model of
 * them, P(people ask about this answer) = σ(bias + Σ wᵢ·xᵢ). The weights are fitted on public data —
 * SQuAD articles with the questions people wrote (`npm run fit:ranker`, tests/bench/fit.ts) — and
 * docs/generator.md records each feature's weight and its effect on the figures. The extractor's own
 * cue strength (an appositive role is a clearer fact than a blanked noun) is one of the features.
 */
import { pieceCount } from './clause';
import { ENGLISH_RANKS } from './english-ranks';
import type { AnswerKind, Fact } from './fact';
import { FUNCTION_WORDS } from './lexicon';

export const FEATURES = [
	/** the extractor's cue strength, as the extractor set it (0..1) */
	'cue',
	/** a real wh-question could be built, not only a cloze */
	'question',
	'person',
	'org',
	'place',
	/** a capitalised name of no known kind */
	'name',
	/** a date or a year */
	'time',
	'number',
	/** a common-noun phrase */
	'concept',
	/** a cause, purpose or means clause */
	'reason',
	/** a term, an acronym or its expansion, a role */
	'term',
	/** how rare the answer's rarest word is in general English (SUBTLEX-US rank) */
	'rarity',
	/** how often the document uses the answer's rarest word (log scale, 16+ uses = 1) */
	'recurrence',
	/** answer length: 1 word = 0, 6+ words = 1 */
	'length',
	/** the answer is the clause's subject: what the sentence is about */
	'subject',
	/** the answer is the object of the clause's main verb */
	'object',
	/** the sentence opens its paragraph */
	'opening',
	/** where the answer stands in its sentence: 0 at the start, 1 at the end (new information comes late) */
	'position',
	/** the answer's rarest word was used in an earlier sentence: given, not new, information */
	'given',
	/** the sentence is long (40+ words = 1): harder to read as a card, and full of other candidates */
	'sentence'
] as const;

export type Feature = (typeof FEATURES)[number];
export type FeatureVector = Record<Feature, number>;

export interface RankModel {
	bias: number;
	weights: FeatureVector;
}

/**
 * Fitted 2026-12-04 by tests/bench/fit.ts (logistic start, then coordinate search on recall@H + precision@H) on
 * 16 SQuAD articles, 2,858 questions: the two public ones and the development set in docs/generator.md.
 * Refit with `npm run fit:ranker` after changing an extractor.
 */
export const MODEL: RankModel = {
	bias: -0.725,
	weights: { cue: 0.203, question: -0.166, person: -0.016, org: -0.488, place: -0.354, name: -0.406, time: 0.547, number: 0.754, concept: -0.412, reason: -1.718, term: -0.323, rarity: 1.162, recurrence: 0.888, length: 0.561, subject: 0.159, object: 0.028, opening: 1.74, position: -0.118, given: 0.076, sentence: -0.376 }
};

const KIND: Partial<Record<AnswerKind, Feature>> = {
	person: 'person',
	org: 'org',
	place: 'place',
	name: 'name',
	date: 'time',
	year: 'time',
	number: 'number',
	concept: 'concept',
	quality: 'concept',
	cause: 'reason',
	purpose: 'reason',
	means: 'reason',
	term: 'term',
	acronym: 'term',
	expansion: 'term',
	role: 'term'
};

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

/** What the features need to know of the whole document. */
export interface DocStats {
	/** lower-case word → uses in the document */
	words: Map<string, number>;
	/** start offsets of the sentences that open a paragraph */
	openings: Set<number>;
	/** lower-case word → start offset of the first sentence that uses it */
	firstUse: Map<string, number>;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function docStats(sentences: { s: { start: number; para: number; text: string } }[]): DocStats {
	const words = new Map<string, number>();
	const openings = new Set<number>();
	const firstUse = new Map<string, number>();
	let para = -1;
	for (const { s } of sentences) {
		if (s.para !== para) openings.add(s.start);
		para = s.para;
		for (const w of s.text.toLowerCase().match(WORD) ?? []) {
			words.set(w, (words.get(w) ?? 0) + 1);
			if (!firstUse.has(w)) firstUse.set(w, s.start);
		}
	}
	return { words, openings, firstUse };
}

/** Every feature at 0, in `FEATURES` order: each fact's vector starts as a copy (building it from entries cost more). */
const NO_FEATURES = Object.fromEntries(FEATURES.map((k) => [k, 0])) as FeatureVector;

export function factFeatures(f: Fact, doc: DocStats): FeatureVector {
	// A name's two-letter parts count ("Ri" of "Ri Gun", "Xi" of "Xi Jinping"): its common-word part ("Gun") is not what it is.
	const all = f.answer.toLowerCase().match(WORD) ?? [];
	const named = all.length > 1 && (f.answerKind === 'person' || f.answerKind === 'name' || f.answerKind === 'org' || f.answerKind === 'place');
	const words = all.filter((w) => w.length > 2 || /\d/.test(w) || (named && w.length === 2 && !FUNCTION_WORDS.has(w)));
	const rarest = words.reduce<{ w: string; r: number }>((best, w) => {
		const r = /^\d/.test(w) ? 1 : rarity(w);
		return r > best.r ? { w, r } : best;
	}, { w: '', r: 0 });
	const uses = doc.words.get(rarest.w) ?? 1;
	const out: FeatureVector = { ...NO_FEATURES };
	out.cue = f.cue ?? f.weight;
	out.question = f.question ? 1 : 0;
	const kind = KIND[f.answerKind];
	if (kind) out[kind] = 1;
	out.rarity = rarest.r;
	out.recurrence = Math.min(1, Math.log2(uses) / 4);
	out.length = Math.min(1, (pieceCount(f.answer) - 1) / 5);
	out.subject = f.subject ? 1 : 0;
	out.object = f.object ? 1 : 0;
	out.opening = doc.openings.has(f.info.s.start) ? 1 : 0;
	// Where the answer stands in the sentence as written: a view moves words ("…, according to NEACD founder Susan
	// Shirk." from "According to NEACD founder Susan Shirk, …": long.ts frontedView).
	const sentence = (f.info.whole ?? f.info.s).text;
	const at = sentence.indexOf(f.answer);
	out.position = at < 0 ? 0.5 : at / Math.max(1, sentence.length - f.answer.length);
	out.given = (doc.firstUse.get(rarest.w) ?? f.info.s.start) < f.info.s.start ? 1 : 0;
	out.sentence = Math.min(1, f.info.tokens.length / 40);
	return out;
}

export function predict(x: FeatureVector, model: RankModel = MODEL): number {
	let z = model.bias;
	for (const k of FEATURES) z += model.weights[k] * x[k];
	return 1 / (1 + Math.exp(-z));
}

/**
 * Every fact's weight becomes the model's probability times the fact's quality (what people ask, then what
 * makes a good card); the extractor's weight is kept as `cue`.
 */
export function scoreFacts(facts: Fact[], doc: DocStats, model: RankModel = MODEL): void {
	for (const f of facts) {
		f.cue ??= f.weight;
		f.weight = Math.round(predict(factFeatures(f, doc), model) * (f.quality ?? 1) * 1e6) / 1e6;
	}
}
