/**
 * The linguistic layer: part-of-speech tags and lemmas from wink-nlp's English model (chosen over compromise
 * by measurement, docs/generator.md), and on top of them what question formation needs: base noun-phrase
 * chunks, the subject, the main verb with its auxiliary and tense. Offsets are relative to the analysed text.
 * The model loads once, on first use, so importing the core stays cheap.
 */
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { rarity } from './features';

export type Pos = 'NOUN' | 'PROPN' | 'VERB' | 'AUX' | 'ADJ' | 'ADV' | 'ADP' | 'DET' | 'PRON' | 'NUM' | 'CCONJ' | 'SCONJ' | 'PART' | 'PUNCT' | 'SYM' | 'X' | 'INTJ' | 'SPACE';

export interface Tagged {
	text: string;
	lower: string;
	pos: Pos;
	lemma: string;
	start: number;
	end: number;
}

/** A noun phrase as a run of tokens [from, to) with its head (the last noun). */
export interface Chunk {
	from: number;
	to: number;
	head: number;
	start: number;
	end: number;
	text: string;
}

export interface Clause {
	tokens: Tagged[];
	chunks: Chunk[];
	/** the noun phrase before the main verb, when the clause starts with one */
	subject: Chunk | null;
	/** the subject goes on past its first noun phrase and its "of" complement ("The conquest of Cyprus by the Anglo-Norman forces") */
	longSubject?: boolean;
	/** index of the finite verb or first auxiliary of the main predicate */
	verb: number | null;
	/** auxiliaries before the lexical verb ("has been"), as token indexes */
	aux: number[];
	/** index of the lexical (main) verb */
	main: number | null;
	tense: 'past' | 'present' | 'other';
	/** the subject is plural: a plural head noun, or two noun phrases joined by "and" ("do", not "does") */
	plural: boolean;
	/** lower-case words the document writes with a capital inside a sentence ("French"): they keep it in a question */
	capitalised?: ReadonlySet<string>;
}

/**
 * The words a document capitalises inside a sentence (the tagger reads them as names at a sentence's start), with
 * those a question keeps capitalised: not a word the document also writes in lower case and capitalises only
 * inside a longer name ("the Great Plague of London" beside "the plague": "How was plague introduced …?").
 */
export class CapitalisedWords extends Set<string> {
	constructor(
		words: Iterable<string>,
		readonly kept: ReadonlySet<string>
	) {
		super(words);
	}
}

let engine: ReturnType<typeof winkNLP> | null = null;

/**
 * Only the tagger runs: the generator reads tokens, tags and lemmas, never wink's sentences, entities, negation or
 * sentiment, which the default pipe computed on every sentence (about half the time of `tag`). Tags and lemmas read
 * nothing those steps write (the tagger's input is the token list; they set sentences, entities and the negation
 * bit), and were identical on 29,490 sentences and paragraphs of the article sets.
 */
function nlp(): ReturnType<typeof winkNLP> {
	engine ??= winkNLP(model, ['pos']);
	return engine;
}

/** Tokens with tags, lemmas and offsets into `text`. */
export function tag(text: string): Tagged[] {
	const w = nlp();
	const its = w.its;
	const tokens = w.readDoc(text).tokens();
	// Whole columns at once: the same values as each token's `out`, without an item object (a dozen closures) per
	// token, which cost about a tenth of a second per MB of text.
	const values = tokens.out() as string[];
	const tags = tokens.out(its.pos) as Pos[];
	const lemmas = tokens.out(its.lemma as Parameters<ItemToken['out']>[0]) as unknown[];
	const out: Tagged[] = [];
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i] ?? '';
		const start = text.indexOf(value, at);
		if (start < 0) continue;
		at = start + value.length;
		const lower = value.toLowerCase();
		const pos = tags[i] as Pos;
		const lemma = String(lemmas[i]).toLowerCase();
		out.push({ text: value, lower, pos, lemma: pos === 'VERB' && spellingOf(lower, lemma) ? lower : lemma, start, end: at });
	}
	return out;
}

/**
 * The model's lemma of a British spelling is the American one ("analyse" → "analyze", "labour" → "labor"): the
 * same form, not an inflection, so it is no past tense and a question keeps the text's spelling.
 */
function spellingOf(word: string, lemma: string): boolean {
	const american = (w: string) => w.replace(/s/g, 'z').replace(/our/g, 'or');
	return word !== lemma && !/s$/.test(word) && american(word) === american(lemma);
}

let verbs: Map<string, boolean> | null = null;

/**
 * The model's own lexicon, asked in a frame that wants a verb ("They use it.", "It concerns them."): true when it
 * reads the word as a verb there, in the same form (a base form stays a base form). "union" and "analysis" stay
 * nouns, so they are never re-tagged. Memoised: each word is asked once.
 */
function canBeVerb(word: string): boolean {
	verbs ??= new Map();
	let known = verbs.get(word);
	if (known === undefined) {
		const third = /s$/.test(word);
		const probe = tag(third ? `It ${word} them.` : `They ${word} it.`)[1];
		known = probe?.pos === 'VERB' && (third ? probe.lemma !== word : probe.lemma === word || spellingOf(word, probe.lemma));
		verbs.set(word, known);
	}
	return known;
}

/**
 * A plural noun: the model's lemma is another word ("rocks" → "rock", "mitochondria" → "mitochondrion"), or a rare
 * word the model does not inflect ends like a plural ("petrologists", "thylakoids"). Names of fields in "-ics"
 * ("economics", "physics") take a singular verb. A capitalised first word read as a name counts by its ending.
 */
export function pluralNoun(t: Tagged | undefined): boolean {
	if (!t || /ics$/.test(t.lower)) return false;
	if (t.pos === 'PROPN') return t.start === 0 && /[^su'’]s$/.test(t.lower);
	if (t.pos !== 'NOUN') return false;
	if (t.lemma !== t.lower) return !spellingOf(t.lower, t.lemma);
	return /[^isu'’]s$/.test(t.lower) && rarity(t.lower) === 1;
}

const NOMINAL = new Set<Pos>(['NOUN', 'PROPN']);
const MODIFIER = new Set<Pos>(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Quantifiers the tagger calls adjectives; after a noun they open a new noun phrase, never modify the next word. */
const PHRASE_START = /^(?:much|many|few|fewer|several|most|more|less|numerous|various)$/;
/** Verbs that take two objects, the receiver first: "deny users access", "give students credit". */
const DOUBLE_OBJECT = /^(?:deny|give|grant|offer|send|show|teach|tell|award|owe|promise|lend|pay|hand|refuse|allow|cost|bring)$/;
/** Words the tagger calls nouns that never head a phrase worth asking. */
const HYPHEN = /^[-–]$/;

/**
 * Base noun phrases: an optional determiner or possessive, modifiers (adjectives, nouns, numbers, hyphen
 * joins, a possessive "'s"), ending in a noun. "the Romance language", "North Korea's nuclear programme".
 */
/** "the chosen machine model", "a built environment": a past participle right after an article modifies the noun after it. */
function attributive(tokens: Tagged[], i: number, j: number, k: number): boolean {
	const c = tokens[k];
	return k === j && j > i && /^(?:the|a|an)$/.test(tokens[i]?.lower ?? '') && !!c && c.lower !== c.lemma && !/ing$/.test(c.lower);
}

export function chunks(text: string, tokens: Tagged[]): Chunk[] {
	const out: Chunk[] = [];
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i];
		if (!t) break;
		let j = i;
		if (t.pos === 'DET' || (t.pos === 'PRON' && /^(?:his|her|its|their|our|my|your)$/.test(t.lower))) j++;
		let head = -1;
		let k = j;
		while (k < tokens.length) {
			const c = tokens[k];
			if (!c) break;
			// A quantifier after the head starts the next phrase ("in many poor countries | much land and housing is …").
			if (head >= j && c.pos === 'ADJ' && PHRASE_START.test(c.lower)) break;
			// "deny users | access", "grant members | voting rights": after a verb of giving, a bare plural noun is the
			// first of two objects, not a modifier of the next noun.
			if (c.pos === 'NOUN' && k === i + 1 && head === i && DOUBLE_OBJECT.test(tokens[i - 1]?.lemma ?? '') && tokens[i - 1]?.pos === 'VERB' && pluralNoun(tokens[i]) && !pluralNoun(c)) break;
			// A participle modifies the noun after it before any noun ("the advanced range syntax") or after a hyphen
			// ("packet-switched networks").
			const participle = c.pos === 'VERB' && NOMINAL.has(tokens[k + 1]?.pos ?? 'X') && ((/(?:ed|ing)$/.test(c.lower) && k > j && (head < j || HYPHEN.test(tokens[k - 1]?.text ?? ''))) || attributive(tokens, i, j, k));
			if (MODIFIER.has(c.pos) || participle) {
				if (NOMINAL.has(c.pos)) head = k;
				k++;
			} else if ((c.lower === "'s" || c.lower === '’s' || c.pos === 'PART') && head === k - 1 && /^['’]s$/.test(c.lower)) {
				k++;
			} else if (HYPHEN.test(c.text) && k > j && tokens[k + 1] && (MODIFIER.has(tokens[k + 1]?.pos ?? 'X') || /(?:ed|ing)$/.test(tokens[k + 1]?.lower ?? '')) && c.start === (tokens[k - 1]?.end ?? -1)) {
				k++;
			} else break;
		}
		// A phrase ends on its head noun: trailing numbers or adjectives belong to what follows.
		if (head >= j) {
			const from = i;
			const to = head + 1;
			const first = tokens[from];
			const last = tokens[head];
			if (first && last) out.push({ from, to, head, start: first.start, end: last.end, text: text.slice(first.start, last.end) });
			i = to;
		} else i = Math.max(i + 1, j);
	}
	return out;
}

const PAST_AUX = /^(?:was|were|had|did|could|would|might|should)$/;
const PRESENT_AUX = /^(?:is|are|am|has|have|does|do|can|will|may|must|shall)$/;

/**
 * The clause structure: subject noun phrase at the start, then the main verb group. The tagger reads a
 * capitalised first word as a name ("Geologists study rocks" → PROPN NOUN NOUN); where the document never
 * writes that word with a capital inside a sentence, it is tagged in lower case, as it would be mid-sentence.
 */
export function analyse(text: string, capitalised?: ReadonlySet<string>): Clause {
	const opening = /^\p{Lu}[\p{Ll}-]+/u.exec(text)?.[0];
	const lower = opening && capitalised && !capitalised.has(opening.toLowerCase());
	const tokens = tag(lower ? opening.toLowerCase() + text.slice(opening.length) : text);
	if (lower && tokens[0]) tokens[0] = { ...tokens[0], text: text.slice(tokens[0].start, tokens[0].end) };
	retagVerbs(tokens);
	const found = chunks(text, tokens);
	const first = found[0]?.from === 0 ? found[0] : null;
	const lead = first ? extendOf(text, tokens, found, first) : null;
	const both = lead ? coordinated(text, tokens, found, lead) : null;
	let subject = both ?? lead;
	let group = subject ? verbGroup(tokens, subject.to) : null;
	// The subject goes on past its first noun phrase ("The conquest of Cyprus by the Anglo-Norman forces opened …",
	// "The failure to renew the agreements resulted in …", "The Normans (Norman: Nourmands) were …"): read further,
	// where a finite verb that agrees with the subject's head follows at once.
	let plural = !!both && subject === both;
	let longSubject = false;
	if (first && (group?.verb ?? null) === null) {
		const longer = postmodified(text, tokens, found, first);
		const g = longer ? finiteAfter(tokens, longer.subject, longer.plural) : null;
		if (longer && g) {
			longSubject = longer.subject.to > (lead?.to ?? 0);
			subject = longer.subject;
			group = g;
			plural = longer.plural;
		}
	}
	const verb = group?.verb ?? null;
	const aux = group?.aux ?? [];
	const main = group?.main ?? null;
	const v = verb === null ? undefined : tokens[verb];
	const tense = !v ? 'other' : PAST_AUX.test(v.lower) || (v.pos === 'VERB' && v.lower !== v.lemma && !/s$/.test(v.lower)) ? 'past' : PRESENT_AUX.test(v.lower) || v.pos === 'VERB' ? 'present' : 'other';
	return { tokens, chunks: found, subject, longSubject, verb, aux, main, tense, plural: plural || pluralNoun(subject ? tokens[subject.head] : undefined), capitalised };
}

interface VerbGroup {
	verb: number | null;
	aux: number[];
	main: number | null;
}

/** The verb group right after a subject that ends before token `from` (one comma aside and adverbs skipped). */
function verbGroup(tokens: Tagged[], from: number): VerbGroup {
	let k = from;
	// "The Normans, a people of Norse origin, adopted …": skip one comma aside after the subject.
	if (tokens[k]?.text === ',') {
		const close = tokens.findIndex((t, i) => i > k && t.text === ',');
		if (close > k && close - k <= 12) k = close + 1;
	}
	while (tokens[k]?.pos === 'ADV') k++;
	const v = tokens[k];
	// "Patterns starting with …", "The rules adopted by …": a participle after the noun modifies it; the
	// finite verb comes later, and a question built on the participle would be broken.
	const participle = v?.pos === 'VERB' && (/ing$/.test(v.lower) || (/ed$/.test(v.lower) && tokens[k + 1]?.lower === 'by') || reducedRelative(tokens, k));
	return v && !participle && (v.pos === 'AUX' || v.pos === 'VERB') ? groupAt(tokens, k) : { verb: null, aux: [], main: null };
}

/** The verb group whose finite verb is at `k`: auxiliaries (adverbs between them) and the lexical verb. */
function groupAt(tokens: Tagged[], k: number): VerbGroup {
	const verb = k;
	const aux: number[] = [];
	let main: number | null = null;
	const v = tokens[k];
	while (tokens[k]?.pos === 'AUX' || tokens[k]?.pos === 'PART' || (tokens[k]?.pos === 'ADV' && aux.length)) {
		if (tokens[k]?.pos === 'AUX') aux.push(k);
		k++;
	}
	if (tokens[k]?.pos === 'VERB') main = k;
	if (aux.length === 0 && v?.pos === 'VERB') main = verb;
	return { verb, aux, main };
}

/** A participle ("negotiated", "existing") at `k`, which modifies the noun phrase after it. */
const participleAt = (tokens: Tagged[], k: number): boolean => {
	const t = tokens[k];
	return t?.pos === 'VERB' && t.lemma !== t.lower && /(?:ed|en|ing)$/.test(t.lower);
};

/** The tokens [from, c.to) as one phrase headed by `c`'s head. */
function joined(text: string, tokens: Tagged[], from: number, c: Chunk): Chunk | null {
	const first = tokens[from];
	return first ? { from, to: c.to, head: c.head, start: first.start, end: c.end, text: text.slice(first.start, c.end) } : null;
}

/** Prepositions that attach a phrase to the noun before them inside a subject ("the conquest of Cyprus by …"). */
const NOUN_PREPOSITION = /^(?:of|in|on|at|by|for|from|with|between|among|within|into|under|over|across|against|about|during|without|along|around|through|toward|towards|behind|beyond|near|per|via|throughout|to)$/;
/** The most tokens a subject read past its first noun phrase may have. */
const MAX_SUBJECT_TOKENS = 24;

/**
 * The subject read past its first noun phrase: names or noun phrases coordinated with commas and a closing
 * "and"/"or" ("Malaria, yellow fever and Dengue fever"), prepositional phrases ("The promise of a negotiated
 * settlement between Israel and Syria", "A study in 1999"), their noun phrases coordinated ("The lack of supplies,
 * disease and Byzantine resistance"), one "to"-infinitive with its object right after the head ("The failure to
 * renew the existing agreements"), and a participle with its prepositional phrases or an "-ing" one with its object
 * ("Farms established during the 1960s", "The chief monasteries taking part in this renaissance"). The head stays
 * the first phrase's; a coordination at the top makes the subject plural. Null where nothing follows the first
 * phrase but a bracket.
 */
function postmodified(text: string, tokens: Tagged[], found: Chunk[], lead: Chunk): { subject: Chunk; plural: boolean } | null {
	const top = phraseAt(text, tokens, found, lead.from, lead);
	let to = top?.to ?? lead.to;
	const plural = !!top && top.to > lead.to;
	const t = tokens[to];
	const next = tokens[to + 1];
	// "The failure to renew …", "The first European to travel …": an infinitive and its object.
	if (!plural && t?.lower === 'to' && t.pos === 'PART' && next?.pos === 'VERB' && next.lemma === next.lower) {
		const object = phraseAt(text, tokens, found, to + 2);
		to = object ? object.to : to + 2;
	}
	// "Farms established during the 1960s were …", "Other names beginning with Fitz indicate …": a participle
	// followed by its prepositional phrase ("taking part in": an adverb particle may come between them), or an
	// "-ing" participle followed by its object.
	const participle = tokens[to];
	// A participle must have its phrase ("Farms established were …" is no subject).
	let hanging = false;
	if (!plural && participle?.pos === 'VERB' && participle.lemma !== participle.lower && /(?:ed|en|wn|ing)$/.test(participle.lower)) {
		const particle = /ing$/.test(participle.lower) && tokens[to + 1]?.pos === 'ADV' ? 1 : 0;
		const next = tokens[to + 1 + particle];
		if (next?.pos === 'ADP' && next.lower !== 'to') {
			to += 1 + particle;
			hanging = true;
		} else if (/ing$/.test(participle.lower)) {
			const object = phraseAt(text, tokens, found, to + 1);
			if (object) to = object.to;
		}
	}
	const adjuncts = to;
	for (;;) {
		const p = tokens[to];
		if (!p || p.pos !== 'ADP' || !NOUN_PREPOSITION.test(p.lower)) break;
		const object = phraseAt(text, tokens, found, to + 1);
		if (!object) return null;
		to = object.to;
	}
	if (hanging && to === adjuncts) return null;
	// Nothing read past the first phrase: only a bracket after it is new ("The Normans (Norman: Nourmands) were …").
	if ((to === lead.to && tokens[to]?.text !== '(') || to - lead.from > MAX_SUBJECT_TOKENS) return null;
	const subject = joined(text, tokens, lead.from, { ...lead, to, end: tokens[to - 1]?.end ?? lead.end });
	return subject ? { subject, plural } : null;
}

/** A number or a range of numbers as the object of a preposition: "in 1999", "from 2000 to 2005", "of 1973–1974". */
function numbersAt(text: string, tokens: Tagged[], k: number): Chunk | null {
	let j = k;
	while (tokens[j]?.pos === 'NUM' || (j > k && HYPHEN.test(tokens[j]?.text ?? '') && tokens[j + 1]?.pos === 'NUM')) j++;
	const first = tokens[k];
	const last = tokens[j - 1];
	return j > k && first && last && /^\d/.test(first.text) ? { from: k, to: j, head: j - 1, start: first.start, end: last.end, text: text.slice(first.start, last.end) } : null;
}

/**
 * A noun phrase starting at token `k` (`c` where it is already known): a chunk, a determiner and participles
 * before one ("a negotiated settlement"), a number ("in 1999"), and its coordination ("Israel and Syria",
 * "supplies, disease and Byzantine resistance"; a comma run with no closing "and"/"or" is an aside, not part of it).
 */
function phraseAt(text: string, tokens: Tagged[], found: Chunk[], k: number, c?: Chunk): Chunk | null {
	const one = (at: number): Chunk | null => {
		let j = at;
		if (tokens[j]?.pos === 'DET') while (participleAt(tokens, j + 1) || tokens[j + 1]?.pos === 'ADV') j++;
		const chunk = found.find((n) => n.from === (j === at ? at : j + 1));
		return chunk ? joined(text, tokens, at, chunk) : numbersAt(text, tokens, at);
	};
	const first = c ?? one(k);
	if (!first) return null;
	const conj = (t: Tagged | undefined) => t?.pos === 'CCONJ' && /^(?:and|or)$/.test(t.lower);
	let end = first;
	let at = first.to;
	for (;;) {
		const comma = tokens[at]?.text === ',';
		const closing = conj(tokens[at]) || (comma && conj(tokens[at + 1]));
		if (!comma && !closing) break;
		const member = one(comma && closing ? at + 2 : at + 1);
		if (!member) break;
		if (closing) {
			end = member;
			break;
		}
		at = member.to;
	}
	return end === first ? first : joined(text, tokens, k, end);
}

/** A finite auxiliary after a subject: the tenses' auxiliaries (PAST_AUX, PRESENT_AUX) but "am" ("Hagnau am Bodensee"). */
const finiteAux = (w: string): boolean => w !== 'am' && (PAST_AUX.test(w) || PRESENT_AUX.test(w));
/** Where a clause ends for the reduced-relative test: a break, or a relative word that opens a clause. */
const STRETCH_END = /^(?:[,;:()–—]|which|who|that|whose|where|when)$/;

/**
 * The finite verb right after a subject read past its first phrase (a bracket aside and adverbs skipped), where
 * it agrees with the head: "is/was/has" or an "-s" form after a singular head, "are/were/have" or a base form after
 * a plural one; a past form not followed by a second finite verb in its stretch ("The failure to renew the
 * agreements negotiated with NTL resulted in …": "negotiated" modifies the agreements). Null otherwise.
 */
function finiteAfter(tokens: Tagged[], subject: Chunk, coordinated: boolean): VerbGroup | null {
	let k = subject.to;
	const bracket = tokens[k]?.text === '(';
	if (bracket) {
		const close = tokens.findIndex((t, i) => i > k && t.text === ')');
		if (close < 0 || close - k > 24 || tokens.slice(k + 1, close).some((t) => t.text === '(')) return null;
		k = close + 1;
	}
	while (tokens[k]?.pos === 'ADV') k++;
	const v = tokens[k];
	const head = tokens[subject.head];
	if (!v || !head) return null;
	const plural = coordinated || pluralNoun(head);
	const singular = !coordinated && (head.pos === 'PROPN' ? !/s$/.test(head.lower) : head.pos === 'NOUN' && !plural);
	if (v.pos === 'AUX') {
		if (!finiteAux(v.lower)) return null;
		// A plural head with "is/was/has" says the phrase was misread; the other way round a plural the model does not
		// inflect ("people", "cattle") would be refused.
		if (plural && SINGULAR_AUX.test(v.lower)) return null;
		return groupAt(tokens, k);
	}
	if (v.pos !== 'VERB' || /ing$/.test(v.lower)) return null;
	if (v.lemma === v.lower) return plural ? groupAt(tokens, k) : null;
	if (/s$/.test(v.lower)) return singular ? groupAt(tokens, k) : null;
	// A past form with a preposition after it ("raised at the meeting", "deposited in various tissues") is a
	// participle as often as the verb: it is the verb only where no finite verb follows before a semicolon
	// ("Questions regarding verification raised at the meeting that could not be tackled … are being answered").
	const adjunct = tokens[k + 1]?.pos === 'ADP';
	// "Immune complexes (aggregations of …) deposited in various tissues trigger …": after a gloss, never.
	if (bracket && adjunct) return null;
	for (let j = k + 1; j < tokens.length; j++) {
		const t = tokens[j];
		if (!t || (adjunct ? t.text === ';' : STRETCH_END.test(t.lower))) break;
		const prev = tokens[j - 1]?.pos;
		if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower) && prev !== 'CCONJ' && (t.lemma !== t.lower || prev === 'NOUN'))) return null;
	}
	return groupAt(tokens, k);
}

/** Auxiliaries that agree with a singular subject only. */
const SINGULAR_AUX = /^(?:is|was|has|does|am)$/;

/**
 * "Neutrophils and macrophages are …", "The skin and the gut secrete …": two noun phrases joined by "and" at
 * the start, followed by a verb that agrees with a plural (not "is", "was", "has" or an "-s" form, which say the
 * "and" joins parts of one phrase: "This combination of MHC and antigen attracts …"), are one subject.
 */
function coordinated(text: string, tokens: Tagged[], found: Chunk[], c: Chunk): Chunk | null {
	if (tokens[c.to]?.lower !== 'and') return null;
	const next = found.find((n) => n.from === c.to + 1);
	if (!next) return null;
	const second = extendOf(text, tokens, found, next);
	let k = second.to;
	while (tokens[k]?.pos === 'ADV') k++;
	const v = tokens[k];
	// "Steel pipes and storage vessels used to store …": a participle before "to" or "by" modifies the phrase.
	const participle = v?.pos === 'VERB' && v.lemma !== v.lower && /^(?:to|by)$/.test(tokens[k + 1]?.lower ?? '');
	const agrees = v && !participle && ((v.pos === 'AUX' && !SINGULAR_AUX.test(v.lower)) || (v.pos === 'VERB' && !(v.lemma !== v.lower && /s$/.test(v.lower))));
	return agrees ? { from: c.from, to: second.to, head: second.head, start: c.start, end: second.end, text: text.slice(c.start, second.end) } : null;
}

/** Where a clause ends for `retagVerbs`: punctuation that sets off a clause or an aside. */
const CLAUSE_BREAK = /^[,;:()–—]$/;
/** Tags a subject noun phrase holds before its verb: no preposition or verb ("Because of the oil prices in …"). */
/** A lower-case word that may be a verb's third-person form ("states", "argues"; not "status", "was", "its"). */
const THIRD_PERSON_FORM = /^\p{Ll}{2,}[^su'’]s$/u;
/** What follows a relative "that" (its verb) rather than a reported clause (its subject). */
const REPORTED_START = new Set<Pos>(['VERB', 'AUX', 'ADV']);
const SUBJECT_BODY = new Set<Pos>(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PUNCT']);
const CONJUNCTION = /^(?:and|or)$/;
/** What may follow a third-person verb: its object ("forms chemical bonds") or an adjunct ("flows through"). */
const OBJECT_START = new Set<Pos>(['DET', 'ADJ', 'NUM', 'NOUN', 'PRON']);
const AFTER_VERB = new Set<Pos>(['ADP', 'ADV', 'PART']);

/** A participle that modifies the noun after it ("Advanced range syntax", "the switching network"). */
function modifier(tokens: Tagged[], k: number): boolean {
	const t = tokens[k];
	const next = tokens[k + 1];
	if (t?.pos !== 'VERB') return false;
	// "Mean monthly temperatures …": a sentence's first word read as a base-form verb before an adjective and a noun is an adjective.
	if (k === 0 && t.lemma === t.lower && next?.pos === 'ADJ' && tokens[k + 2]?.pos === 'NOUN') return true;
	// "the newly built houses", "Privately funded and charitable hospitals": an adverb may qualify the participle, and
	// an adjective after "and" share its noun.
	const before = tokens[k - 1]?.pos === 'ADV' ? k - 2 : k - 1;
	const opens = before < 0 || ['DET', 'PUNCT', 'ADP'].includes(tokens[before]?.pos ?? 'X');
	const noun = next?.pos === 'NOUN' || next?.pos === 'ADJ' || (next?.pos === 'CCONJ' && tokens[k + 2]?.pos === 'ADJ');
	return /(?:ed|ing)$/.test(t.lower) && noun && opens;
}

/** "forms" → "form", "carries" → "carry", "passes" → "pass", "photolyzes" → "photolyze": the base form of a third-person verb. */
function baseOf(verb: string): string {
	if (/ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
	if (/(?:ss|sh|ch|x|zz|o)es$/.test(verb)) return verb.slice(0, -2);
	return verb.slice(0, -1);
}

/**
 * The lite model reads a third-person verb after a noun as a plural noun ("oxygen forms chemical bonds", "the
 * Middle Rhine flows through …", "range syntax desugars to …"), and the chunker then swallows it into one noun
 * phrase. The sentence's structure tells: a compound keeps its plural at the head, so a plural right after a
 * singular noun, in a stretch between clause breaks that has no finite verb of its own, where what comes before
 * is a bare noun phrase (a subject, not the object of a preposition), is the verb. It is re-tagged in place.
 */
export function retagVerbs(tokens: Tagged[]): void {
	let from = 0;
	for (let i = 0; i <= tokens.length; i++) {
		const t = tokens[i];
		// A relative pronoun opens a clause of its own too: "… the rocks which gives information …" has no verb of the
		// sentence's subject in it.
		// A dash glued to its words joins them ("fluid–brain barriers").
		const glued = t && /^[–—]$/.test(t.text) && t.start === tokens[i - 1]?.end && t.end === tokens[i + 1]?.start;
		if (t && (!CLAUSE_BREAK.test(t.text) || glued) && !(t.pos === 'PRON' && /^(?:which|who)$/.test(t.lower))) continue;
		retagStretch(tokens, from, i);
		from = i + 1;
	}
}

function retagStretch(tokens: Tagged[], from: number, to: number): void {
	let coordinated = false;
	const finite: number[] = [];
	// "Newton's First Law of Motion states that objects continue …": the verbs after a third-person form and its
	// "that" are the reported clause's; only the words before it must hold no verb.
	// (A verb right after the "that" makes it a relative pronoun: "The member states that joined …".)
	const reported = tokens.findIndex((t, k) => k > from && k + 1 < to && t.pos === 'NOUN' && tokens[k + 1]?.lower === 'that' && THIRD_PERSON_FORM.test(t.text) && !REPORTED_START.has(tokens[k + 2]?.pos ?? 'X'));
	for (let k = from; k < (reported > 0 ? reported : to); k++) {
		const t = tokens[k];
		if (!t) return;
		if (t.pos === 'VERB' && tokens[k - 1]?.pos === 'CCONJ') coordinated = true;
		// A finite verb of its own: the stretch is understood ("to give" is no finite verb, "was" is; "Advanced
		// range syntax" opens with a participle that modifies the noun after it).
		// A verb after "and" is the second of two coordinated verbs: the first must be there, so it does not count.
		if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower) && tokens[k - 1]?.lower !== 'to' && tokens[k - 1]?.pos !== 'CCONJ' && !modifier(tokens, k))) finite.push(k);
	}
	// "chloroplasts use the energy stored in …", "… an enzyme called rubisco": a past participle after a noun may
	// modify it. It leaves room for a verb before that noun phrase, one followed by its object (a noun phrase that
	// opens with a determiner or an adjective cannot go on a subject), and for nothing else.
	if (finite.some((f) => !postModifier(tokens, f))) return;
	const end = finite[0] ?? to;
	const objectOnly = finite.length > 0;
	// "The principle of inclusions and components states that, with …": a stretch with no verb, a third-person
	// form before "that", and no verb after the "that" (a relative "that" takes one: "member states that joined").
	if (!objectOnly) {
		for (let k = from + 1; k + 1 < to; k++) {
			const t = tokens[k];
			const after = tokens[k + 2];
			if (!t || t.pos !== 'NOUN' || tokens[k + 1]?.lower !== 'that' || !THIRD_PERSON_FORM.test(t.text)) continue;
			if (after && REPORTED_START.has(after.pos)) continue;
			// The subject may join its parts with "of" and "and" ("The principle of inclusions and components").
			const subject = tokens.slice(from, k).every((u) => SUBJECT_BODY.has(u.pos) || u.lower === 'of' || /^['’]s$/.test(u.text) || (u.pos === 'CCONJ' && CONJUNCTION.test(u.lower)));
			if (subject && canBeVerb(t.lower)) {
				tokens[k] = { ...t, pos: 'VERB', lemma: t.lemma !== t.lower ? t.lemma : baseOf(t.lower) };
				return;
			}
		}
	}
	// The plural subject's verb in its base form, followed by a preposition or its object ("Tidewater glaciers end
	// in the sea", "Structural geologists use microscopic analysis"): a singular noun right after a plural one,
	// with no noun to head, is no compound. The model must read the word as a verb where a verb is wanted.
	for (let k = from + 1; k + 1 < end; k++) {
		const t = tokens[k];
		const prev = tokens[k - 1];
		const next = tokens[k + 1];
		// The plural is one the model inflects itself ("glaciers" → "glacier", "mitochondria"): a word it does not know may be a verb
		// ("photosystem II photolyzes water") or a noun of either number ("facies change").
		if (!t || !prev || !next || t.pos !== 'NOUN' || prev.pos !== 'NOUN' || prev.lemma === prev.lower || !pluralNoun(prev)) continue;
		if (t.lemma !== t.lower || !/^\p{Ll}{3,}$/u.test(t.text) || /s$/.test(t.lower)) continue;
		if (!(BASE_OBJECT.has(next.pos) || (!objectOnly && AFTER_VERB.has(next.pos)))) continue;
		if (subjectBefore(tokens, from, k) && canBeVerb(t.lower)) {
			tokens[k] = { ...t, pos: 'VERB' };
			return;
		}
	}
	for (let k = from + 1; k < end; k++) {
		const t = tokens[k];
		// "inequality first increases": an adverb between the subject and its verb (the model may call it an adjective).
		const between = (tokens[k - 1]?.pos === 'ADV' || tokens[k - 1]?.pos === 'ADJ') && k - 2 >= from ? 1 : 0;
		const prev = tokens[k - 1 - between];
		const next = tokens[k + 1];
		if (!t || !prev || t.pos !== 'NOUN' || !next) continue;
		if (!/^\p{Ll}{2,}[^su'’]s$/u.test(t.text)) continue;
		// "Photosynthesis", "economics", "glass": no plural.
		const singular = prev.pos === 'PROPN' || (prev.pos === 'NOUN' && !pluralNoun(prev) && (!/s$/.test(prev.lower) || /(?:is|ss|ics)$/.test(prev.lower)));
		if (!singular) continue;
		// Followed by what would be its object, a plural inside a compound is rare: the word is the verb. Followed by
		// a preposition it may be the compound's head ("the oil prices in 1973"): only after a name ("the Middle Rhine
		// flows through"), or where the model knows no plural noun of that spelling ("syntax desugars to").
		// "concerns shipping contracts": an -ing word before a noun opens the object too.
		const object = k + 1 < to && ((objectOnly ? BASE_OBJECT : OBJECT_START).has(next.pos) || (next.pos === 'VERB' && /ing$/.test(next.lower) && tokens[k + 2]?.pos === 'NOUN'));
		// A second verb after "and" with no first one in sight ("the water flows through … and redistributes") says the
		// first was read as a noun; so does one after the clause's comma ("inequality first increases, then decreases").
		const adjunct = k + 1 < to && !objectOnly && AFTER_VERB.has(next.pos) && (prev.pos === 'PROPN' || t.lemma === t.lower || coordinated);
		const chained = k + 1 === to && !objectOnly && verbAfterBreak(tokens, to);
		if (!object && !adjunct && !chained) continue;
		if (between && !canBeVerb(t.lower)) return;
		if (subjectBefore(tokens, from, k - between)) tokens[k] = { ...t, pos: 'VERB', lemma: t.lemma !== t.lower ? t.lemma : baseOf(t.lower) };
		return;
	}
}

/** What a base-form verb is followed by where a participle later modifies its object: a determiner, an adjective, a number or a pronoun. */
const BASE_OBJECT = new Set<Pos>(['DET', 'ADJ', 'NUM', 'PRON']);

/** "the energy stored in …", "an enzyme called rubisco": a past participle right after a noun. */
function postModifier(tokens: Tagged[], f: number): boolean {
	const t = tokens[f];
	return t?.pos === 'VERB' && t.lemma !== t.lower && /(?:ed|en|wn)$/.test(t.lower) && tokens[f - 1]?.pos === 'NOUN';
}

/** ", then decreases", ", and falls": a third-person verb right after the clause break at `at`, which continues a first. */
function verbAfterBreak(tokens: Tagged[], at: number): boolean {
	if (tokens[at]?.text !== ',') return false;
	let k = at + 1;
	while (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'CCONJ') k++;
	const v = tokens[k];
	return k > at + 1 && v?.pos === 'VERB' && v.lemma !== v.lower && /s$/.test(v.lower);
}

/** What stands before the verb is a bare noun phrase, a subject, not the object of a preposition. */
function subjectBefore(tokens: Tagged[], from: number, k: number): boolean {
	// "While constitutional law concerns …": a subordinating conjunction opens a clause whose subject follows.
	if (tokens[from]?.pos === 'SCONJ' && tokens[from + 1]?.pos !== 'ADP' && k > from + 1) from++;
	// "of" may join a subject's parts ("The other third of the water flows"); other prepositions start an adjunct.
	// "The first historical reference to Warsaw dates back …": a preposition after the subject's noun opens its complement.
	return tokens.slice(from, k).every((u, j) => SUBJECT_BODY.has(u.pos) || u.lower === 'of' || (u.pos === 'ADP' && j > 0 && tokens[from + j - 1]?.pos === 'NOUN') || (u.pos === 'ADV' && j > 0 && tokens[from + j - 1]?.pos === 'DET' && tokens[from + j + 1]?.pos === 'ADJ') || modifier(tokens, from + j) || (u.pos === 'ADV' && modifier(tokens, from + j + 1)) || (u.pos === 'CCONJ' && j > 0 && modifier(tokens, from + j - 1)) || (u.pos === 'PRON' && /^(?:its|their|his|her|our)$/.test(u.lower)));
}

const FINITE_BE_HAVE = /^(?:is|are|was|were|has|have|had)$/;
/** Tags a reduced relative clause may hold before the sentence's own verb comes. */
const RELATIVE_BODY = new Set<Pos>(['NOUN', 'PROPN', 'ADP', 'DET', 'ADJ', 'NUM', 'ADV', 'PART']);

/**
 * "Questions regarding verification raised at the meeting are being answered now": a past participle right after
 * the subject, followed by a prepositional phrase and then a finite "be"/"have", modifies the subject; the
 * sentence's verb is the later one. (A finite past verb is followed by its object or a new clause instead.)
 */
function reducedRelative(tokens: Tagged[], k: number): boolean {
	const v = tokens[k];
	if (!v || v.lower === v.lemma || !/(?:ed|en|wn|ne)$/.test(v.lower)) return false;
	if (tokens[k + 1]?.pos !== 'ADP') return false;
	for (let j = k + 1; j < tokens.length && j <= k + 10; j++) {
		const t = tokens[j];
		if (!t) return false;
		if (t.pos === 'AUX' && FINITE_BE_HAVE.test(t.lower)) return true;
		if (!RELATIVE_BODY.has(t.pos) && !(t.pos === 'VERB' && /ing$/.test(t.lower))) return false;
	}
	return false;
}

/** Nouns that name a share of what their own "of" phrase names: "the rest of France", "the bulk of the army". */
const PARTITIVE = /^(?:rest|remainder|bulk|part|parts|half|most|remnants?)$/;

/**
 * A subject takes its "of" complement: "the Romance language of the Frankish land"; a complement that is a
 * share takes its own ("the growing feudal doctrines of the rest | of France" is cut mid-phrase).
 */
export function extendOf(text: string, tokens: Tagged[], found: Chunk[], c: Chunk): Chunk {
	const of = tokens[c.to];
	const next = found.find((n) => n.from === c.to + 1);
	if (of?.lower !== 'of' || !next) return c;
	const whole = { ...c, to: next.to, head: c.head, end: next.end, text: text.slice(c.start, next.end) };
	if (PARTITIVE.test(tokens[next.head]?.lower ?? '')) return extendOf(text, tokens, found, whole);
	// "the high risk of a conflict of interest": a bare noun after a second "of" makes one term with the noun
	// before it ("conflict of interest", "rule of law"); the phrase is not cut before it.
	const then = found.find((n) => n.from === whole.to + 1);
	return tokens[whole.to]?.lower === 'of' && then && then.to === then.from + 1 && tokens[then.from]?.pos === 'NOUN' ? { ...whole, to: then.to, end: then.end, text: text.slice(c.start, then.end) } : whole;
}
