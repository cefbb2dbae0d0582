/**
 * Predicate adjectives (issue 9, sixth pass): what a sentence says a thing IS, as a quality, not as a noun —
 * "Dioxygen is paramagnetic", "the effect of trade on inequality is minor when compared to other causes",
 * "outcomes that are widely viewed as unfair". People ask such answers (9 % of the dev set's), and no other
 * extractor builds an answer from an adjective. The fact is a cloze of the clause: a question ("How is X
 * described?") seldom reads well and never says which word is wanted.
 *
 * Only an adjective that carries content: rare in general English (SUBTLEX rank, features.ts `rarity`), not a
 * judgement every text makes ("important", "possible", "similar"), not comparative, not negated ("is not
 * _____" has no one answer), and never beside its own opposite or a word of its family ("_____ … unlike the
 * magnetic …", "unfair … fair").
 */
import type { SentenceInfo } from './entities';
import type { Fact } from './fact';
import { blankOut, clauseAround, occurrences, pieceCount, resolveStart, tidy } from './clause';
import { selfContained } from './context';
import { rarity } from './features';
import { analyse, type Clause, type Tagged } from './nlp';
import { digest } from './rng';

/** The SUBTLEX rarity (features.ts) an adjective needs: rank about 4,000 and beyond ("minor", "unfair", "toxic"). */
export const MIN_RARITY = 0.82;
/** A predicate adjective has the cue of a noun phrase: the ranker's other features decide. */
const PREDICATE_CUE = 0.5;
/**
 * People ask about a third of the qualities that reach a deck's top, against more than half of its other cards:
 * measured on the dev set, 0.85 keeps the hits that rank well ("paramagnetic", "intractable") and lets the
 * weaker ones fall below the cut (docs/generator.md, sixth pass).
 */
const PREDICATE_QUALITY = 0.85;
/** A clause longer than this many words ranks at LONG_QUALITY. */
const LONG_CLAUSE = 30;
const LONG_QUALITY = 0.9;
/** Fewer words than this in the stem leave too little context to answer from. */
const MIN_STEM_WORDS = 8;

/** Adverbs allowed between the linking verb and its quality ("is largely toxic", "is also often toxic"). */
const MAX_ADVERBS = 2;
/** Verbs that link a subject to a quality: "is", "became", "remains", "seems". */
const LINKING = new Set(['be', 'become', 'remain', 'seem', 'stay', 'prove', 'grow', 'turn']);
/** Verbs that take "as" + a quality ("viewed as unfair", "regarded as toxic"), or a bare one ("considered unfair"). */
const JUDGING = new Set(['view', 'regard', 'consider', 'see', 'describe', 'characterize', 'characterise', 'classify', 'deem', 'perceive', 'judge']);
/** How far back a modal or a negation still belongs to the verb group ("should not be regarded as"). */
const VERB_GROUP = 4;
/** Words that open a clause of condition or time: its quality holds only then. */
const CONDITION = /^(?:if|when|whenever|whether|unless|once|until)$/;
/** Pronouns a quality may be stated of: the card would ask about whatever they point to. */
const PERSONAL = /^(?:it|they|he|she|we|you|i)$/;
/** Modals that make the quality a possibility: "may be helpful", "could become unsustainable". */
const HEDGE = /^(?:may|might|could|would|can|should)$/;
/** Adverbs that negate or compare: the quality is not stated of the subject, or only against something else. */
const NOT_STATED = /^(?:not|n't|never|no|hardly|barely|scarcely|less|least|more|most|too|so|as|equally)$/;

/**
 * Rare enough to pass MIN_RARITY, yet relational or a matter of degree or of grammar, never what a reading
 * teaches about its subject ("is similar to", "are responsible for", "is unable to").
 */
const EMPTY = new Set(
	'dependent independent similar different same equal equivalent identical comparable related unrelated relevant irrelevant responsible unable able likely unlikely possible impossible necessary unnecessary available unavailable present absent aware unaware sure certain uncertain subject due prone capable incapable willing unwilling eager ready free apparent evident obvious clear unclear true false correct incorrect accurate inaccurate appropriate inappropriate sufficient insufficient adequate inadequate useful significant insignificant notable noteworthy interesting important unimportant essential crucial critical vital key'.split(' ')
);
/** A prefix that makes an opposite: "unfair" / "fair", "non-cryogenic" / "cryogenic". */
const NEGATIVE_PREFIX = /^(?:un|in|im|il|ir|non-?|dis|anti-?|a)(?=\p{L}{4})/u;

/** The whole hyphenated word a token belongs to ("non-cryogenic" may be three tokens), as a token range. */
function hyphenated(tokens: Tagged[], i: number): [number, number] {
	let from = i;
	let to = i + 1;
	while (from >= 2 && /^[-–]$/.test(tokens[from - 1]?.text ?? '') && tokens[from - 1]?.start === tokens[from - 2]?.end && tokens[from]?.start === tokens[from - 1]?.end) from -= 2;
	while (/^[-–]$/.test(tokens[to]?.text ?? '') && tokens[to]?.start === tokens[to - 1]?.end && tokens[to + 1]?.start === tokens[to]?.end) to += 2;
	return [from, to];
}

/**
 * The verb group before token `k` states its quality as a fact: no modal ("may be helpful", "could become
 * unsustainable", "should not be regarded as"), no negation, and no condition or time clause around it ("if the
 * inclusion is strict", "even when they are stable", "occur when the components are inactive").
 */
function stated(tokens: Tagged[], k: number): boolean {
	for (let j = k - 1; j >= 0 && j >= k - VERB_GROUP; j--) {
		const w = tokens[j]?.lower ?? '';
		if (HEDGE.test(w) || /^(?:not|n't|never)$/.test(w)) return false;
	}
	for (let j = k - 1; j >= 0; j--) {
		const w = tokens[j]?.lower ?? '';
		if (/^[,;:–—]$/.test(w)) break;
		if (CONDITION.test(w)) return false;
	}
	return true;
}

/**
 * The token before a quality links it to its subject: a linking verb ("is", "became"), a judging verb's "as"
 * ("viewed as"), or a judging verb itself ("considered"). Adverbs of manner or extent may stand between
 * ("is largely toxic", "are widely viewed as"); a negation or a comparison may not.
 */
function linked(tokens: Tagged[], from: number): boolean {
	let k = from - 1;
	while (k >= 0 && tokens[k]?.pos === 'ADV' && tokens[k]?.lower !== 'as') {
		if (NOT_STATED.test(tokens[k]?.lower ?? '')) return false;
		k--;
	}
	const t = tokens[k];
	if (!t || from - 1 - k > MAX_ADVERBS || !stated(tokens, k)) return false;
	if (t.lower === 'as') return JUDGING.has(tokens[k - 1]?.lemma ?? '') || (tokens[k - 1]?.pos === 'ADV' && JUDGING.has(tokens[k - 2]?.lemma ?? ''));
	if (t.pos !== 'AUX' && t.pos !== 'VERB') return false;
	// "Like the helicosproidia, they're parasitic": the quality of a pronoun, whose referent the card may not hold.
	if (tokens[k - 1]?.pos === 'PRON' && PERSONAL.test(tokens[k - 1]?.lower ?? '')) return false;
	return LINKING.has(t.lemma) || (JUDGING.has(t.lemma) && t.lemma !== 'see' && /ed$|en$/.test(t.lower));
}

/**
 * The word is the quality itself: lower case, rare, no comparative or superlative, not an empty relational
 * adjective, not followed by a noun it modifies ("is toxic gas" reads it as attributive), and not a passive
 * participle with its complement ("is located in", "are composed of").
 */
function contentful(tokens: Tagged[], from: number, to: number, text: string): boolean {
	const last = tokens[to - 1];
	const next = tokens[to];
	if (!last || !/^\p{Ll}[\p{Ll}-]+$/u.test(text) || text.length < 4) return false;
	if (next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ' || next.pos === 'NUM')) return false;
	if (/(?:er|est)$/.test(last.lower) && last.lemma !== last.lower) return false;
	// A participle is a passive verb ("are sown for grain", "is illuminated") unless an adverb of degree makes it a
	// state ("highly diversified"); with its complement it is a relation ("negatively correlated with").
	if (/(?:ed|wn)$/.test(last.lower) && (!/ly$/.test(tokens[from - 1]?.lower ?? '') || next?.pos === 'ADP')) return false;
	const core = text.replace(NEGATIVE_PREFIX, '');
	if (EMPTY.has(text) || EMPTY.has(core)) return false;
	return rarity(text.split('-').pop() ?? text) >= MIN_RARITY || (from < to - 1 && rarity(text) >= MIN_RARITY);
}

/** A word of the stem gives the quality away: its own opposite or a word of its family ("fair" for "unfair", "toxicity" for "toxic"). */
export function givesAway(stem: string, answer: string): boolean {
	const a = answer.toLowerCase();
	const core = a.replace(NEGATIVE_PREFIX, '');
	for (const w of stem.toLowerCase().match(/[\p{L}-]{4,}/gu) ?? []) {
		const wc = w.replace(NEGATIVE_PREFIX, '');
		if (w === a) continue;
		if (wc === core || w === core || wc === a) return true;
		// The same family: one word begins with the other's first six letters ("toxic"/"toxicity", "magnetic"/"magnetism").
		const root = core.slice(0, Math.min(6, core.length));
		if (root.length >= 5 && wc.startsWith(root)) return true;
	}
	return false;
}

/** Cloze facts whose answer is a predicate adjective of the clause (see the module comment). */
export function predicateFacts(info: SentenceInfo, previous: SentenceInfo[], analysed: Clause | undefined): Fact[] {
	const resolved = resolveStart(tidy(info.s.text), info, previous);
	if (!resolved || !analysed || !selfContained(resolved) || /\?["”’]?$/.test(resolved)) return [];
	const c = resolved === tidy(info.s.text) ? analysed : analyse(resolved, analysed.capitalised);
	const out: Fact[] = [];
	for (let i = 0; i < c.tokens.length; i++) {
		if (c.tokens[i]?.pos !== 'ADJ') continue;
		const [from, to] = hyphenated(c.tokens, i);
		const first = c.tokens[from];
		const last = c.tokens[to - 1];
		if (!first || !last) continue;
		const answer = resolved.slice(first.start, last.end);
		i = to - 1;
		if (!linked(c.tokens, from) || !contentful(c.tokens, from, to, answer)) continue;
		// "paramagnetic and diamagnetic" or "toxic, corrosive": a coordinated quality would fit the blank as well.
		// The model may read the second as a noun ("toxic and corrosive/NOUN to the lungs"): a bare noun right before a
		// preposition or a stop is one.
		const after = c.tokens[to];
		const second = c.tokens[to + 1];
		const bare = second?.pos === 'NOUN' && ['ADP', 'PUNCT', 'CCONJ'].includes(c.tokens[to + 2]?.pos ?? 'PUNCT');
		if ((after?.pos === 'CCONJ' || after?.text === ',') && (second?.pos === 'ADJ' || bare)) continue;
		if (occurrences(info.s.text, answer) !== 1 || occurrences(resolved, answer) !== 1) continue;
		const clause = clauseAround(resolved, answer);
		const cloze = blankOut(clause, answer);
		if (!cloze || pieceCount(cloze) < MIN_STEM_WORDS || givesAway(cloze, answer)) continue;
		out.push({
			key: `quality|${answer}|${digest(clause)}`,
			answer,
			answerKind: 'quality',
			info,
			cloze,
			weight: PREDICATE_CUE,
			// A long clause makes a hard card, as for concepts.
			quality: PREDICATE_QUALITY * (pieceCount(clause) > LONG_CLAUSE ? LONG_QUALITY : 1),
			tags: ['quality']
		});
	}
	return out;
}
