/**
 * Phrase boundaries for concept answers (issue 9, eighth pass). The chunker (nlp.ts) gives base noun phrases;
 * an answer must be a whole phrase of the sentence, and a base chunk is not one where
 *  - it is one conjunct of a coordination whose members share a head or a modifier: "high temperature and
 *    high pressure | physical experiments", "the formal or | legal registration system", "a body of treaties
 *    and legislation" — the answer is the whole coordination, or there is no card;
 *  - it is the complement of a quantifier: "a number of | field, laboratory, and modeling methods" asks the
 *    methods, never "number of field";
 *  - a degree adverb before it modifies its first adjective: "one of the most | important open questions" —
 *    the answer starts after that adjective ("open questions"), or there is no card.
 */
import type { Chunk, Clause, Tagged } from './nlp';

/** Adverbs that grade the adjective after them, not the phrase: "the most important", "more unusual", "highly diverse". */
const DEGREE = /^(?:most|more|less|least|very|so|too|quite|rather|fairly|extremely|relatively|increasingly|particularly|especially|equally|slightly|somewhat|\p{L}+ly)$/u;
/** Nouns that say how many, not what: "a number of", "a wide variety of", "a great deal of". */
const QUANTITY = /^(?:number|variety|range|series|collection|lot|lots|couple|handful|host|multitude|array|plethora|wealth|total|dozen|bunch|plenty|deal|amount|majority|minority)$/;
/** Adjectives that count or pick, never classify: they stay outside a coordination of modifiers ("many | poor and developing"). */
const QUANTIFIER = /^(?:many|much|few|several|more|most|less|least|some|all|other|various|numerous|same|such|own)$/;
const CONJ = /^(?:and|or)$/;

export interface Phrase {
	/** the whole phrase: the chunk itself, or a wider or narrower span of the clause's tokens */
	chunk: Chunk;
	/** the chunk is one member of a coordination ("the language and the customs"): no question cut after it reads well */
	conjunct: boolean;
}

const span = (text: string, c: Clause, from: number, to: number, head: number): Chunk | null => {
	const first = c.tokens[from];
	const last = c.tokens[to - 1];
	return first && last ? { from, to, head, start: first.start, end: last.end, text: text.slice(first.start, last.end) } : null;
};

const isModifier = (t: Tagged | undefined): boolean =>
	!!t && ((t.pos === 'ADJ' && !QUANTIFIER.test(t.lower)) || (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower)));

/** A comma, "and"/"or" or ", and" at token `at`: where the next member starts and whether it closes the list. */
function separator(c: Clause, at: number): { next: number; conj: boolean } | null {
	const t = c.tokens[at];
	const u = c.tokens[at + 1];
	if (t?.text === ',') return u?.pos === 'CCONJ' && CONJ.test(u.lower) ? { next: at + 2, conj: true } : { next: at + 1, conj: false };
	return t?.pos === 'CCONJ' && CONJ.test(t.lower) ? { next: at + 1, conj: true } : null;
}

/**
 * The noun phrases of the clause joined by commas and a final "and"/"or" ("field, laboratory, and numerical
 * modeling methods"), each list closed by its "and"/"or". A comma run with no "and" (an appositive) is none.
 */
function coordinations(c: Clause): Chunk[][] {
	const out: Chunk[][] = [];
	let run: Chunk[] = [];
	for (const k of c.chunks) {
		const prev = run[run.length - 1];
		const sep = prev ? separator(c, prev.to) : null;
		// "based on mercantilism, and involved colonies": after one phrase, a comma and "and", an "-ed" word (the tagger
		// reads it as a verb or an adjective) opens a second predicate of the subject, not a second phrase; in a list
		// of three it is a member ("coal, iron, and refined sugar").
		const first = c.tokens[k.from];
		const predicate = run.length === 1 && sep?.conj && c.tokens[sep.next - 2]?.text === ',' && (first?.pos === 'VERB' || first?.pos === 'ADJ') && /ed$/.test(first.lower);
		if (prev && sep && sep.next === k.from && !predicate) {
			run.push(k);
			if (sep.conj) {
				out.push(run);
				run = [];
			}
		} else run = [k];
	}
	return out;
}

const words = (c: Clause, k: Chunk): Tagged[] => c.tokens.slice(k.from, k.to).filter((t) => t.pos !== 'DET');

/**
 * The members share the last one's head: the last holds an adjective after a noun ("high temperature and pressure |
 * physical experiments"), parallel members open with an adjective before a longer last one ("low temperature and
 * high pressure | laboratory experiments"), or bare singular nouns stand before a plural phrase ("wheat and barley
 * crops", "field, laboratory, and numerical modeling methods" — a bare singular count noun is no phrase on its own).
 */
function sharesHead(c: Clause, members: Chunk[]): boolean {
	const first = members[0];
	const last = members[members.length - 1];
	if (!first || !last || members.length < 2) return false;
	// "the language and the customs", "French and several other languages": a determiner or quantifier opens a phrase of its own.
	if (members.some((k) => c.tokens[k.from]?.pos === 'DET' || QUANTIFIER.test(c.tokens[k.from]?.lower ?? ''))) return false;
	const shape = words(c, first).map((t) => t.pos);
	const tail = words(c, last);
	if (tail.length <= shape.length) return false;
	const before = members.slice(0, -1);
	// An adjective after a noun inside the last member is where the shared head begins: "high temperature and
	// pressure | physical experiments" (adjectives come before noun modifiers in one phrase).
	if (tail.some((t, i) => i > 0 && t.pos === 'ADJ' && tail[i - 1]?.pos === 'NOUN')) return true;
	// Parallel members that open with an adjective ("low temperature and high pressure | laboratory experiments");
	// two compounds of nouns are two phrases ("oxygen therapy and life support systems").
	const parallel = before.every((k) => words(c, k).map((t) => t.pos).join() === shape.join()) && shape.every((p, i) => tail[i]?.pos === p);
	if (shape.length >= 2) return parallel && shape[0] === 'ADJ';
	const head = c.tokens[last.head];
	const bareSingular = (k: Chunk) => k.to - k.from === 1 && c.tokens[k.from]?.pos === 'NOUN' && c.tokens[k.from]?.lemma === c.tokens[k.from]?.lower;
	return before.every(bareSingular) && !!head && head.pos === 'NOUN' && head.lemma !== head.lower;
}

/**
 * Where a coordination of modifiers that shares `k`'s head begins: "the formal or | legal registration system",
 * "many poor and | developing countries" (the first modifier an adjective, a quantifier left out), or -1.
 */
function modifiersBefore(c: Clause, k: Chunk): number {
	// A determiner opens a phrase of its own: "the innate and | the adaptive immunity".
	if (c.tokens[k.from]?.pos === 'DET') return -1;
	let j = k.from - 1;
	while (j >= 0 && (isModifier(c.tokens[j]) || c.tokens[j]?.text === ',' || (c.tokens[j]?.pos === 'CCONJ' && CONJ.test(c.tokens[j]?.lower ?? '')))) j--;
	let start = j + 1;
	while (start < k.from && !isModifier(c.tokens[start])) start++;
	const run = c.tokens.slice(start, k.from);
	const conj = run.findIndex((t) => t.pos === 'CCONJ');
	const commas = run.filter((t) => t.text === ',').length;
	// One "and"/"or", an adjective first, not after a noun ("deep scuba diving | and surface …": the tagger's
	// adjective there is a noun's), and right after the "and" a modifier like the first ("formal or | legal …").
	const after = c.tokens[start - 1];
	if (conj < 0 || run.filter((t) => t.pos === 'CCONJ').length > 1 || c.tokens[start]?.pos !== 'ADJ') return -1;
	if (after && ['NOUN', 'PROPN', 'NUM'].includes(after.pos)) return -1;
	if (conj === run.length - 1 && !isModifier(c.tokens[k.from])) return -1;
	// "It was cold, and | heavy rains fell": a comma before the "and" joins clauses unless it closes a list of
	// three ("poor, remote, and | developing").
	if (run[conj - 1]?.text === ',' && commas < 2) return -1;
	return start;
}

/** "a number of X", "a wide variety of X": the chunk X that the quantifier counts, or null. */
function counted(c: Clause, k: Chunk): Chunk | null {
	const head = c.tokens[k.head];
	const of = c.tokens[k.head + 1];
	if (!head || !QUANTITY.test(head.lower) || of?.lower !== 'of' || !/^an?$/.test(c.tokens[k.from]?.lower ?? '')) return null;
	return c.chunks.find((n) => n.from === k.head + 2) ?? null;
}

/**
 * The whole phrase an answer built on chunk `k` must be (see the module comment), or null when no whole phrase
 * can be cut from it. `k` may be a chunk with its "of" complement (nlp.ts extendOf).
 */
export function wholePhrase(text: string, c: Clause, k: Chunk): Phrase | null {
	const inner = counted(c, k);
	let chunk = inner ?? k;
	let conjunct = false;
	const from = modifiersBefore(c, chunk);
	// A chunk that already spans the whole coordination (a coordinated subject, nlp.ts) is a phrase of its own.
	const spans = (g: Chunk[]) => chunk.from <= (g[0]?.from ?? 0) && chunk.to >= (g[g.length - 1]?.to ?? 0);
	const list = coordinations(c).find((g) => !spans(g) && g.some((m) => m.from === chunk.from || m.to === chunk.to));
	if (from >= 0) {
		chunk = span(text, c, from, chunk.to, chunk.head) ?? chunk;
		conjunct = true;
	} else if (list) {
		conjunct = true;
		const first = list[0];
		const last = list[list.length - 1];
		// "a body of treaties and legislation": the "of" complement is coordinated, so the phrase takes all of it.
		const complement = chunk.from < (first?.from ?? 0) && chunk.to === first?.to;
		// "principles of law, or fundamental rights": a comma before the "or" of two members adds a phrase of its own.
		const afterthought = list.length === 2 && c.tokens[first?.to ?? -1]?.text === ',';
		if (first && last && !afterthought && (complement || sharesHead(c, list))) chunk = span(text, c, Math.min(chunk.from, first.from), last.to, last.head) ?? chunk;
	}
	// "the most | important open questions": the adverb grades "important"; the phrase starts after it.
	const before = c.tokens[chunk.from - 1];
	if (before?.pos === 'ADV' && DEGREE.test(before.lower) && isModifier(c.tokens[chunk.from])) {
		if (chunk.to - chunk.from < 3) return null;
		chunk = span(text, c, chunk.from + 1, chunk.to, chunk.head) ?? chunk;
	}
	return { chunk, conjunct };
}
