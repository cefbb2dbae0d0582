/**
 * Sentence hygiene shared by every extractor: which sentences may carry a card, how a sentence is cut to
 * the clause that holds a fact, and how a leading "He"/"She" is resolved to the person just named.
 */
import { isAscii, normaliseKey } from '../../domain/ids';
import { CLOZE_BLANK } from '../../domain/types';
import type { SentenceInfo } from './entities';
import { boundedMemo } from './memo';
import { DANGLING_STARTS, FUNCTION_WORDS, RELATIONAL_ADJ, VAGUE_AFTER_ADJ, VAGUE_HEAD } from './lexicon';
import { pluralNoun, tag, type Tagged } from './nlp';

const FOOTNOTE_TAIL = /(?<=[.!?"”’)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+$/;
/** A note mark or a list number opening the sentence: "(3) The board …", "2. Diatomic oxygen …". */
const NOTE_MARK = /^(?:\(\d{1,3}\)|\d{1,2}\.)\s+(?=\p{Lu})/u;
/** Code in the sentence: an assignment or three or more operators ("^1.2.3 := >=1.2.3 <2.0.0"). */
const CODE = /:=|=>|(?:[<>=^~|].*){3}/;
/** "… that contain oxygen are (where "R" is an organic group).": a verb with only a bracket after it lost its list or formula. */
/** "Return true if … intersect. parse(v).": an API reference line with the next entry's call glued on. */
const GLUED_CALL = /[.:]\s+[\p{Ll}_$][\w$.]*\([^()]*\)\s*[.:]?$/u;
/** "major(v): Return the major version number.": an API reference entry (a call, a colon), not a sentence. */
const API_ENTRY = /[\p{L}_$][\w$.]*\([^()]*\):\s/u;
/** "(Any resulting output will always be strict, of course.)": an aside in brackets, not a statement of its own. */
const BRACKETED = /^\((?:[^()]|\([^()]*\))*\)[.!?"”’]*$/;
/** A piece cut at a colon that ends where its list was to come: "… including works by.", "… such as." */
export const DANGLING_END = /\b(?:including|such\s+as|by|of|for|with|from|like|among)\s*[.]$/i;
/** The closing "including …" or "such as …" phrase of a clause, that a list was to complete (see DANGLING_END). */
export const EXAMPLES_TAIL = /,\s+(?:including|such\s+as)\b[^,]*$/;
const LOST_LIST = /\b(?:is|are|was|were|include|includes|included|including|as|of)\s*\([^()]*\)\s*[.!?]?["”’]?$|\b(?:is|are|include|includes)\s*[:.]$/;
const CITATION = /\b(op\.? cit|ibid|et al\.|pp?\. \d|vol\.? \d|no\. \d|retrieved|accessed on|doi:|isbn)/i;
/** A quoted title followed by a publication and a date: “Stopping the Nuclear North,” Foreign Policy, July 26, 2011. */
const QUOTED_TITLE_CITATION = /[“"][^”"]{3,200}[,.]?[”"],?\s+(?:\p{Lu}[\p{L}.&’'-]*\s*){1,6},\s+(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2},?\s+)?\d{4}\b/u;
const SITE_FURNITURE = /\b(sign up|subscribe|click here|this article|this post|this newsletter|cookies|contributors to this|views expressed|not necessarily endorsed|earlier issues|all rights reserved)\b/i;
/**
 * Finite-verb cues: an auxiliary or modal, a regular past ("-ed"), a common irregular past, or a third-person
 * "-s" verb after a capitalised or plural subject. A sentence with none of them is a heading, a list or a
 * fragment ("Karin Lee Executive Director."), and no card should quote it.
 */
const AUXILIARY = /^(is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|shall|should|may|might|must|ca)$/;
const IRREGULAR_PAST = new Set(
	`began became brought built bought came chose drew fell felt fought found gave got grew held kept knew led left lost made met paid put ran rose said sat saw sent set sold spent spoke stood struck took taught told thought threw understood went won wore wrote`.split(' ')
);

/**
 * An auxiliary, an irregular past or (unless `participles` is false) an -ed word, in lower case: a verb for certain.
 * Without -ed words where an adjective may stand ("most published works").
 */
export function surelyVerb(w: string, participles = true): boolean {
	return AUXILIARY.test(w) || IRREGULAR_PAST.has(w) || (participles && w.length > 4 && w.endsWith('ed'));
}

export function hasFiniteVerb(tokens: readonly { text: string; lower: string }[]): boolean {
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (!t || !/^\p{Ll}/u.test(t.text)) continue;
		const w = t.lower;
		if (surelyVerb(w)) return true;
		if (w.length > 3 && /[^s'’u]s$/.test(w) && i > 0) return true;
	}
	return false;
}

/**
 * A list rather than a sentence: a staff list or masthead ("Dr. Charles Armstrong, Columbia University; Brad
 * Babson, Consultant; …"). Three or more comma/semicolon pieces, most of them proper phrases (every word
 * capitalised or a connector), or two or more semicolons between short pieces.
 */
export function listLike(text: string): boolean {
	const pieces = text
		.replace(/\([^)]*\)/g, ' ')
		.replace(/[.!?]["”’]*$/, '')
		.split(/[;,]/)
		.map((p) => p.trim())
		.filter(Boolean);
	if (pieces.length < 3) return false;
	// A piece that reads as a clause ("Mitsubishi and Isuzu had joint partnerships with Ford", "The Rhine flows
	// through Switzerland") makes a sentence that lists names, not a list.
	const clausal = pieces.some((p) => pieceCount(p) >= 4 && (p.replace(/\b(?:of|and|for|the|on|de|in)\b/g, '').match(/(?:^|\s)\p{Ll}{3,}/gu) ?? []).length >= 2);
	if (clausal) return false;
	// Each word ends at a space or the end: an optional space would let an all-capitals piece ("TO THE EXTENT
	// PERMITTED BY APPLICABLE LAW") split in exponentially many ways, and the test would never end.
	const proper = pieces.filter((p) => /^(?:(?:\p{Lu}[\p{L}.’'&-]*|of|and|for|the|on|de|in|[\d.]+)(?:\s+|$))+$/u.test(p)).length;
	if (proper >= 3 && proper / pieces.length >= 0.6) return true;
	const semis = (text.match(/;/g) ?? []).length;
	return semis >= 2 && pieces.every((p) => pieceCount(p) <= 8);
}
export const LEADING_CONNECTIVE =
	/^(?:note that|next(?!\s+to\b)|however|but|and|also|thus|therefore|yet|moreover|furthermore|meanwhile|instead(?!\s+of\b)|still|for example|for instance|in addition(?=,)|finally|then|so|recently|in general|in fact|indeed|of course|as a result|conversely|additionally|firstly|secondly|thirdly|lastly|nevertheless|nonetheless|likewise|similarly|consequently|hence|accordingly)\b,?\s+|^in addition\s+(?!to\b)|^(?:later|at the same time|in contrast|by contrast|in turn|on the other hand|for this reason|first|second|third|fourth|along the same lines|in the same way|in (?:a )?similar (?:way|fashion)|by the same token),\s+|^(?:for (?:this|that) reason|because of (?:this|that)|as a result of (?:this|that)|despite (?:this|that)|in (?:this|that) way|in doing so|by doing so),?\s+/i;

function balanced(text: string): boolean {
	const count = (re: RegExp) => (text.match(re) ?? []).length;
	return (
		count(/\(/g) === count(/\)/g) &&
		count(/\[/g) === count(/\]/g) &&
		count(/“/g) === count(/”/g) &&
		count(/"/g) % 2 === 0
	);
}

/** The longest sentence, in tokens, a card may quote; a longer one gives facts from its clauses (long.ts). */
export const MAX_SENTENCE_WORDS = 60;

/**
 * A sentence a student can read on its own: complete, of normal length (6 to `maxWords` tokens), not a citation
 * or site furniture.
 */
export function usable(info: SentenceInfo, maxWords = MAX_SENTENCE_WORDS): boolean {
	const t = info.s.text;
	const words = info.tokens.length;
	if (words < 6 || words > maxWords) return false;
	// A question in the text ("Is there a route of at most 2000 km …?") asks; it states no fact to learn.
	if (!/[.!]["”’)]*[¹²³⁴⁵⁶⁷⁸⁹⁰]*$/.test(t)) return false;
	if (/^[\p{Ll}\p{Pd}]/u.test(t) || BRACKETED.test(t) || /https?:|www\.|@\w/.test(t) || CITATION.test(t) || SITE_FURNITURE.test(t)) return false;
	if (QUOTED_TITLE_CITATION.test(t) || CODE.test(t) || LOST_LIST.test(t) || GLUED_CALL.test(t) || API_ENTRY.test(t) || (t.match(/[,;]/g) ?? []).length > words / 2.5) return false;
	if (listLike(t) || !hasFiniteVerb(info.tokens)) return false;
	return balanced(t);
}

export function firstWord(text: string): string {
	return /[\p{L}']+/u.exec(text)?.[0]?.toLowerCase() ?? '';
}

export function danglingStart(text: string): boolean {
	return DANGLING_STARTS.has(firstWord(text.replace(/^(?:true or false:\s*)/i, '').replace(/^[^\p{L}_]+/u, '')));
}

/**
 * A connective set off by commas inside the sentence ("Saudi Arabia, on the other hand, is …", "During the
 * Oligocene, for example, the rainforest …"): it ties the sentence to the one before, and the sentence says
 * the same without it.
 */
const CONNECTIVE_ASIDE = /,\s+(?:however|therefore|thus|moreover|furthermore|in turn|on the other hand|by contrast|in contrast|for example|for instance|too|also|then|though|nevertheless|nonetheless|conversely|instead|in fact|indeed|of course|as well)\s*,/gi;

/** An auxiliary, an irregular past or an -ed word: a verb for certain ("The college was established"). */
function surelyFinite(text: string): boolean {
	return text.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && surelyVerb(w));
}

/**
 * "The college was established in 1920, however, early courses … were part of …": between two clauses that each
 * have a verb of their own the connective joins them, so it leaves a clause break ("; "), not a run-on sentence.
 */
function spliceOrAside(aside: string, at: number, whole: string): string {
	const before = whole.slice(0, at).split(/[,;:]/).pop() ?? '';
	const after = whole.slice(at + aside.length).split(/[,;:.]/)[0] ?? '';
	return surelyFinite(before) && surelyFinite(after) ? ';' : '';
}

const LEADING_COMPARISON = /^(?:in addition to|in contrast to|in contrast with|by contrast to|by contrast with|as opposed to|apart from|besides|unlike)\b[^,;:]{3,120},\s+/i;

/** The sentence as a standalone clause: note marks, footnote markers and connectives removed. */
/** "the NCAFP meetings mentioned above": a pointer that only modifies the phrase before it. */
const PHRASE_POINTER = /\s+(?:mentioned|described|discussed|listed|noted|cited|outlined)\s+(?:above|below|earlier|previously)\b(?=\s+\p{Ll}|[,.;:])/gu;
/**
 * "The Charter was subsequently adopted", "The Normans thereafter adopted": an adverb that places the event after
 * one the page told before; without it the clause says the same on its own ("When was the Charter adopted?").
 */
const SEQUENCE_POINTER = /\s+(?:(?:shortly|soon|immediately)\s+)?(?:subsequently|thereafter)(?=\s+\p{Ll})/giu;
/** "The above-mentioned meetings" → "The meetings". */
const ABOVE_MENTIONED = /\b([Tt]he)\s+(?:above|afore)-?mentioned(?=\s)/g;

/** "That's because", "In part this is because", "This is largely because": a link to the sentence before. */
const LEADING_EXPLANATION = /^(?:in part,?\s+|partly\s+)?(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:partly\s+|largely\s+|mainly\s+|mostly\s+|in part\s+)?because\s+/i;

/**
 * Every extractor tidies its sentence in turn (about seven times a sentence): the memo keeps the last few, so each
 * sentence is tidied once. Keyed by the text, so the result is the same as tidying it again.
 */
export const tidy = boundedMemo(tidyText, 64);

function tidyText(text: string): string {
	let t = text.replace(NOTE_MARK, '').replace(FOOTNOTE_TAIL, '').replace(CONNECTIVE_ASIDE, spliceOrAside).replace(PHRASE_POINTER, '').replace(ABOVE_MENTIONED, '$1').trim();
	// Looked for only where its words are: the pattern starts at every space of every sentence.
	if (/subsequently|thereafter/i.test(t)) t = t.replace(SEQUENCE_POINTER, '');
	// "In addition to being a member, the Institute is …": the comparison reads as a link to what came before;
	// the clause after it says the fact on its own.
	const compared = LEADING_COMPARISON.exec(t);
	if (compared && pieceCount(t.slice(compared[0].length)) >= 6) t = t.slice(compared[0].length);
	for (let i = 0; i < 2 && LEADING_CONNECTIVE.test(t); i++) t = t.replace(LEADING_CONNECTIVE, '');
	// "In part that's because the meetings have been coordinated with …": the reason stands on its own.
	const explained = LEADING_EXPLANATION.exec(t);
	if (explained && pieceCount(t.slice(explained[0].length)) >= 6) t = t.slice(explained[0].length);
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * Resolve "He"/"She" at the start to the last person named in the previous two sentences of the same
 * paragraph, and "It" to the name the sentence before opened with as its subject ("Telenet was … . It was
 * founded by …"); null when the sentence starts with a reference that cannot be resolved.
 */
export function resolveStart(text: string, info: SentenceInfo, previous: SentenceInfo[]): string | null {
	// Each extractor resolves the same sentence after the same sentences: the last answer per sentence is kept.
	const last = resolvedLast.get(info);
	if (last && last.text === text && last.topic === info.topic && last.previous.length === previous.length && last.previous.every((p, i) => p === previous[i])) return last.resolved;
	const opened = resolveOpening(namingDemonstratives(text), info, previous);
	// "… attended the Exposition in the city on February 22, 1888": the reading's topic named for its noun.
	const resolved = opened !== null && info.topic ? (info.topic(opened) ?? opened) : opened;
	resolvedLast.set(info, { text, previous: [...previous], topic: info.topic, resolved });
	return resolved;
}

const resolvedLast = new WeakMap<SentenceInfo, { text: string; previous: SentenceInfo[]; topic: SentenceInfo['topic']; resolved: string | null }>();

function resolveOpening(text: string, info: SentenceInfo, previous: SentenceInfo[]): string | null {
	const w = firstWord(text);
	if (w === 'he' || w === 'she') {
		for (let i = previous.length - 1; i >= 0 && i >= previous.length - 2; i--) {
			const p = previous[i];
			if (!p || p.s.para !== info.s.para) break;
			const people = p.mentions.filter((m) => m.kind === 'person');
			const last = people[people.length - 1];
			if (last) return last.text + text.slice(w.length);
		}
		return null;
	}
	if (EXISTENTIAL.test(text) || EXPLETIVE_IT.test(text)) return text;
	const before = previous[previous.length - 1];
	const sameParagraph = before && before.s.para === info.s.para ? before : undefined;
	// "It is here that the Rhine encounters …": a cleft "it" stands for the clause after "that", not for a subject.
	if (w === 'it' && /^It\s+\p{Ll}/u.test(text) && !CLEFT.test(text)) {
		const subject = sameParagraph ? (openingName(sameParagraph) ?? openingKind(sameParagraph, false, text)) : null;
		return subject ? subject + text.slice(2) : null;
	}
	if (w === 'they' && /^They\s+\p{Ll}/u.test(text)) {
		const names = sameParagraph ? (openingPair(sameParagraph) ?? openingKind(sameParagraph, true, text)) : null;
		return names ? names + text.slice(4) : null;
	}
	// "Its purpose was …" → "CSNET's purpose was …", "Their spines …" → "Hedgehogs' spines …".
	if ((w === 'its' || w === 'their') && /^(?:Its|Their)\s+\p{Ll}/u.test(text)) {
		const plural = w === 'their';
		const owner = sameParagraph ? ((plural ? null : openingName(sameParagraph)) ?? openingKind(sameParagraph, plural, text)) : null;
		// "The name oxygen was coined … . Its name derives …": the owner's own noun is no owner of it.
		const owned = /^\S+\s+(\p{Ll}+)/u.exec(text)?.[1] ?? '';
		return owner && !wholeWordIndexes(owner, owned).length ? `${owner}${/s$/.test(owner) ? "'" : "'s"}${text.slice(w.length)}` : null;
	}
	if (w === 'this' || w === 'these' || w === 'those') return sameParagraph ? namedAntecedent(text, sameParagraph.s.text) : null;
	if (DANGLING_STARTS.has(w)) return null;
	return sameParagraph && namedInstance(text, sameParagraph.s.text) ? null : text;
}

/**
 * "The Rhine and the Meuse form a delta. They drain …": two names joined by "and" that open the sentence before
 * as its subject, directly followed by its verb; what a following "They" stands for. Null otherwise.
 */
function openingPair(info: SentenceInfo): string | null {
	const t = info.s.text;
	const first = OPENING_CAPITALS.exec(t);
	if (!first?.[1] || FUNCTION_WORDS.has(first[1].split(/\s+/)[0]?.toLowerCase() ?? '')) return null;
	const second = info.mentions.find((m) => m.start === first[0].length);
	if (!second || second.kind === 'date' || second.kind === 'year' || second.kind === 'number') return null;
	const rest = t.slice(second.end);
	return VERB_AFTER_SUBJECT.test(rest) && !/^\s+(?:is|was|has)\b/.test(rest) ? t.slice(0, second.end) : null;
}

/** Capitalised words opening a sentence, then "and" (and "the"): the first half of a pair of names. */
const OPENING_CAPITALS = /^((?:\p{Lu}[\p{L}.'-]*\s+){0,3}\p{Lu}[\p{L}.'-]*)\s+and\s+(?:the\s+)?/u;

/** "This region includes …": a demonstrative, one lower-case noun, then the verb. */
const DEMONSTRATIVE_SUBJECT = /^(This|These|Those)\s+(\p{Ll}{3,})(?=\s)/u;
/** The capitalised words right before a noun ("… the Upper Rhine region"), with an optional "the". */
const NAME_BEFORE = /(?:\b(the)\s+)?((?:\p{Lu}[\p{L}'-]*\s+){1,4})$/u;

/**
 * "The river then enters the Upper Rhine region. This region includes …" → "The Upper Rhine region includes …":
 * "This"/"These"/"Those" + a noun + its verb stands for the phrase the sentence before named with that noun,
 * when it names it exactly once and with a name in front of it (singular after "This", plural after the
 * others). Null (no card, as before) otherwise: a bare "This was …" or a noun the sentence before does not name.
 */
function namedAntecedent(text: string, previous: string): string | null {
	const m = DEMONSTRATIVE_SUBJECT.exec(text);
	const noun = m?.[2];
	if (!m || !noun || !VERB_AFTER_SUBJECT.test(text.slice(m[0].length))) return null;
	if ((m[1] === 'This') === /[^s]s$/.test(noun)) return null;
	const at = wholeWordIndexes(previous, noun);
	if (at.length !== 1 || at[0] === undefined || previous.slice(at[0], at[0] + noun.length) !== noun) return null;
	const named = NAME_BEFORE.exec(previous.slice(0, at[0]));
	const words = named?.[2]?.trim().split(/\s+/) ?? [];
	// "Early advances in this field …": one word capitalised only because it opens the sentence is no name.
	if (!named || words.every((w) => FUNCTION_WORDS.has(w.toLowerCase())) || (named.index === 0 && words.length === 1)) return null;
	// "the Kiel and Panama canals": the name is one of several the noun stands for.
	if (/(?:\band|\bor|,|&)\s*$/.test(previous.slice(0, named.index))) return null;
	const phrase = `${named[1] ? 'The ' : ''}${named[2]}${noun}`;
	return phrase.charAt(0).toUpperCase() + phrase.slice(1) + text.slice(m[0].length);
}

/**
 * Nouns that stand for a clause or a stretch of the page ("this idea", "this approach", "these changes"): with a
 * demonstrative they point back whatever follows them. Beside the vague heads of any answer (lexicon.ts).
 */
const SHELL_NOUN = /^(?:idea|view|approach|process|situation|problem|issue|step|change|move|method|concept|notion|question|reason|trend|development|decision|argument|theory|definition|perspective|standpoint|finding|phenomenon|effect|pattern|relationship|relation|action|work|research|response|practice|policy|principle|rule|test|model|system|framework|context|event|period|stage|time|topic|subject|sort|manner)s?$/;
/** A demonstrative in the first clause (before its first comma, semicolon or colon). */
const DEMONSTRATIVE_WORD = /^(?:this|these|that|those)$/;
/** Tags a noun phrase's words may have before its head; a hyphen or a quote may join them. */
const PREMODIFIER = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Tags of a post-modifier's words, up to the verb: prepositions and the noun phrases they take. */
const POSTMODIFIER = new Set(['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ', 'X', 'SYM']);
const JOINER = /^(?:[-–—'’"“”]|['’]s)$/;
/** A word that names: a proper noun, a capitalised word or a number. */
const naming = (t: Tagged): boolean => t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text) || /\d/.test(t.text);
const content = (t: Tagged): boolean => (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM') && /[\p{L}\d]/u.test(t.text);

/**
 * The noun phrase after a demonstrative at token `k` names its thing fully, so "The" can stand for the
 * demonstrative: a common-noun head that agrees with it in number, is no vague or shell noun ("this idea", "these
 * changes") and has no relational adjective before it ("these other planets", "this particular provision"); and
 * either a name of two words or more before the head ("These New York meetings") or a post-modifier right after it that holds a name
 * or a number ("This renewal of hostilities in the Arab–Israeli conflict") or is an "of" phrase of two or more
 * content words ("This combination of cancellations and overlaps"). A phrase with nothing after its head and no
 * name in it ("This cycle describes …", "These advances led …") points back to the page.
 */
function namesItself(tokens: Tagged[], k: number, plural: boolean): boolean {
	let j = k;
	let noun = false;
	// After the first common noun only nouns follow in the phrase: "This antedates William Smith's map" (a verb the
	// tagger read as a noun) runs into a name.
	for (let t = tokens[j]; t && (JOINER.test(t.text) || (PREMODIFIER.has(t.pos) && (!noun || t.pos === 'NOUN'))); t = tokens[++j]) noun ||= t.pos === 'NOUN';
	const head = j - 1;
	const h = tokens[head];
	if (!h || head < k || h.pos !== 'NOUN' || pluralNoun(h) !== plural) return false;
	if (VAGUE_HEAD.test(h.lower) || VAGUE_AFTER_ADJ.test(h.lower) || SHELL_NOUN.test(h.lower)) return false;
	if (tokens.slice(k, head).some((t) => t.text === t.lower && RELATIONAL_ADJ.has(t.lower))) return false;
	// A name of two or more words before the head ("These New York meetings", "the Track II processes"); one word may be a
	// people's adjective or an acronym that stands for a kind ("these French troops", "Those MHC antigens").
	if (tokens.slice(k, head).filter(naming).length >= 2) return true;
	const after = tokens[head + 1];
	if (after?.pos !== 'ADP') return false;
	let end = head + 1;
	// The post-modifier runs to the verb: a participle inside it ("plates moving on the surface of …") reads on.
	while (tokens[end] && (POSTMODIFIER.has(tokens[end]?.pos ?? '') || JOINER.test(tokens[end]?.text ?? '') || (tokens[end]?.pos === 'VERB' && /ing$/.test(tokens[end]?.lower ?? '')))) end++;
	const words = tokens.slice(head + 2, end);
	return words.some(naming) || (after.lower === 'of' && words.filter(content).length >= 2);
}

/**
 * "that" points (rather than joins a clause, "reports that …", "indicate that rainfall …") at the start, after a
 * preposition, or as a subject before its verb ("that's because …").
 */
const pointing = (tokens: Tagged[], i: number): boolean => i === 0 || tokens[i - 1]?.pos === 'ADP' || tokens[i + 1]?.pos === 'AUX';

/**
 * "This renewal of hostilities in the Arab–Israeli conflict released …" → "The renewal of hostilities in the
 * Arab–Israeli conflict released …": a demonstrative in the first clause (before its first comma, semicolon or
 * colon) whose noun phrase names its thing fully (`namesItself`) becomes "The"; any other is left for
 * `resolveOpening` and the context filter, as before.
 */
export function namingDemonstratives(text: string): string {
	if (!/\b(?:this|these|that|those)\b/i.test(beforeFirstBreak(text))) return text;
	// Every extractor resolves the same sentence in turn: the memo saves tagging it again.
	return named(text);
}

/** The text up to its first comma, semicolon or colon. */
function beforeFirstBreak(text: string): string {
	const cut = text.search(/[,;:]/);
	return cut < 0 ? text : text.slice(0, cut);
}

const named = boundedMemo((text) => {
	const clause = beforeFirstBreak(text);
	const tokens = tag(text);
	let out = text;
	for (let i = tokens.length - 1; i >= 0; i--) {
		const t = tokens[i];
		if (!t || t.end > clause.length || !DEMONSTRATIVE_WORD.test(t.lower)) continue;
		if (t.lower === 'that' && !pointing(tokens, i)) continue;
		// "In part that's because these New York meetings …": another pointer before it keeps the clause tied to the page.
		if (tokens.slice(0, i).some((b, j) => DEMONSTRATIVE_WORD.test(b.lower) && (b.lower !== 'that' || pointing(tokens, j)))) continue;
		if (!namesItself(tokens, i + 1, t.lower === 'these' || t.lower === 'those')) continue;
		out = out.slice(0, t.start) + (t.text.charAt(0) === 'T' ? 'The' : 'the') + out.slice(t.end);
	}
	return out;
}, 64);

/** "astrolabes were" after a name: a plural noun and its verb, which `VERB_AFTER_SUBJECT` would take for a verb. */
const NOUN_BEFORE_VERB = /^\s+\p{Ll}+s\s+(?:is|are|was|were|has|have|had)\b/u;
/** A verb group right after a subject: "is", "was founded", "operates", "(NLR) became". */
const VERB_AFTER_SUBJECT = /^\s+(?:\([^)]*\)\s+)?(?:is|was|are|were|has|had|have|became|becomes|remains|remained|can|could|will|would|may|might|must|\p{Ll}+ed|\p{Ll}+s)\b/u;

/**
 * The name a sentence opens with as its subject ("Telenet was …", "The Ruhr contributes …"), which a following
 * "It" stands for; null for a date, a person, or a name that is not directly followed by its verb.
 */
function openingName(info: SentenceInfo): string | null {
	const m = info.mentions[0];
	if (!m || (m.kind !== 'name' && m.kind !== 'org' && m.kind !== 'place')) return null;
	const lead = info.s.text.slice(0, m.start);
	const rest = info.s.text.slice(m.end);
	// "The Persian astrolabes were …": an "-s" word before a verb is the name's noun, not its verb.
	if (!/^(?:[Tt]he\s+)?$/.test(lead) || !VERB_AFTER_SUBJECT.test(rest) || NOUN_BEFORE_VERB.test(rest)) return null;
	return info.s.text.slice(0, m.end);
}

/** "It is here that …", "It was in 1066 that …": a cleft, whose focus is no noun phrase with an article. */
const CLEFT = /^It\s+(?:is|was)\s+(?!(?:an?|the)\s)[^,;:]*?\b(?:that|who)\b/;
/** The copula right after an opening noun phrase: its number, and whether it is present. */
const COPULA: Record<string, { plural: boolean; present: boolean }> = {
	is: { plural: false, present: true },
	was: { plural: false, present: false },
	are: { plural: true, present: true },
	were: { plural: true, present: false }
};
/** A present-tense verb group opening a sentence after its subject pronoun (or "Its"/"Their" + noun). */
const PRESENT_AFTER = /^(?:It|They|Its\s+\p{Ll}+|Their\s+\p{Ll}+)\s+(?:is|are|has|have|can|may|must|does|do|(?!was\b)\p{Ll}+s)\b/u;

/**
 * "A Turing machine is a mathematical model … . It is a theoretical device …" → "A Turing machine is a theoretical
 * device …": the noun phrase a sentence opens with as the subject of "is/was/are/were" (an optional "The/A/An",
 * adjectives and nouns up to a head that agrees with the copula and with `plural`, nothing after the head), which a
 * following "It/Its" (singular) or "They/Their" (plural) stands for: a copula says what its subject is, so its
 * predicate names the same thing and offers no other antecedent. A subject with "A/An" is a kind only in the
 * present: it stands in for a pronoun only when both sentences are present ("A storm was reported … . It destroyed …"
 * is one storm, which "A storm destroyed …" would lose). Null otherwise.
 */
function openingKind(info: SentenceInfo, plural: boolean, text: string): string | null {
	const t = info.s.text;
	const m = /^(?:(The|An?)\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?=\s+(is|was|are|were)\s)/u.exec(t);
	const copula = m?.[3] ? COPULA[m[3]] : undefined;
	if (!m || !copula || copula.plural !== plural) return null;
	const indefinite = m[1] === 'A' || m[1] === 'An';
	if (indefinite && (plural || !copula.present || !PRESENT_AFTER.test(text))) return null;
	const phrase = tag(t).filter((k) => k.end <= m[0].length);
	const words = m[1] ? phrase.slice(1) : phrase;
	const head = words[words.length - 1];
	if (!head || !words.every((k) => PREMODIFIER.has(k.pos) || JOINER.test(k.text)) || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return null;
	// "The gorge is quite deep … . It is …": a definite phrase of common nouns points back itself; one with a name
	// ("The Persian astrolabe") names its thing.
	if (m[1] === 'The' && !words.some((k) => /^\p{Lu}/u.test(k.text))) return null;
	// A bare opening word is capitalised only because it opens the sentence: it must be a plural noun ("Hedgehogs").
	if (pluralNoun(head) !== plural && !(plural && /[^s]s$/.test(head.lower))) return null;
	if (VAGUE_HEAD.test(head.lower) || SHELL_NOUN.test(head.lower) || FUNCTION_WORDS.has(words[0]?.lower ?? '')) return null;
	return m[0];
}

/**
 * "For example, the range >1.2.3-alpha.3 would match …. The version range only accepts …": the sentence before
 * named one instance of a noun ("the range >1.2.3-alpha.3", "the version 1.2.3", "the river Aare"), and a
 * definite subject with that noun as a word of its first three ("The version range") points back to it.
 */
export function namedInstance(text: string, previous: string): boolean {
	const opening = /^The\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(text)?.[1];
	if (!opening) return false;
	const prev = previous.toLowerCase();
	return opening.split(/\s+/).some((w) => {
		if (w.length < 3) return false;
		for (let at = prev.indexOf(`the ${w} `); at >= 0; at = prev.indexOf(`the ${w} `, at + 1)) {
			const next = previous.charAt(at + w.length + 5);
			if ((at === 0 || /\s/.test(prev.charAt(at - 1))) && next && !/[\p{Ll}(,;:.]/u.test(next)) return true;
		}
		return false;
	});
}

/** "There are three kinds …": "there" points at nothing. */
const EXISTENTIAL = /^There\s+(?:is|are|was|were|has been|have been|had been|will be|exist|exists|existed|remain|remains)\b/;
/**
 * "that" opening a clause, not a determiner with its noun ending the sentence ("… published in a small edition that
 * year."); "It is usually recognized that lawbreaking, if …, must …" has its clause after the aside.
 */
const THAT_CLAUSE = String.raw`that\b(?!\s+\p{Ll}+[.!?]?$)`;
/**
 * "It is believed that …", "It was possible to …": an "it" that stands for the clause after it. A participle takes
 * a "that/whether/if" clause ("It was shown by Ladner that …"); before "to" it has a real "it" ("It was designed to
 * carry …", "It is believed to be …"), as "likely" has ("It is likely to fail"); an adjective takes "to" as well.
 */
export const EXPLETIVE_IT = new RegExp(
	String.raw`^It\s+(?:is|was|has been|had been|can be|could be|may be|might be|would be|will be|became|seems|seemed)\s+(?:\p{Ll}+ly\s+)?(?:` +
		String.raw`(?:clear|possible|impossible|unclear|necessary|important|difficult|easy|hard|common|rare|true|false|useful|essential)\b[^,]*?\b(?:${THAT_CLAUSE}|to\b|whether\b|if\b)` +
		String.raw`|(?:\p{Ll}+ed|\p{Ll}+en|likely|unlikely|known|unknown|thought|said|believed|estimated|argued|suggested|reported|assumed|expected|generally|widely|shown|proven|found|held|seen|understood|felt)\b[^,]*?\b(?:${THAT_CLAUSE}|whether\b|if\b))`,
	'u'
);

/** A letter or a number of any script (one character or code point at a time). */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A sentence is searched for one answer after another: its lower case is kept for the next search. (A memo keyed
 * by the text costs more than lowering it: each new stem must be hashed; comparing with the last text is cheap.)
 */
let lastText = '';
let lastLower = '';
function lowerCase(text: string): string {
	if (text !== lastText) {
		lastText = text;
		lastLower = text.toLowerCase();
	}
	return lastLower;
}

/** Start offsets of case-insensitive whole-word occurrences of `needle` in `hay` (a scan, no regex built). */
export function wholeWordIndexes(hay: string, needle: string): number[] {
	const out: number[] = [];
	if (!needle) return out;
	const h = lowerCase(hay);
	const n = needle.toLowerCase();
	if (h.length !== hay.length || n.length !== needle.length) return out;
	for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
		const before = h[i - 1];
		const after = h[i + n.length];
		if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) out.push(i);
	}
	return out;
}

/**
 * `text.split(/\s+/).length` without building the array (it runs on every stem of a long text): one more than the
 * runs of white space (JavaScript's `\s`).
 */
export function pieceCount(text: string): number {
	let n = 1;
	let inSpace = false;
	for (let i = 0; i < text.length; i++) {
		const space = isSpace(text.charCodeAt(i));
		if (space && !inSpace) n++;
		inSpace = space;
	}
	return n;
}

/** JavaScript's `\s`: ASCII white space, no-break and the Unicode spaces, line and paragraph separators, BOM. */
function isSpace(c: number): boolean {
	if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
	if (c < 0xa0) return false;
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The code point that ends just before `i` (a surrogate pair read whole), or undefined at the start. */
export function codePointBefore(text: string, i: number): number | undefined {
	if (i <= 0) return undefined;
	const low = text.charCodeAt(i - 1);
	const high = i >= 2 ? text.charCodeAt(i - 2) : 0;
	return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(i - 2) : low;
}

const letterOrNumber = (code: number | undefined): boolean => code !== undefined && WORD_CHAR.test(String.fromCodePoint(code));

/**
 * `word` in `text` as written (case counts), as a whole word: no letter or number of any script touches it. A scan,
 * no RegExp built per word (building one costs more than the search).
 */
export function hasWholeWord(text: string, word: string): boolean {
	if (!word) return false;
	for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
		if (!letterOrNumber(codePointBefore(text, i)) && !letterOrNumber(text.codePointAt(i + word.length))) return true;
	}
	return false;
}

export function occurrences(hay: string, needle: string): number {
	return wholeWordIndexes(hay, needle).length;
}

/** `hay` with the only whole-word occurrence of `needle` replaced, or null when it is not there exactly once. */
export function replaceOnce(hay: string, needle: string, replacement: string): string | null {
	const at = wholeWordIndexes(hay, needle);
	if (at.length !== 1 || at[0] === undefined) return null;
	return hay.slice(0, at[0]) + replacement + hay.slice(at[0] + needle.length);
}

/**
 * A colon between two capitalised words is inside a title ("the video game Starpower: Beyoncé was cancelled",
 * "the opening day of Mission: Impossible – Rogue Nation"), never a break between clauses; a colon before a quotation
 * or a lower-case word is ("… the doctors in Majorca: "Three doctors …""), and so is one inside brackets.
 */
export function titleColon(text: string, at: number): boolean {
	// "(Romansh: Rein, German: Rhein)": inside brackets a colon labels what follows.
	const before = text.slice(0, at);
	if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) return false;
	return text[at] === ':' && /(?:^|[\s("“])\p{Lu}[\p{L}\p{N}'’-]*$/u.test(text.slice(Math.max(0, at - 40), at)) && /^:\s+\p{Lu}/u.test(text.slice(at));
}

/** `text` cut at "; " and at ": " outside a title. */
/** How many brackets are open at `at` in `text`. */
function depthAt(text: string, at: number): number {
	let depth = 0;
	for (let i = 0; i < at; i++) {
		const ch = text[i];
		if (ch === '(' || ch === '[') depth++;
		else if ((ch === ')' || ch === ']') && depth > 0) depth--;
	}
	return depth;
}

function clauseSplit(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	for (const m of text.matchAll(/[;:]\s+/g)) {
		// Only at the top level: "(Chinese: 大元; pinyin: Dà Yuán; …)" holds no clause break.
		if (titleColon(text, m.index) || depthAt(text, m.index) > 0) continue;
		out.push(text.slice(start, m.index));
		start = m.index + m[0].length;
	}
	return [...out, text.slice(start)];
}

/** " – bilateral meetings to discuss … – ": a parenthesis between two dashes, which a clause can lose. */
const DASH_ASIDE = /\s+[–—]\s+[^–—]{3,160}?\s+[–—]\s+|\s+--\s+[^-]{3,160}?\s+--\s+/g;

/**
 * The shortest piece of a long sentence that still holds the answer and reads as a sentence: dash asides
 * that do not hold the answer are dropped first; then the sentence may be split at ; and :, but only into a
 * piece that starts with a capital and has a finite verb ("… left off: a track II effort with …" is kept whole).
 */
export function clauseAround(text: string, answer: string): string {
	let t = text;
	if (t.search(DASH_ASIDE) >= 0) {
		const without = t.replace(DASH_ASIDE, (aside) => (occurrences(aside, answer) > 0 ? aside : ' '));
		if (occurrences(without, answer) > 0) t = without;
	}
	if (pieceCount(t) <= 32) return t;
	const parts = clauseSplit(t);
	const part = parts.find((p) => occurrences(p, answer) > 0);
	// "Yehe Yuan Ulus[a]), was the empire …": a piece cut inside a bracket is no clause.
	if (!part || pieceCount(part) < 8 || !/^\p{Lu}/u.test(part) || !balanced(part)) return t;
	if (!hasFiniteVerb(part.split(/\s+/).map((w) => ({ text: w, lower: w.toLowerCase() })))) return t;
	const trimmed = part.replace(/[,;:]\s*$/, '');
	const whole = /[.!?]["”’]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
	// "… that contain oxygen are (where "R" is an organic group): alcohols …": the list after the colon completes it.
	if (LOST_LIST.test(whole)) return t;
	// "… old master works, including works by: Dürer, …": a preposition or "including" before the colon needs the
	// list; the phrase that opens with "including" or "such as" goes with it, or the whole sentence stays.
	if (!DANGLING_END.test(whole)) return whole;
	const shorter = whole.replace(EXAMPLES_TAIL, '.');
	return shorter !== whole && occurrences(shorter, answer) > 0 && !DANGLING_END.test(shorter) ? shorter : t;
}

/** The clause with the answer replaced by the blank, or null when the answer is not there exactly once. */
export function blankOut(clause: string, answer: string): string | null {
	const out = replaceOnce(clause, answer, CLOZE_BLANK);
	return out && pieceCount(out) >= 6 ? out : null;
}

/** A cheap key for comparing statements with sentences (no Unicode normalisation: it runs on every sentence). */
export function statementKey(text: string): string {
	// ASCII text has nothing to fold: its key is normaliseKey's, by that function's short road.
	if (isAscii(text)) return normaliseKey(text);
	return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
