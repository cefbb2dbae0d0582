/**
 * List members (issue 9, design item 2): "The Rhine flows through Switzerland, Liechtenstein, Austria, Germany,
 * France and the Netherlands" or "Oxygen's three allotropes are dioxygen, ozone and tetraoxygen" make ONE card
 * per list, never one per member.
 *
 * A closed list of 3–5 short members that ends its clause as the object, the phrase of a preposition the verb
 * takes or a copula's complement is asked WHOLE, as a pair is (concepts.ts `pairOf`): "What are oxygen's three
 * allotropes?" → dioxygen, ozone and tetraoxygen (`wholeListFact`; sixteenth pass). People ask lists whole far
 * more often than one member, and the answer check takes the members in any order, each with its own typo
 * allowance (src/lib/quiz/answer-check.ts `checkList`). Such a card is never a multiple choice: no distractor
 * has the shape of a list (cards.ts, `Fact.members`).
 *
 * Any other list asks one member and keeps the others in the stem, so the blank has exactly one right answer: a
 * question where the list ends its clause ("Apart from Liechtenstein, Austria, Germany, France and the
 * Netherlands, which country does the Rhine flow through?" → Switzerland), else a cloze ("The old road crossed
 * _____, Austria and Bavaria before it reached the coast" → Hungary).
 *
 * A list is read from the NLP layer's noun-phrase chunks (nlp.ts), not from capitals: 3–8 chunks of the same
 * kind (all names or all common nouns) joined by commas with a final "and"/"or". A list the sentence says is
 * open ("such as", "including", "include", "like", "and others", "etc.") has no unique missing member and makes
 * no card. The other extractors' facts on a member are dropped (one card per list), and so is a count of the
 * members ("Oxygen's _____ allotropes are dioxygen, ozone and tetraoxygen": counting the list answers it).
 */
import { blankOut, clauseAround, occurrences, pieceCount, resolveStart, tidy } from './clause';
import { selfContained } from './context';
import { entityKey, type DocModel, type SentenceInfo } from './entities';
import type { AnswerKind, Fact } from './fact';
import { frontedAdjunct, inverted, objectOf, objectQuestion, prepositionalObject, prepositionalQuestion, whFor as conceptWh, withLead, type Core } from './concepts';
import { placeLevel } from './distractors';
import type { Chunk, Clause, Tagged } from './nlp';
import { digest } from './rng';

export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 8;
/** A member longer than this is a clause piece, not an item of a list. */
const MAX_MEMBER_WORDS = 4;
/** The extractors' cue for a list member: a clear structure, like a definition's, weaker than a named role. */
const LIST_CUE = 0.7;
/** Words that say a list gives examples only: another member would fit the blank too. */
const OPEN_MARKER = /^(?:including|include|includes|included|notably|especially|particularly|e\.g\.)$/;
const OPEN_PAIR = /^(?:such as|for example|for instance|among them|among others)$/;
/** Words after the list that say it goes on. */
const OPEN_AFTER = /^,?\s*(?:etc\b|and (?:others|more|so on|many others|other)\b|or (?:others|other)\b|among others\b|to name (?:but |just )?a few\b)/i;
const COUNT_WORDS = ['three', 'four', 'five', 'six', 'seven', 'eight'];
/** A subject that says its list gives examples only ("Examples of containers are …"). */
const EXAMPLE_HEAD = /^(?:examples?|instances?|illustrations?|samples?)$/;
const VAGUE = /^(?:thing|things|way|ways|part|parts|kind|kinds|type|types|lot|lots|one|ones|others|example|examples)$/i;

export interface List {
	/** the members' chunks, in order */
	members: Chunk[];
	/** character span of the whole list in the analysed text */
	start: number;
	end: number;
	/** names (proper nouns) or common-noun phrases */
	kind: 'name' | 'concept';
}

/** A member's text without a leading article: "the Netherlands" → "Netherlands". */
const bare = (s: string): string => s.replace(/^(?:the|a|an)\s+/i, '');

const RELATIVE_WORD = /^(?:which|what|whose|whom|who|whatever|whichever)$/;
/** Determiners and quantifiers that make a member open or vague ("other issues", "any methods", "all fats"). */
const OPEN_MEMBER = /^(?:other|another|any|some|all|many|much|more|most|few|several|various|numerous|this|these|that|those|such|each|every)$/;

/**
 * A chunk's kind as a member: a name (every word a proper noun, or the sentence's first words where they are a
 * name the sentence mentions: the tagger reads "Germany" opening a sentence as a common noun when the document
 * never writes it inside one), a common-noun phrase, or neither.
 */
function memberKind(c: Clause, k: Chunk, mentioned: ReadonlySet<string>): 'name' | 'concept' | null {
	const words = c.tokens.slice(k.from, k.to);
	const content = words.filter((t) => t.pos !== 'DET');
	if (!content.length || content.length > MAX_MEMBER_WORDS) return null;
	// "gluons, which form part of …": a relative word the tagger reads as a determiner opens a clause, not a member.
	if (words.some((t) => t.pos === 'NUM' || t.pos === 'PRON' || /\d/.test(t.text) || OPEN_MEMBER.test(t.lower) || RELATIVE_WORD.test(t.lower))) return null;
	// "lower temperatures", "the more waste": a comparison, not an item.
	if (content.some((t) => t.pos === 'ADJ' && t.lemma !== t.lower && /(?:er|est)$/.test(t.lower))) return null;
	const head = c.tokens[k.head];
	if (!head) return null;
	if (content.every((t) => t.pos === 'PROPN') || (k.start === 0 && mentioned.has(entityKey(k.text)))) return 'name';
	// A capitalised word inside a common-noun member is a name the tagger missed ("the Court of Justice, …").
	const lower = content.every((t) => t.pos !== 'PROPN' && (t.start === 0 || !/^\p{Lu}/u.test(t.text)));
	// A gerund alone between two separators is a member too (`mistagged`: "tracks, signalling and overhead wires").
	const noun = head.pos === 'NOUN' || (k.from === k.head && head.pos === 'VERB' && GERUND.test(head.lower));
	if (noun && lower && !(content.length === 1 && VAGUE.test(head.lower))) return 'concept';
	return null;
}

/** Is the token between two members a list separator: ",", ", and", ", or", "and", "or"? Returns the tokens it spans. */
function separator(tokens: Tagged[], at: number): { width: number; final: boolean } | null {
	const t = tokens[at];
	const next = tokens[at + 1];
	if (t?.text === ',' && (next?.lower === 'and' || next?.lower === 'or')) return { width: 2, final: true };
	if (t?.text === ',') return { width: 1, final: false };
	if (t?.lower === 'and' || t?.lower === 'or') return { width: 1, final: true };
	return null;
}

/** An "of" phrase may take at most this many words besides its determiners ("the collapse of | foreign trade"). */
const MAX_OF_WORDS = 3;

/**
 * A member between two others may take its "of" phrase: "drought, the collapse of trade and poor harvests". The
 * phrase must end at a separator, so it is the member's own. After the last member it may belong to all of them
 * ("bones, muscles and the membranes of the organs"), and the run is left alone (`findLists`); after the first it
 * is most often the list itself ("the sea ports of Rotterdam, Antwerp and Amsterdam").
 */
function withOf(text: string, c: Clause, k: Chunk, byFrom: Map<number, Chunk>): Chunk {
	const of = byFrom.get(k.to + 1);
	if (c.tokens[k.to]?.lower !== 'of' || !of || !separator(c.tokens, of.to)) return k;
	const words = c.tokens.slice(of.from, of.to);
	if (words.filter((t) => t.pos !== 'DET').length > MAX_OF_WORDS || words.some((t) => t.pos === 'PRON' || t.pos === 'NUM')) return k;
	return { ...k, to: of.to, end: of.end, text: text.slice(k.start, of.end) };
}

/** A participle the tagger reads as a verb before a member's noun ("dried | fish"), and a gerund alone ("signalling"). */
const PARTICIPLE = /ed$/;
const GERUND = /ing$/;

/**
 * A member the chunker leaves out because the tagger reads a word of it as a verb, found from the separator before
 * it: a past participle before a bare noun phrase ("plant resins, dried fish and salt") or a gerund that is the
 * whole member ("new tracks, signalling and overhead wires").
 */
function mistagged(text: string, c: Clause, at: number, byFrom: Map<number, Chunk>): Chunk | undefined {
	const t = c.tokens[at];
	if (!t || t.pos !== 'VERB' || t.lemma === t.lower) return undefined;
	const n = byFrom.get(at + 1);
	if (PARTICIPLE.test(t.lower) && n && c.tokens[n.from]?.pos !== 'DET') return { ...n, from: at, start: t.start, text: text.slice(t.start, n.end) };
	const after = c.tokens[at + 1];
	if (GERUND.test(t.lower) && (!after || after.pos === 'PUNCT' || separator(c.tokens, at + 1))) return { from: at, to: at + 1, head: at, start: t.start, end: t.end, text: t.text };
	return undefined;
}

/** A member read from a participle before its noun: "burned farms, looted towns and killed cattle" is no list of things. */
const participial = (c: Clause, k: Chunk): boolean => {
	const t = c.tokens[k.from];
	return !!t && (t.pos === 'VERB' || t.pos === 'ADJ') && PARTICIPLE.test(t.lower) && k.head !== k.from;
};

/**
 * The run of same-kind chunks joined by separators from `first`, and whether a final "and"/"or" closed it. At most
 * one member starts with a participle (`mistagged`): two make a run of verb phrases.
 */
function run(text: string, c: Clause, first: Chunk, kind: 'name' | 'concept', byFrom: Map<number, Chunk>, mentioned: ReadonlySet<string>): { members: Chunk[]; closed: boolean } {
	const members = [first];
	for (let k = first; ; ) {
		const sep = separator(c.tokens, k.to);
		const found = sep ? (byFrom.get(k.to + sep.width) ?? mistagged(text, c, k.to + sep.width, byFrom)) : undefined;
		if (!sep || !found || memberKind(c, found, mentioned) !== kind) return { members, closed: false };
		const next = sep.final ? found : withOf(text, c, found, byFrom);
		members.push(next);
		if (members.filter((m) => participial(c, m)).length > 1) return { members, closed: false };
		k = next;
		if (sep.final) return { members, closed: true };
	}
}

/**
 * "In developed countries, obesity, alcoholism and drug use are …": the first chunk is the object of an opening
 * preposition, set off by its comma, and the list after it is the subject of the verb that follows.
 */
function openingObject(c: Clause, members: Chunk[]): boolean {
	const first = members[0];
	const last = members[members.length - 1];
	if (!first || !last || first.from === 0 || c.tokens[0]?.pos !== 'ADP') return false;
	const before = c.tokens.slice(1, first.from);
	let k = last.to;
	// "In the lungs, coughing and sneezing mechanically eject …": an adverb may stand before the verb.
	while (c.tokens[k]?.pos === 'ADV') k++;
	const after = c.tokens[k];
	return before.every((t) => t.pos === 'DET' || t.pos === 'ADJ' || (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower))) && (after?.pos === 'VERB' || after?.pos === 'AUX');
}

/**
 * "field, laboratory and numerical modeling methods", "safety, consumer and environmental standards": bare
 * singular nouns before a last member of several words with a plural head share that head; they are modifiers,
 * not items.
 */
function sharedHead(c: Clause, members: Chunk[]): boolean {
	const last = members[members.length - 1];
	const head = last ? c.tokens[last.head] : undefined;
	if (!last || !head || last.head - last.from < 1 || head.lemma === head.lower) return false;
	return members.slice(0, -1).every((m) => m.to - m.from === 1 && c.tokens[m.from]?.lemma === c.tokens[m.from]?.lower);
}

/**
 * Where a list may not start: right after "and"/"or" or after a comma that ends a chunk of the same kind (it
 * continues a coordination read from its start), or glued to a modifier the chunker left outside
 * ("developed | countries", "the rhodophyte | red algal …").
 */
function gluedStart(c: Clause, first: Chunk, kind: 'name' | 'concept', mentioned: ReadonlySet<string>): boolean {
	const before = c.tokens[first.from - 1];
	if (!before) return false;
	if (before.pos === 'CCONJ' || before.pos === 'ADJ' || before.pos === 'NOUN' || before.pos === 'PROPN') return true;
	if (before.pos === 'VERB' && /(?:ed|ing)$/.test(before.lower)) {
		const prior = c.tokens[first.from - 2];
		return !prior || prior.pos === 'DET' || prior.pos === 'ADP';
	}
	if (before.text !== ',') return false;
	const previous = c.chunks.find((k) => k.to === first.from - 1);
	return previous !== undefined && memberKind(c, previous, mentioned) === kind;
}

/**
 * The list gives examples only: "such as", "including", "like" before it with no verb in between (so the words
 * between are earlier pieces of the same enumeration: "including sport (…), films, entertainment and news"; a
 * verb ends it: "such as proteins and fats, contain oxygen, as do … animal shells, teeth, and bone").
 */
function examples(c: Clause, first: Chunk): boolean {
	for (let k = first.from - 1; k >= 0; k--) {
		const t = c.tokens[k];
		if (!t) return false;
		const pair = `${c.tokens[k - 1]?.lower ?? ''} ${t.lower}`;
		if (OPEN_MARKER.test(t.lower) || OPEN_PAIR.test(pair) || (t.lower === 'like' && t.pos === 'ADP')) return true;
		if ((t.pos === 'VERB' && c.tokens[k - 1]?.pos !== 'DET') || t.pos === 'AUX' || /^[;:.!?]$/.test(t.text)) return false;
	}
	return false;
}

/**
 * "Bolt, Beranek and Newman (BBN)": an abbreviation of the members' initials right after them says they are one
 * name (a firm, a law), not a list.
 */
function abbreviated(after: string, members: Chunk[]): boolean {
	const short = /^\s*\(([\p{Lu}&]{2,})\)/u.exec(after)?.[1]?.replace(/&/g, '');
	return short !== undefined && short === members.map((m) => bare(m.text).charAt(0).toUpperCase()).join('');
}

/**
 * The lists of a clause: maximal runs of 3–8 chunks of one kind, each separated from the next by a comma, the
 * last by "and"/"or" (with or without a serial comma). A run whose last member goes on ("… and the membranes of
 * eggs", "A, B, or C, or D") or modifies a noun after it is no list of items.
 */
export function findLists(text: string, c: Clause, mentioned: ReadonlySet<string> = new Set()): List[] {
	const out: List[] = [];
	const byFrom = new Map(c.chunks.map((k) => [k.from, k]));
	for (let i = 0; i < c.chunks.length; i++) {
		const first = c.chunks[i];
		const kind = first ? memberKind(c, first, mentioned) : null;
		if (!first || !kind) continue;
		let { members, closed } = run(text, c, first, kind, byFrom, mentioned);
		const last = members[members.length - 1];
		if (!last) continue;
		// A run is read whole: a part of it is never taken for a list of its own.
		while (i + 1 < c.chunks.length && (c.chunks[i + 1]?.from ?? Infinity) < last.to) i++;
		if (closed && openingObject(c, members)) members = members.slice(1);
		const open = members[0];
		if (!closed || !open || members.length < MIN_MEMBERS || members.length > MAX_MEMBERS) continue;
		if (open === first && gluedStart(c, open, kind, mentioned)) continue;
		const after = c.tokens[last.to];
		const then = c.tokens[last.to + 1];
		// "… and a feature common in Scotland": an adjective after the last member goes on with it (a run of appositives).
		if (after && (after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'ADJ' || after.lower === 'of' || /^['’]s$/.test(after.text))) continue;
		// "adequate training of personnel, quality assurance of products, and …": where a later member takes its "of"
		// phrase, a first member after "of" is most likely the end of the first member, cut by the chunker.
		if (c.tokens[open.from - 1]?.lower === 'of' && members.some((m) => c.tokens.slice(m.from, m.to).some((t) => t.lower === 'of'))) continue;
		if (after?.text === ',' && (then?.lower === 'and' || then?.lower === 'or')) continue;
		const names = members.map((m) => bare(m.text).toLowerCase());
		if (new Set(names).size !== names.length || sharedHead(c, members)) continue;
		if (examples(c, open) || OPEN_AFTER.test(text.slice(last.end)) || abbreviated(text.slice(last.end), members)) continue;
		out.push({ members, start: open.start, end: last.end, kind });
	}
	return out;
}

/**
 * "Examples of containers are tuples, lists and dictionaries": a copula whose subject says its complement gives
 * examples only. Another member would fit as well, so the list has no missing member to ask, nor a whole to ask
 * (it is open, as after "such as": `examples`). A quantifier is left alone: "Some crops are …" may say so, but
 * "Various tribes were Shamanist, Buddhist or Christian" does not.
 */
function examplesOf(c: Clause): boolean {
	const s = c.subject;
	const be = c.main === null && c.aux.length === 1 ? c.tokens[c.aux[0] ?? -1] : undefined;
	if (!s || !be || !/^(?:is|are|was|were)$/.test(be.lower)) return false;
	return EXAMPLE_HEAD.test(c.tokens[s.head]?.lower ?? '');
}

/** A count that gives a list away: the number of members, in figures or words. */
function countOf(answer: string, n: number): boolean {
	const a = answer.toLowerCase().trim();
	return a === String(n) || a === COUNT_WORDS[n - MIN_MEMBERS];
}

/**
 * The sentence's facts with its lists applied: every other fact on a list member or on the list's count is
 * dropped, and each list gives one fact that asks one member. `own` are the facts the other extractors made
 * from this sentence.
 */
export function withLists(own: Fact[], info: SentenceInfo, previous: SentenceInfo[], model: DocModel, analysed: Clause | undefined): Fact[] {
	if (!analysed) return own;
	const text = tidy(info.s.text);
	const mentioned = new Set(info.mentions.map((m) => entityKey(m.text)));
	const counted = countedList(info, text);
	const lists = counted ? [] : examplesOf(analysed) ? [] : findLists(text, analysed, mentioned).filter((l) => l.kind === 'concept' || namesAgree(l, text, mentioned, model));
	if (!lists.length && !counted) return own;
	const spans = [...lists.map((l) => text.slice(l.start, l.end)), ...(counted ? [counted.answer] : [])].map((s) => s.toLowerCase());
	const sizes = [...lists.map((l) => l.members.length), ...(counted?.members ? [counted.members.length] : [])];
	const onList = (f: Fact) => {
		const a = bare(f.answer).toLowerCase();
		return spans.some((s) => occurrences(s, a) > 0) || sizes.some((n) => countOf(f.answer, n));
	};
	const kept = own.filter((f) => !onList(f));
	if (counted) kept.push(counted);
	const resolved = resolveStart(text, info, previous);
	// The lists were read on the tidied sentence; a resolved "He" changes the text before them, so the
	// members are found again by their words.
	if (resolved && selfContained(resolved)) for (const l of lists) {
		const f = wholeListFact(info, resolved, l, text, analysed, model) ?? listFact(info, resolved, l, text, analysed, model);
		if (f) kept.push(f);
	}
	return kept;
}

/** "There are three major types of rock: igneous, …": the count, the phrase it counts, and the list after the colon. */
const THERE_ARE = /^There (are|were) (three|four|five) ([^:;,()"“”]{3,60}): ([^:;()"“”]+?)\.$/;

/**
 * "There are three major types of rock: igneous, sedimentary, and metamorphic." → "What are the three major types of
 * rock?", asked whole. The list after the colon is read from its commas, not from the chunks: its members may be
 * adjectives or words the tagger reads as verbs, which `findLists` never takes. It is closed because the sentence
 * counts it, and only where the count matches the members (3–5, at most four words each, no figures).
 */
function countedList(info: SentenceInfo, text: string): Fact | null {
	const m = THERE_ARE.exec(text);
	if (!m) return null;
	const [, be = '', count = '', counted = '', span = ''] = m;
	const names = span.split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/).map((n) => bare(n.trim()));
	if (names.length !== COUNT_WORDS.indexOf(count) + MIN_MEMBERS || names.some((n) => !n || pieceCount(n) > MAX_MEMBER_WORDS || /\d/.test(n))) return null;
	// "What were the three main causes?" needs its page: the counted phrase says what it counts in three words or more.
	if (pieceCount(counted) < 3 || /^(?:these|those|such|other|some|many)\b/i.test(counted)) return null;
	const question = `What ${be} the ${count} ${counted}?`;
	if (new Set(names.map((n) => n.toLowerCase())).size !== names.length || !selfContained(question)) return null;
	return {
		key: `list|whole|${span}|${digest(text)}`,
		answer: span,
		answerKind: 'concept',
		info,
		question,
		weight: LIST_CUE,
		quality: 1,
		tags: ['concept', 'list'],
		members: names
	};
}

/** A list asked whole has at most this many members, and this many words: a longer one is several facts' worth. */
const MAX_WHOLE_MEMBERS = 5;
const MAX_WHOLE_WORDS = 14;

/** The sentence ends here: a full stop (a closing quote after it). */
const ENDS = /^\s*[.!?]["”’]?$/;

/**
 * A closed list of 3–5 short members that ends its clause as the object of the main verb, the noun phrase of a
 * preposition the verb takes, or a copula's complement, asked WHOLE the way a pair is (concepts.ts `pairOf`):
 * "Oxygen's three allotropes are dioxygen, ozone and tetraoxygen." → "What are oxygen's three allotropes?" →
 * dioxygen, ozone and tetraoxygen; "The old towns depend on fishing, mining and tourism." → "What do the old
 * towns depend on?". People ask such lists whole far more often than one member (docs/generator.md, sixteenth
 * pass), and the answer check takes the members in any order (answer-check.ts `checkList`). A count the sentence
 * states stays in the stem with the rest of the subject, so the student knows how many to give. Null (the list
 * keeps its member card, `listFact`) where the list is longer, goes on after its last member, stands elsewhere in
 * the clause, or no question can be built on the parse.
 */
function wholeListFact(info: SentenceInfo, resolved: string, l: List, text: string, c: Clause, model: DocModel): Fact | null {
	if (resolved !== text || l.members.length > MAX_WHOLE_MEMBERS) return null;
	const span = text.slice(l.start, l.end);
	if (pieceCount(span) > MAX_WHOLE_WORDS || !ENDS.test(text.slice(l.end))) return null;
	const core: Core = frontedAdjunct(text, c) ?? { text, clause: c, lead: '', offset: 0 };
	const k0 = core.clause;
	const target = listChunk(core, l, c);
	if (!target) return null;
	const o = objectOf(core.text, k0);
	const pc = o?.start === target.start ? null : prepositionalObject(core.text, k0);
	const asked = o?.start === target.start ? objectQuestion(core.text, k0, target)?.question : pc?.chunk.start === target.start ? prepositionalQuestion(core.text, k0, { chunk: target, preposition: pc.preposition }) : null;
	if (!asked) return null;
	const names = l.members.map((m) => bare(text.slice(m.start, m.end)));
	const kind: AnswerKind = l.kind === 'concept' ? 'concept' : sameKind(names, model);
	// "Who" only where every member is a person: a person's name, or a common noun that names people.
	const people = l.kind === 'name' ? kind === 'person' : l.members.every((m) => conceptWh(c.tokens[m.head], c.tokens) === 'Who');
	const question = withLead(core.lead, asked.replace(/^(?:What|Who)\b/, people ? 'Who' : 'What'));
	if (!question || !selfContained(question)) return null;
	// "the Court of Justice, the General Court and …": an article a later member has keeps the first one's.
	const answer = l.members.slice(1).some((m) => /^(?:the|a|an)\s/i.test(m.text)) ? span : bare(span);
	return {
		key: `list|whole|${answer}|${digest(text)}`,
		answer,
		answerKind: kind,
		info,
		question,
		weight: LIST_CUE,
		quality: pieceCount(text) > 30 ? 0.9 : 1,
		object: o?.start === target.start,
		tags: [kind, 'list'],
		members: names
	};
}

/** The list as one chunk of the clause it ends (`core`, a part of the sentence `c` was read from). */
function listChunk(core: Core, l: List, c: Clause): Chunk | null {
	const k0 = core.clause;
	const last = l.members[l.members.length - 1];
	const start = l.start - core.offset;
	const end = l.end - core.offset;
	const from = k0.tokens.findIndex((t) => t.start === start);
	const to = k0.tokens.findIndex((t) => t.end === end) + 1;
	const head = k0.tokens.findIndex((t) => t.start === (c.tokens[last?.head ?? -1]?.start ?? -1) - core.offset);
	if (!last || from < 0 || to <= from || head < from || head >= to) return null;
	return { from, to, head, start, end, text: core.text.slice(start, end) };
}

/**
 * The clause cut from the sentence has a verb of its own: after a semicolon an elliptical clause ("Iberia pushed
 * up the Pyrenees; Italy, the Alps, and Anatolia, moving west, the mountains of Greece") pairs its names with
 * the verb it leaves out, and they are no list.
 */
function finite(c: Clause, at: number, length: number): boolean {
	if (at < 0) return true;
	return c.tokens.some((t) => t.start >= at && t.end <= at + length && (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower))));
}

/**
 * The member to ask: the first that occurs once and shares no word with the rest of the sentence ("the Upper
 * Rhine, the Middle Rhine and the Lower Rhine" would give its blank away). Measured on the dev set against the
 * member a reader is least likely to know (rarest word) and the best known one: the first lowers neither recall
 * nor precision, the others lower precision (docs/generator.md, fifth pass).
 */
function listFact(info: SentenceInfo, resolved: string, l: List, text: string, c: Clause, model: DocModel): Fact | null {
	const names = l.members.map((m) => bare(text.slice(m.start, m.end)));
	const answer = names.find((n) => {
		const words = n.toLowerCase().match(/\p{L}+/gu) ?? [];
		return occurrences(info.s.text, n) === 1 && occurrences(resolved, n) === 1 && !words.some((w) => w.length > 2 && occurrences(resolved, w) > 1);
	});
	if (!answer) return null;
	const clause = clauseAround(resolved, answer);
	// Every other member stays in the stem: that is what makes the blank's answer unique.
	if (names.some((n) => occurrences(clause, n) !== 1) || !finite(c, text.indexOf(clause), clause.length)) return null;
	const cloze = blankOut(clause, answer);
	if (!cloze) return null;
	const kind: AnswerKind = l.kind === 'concept' ? 'concept' : sameKind(names, model);
	const asked = resolved === text ? apartFromQuestion(text, c, l, answer, kind, names) : null;
	// The card step refuses a stem that needs its page (context.ts); the cloze is then the list's one card.
	const question = asked && selfContained(asked) ? asked : null;
	return {
		key: `list|${answer}|${digest(clause)}`,
		answer,
		answerKind: kind,
		info,
		// One card per list: the question where the syntax gives one, else the cloze.
		...(question ? { question } : { cloze }),
		weight: LIST_CUE,
		quality: pieceCount(clause) > 30 ? 0.9 : 1,
		tags: [kind, 'list'],
		// The other members are right answers of the list too: never offered as distractors.
		exclude: names.filter((n) => n !== answer)
	};
}

/**
 * Names are checked against the document's name mentions (mentions.ts): each member is a whole name ("Evans",
 * cut from "Evans Revere", is not), and the kinds the document gives them agree (a university among people is
 * an aside, not a member: "At Jagiellonian University, Zygmunt Wróblewski and Karol Olszewski …").
 */
function namesAgree(l: List, text: string, mentioned: ReadonlySet<string>, model: DocModel): boolean {
	const keys = l.members.map((m) => entityKey(text.slice(m.start, m.end)));
	if (!keys.every((k) => mentioned.has(k))) return false;
	const kinds = keys.map((k) => model.entities.get(k)?.kind ?? 'name');
	// A name of no known kind may be of any; an organisation says so by its words, so it is never among others.
	const known = new Set(kinds.filter((k) => k !== 'name'));
	return known.size <= 1 && (!known.has('org') || kinds.every((k) => k === 'org'));
}

/** The members' common kind from the document's entity registry ("place" for countries; names of no known kind aside), else "name". */
function sameKind(names: string[], model: DocModel): AnswerKind {
	const kinds = new Set(names.map((n) => model.entities.get(entityKey(n))?.kind ?? 'name').filter((k) => k !== 'name'));
	const [only] = kinds;
	return kinds.size === 1 && only ? only : 'name';
}

/** The wh-phrase for a member of this kind: "which country" where the members' known places agree on a level. */
function whFor(kind: AnswerKind, names: string[]): string | null {
	if (kind === 'concept') return 'what';
	if (kind === 'person') return 'who';
	if (kind !== 'place') return null;
	const levels = new Set(names.map(placeLevel).filter((v) => v !== null));
	const [level] = levels;
	return levels.size === 1 && level && level !== 'feature' ? `which ${level}` : null;
}

/** "A, B and C" (a serial comma as the sentence had it does not matter in a question). */
function join(items: string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A real question with the other members kept, where the list ends its clause right after the verb group or one
 * preposition (issue 9 §3):
 *  - "The Rhine flows through A, B, C and D." → "Apart from A, B and C, which country does the Rhine flow through?"
 *  - "Disorders … can result in A, B and C." → "Apart from A and B, what can disorders … result in?"
 *  - with a copula and a plural subject, "Oxygen's three allotropes are A, B and C." → "Apart from A and B, what is
 *    one of oxygen's three allotropes?"
 * Anywhere else (the list inside the clause, an adjunct before it, a pronoun subject) the card stays a cloze.
 */
function apartFromQuestion(text: string, c: Clause, l: List, answer: string, kind: AnswerKind, names: string[]): string | null {
	const wh = whFor(kind, names);
	if (!wh) return null;
	// "The UK, Germany and Italy …": a member that opens the sentence loses its capital "The" inside the question.
	const others = l.members.filter((m) => bare(text.slice(m.start, m.end)) !== answer).map((m) => text.slice(m.start, m.end).replace(/^The\s/, (d) => (m.start === 0 ? d.toLowerCase() : d)));
	if (l.members[0]?.from === 0) return subjectListQuestion(text, c, l, wh, others);
	const s = c.subject;
	if (!s || c.verb === null || s.end > l.start || !/^\s*[.!?]["”’]?$/.test(text.slice(l.end))) return null;
	if (c.tokens.slice(s.from, s.to).some((t) => t.pos === 'PRON')) return null;
	const last = c.main ?? c.aux[c.aux.length - 1] ?? c.verb;
	const between = c.tokens.filter((t) => t.start > (c.tokens[last]?.start ?? Infinity) && t.end <= l.start);
	if (between.length > 1 || between.some((t) => t.pos !== 'ADP')) return null;
	const be = c.main === null && c.aux.length === 1 ? c.tokens[c.aux[0] ?? -1] : undefined;
	if (be && /^(?:are|were)$/.test(be.lower) && !between.length) {
		const subject = text.slice(s.start, s.end);
		const lowered = c.tokens[s.from]?.pos === 'PROPN' || c.capitalised?.has(c.tokens[s.from]?.lower ?? '') ? subject : subject.charAt(0).toLowerCase() + subject.slice(1);
		return `Apart from ${join(others)}, ${wh} ${be.lower === 'are' ? 'is' : 'was'} one of ${lowered.replace(/^(?:the|a|an)\s+/i, 'the ')}?`;
	}
	const body = inverted(text, c, between.map((t) => t.text).join(' '));
	return body ? `Apart from ${join(others)}, ${wh} ${body}?` : null;
}

/** Modals and past auxiliaries read the same after a singular wh-word as after the plural list. */
const AGREEING_AUX = /^(?:had|did|could|would|might|should|must|can|will|may)$/;

/**
 * The list is the subject: "The UK, Germany, Italy, Switzerland and Norway banned flying on Sundays." → "Apart
 * from Germany, Italy, Switzerland and Norway, which country banned flying on Sundays?". Only where the verb reads
 * the same after the singular wh-word (a past form or a modal, not "are" or "sign"), and never with
 * "respectively", which pairs each member with something else.
 */
function subjectListQuestion(text: string, c: Clause, l: List, wh: string, others: string[]): string | null {
	const last = l.members[l.members.length - 1];
	const after = last ? c.tokens[last.to] : undefined;
	let k = last?.to ?? 0;
	while (c.tokens[k]?.pos === 'ADV') k++;
	const v = c.tokens[k];
	if (!after || !v) return null;
	const past = v.pos === 'VERB' && v.lower !== v.lemma && !/(?:s|ing)$/.test(v.lower);
	if (!past && !(v.pos === 'AUX' && AGREEING_AUX.test(v.lower))) return null;
	const predicate = text.slice(after.start).replace(/\s*[.!?]["”’]?$/, '');
	if (/[;:]/.test(predicate) || /\brespectively\b/i.test(text) || pieceCount(predicate) > 20) return null;
	return `Apart from ${join(others)}, ${wh} ${predicate}?`;
}

