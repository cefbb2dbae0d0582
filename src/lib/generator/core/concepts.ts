/**
 * Concept facts (issue 9): common-noun phrases a reading is about ("cloud storage", "the trade deficit"),
 * asked with real syntax from the parse in nlp.ts:
 *  - the subject: "Cloud storage lets users keep files …" → "What lets users keep files …?"
 *  - the object, with subject–auxiliary inversion and the verb's lemma: "The Normans adopted the Romance
 *    language" → "What did the Normans adopt?"; "The committee has reviewed the budget" → "What has the
 *    committee reviewed?"; a count: "The city has 2,000 inhabitants" → "How many inhabitants does the city have?"
 *  - a definition by copula: "Cloud storage is a model of data storage …" → "What is cloud storage?"
 * Where the parse does not give one of these shapes, the fact is a cloze of the clause.
 */
import type { SentenceInfo } from './entities';
import type { Fact } from './fact';
import { blankOut, clauseAround, occurrences, resolveStart, tidy } from './clause';
import { shortQuestion } from './blanks';
import { selfContained } from './context';
import { analyse, extendOf, type Chunk, type Clause, type Tagged } from './nlp';
import { digest } from './rng';
import { conceptWeight, rarity, WEIGHTS, type ConceptFeatures } from './features';

/** Heads too general to be worth a card on their own ("part of", "the way", "a number"). */
const VAGUE_HEAD = /^(?:thing|things|way|ways|part|parts|number|numbers|kind|kinds|type|types|lot|lots|time|times|case|cases|example|examples|fact|facts|use|uses|one|ones|side|sides|form|forms|result|results|end|level|levels|area|areas|point|points|member|members|people|person|world|year|years|day|days|term|terms|order|place|rest|lack|variety|range|series|set|group|groups|amount|deal|majority|half|share|percent)$/i;
const ARTICLE = /^(?:the|a|an)\s+/i;
/** Nouns that place a phrase in time rather than name a thing ("Norman descendants today"). */
const TEMPORAL = /^(?:today|tomorrow|yesterday|now|nowadays|tonight)$/;
const COPULA = /^(?:is|are|was|were)$/;
const MAX_ANSWER_WORDS = 6;

/** How often each noun lemma occurs in the document: the salience of a phrase's head. */
export function headCounts(clauses: Iterable<Clause>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const c of clauses) for (const t of c.tokens) if (t.pos === 'NOUN') counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1);
	return counts;
}

/** The answer text of a chunk: without a leading article, never a pronoun, a name or a vague head alone. */
function answerOf(c: Chunk, tokens: Tagged[]): string | null {
	const head = tokens[c.head];
	if (!head || head.pos !== 'NOUN' || TEMPORAL.test(head.lower)) return null;
	const words = c.text.replace(ARTICLE, '').split(/\s+/);
	if (words.length > MAX_ANSWER_WORDS) return null;
	// Dates and amounts inside a phrase are asked as dates and numbers (mentions.ts), with their own distractors.
	if (/\d/.test(c.text)) return null;
	const content = tokens.slice(c.from, c.to).filter((t) => t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN');
	if (words.length === 1 && VAGUE_HEAD.test(head.lower)) return null;
	if (content.every((t) => VAGUE_HEAD.test(t.lower) || t.pos === 'ADJ')) return null;
	if (/^(?:this|these|those|that|such|some|any|each|every|many|most|several|other|another|all|both|its|their|his|her|our)$/i.test(tokens[c.from]?.lower ?? '')) return null;
	return c.text.replace(ARTICLE, '');
}

/** A sentence-initial capital is lowered inside a question ("Cloud storage" → "cloud storage"), a name's is not. */
function lowerFirst(s: string, tokens: Tagged[], from: number): string {
	const t = tokens[from];
	const next = tokens[from + 1];
	const name = t?.pos === 'PROPN' && (!next || /^\p{Lu}/u.test(next.text) || next.pos === 'PROPN');
	return t && t.start === 0 && !name && /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
const strip = (s: string): string => s.replace(/\s*[.!?]["”’]?$/, '').trim();

/** "keep" → "keeps", "carry" → "carries", "go" → "goes": the third person a "What" subject takes. */
function thirdPerson(verb: string): string {
	if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
	if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
	return `${verb}s`;
}

const SINGULAR_AUX: Record<string, string> = { are: 'is', were: 'was', have: 'has', do: 'does' };

/** "Cloud storage lets users …" → "What lets users …?" (the answer is the subject). */
export function subjectQuestion(clause: string, c: Clause): string | null {
	const s = c.subject;
	if (!s || c.verb === null) return null;
	const v = c.tokens[c.verb];
	if (!v) return null;
	let predicate = strip(clause.slice(v.start));
	if (v.pos === 'AUX' && SINGULAR_AUX[v.lower]) predicate = SINGULAR_AUX[v.lower] + predicate.slice(v.text.length);
	else if (v.pos === 'VERB' && v.lower === v.lemma && c.tense === 'present') predicate = thirdPerson(v.lower) + predicate.slice(v.text.length);
	const q = shortQuestion(predicate);
	return q ? `What ${q}?` : null;
}

/** The object right after the verb group, with its "of" complement. */
function objectOf(clause: string, c: Clause): Chunk | null {
	const after = (c.main ?? (c.aux.length === 1 ? c.aux[0] : null)) ?? null;
	if (after === null) return null;
	const o = c.chunks.find((k) => k.from === after + 1);
	return o ? extendOf(clause, c.tokens, c.chunks, o) : null;
}

/**
 * "The Normans adopted the Romance language in the 10th century" → "What did the Normans adopt in the 10th
 * century?"; with a count object, "How many inhabitants does …"; with a copula, "What is cloud storage?".
 */
export function objectQuestion(clause: string, parsed: Clause, o: Chunk): { question: string; answer: string } | null {
	let c = parsed;
	const s = c.subject;
	if (!s || c.verb === null) return null;
	const subjectText = lowerFirst(clause.slice(s.start, s.end), c.tokens, s.from);
	if (c.tokens.slice(s.from, s.to).some((t) => t.pos === 'PRON')) return null;
	const first = c.tokens[o.from];
	const tail = strip(clause.slice(o.end));
	// "lets users keep files": the object is the subject of a verb that follows, not the thing done.
	const after = c.tokens.find((t) => t.start >= o.end);
	if (after && (after.pos === 'VERB' || after.pos === 'AUX' || after.pos === 'PART')) return null;
	if (/^(?:of|'s|’s)\b/.test(tail) || tail.split(/\s+/).length > 12) return null;
	const count = first?.pos === 'NUM' && !/^(?:1\d{3}|20\d{2})$/.test(first.text) && o.to - o.from >= 2;
	const wh = count ? `How many ${clause.slice(c.tokens[o.from + 1]?.start ?? o.start, o.end)}` : 'What';
	const answer = count ? (first?.text ?? '') : clause.slice(o.start, o.end).replace(ARTICLE, '');
	const possessive = c.main === null && c.aux.length === 1 && /^(?:has|have|had)$/.test(c.tokens[c.aux[0] ?? -1]?.lower ?? '');
	if (possessive) c = { ...c, main: c.aux[0] ?? null, aux: [] };
	if (c.main === null) {
		const be = c.tokens[c.aux[0] ?? -1];
		if (!be || !COPULA.test(be.lower) || count) return null;
		return { question: `What ${be.lower} ${subjectText}?`, answer };
	}
	const main = c.tokens[c.main];
	if (!main) return null;
	const rest = tail ? ` ${tail}` : '';
	if (c.aux.length) {
		const [a0, ...more] = c.aux.map((i) => c.tokens[i]?.lower ?? '');
		const group = [...more, main.lower].join(' ');
		return { question: `${wh} ${a0} ${subjectText} ${group}${rest}?`, answer };
	}
	if (main.lemma === 'be') return null;
	const plural = c.tokens[s.head]?.lower.endsWith('s') && c.tokens[s.head]?.pos === 'NOUN';
	const doForm = c.tense === 'past' ? 'did' : plural ? 'do' : 'does';
	return { question: `${wh} ${doForm} ${subjectText} ${main.lemma}${rest}?`, answer };
}

export function conceptFacts(info: SentenceInfo, previous: SentenceInfo[], heads: Map<string, number>, analysed: Clause | undefined, weights = WEIGHTS): Fact[] {
	const resolved = resolveStart(tidy(info.s.text), info, previous);
	if (!resolved || !selfContained(resolved) || !analysed) return [];
	if (/\?["”’]?$/.test(resolved)) return [];
	const c = resolved === tidy(info.s.text) ? analysed : analyse(resolved);
	const out: Fact[] = [];
	const seen = new Set<string>();
	const push = (answer: string, head: Tagged | undefined, question: string | null, wordsOf: Chunk) => {
		if (seen.has(answer.toLowerCase()) || occurrences(info.s.text, answer) !== 1) return;
		const clause = clauseAround(resolved, answer);
		const cloze = blankOut(clause, answer);
		if (!cloze) return;
		seen.add(answer.toLowerCase());
		const n = head ? (heads.get(head.lemma) ?? 1) : 1;
		const words = answer.split(/\s+/);
		const features: ConceptFeatures = {
			salience: Math.min(1, Math.log2(n + 1) / 3),
			rarity: Math.max(...words.map((w) => (/^\p{L}+$/u.test(w) ? rarity(w) : 0))),
			subject: wordsOf.from === 0 ? 1 : 0,
			question: question ? 1 : 0,
			compound: words.length >= 2 ? 1 : 0,
			long: clause.split(/\s+/).length > 30 ? 1 : 0
		};
		out.push({
			key: `concept|${answer}|${digest(clause)}`,
			answer,
			answerKind: /^\d/.test(answer) ? 'number' : 'concept',
			info,
			question: question && selfContained(question) && occurrences(question, answer) === 0 ? question : undefined,
			cloze,
			weight: conceptWeight(features, weights),
			tags: ['concept']
		});
	};
	if (c.subject) {
		const a = answerOf(c.subject, c.tokens);
		if (a) push(a, c.tokens[c.subject.head], subjectQuestion(resolved, c), c.subject);
	}
	const o = objectOf(resolved, c);
	if (o) {
		const q = objectQuestion(resolved, c, o);
		const a = q && /^\d/.test(q.answer) ? q.answer : answerOf(o, c.tokens);
		if (a) push(a, c.tokens[o.head], q && q.answer === a ? q.question : null, o);
	}
	// Other salient noun phrases become cloze facts: a term the document repeats, or a compound term.
	for (const k of c.chunks) {
		if (k === c.subject || (o && k.from === o.from)) continue;
		const head = c.tokens[k.head];
		const a = answerOf(k, c.tokens);
		if (!a || !head) continue;
		const compound = k.to - k.from - (c.tokens[k.from]?.pos === 'DET' ? 1 : 0) >= 2;
		if ((heads.get(head.lemma) ?? 0) >= 3 || compound) push(a, head, null, k);
	}
	return out;
}
