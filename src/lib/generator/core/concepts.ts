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
import { blankOut, clauseAround, occurrences, pieceCount, resolveStart, tidy } from './clause';
import { shortQuestion } from './blanks';
import { selfContained } from './context';
import { analyse, CapitalisedWords, extendOf, pluralNoun, type Chunk, type Clause, type Tagged } from './nlp';
import { digest } from './rng';
import { AIM_HEAD, FRACTION_NOUN, FUNCTION_WORDS, PERSON_NOUNS, PLACES, RELATIONAL_ADJ, ROLE_NOUNS, VAGUE_AFTER_ADJ, VAGUE_HEAD } from './lexicon';
import { wholePhrase } from './phrases';

const ARTICLE = /^(?:the|a|an)\s+/i;
/** Nouns that place a phrase in time rather than name a thing ("Norman descendants today"). */
const TEMPORAL = /^(?:today|tomorrow|yesterday|now|nowadays|tonight)$/;
const COPULA = /^(?:is|are|was|were)$/;
/** Nouns made from verbs ("translation", "movement", "transfer"): they take the verb's complements. */
const NOMINAL = /(?:tion|sion|ment|ance|ence|fer)s?$/;
/** Nouns that name a relation to something else, which a copula's complement fills: "the reason for X is Y". */
const RELATION_HEAD = /^(?:reasons?|purposes?|aims?|goals?|objectives?|results?|outcomes?|effects?|consequences?|causes?|differences?|advantages?|disadvantages?|benefits?|drawbacks?|problems?|challenges?|tasks?|roles?|functions?|key|trends?|tendency|focus|emphasis|priority|concerns?|answer|solution)$/;
const MAX_ANSWER_WORDS = 6;
/** A noun phrase has no cue of its own beyond its place in the parse: the ranker's other features decide. */
const CONCEPT_CUE = 0.5;

/** How often each noun lemma occurs in the document: the salience of a phrase's head. */
export function headCounts(clauses: Iterable<Clause>): Map<string, number> {
	const counts = new Map<string, number>();
	const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
	for (const c of clauses) {
		c.tokens.forEach((t, i) => {
			if (t.pos !== 'NOUN') return;
			add(t.lemma);
			// An adjective and its noun, keyed "adjective noun": how often the reading reuses the phrase itself.
			const adj = c.tokens[i - 1];
			if (adj?.pos === 'ADJ') add(phraseKey(adj, t));
		});
	}
	return counts;
}

const phraseKey = (adj: Tagged, noun: Tagged): string => `${adj.lower} ${noun.lemma}`;

/** Words that lead no term: quantifiers, determiners, possessives, relative words. */
const LEADING_NON_TERM = /^(?:this|these|those|that|such|some|any|each|every|many|much|more|most|few|little|less|least|no|one|several|numerous|various|other|another|same|all|both|its|their|his|her|our|my|your|which|what|whose|whatever|whichever|own)$/i;

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
	// "the lake", "the crisis": a lone noun with "the" points back to what the page named before.
	if (words.length === 1 && /^the$/i.test(tokens[c.from]?.lower ?? '')) return null;
	if (content.every((t) => VAGUE_HEAD.test(t.lower) || t.pos === 'ADJ')) return null;
	// A quantifier or a relative word leads no term ("much effort", "which mankind", "no more suspect").
	// A count leads a number fact, asked "How many …?" (mentions.ts, typedSubject), not a concept ("five bases").
	if (isCount(tokens[c.from]?.text ?? '')) return null;
	if (LEADING_NON_TERM.test(tokens[c.from]?.lower ?? '')) return null;
	// "When a T-cell encounters a foreign pathogen": a plural "noun" after "a" and right before an article is the verb.
	if (/^an?$/.test(tokens[c.from]?.lower ?? '') && /[^su]s$/.test(tokens[c.to - 1]?.lower ?? '') && /^(?:a|an|the)$/.test(tokens[c.to]?.lower ?? '')) return null;
	// … nor after an article: "a few genera", "the many species".
	if (/^(?:a|an|the)$/.test(tokens[c.from]?.lower ?? '') && /^(?:few|little|many|most|several|numerous|various|couple|handful)$/.test(tokens[c.from + 1]?.lower ?? '')) return null;
	return c.text.replace(ARTICLE, '');
}

/**
 * A sentence-initial capital is lowered inside a question ("Cloud storage" → "cloud storage"); a name's is not,
 * nor a word the document capitalises elsewhere ("French leaders").
 */
function lowerFirst(s: string, c: Clause, from: number): string {
	const t = c.tokens[from];
	const next = c.tokens[from + 1];
	// "Michael van Praag": a surname's particle between two capitalised words.
	const particle = next !== undefined && /^(?:van|von|de|da|di|du|der|den|del|della|des)$/.test(next.text) && /^\p{Lu}/u.test(c.tokens[from + 2]?.text ?? '');
	const name = (t?.pos === 'PROPN' && (!next || /^\p{Lu}/u.test(next.text) || next.pos === 'PROPN' || /^['’]s$/.test(next.text))) || particle;
	// "Dennis Gassner returned …": a given name the tagger reads as a noun, before a capitalised name, keeps its capital.
	// ("Various Mongol tribes": a quantifier is no given name.)
	const given = !!t && !FUNCTION_WORDS.has(t.lower) && !QUANTIFIER.test(t.lower) && t.pos !== 'DET' && next?.pos === 'PROPN' && /^\p{Lu}/u.test(next.text) && next.start === t.end + 1;
	// "Sweden rationed …": a place the lexicon knows keeps its capital where the tagger reads it as a common noun.
	const kept = c.capitalised instanceof CapitalisedWords ? c.capitalised.kept : c.capitalised;
	if (!t || t.start !== 0 || name || given || kept?.has(t.lower) || PLACES.has(t.lower)) return s;
	return /^\p{Lu}(?:\p{Ll}|\s)/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
const strip = (s: string): string => s.replace(/\s*[.!?]["”’]?$/, '').trim();

/** "keep" → "keeps", "carry" → "carries", "go" → "goes": the third person a "What" subject takes. */
function thirdPerson(verb: string): string {
	if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
	if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
	return `${verb}s`;
}


const SINGULAR: Record<string, string> = { have: 'has', are: 'is', were: 'was', do: 'does' };

/**
 * A wh-word subject takes a singular verb ("What has distinguished …?", not "What have …?"). "are"/"were" stay
 * before a noun phrase they link to the subject ("What are proteins used by …?": the plural is the complement's).
 */
function singularAuxiliary(predicate: string, c: Clause, verb: number): string {
	const v = c.tokens[verb];
	const singular = v ? SINGULAR[v.lower] : undefined;
	if (!v || !singular) return predicate;
	let next = verb + 1;
	while (c.tokens[next]?.pos === 'ADV') next++;
	// "are igneous rocks": adjectives open the noun phrase too.
	let noun = next;
	while (c.tokens[noun]?.pos === 'ADJ') noun++;
	const after = c.tokens[noun]?.pos === 'NOUN' ? 'NOUN' : c.tokens[next]?.pos;
	if (v.lower !== 'have' && (after === 'NOUN' || after === 'PROPN' || after === 'DET' || after === 'NUM' || after === 'PRON')) return predicate;
	return singular + predicate.slice(v.text.length);
}

/**
 * "Mountain goats climb steep cliffs and avoid …" → "What climbs steep cliffs and avoids …?": a verb coordinated
 * with the main one ("and"/"or", adverbs between) takes the singular the main verb took. `shift` is how much the
 * main verb's change moved the rest of the predicate. Null where the "verb" may be a noun's modifier: "from outcrop
 * and drill cores" (a preposition's bare noun, "and", a base form, a bare plural) is two nouns, or a verb phrase.
 */
function coordinatedAgree(predicate: string, c: Clause, verb: number, shift: number): string | null {
	const origin = (c.tokens[verb]?.start ?? 0) - shift;
	let out = predicate;
	for (let i = c.tokens.length - 1; i > verb; i--) {
		const t = c.tokens[i];
		if (!t || t.pos !== 'CCONJ') continue;
		let j = i + 1;
		while (c.tokens[j]?.pos === 'ADV') j++;
		const w = c.tokens[j];
		if (!w || w.end - origin > predicate.length) continue;
		// "… under pressure to reduce costs and maximize profits": the verb before the "and" is an infinitive's, so
		// the one after it is too, and keeps its base form.
		const before = c.tokens.slice(verb + 1, i).filter((u) => u.pos === 'VERB' || u.pos === 'AUX').pop();
		if (before && c.tokens[c.tokens.indexOf(before) - 1]?.lower === 'to') continue;
		// The model may read the base form after ", and" as a noun ("…, and form steep cliffs"): a bare noun there
		// followed by a determiner, an adjective or a number opens a verb phrase, not a noun phrase.
		const after = c.tokens[j + 1]?.pos ?? '';
		const base = w.lower === w.lemma && (w.pos === 'VERB' || (w.pos === 'NOUN' && c.tokens[i - 1]?.text === ',' && ['DET', 'ADJ', 'NUM'].includes(after)));
		const singular = SINGULAR[w.lower] ?? (base ? thirdPerson(w.lower) : undefined);
		const prepositional = c.tokens[i - 1]?.pos === 'NOUN' && c.tokens[i - 2]?.pos === 'ADP' && j === i + 1;
		if (singular && w.pos === 'VERB' && prepositional && c.tokens[j + 1]?.pos === 'NOUN' && pluralNoun(c.tokens[j + 1])) return null;
		if (singular) out = out.slice(0, w.start - origin) + singular + out.slice(w.end - origin);
	}
	return out;
}

/** Taxonomic ranks: "members of the genus …" are organisms. */
const TAXON_RANK = /^(?:genus|genera|species|subspecies|subgenus|phylum|phyla|subfamily|superfamily|clade)$/;
/** Ranks that also name groups of people ("the royal family", "the order"): organisms only before a Latin name. */
const NAMED_RANK = /^(?:family|order|class|tribe|kingdom)$/;

/**
 * "Who" for a phrase that names people ("Early Norman kings", "the delegates"), "What" otherwise. `tokens`, the
 * head's clause, shows what follows it: "Members of the genus Dinophysis" are organisms, not people.
 */
export function whFor(head: Tagged | undefined, tokens: readonly Tagged[] = []): 'Who' | 'What' {
	if (!head || head.pos !== 'NOUN') return 'What';
	const w = head.lower;
	const person = PERSON_NOUNS.has(w) || PERSON_NOUNS.has(head.lemma) || ROLE_NOUNS.has(head.lemma) || /.{3,}(?:ist|ician|arian|grapher)s?$|.{3,}(?:children|women|people|folk)$/.test(w);
	return person && !ofTaxon(tokens, tokens.indexOf(head)) ? 'Who' : 'What';
}

/** "members of the genus Dinophysis", "members of the family Felidae": the head at `i` is followed by a taxon. */
function ofTaxon(tokens: readonly Tagged[], i: number): boolean {
	if (i < 0 || tokens[i + 1]?.lower !== 'of') return false;
	let j = i + 2;
	if (tokens[j]?.pos === 'DET') j++;
	const rank = tokens[j]?.lower ?? '';
	return TAXON_RANK.test(rank) || (NAMED_RANK.test(rank) && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? ''));
}

/** Verbs that give their subject a role: "became president", "was appointed director". */
const CONFERS_ROLE = /^(?:become|appoint|name|elect|make|crown|proclaim|remain|serve|nominate|install)$/;
/** Verbs that give a name: "The mayor of Warsaw is called President" asks what he is called, not who. */
const GIVES_NAME = /^(?:call|dub|term|nickname|style|title|rename)$/;

/** Words that say how many, never what kind ("Many authors …" is no kind of author). */
const QUANTIFIER = /^(?:many|few|some|all|both|each|every|numerous|most|several|various|other|certain|no|any|sufficient|insufficient|enough|adequate|ample)$/;

/** After a comma: an adverbial that links a new clause ("in fact", "indeed", "thus", "hence", "therefore"). */
const LINKED_CLAUSE = /^\s*(?:in fact|in other words|indeed|thus|hence|therefore|consequently|as a result|in turn)\b/i;

/** Words that open a subordinate clause. */
const SUBORDINATOR = /^(?:when|where|whenever|wherever|if|unless|because|since|until|before|after|once)$/;

/**
 * The text up to `end` stops inside a range: "between the 10th" of "between the 10th and 13th centuries", "from
 * 1850" of "from 1850 to 1900". Its "and"/"to" closes the range and joins no clause; a question cut there is broken.
 */
export function insideRange(clause: string, end: number): boolean {
	const before = clause.slice(0, end);
	const after = clause.slice(end);
	return (/\bbetween\s+(?:(?!\band\b)[^,;:])+$/i.test(before) && /^\s*and\b/i.test(after)) || (/\bfrom\s+(?:(?!\bto\b)[^,;:])+$/i.test(before) && /^\s*(?:to|until|till)\b/i.test(after));
}

/**
 * Where the predicate of a "What …?" question ends: before a coordinated clause with a subject of its own
 * ("… was part of a single culture and many had lands on both sides" stops at "and"). A coordinated verb
 * phrase that shares the subject ("owed homage and paid taxes") stays.
 */
export function predicateEnd(clause: string, c: Clause, from: number): number {
	let subordinate = false;
	for (let j = from + 1; j < c.tokens.length; j++) {
		const t = c.tokens[j];
		// "… exist when concentrated oxidants and fuels are brought …": an "and" inside a subordinate clause, with no
		// comma before it, joins that clause's own words.
		if (t?.text === ',') subordinate = false;
		else if (t && SUBORDINATOR.test(t.lower) && (t.pos === 'SCONJ' || t.pos === 'ADV')) subordinate = true;
		if (subordinate && t?.pos === 'CCONJ' && c.tokens[j - 1]?.text !== ',') continue;
		// ", in fact many interconversions are possible": a comma, a linking adverbial, then a clause of its own.
		if (t?.text === ',' && LINKED_CLAUSE.test(clause.slice(t.end))) {
			const rest = c.tokens.slice(j + 1, j + 9);
			if (rest.some((u) => u.pos === 'AUX' || (u.pos === 'VERB' && u.lower !== u.lemma && !/ing$/.test(u.lower)))) return t.start;
		}
		// ", with 47.7% regarding themselves as …": an absolute phrase is no part of the predicate.
		if (t?.text === ',' && c.tokens[j + 1]?.lower === 'with' && c.tokens.slice(j + 2, j + 8).some((u) => u.pos === 'VERB' && u.lower !== u.lemma)) return t.start;
		// A coordinator, a contrast, or ", so" before a clause of its own ("…, so the special character is …").
		const so = t?.lower === 'so' && c.tokens[j - 1]?.text === ',';
		if (!t || !(t.pos === 'CCONJ' || so || (t.pos === 'SCONJ' && /^(?:while|whereas|although|though)$/.test(t.lower)))) continue;
		const next = c.tokens[j + 1];
		if (!next || !['DET', 'PRON', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next.pos)) continue;
		// "between the 10th and 13th centuries and survives …": the "and" of a range is followed by the range's
		// other end, which a second coordinator closes; that verb is the predicate's own.
		const range = insideRange(clause, t.start);
		for (let k = j + 1; k < c.tokens.length && k <= j + 6; k++) {
			const u = c.tokens[k];
			if (!u || u.pos === 'PUNCT' || u.pos === 'ADP' || (range && u.pos === 'CCONJ')) break;
			// A base form counts after a noun, its plural or coordinated subject ("…, but many plant responses involve …").
			if (u.pos === 'AUX' || (u.pos === 'VERB' && !/ing$/.test(u.lower) && (u.lower !== u.lemma || c.tokens[k - 1]?.pos === 'NOUN'))) {
				const prev = c.tokens[j - 1];
				return prev?.text === ',' ? prev.start : t.start;
			}
		}
	}
	return clause.length;
}

/**
 * "… forest lost in the Amazon rose from 415,000 …": the main verb read by the parse is a past form (not an "-s"
 * form) right before a preposition, and a second past form follows its phrase (before any comma, conjunction or
 * relative word) with a preposition, adverb or number after it: the first is a participle modifying the subject,
 * the second the verb.
 */
function participleBeforeVerb(c: Clause): boolean {
	const v = c.main ?? c.verb;
	const t = v === null ? undefined : c.tokens[v];
	if (v === null || !t || c.aux.length || t.pos !== 'VERB' || t.lower === t.lemma || /s$/.test(t.lower) || c.tokens[v + 1]?.pos !== 'ADP') return false;
	for (let j = v + 2; j < c.tokens.length && j <= v + 10; j++) {
		const u = c.tokens[j];
		// "The two symbols most commonly associated with pharmacy in … countries are …": a copula right after the
		// prepositional phrase is the finite verb.
		if (u?.pos === 'AUX' && COPULA.test(u.lower) && ['NOUN', 'PROPN'].includes(c.tokens[j - 1]?.pos ?? '')) return true;
		// A hyphen inside a word ("English-speaking") is no clause break.
		if (u && /^[-–]$/.test(u.text) && u.start === c.tokens[j - 1]?.end && u.end === c.tokens[j + 1]?.start) continue;
		if (!u || ['PUNCT', 'CCONJ', 'SCONJ', 'PRON', 'AUX'].includes(u.pos) || RELATIVE.test(u.lower)) return false;
		if (u.pos === 'VERB' && u.lower !== u.lemma && !/ing$/.test(u.lower)) return ['ADP', 'ADV', 'NUM'].includes(c.tokens[j + 1]?.pos ?? '');
	}
	return false;
}

/** "Cloud storage lets users …" → "What lets users …?" (the answer is the subject). */
export function subjectQuestion(clause: string, c: Clause, typed?: string): string | null {
	const s = c.subject;
	if (!s || c.verb === null) return null;
	const v = c.tokens[c.verb];
	if (!v) return null;
	const end = predicateEnd(clause, c, c.verb);
	const stop = clause.slice(v.start, end).search(/[;:]/);
	let predicate = strip(clause.slice(v.start, stop >= 0 ? v.start + stop : end));
	// "Effects of inequality researchers have found include higher rates …" (a "that" missing in the source): a
	// participle run into a finite verb means the parse is not the sentence's; no question.
	for (let i = c.verb; i < Math.min(c.tokens.length - 1, c.verb + 4); i++) {
		const a = c.tokens[i];
		const b = c.tokens[i + 1];
		if (a?.pos === 'VERB' && /(?:ed|en|wn|nd|ht)$/.test(a.lower) && b?.pos === 'VERB' && b.lower === b.lemma && !/ing$/.test(b.lower)) return null;
	}
	// "The total area of forest lost in the Amazon rose from …": the "verb" is a participle that modifies the
	// subject, and the finite verb comes after its phrase; no question is built on that reading.
	if (participleBeforeVerb(c)) return null;
	// "The reason for the rule is the danger of fraud", "The modern trend in farming is toward …": the subject is a
	// relation the complement fills, not a thing it describes; "What is the danger of fraud? — the reason for the
	// rule" asks it backwards.
	const be = c.main === null && c.aux.length === 1 ? c.tokens[c.aux[0] ?? -1] : undefined;
	if (be && COPULA.test(be.lower) && RELATION_HEAD.test(c.tokens[s.head]?.lower ?? '')) return null;
	// "What is to audit the collection? — the third step of the project": a purpose, a role or a step is asked by its
	// name (reasons.ts aimFacts), never backwards.
	if (/^(?:is|are|was|were)\s+to\s/.test(predicate) && clause.slice(s.start, s.end).split(/\s+/).some((w) => AIM_HEAD.test(w))) return null;
	// "Compact trucks were introduced, such as the Toyota Hilux …": the examples are the subject's, so no question
	// with the subject taken out reads right ("What was introduced, such as …?").
	if (/^(?:\S+\s+){0,3}\S+,\s+(?:such as|including|like)\b/.test(predicate)) return null;
	// A typed wh-phrase keeps the subject's head noun ("How many legions were …"), so the verb agrees as it did.
	const plural = predicate;
	if (!typed && v.pos === 'VERB' && v.lower === v.lemma && c.tense === 'present') predicate = thirdPerson(v.lower) + predicate.slice(v.text.length);
	else if (!typed) predicate = singularAuxiliary(predicate, c, c.verb);
	if (predicate !== plural) {
		const agreed = coordinatedAgree(predicate, c, c.verb, predicate.length - plural.length);
		if (agreed === null) return null;
		predicate = agreed;
	}
	const q = shortQuestion(predicate);
	if (!q) return null;
	// "What is highly diversified?", "What is not permanent?", "What was increased?": a copula or a passive with a
	// word or two says too little of the subject to single out the answer.
	if (/^(?:is|are|was|were)\b/i.test(q) && pieceCount(q) <= 4) return null;
	// "What is 15 inches (380 mm)?", "What was 4,097.9 people per square mile? — population density", "What is 115 °F,
	// set on July 8, 1905?": after "be" an amount asks for the label of a number, backwards; the number is the fact,
	// asked by its own card.
	if (AMOUNT_AFTER_BE.test(q)) return null;
	// "What are another … lineage?", "What is how we know …?", "What is that Parliament can …?": no wh-subject reads
	// well before these.
	if (/^(?:are|were)\s+(?:a|an|another|one)\b|^(?:is|was)\s+(?:how|why|what|where|when|whether|that)\b/i.test(q)) return null;
	// "What succeeds that of the Anglo-Saxon …?" (of "the period of Norman architecture succeeds that of …"): "that
	// of" stands for the subject's head, which the question took out.
	if (/^(?:\p{L}+\s+){1,2}(?:that|those)\s+of\b/iu.test(q)) return null;
	// Cut at a comma, the question must end on a whole phrase: not "… its notions of personal" (of "personal, as
	// of social excellence"), whose last word waits for its noun.
	const last = c.tokens.find((t) => t.end === v.start + q.length);
	if (insideRange(clause, v.start + q.length)) return null;
	// … and so must a predicate that predicateEnd cut before a coordinated clause ("What has only a few natural?").
	const cut = q.length < predicate.length || v.start + q.length < clause.replace(/[\s.!?"”’]+$/u, '').length;
	if (cut && last && ['ADJ', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART'].includes(last.pos)) return null;
	return `${typed ?? whFor(c.tokens[s.head], c.tokens)} ${q}?`;
}

/** A phrase that opens with a comparative: "larger native population", "more land", "fewer ships". */
const COMPARATIVE = /^(?:more|less|fewer|greater|larger|smaller|higher|lower|bigger|older|younger|longer|shorter|better|worse)\s/i;
/** "is 15 inches (380 mm)", "was about 6.3% of the adult population": a copula and then an amount. */
const AMOUNT_AFTER_BE = /^(?:is|are|was|were)\s+(?:(?:about|around|approximately|nearly|almost|over|under|some|roughly|less than|more than)\s+)?[−-]?[$£€]?\d/iu;

const COUNT_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens)$/i;
/** A count, in figures or in words ("2,000", "eight"), not a year. */
export function isCount(s: string): boolean {
	const first = s.split(/\s+/)[0] ?? '';
	return (/^\d[\d,.]*$/.test(first) && !/^(?:1\d{3}|20\d{2})$/.test(first)) || COUNT_WORD.test(first);
}

/**
 * A typed wh-phrase for the subject (issue 9 §3), asking the part of the subject that tells it apart, with its
 * head noun kept in the question:
 *  - a count: "Eight legions were kept …" → "How many legions were kept …?" → eight;
 *  - a name that modifies a common noun: "The Norman dialect differs …" → "Which dialect differs …?" → Norman;
 *  - a classifying modifier of a noun the document keeps using: "Packet-switched networks carry …" → "What kind
 *    of networks carry …?" → packet-switched.
 */
export function typedSubject(clause: string, c: Clause, heads: Map<string, number>): { question: string; answer: string } | null {
	const s = c.subject;
	if (!s) return null;
	const words = c.tokens.slice(s.from, s.to).filter((t) => t.pos !== 'DET');
	const head = c.tokens[s.head];
	// The verb group follows the subject at once: where it does not, the parse is unsure ("bacteria form biofilms
	// to …" read as a subject "bacteria form").
	let v = s.to;
	while (c.tokens[v]?.pos === 'ADV') v++;
	if (words.length < 2 || !head || head.pos !== 'NOUN' || s.head !== s.to - 1 || c.verb !== v) return null;
	// A compound the reading keeps using stays whole: "Non-revolutionary | civil disobedience", not "… civil | disobedience".
	const closest = words[words.length - 2];
	const compound = words.length >= 3 && closest?.pos === 'ADJ' && (heads.get(phraseKey(closest, head)) ?? 0) >= 3;
	const modifiers = words.slice(0, compound ? -2 : -1);
	const first = modifiers[0];
	const last = modifiers[modifiers.length - 1];
	if (!first || !last) return null;
	const noun = clause.slice(compound && closest ? closest.start : head.start, head.end);
	const span = clause.slice(first.start, last.end);
	if (modifiers.every((t) => t.pos === 'NUM') && isCount(first.text) && !FRACTION_NOUN.test(words[1]?.lower ?? '')) {
		const q = subjectQuestion(clause, c, `How many ${noun}`);
		return q ? { question: q, answer: span } : null;
	}
	if (modifiers.every((t) => t.pos === 'PROPN') && c.tokens[s.from]?.pos === 'DET') {
		const q = subjectQuestion(clause, c, `Which ${noun}`);
		return q ? { question: q, answer: span } : null;
	}
	if (classifying(modifiers, head, heads)) {
		const q = subjectQuestion(clause, c, `What kind of ${noun}`);
		return q ? { question: q, answer: span } : null;
	}
	return null;
}

/**
 * Modifiers that sort a noun the document keeps using into a kind: adjectives, nouns and participles ("humid
 * subtropical", "deep-level", "packet-switched"), never a quantifier, a relational adjective ("large", "main",
 * "new") or a comparative; the head's number as the tagger reads it (a plural ends in "s").
 */
function classifying(modifiers: Tagged[], head: Tagged, heads: Map<string, number>): boolean {
	const kinds = modifiers.every((t) => !QUANTIFIER.test(t.lower) && (t.pos === 'ADJ' || /^[-–]$/.test(t.text) || t.pos === 'NOUN' || (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower))) && !RELATIONAL_ADJ.has(t.lower) && !(t.lemma !== t.lower && /(?:er|est)$/.test(t.lower)));
	return kinds && (heads.get(head.lemma) ?? 0) >= 3 && /[^s]s$/.test(head.lower) === (head.lemma !== head.lower);
}

/**
 * The object's kind, asked as typedSubject asks the subject's (seventeenth pass: people ask "What type of climate
 * does Jacksonville have?" — humid subtropical; "What type of tunnels were built through the centre?" — deep-level):
 * "Jacksonville has a humid subtropical climate" → "What kind of climate does Jacksonville have?". Only where the
 * object's question is asked ("What …", objectQuestion's rules) and the object ends in its head noun; after "be",
 * the subject must be a name ("What kind of republic is Kenya?"), as a common noun would be defined, not sorted.
 */
export function typedObject(clause: string, c: Clause, o: Chunk, heads: Map<string, number>): { question: string; answer: string } | null {
	const head = c.tokens[o.head];
	const words = c.tokens.slice(o.from, o.to).filter((t) => t.pos !== 'DET');
	if (words.length < 2 || !head || head.pos !== 'NOUN' || o.head !== o.to - 1 || !c.subject) return null;
	const modifiers = words.slice(0, -1);
	const first = modifiers[0];
	const last = modifiers[modifiers.length - 1];
	if (!first || !last || !classifying(modifiers, head, heads)) return null;
	const kind = `What kind of ${clause.slice(head.start, head.end)}`;
	const answer = clause.slice(first.start, last.end);
	const be = c.main === null && c.aux.length === 1 ? c.tokens[c.aux[0] ?? -1] : undefined;
	if (be && COPULA.test(be.lower)) {
		const subject = c.tokens.slice(c.subject.from, c.subject.to);
		if (strip(clause.slice(o.end)) || !subject.some((t) => t.pos === 'PROPN') || !subject.every((t) => t.pos === 'PROPN' || t.pos === 'DET')) return null;
		return { question: `${kind} ${be.lower} ${clause.slice(c.subject.start, c.subject.end)}?`, answer };
	}
	const asked = objectQuestion(clause, c, o);
	if (!asked || !asked.question.startsWith('What ') || asked.answer !== clause.slice(o.start, o.end).replace(ARTICLE, '')) return null;
	return { question: `${kind} ${asked.question.slice('What '.length)}`, answer };
}

/** The object right after the verb group, with its "of" complement. */
export function objectOf(clause: string, c: Clause): Chunk | null {
	const after = (c.main ?? (c.aux.length === 1 ? c.aux[0] : null)) ?? null;
	if (after === null) return null;
	const o = c.chunks.find((k) => k.from === after + 1);
	return o ? extendOf(clause, c.tokens, c.chunks, o) : null;
}

const RELATIVE = /^(?:that|which|who|whom|whose|where|when)$/;

/** A verb (adverbs before it) at `i`: not a participle, which may lead a noun ("and abandoned villages"). */
function secondVerb(tokens: Tagged[], i: number): boolean {
	let j = i;
	while (tokens[j]?.pos === 'ADV') j++;
	const w = tokens[j];
	if (!w) return false;
	if (w.pos === 'AUX') return true;
	return w.pos === 'VERB' && !/ing$/.test(w.lower) && !(/ed$/.test(w.lower) && tokens[j + 1]?.pos === 'NOUN');
}

/** "has" alone as the verb group: the parse reads it as an auxiliary with no main verb ("The city has 2,000 …"). */
const possessiveHave = (c: Clause): boolean => c.main === null && c.aux.length === 1 && /^(?:has|have|had)$/.test(c.tokens[c.aux[0] ?? -1]?.lower ?? '');

/**
 * The main clause turned into a question's body by subject–auxiliary inversion, with `rest` (what follows
 * the verb group in the question) appended: "The Normans adopted …" → "did the Normans adopt …"; "The
 * committee has reviewed …" → "has the committee reviewed …". Null where the parse gives no subject and verb,
 * the subject holds a pronoun, or the verb is a bare copula (which has nothing to invert around).
 */
export function inverted(clause: string, parsed: Clause, rest: string): string | null {
	let c = parsed;
	const s = c.subject;
	if (!s || c.verb === null) return null;
	if (c.tokens.slice(s.from, s.to).some((t) => t.pos === 'PRON')) return null;
	const subjectText = lowerFirst(clause.slice(s.start, s.end), c, s.from);
	const tail = rest ? ` ${rest}` : '';
	if (possessiveHave(c)) c = { ...c, main: c.aux[0] ?? null, aux: [] };
	if (c.main === null) return null;
	const main = c.tokens[c.main];
	if (!main) return null;
	if (c.aux.length) {
		const [a0, ...more] = c.aux.map((i) => c.tokens[i]?.lower ?? '');
		return `${a0} ${subjectText} ${[...more, main.lower].join(' ')}${tail}`;
	}
	if (main.lemma === 'be') return null;
	// In the present the verb itself says the subject's number, where a name does not ("the Hawaiian Islands
	// consist", "the Trust consists"): its bare form goes with a plural, its "-s" form with a singular.
	const plural = main.lower === main.lemma ? true : /[^s]s$/.test(main.lower) ? false : c.plural;
	const doForm = c.tense === 'past' ? 'did' : plural ? 'do' : 'does';
	return `${doForm} ${subjectText} ${main.lemma}${tail}`;
}

/** After the object: a comma, then pieces to the clause's end joined by a final "and"/"or" (not a clause or a participle phrase). */
const LIST_GOES_ON = /^,\s+(?!(?:which|who|whom|whose|where|when|while|whereas|although|though|because|since|as|including|such|particularly|especially|notably|mainly|mostly|with|without|along|despite|unlike|like|from|in|at|by|for|after|before|during|under|over|through|into|via|between|among|\p{Ll}+ing)\b)[^;:]*,?\s(?:and|or)\s[^,;:]*$/u;

/**
 * "The Normans adopted the Romance language in the 10th century" → "What did the Normans adopt in the 10th
 * century?"; with a count object, "How many inhabitants does …"; with a copula, "What is cloud storage?".
 */
export function objectQuestion(clause: string, c: Clause, o: Chunk): { question: string; answer: string } | null {
	const s = c.subject;
	if (!s || c.verb === null) return null;
	if (c.tokens.slice(s.from, s.to).some((t) => t.pos === 'PRON')) return null;
	const first = c.tokens[o.from];
	const tail = strip(clause.slice(o.end));
	// "lets users keep files": the object is the subject of a verb that follows, not the thing done.
	const after = c.tokens.find((t) => t.start >= o.end);
	if (after && (after.pos === 'VERB' || after.pos === 'AUX' || after.pos === 'PART')) return null;
	// "Extension causes the rock units as a whole to become longer": the object is the subject of the infinitive
	// after it, so "What does extension cause …?" asks nothing.
	const verb = c.tokens[c.verb];
	if (verb && CAUSATIVE.test(verb.lemma) && /^(?:[^,;:.]{0,30}\s)?to\s+\p{Ll}+/u.test(tail)) return null;
	// "include A, B, and C", "assigned addresses, updated the namespace, and configured …": after a comma the clause runs
	// to its end as the rest of a list or a second predicate, which the question would keep without the answer. A clause
	// of its own or a participle phrase after the comma stays ("increased production, pushing prices down, …").
	if (LIST_GOES_ON.test(tail)) return null;
	// "… the 1,600 mm (5 ft 3 in) broad gauge": the phrase goes on after the bracket.
	if (/^(?:of|'s|’s)\b/.test(tail) || /^\([^)]*\)\s+\p{Ll}/u.test(tail) || pieceCount(tail) > 12) return null;
	// "two thirds of the workforce": a fraction is an amount, not a count of thirds.
	const count = first?.pos === 'NUM' && isCount(first.text) && o.to - o.from >= 2 && !FRACTION_NOUN.test(c.tokens[o.from + 1]?.lower ?? '');
	// "climb steep cliffs and avoid the wolves": a second verb phrase shares the subject, and the question would
	// keep it whole ("What do mountain goats climb and avoid the wolves?"); an "and" right after the object
	// joins a second object or a clause ("burned the old barns and abandoned villages": half an answer).
	// A relative clause's own verbs do not count ("secrete compounds that diminish or misdirect …").
	const rest = c.tokens.filter((t) => t.start >= o.end);
	const relative = rest.findIndex((t) => RELATIVE.test(t.lower));
	const own = relative < 0 ? rest : rest.slice(0, relative);
	if (rest[0]?.pos === 'CCONJ' || own.some((t, i) => t.pos === 'CCONJ' && secondVerb(rest, i + 1))) return null;
	// "Sky announced the total number of homes with Sky+HD was 4,222,000": an auxiliary after the object, before any
	// comma, conjunction or relative word, is the verb of a clause the object opens ("that" left out), not the
	// main verb's thing ("What did Sky announce with Sky+HD was …?").
	const clauseEnd = rest.findIndex((t) => t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || RELATIVE.test(t.lower));
	// An "auxiliary" between two capitalised words is part of a name ("Hagnau am Bodensee").
	const inName = (i: number) => /^\p{Lu}/u.test(rest[i - 1]?.text ?? '') && /^\p{Lu}/u.test(rest[i + 1]?.text ?? '');
	if ((clauseEnd < 0 ? rest : rest.slice(0, clauseEnd)).some((t, i) => t.pos === 'AUX' && !inName(i))) return null;
	// "Oxygen has a history of recreational use in …": "have" and a relational phrase (a noun with its "of" or
	// another preposition right after) ask "What does oxygen have …?", which nothing answers.
	if ((possessiveHave(c) || c.tokens[c.main ?? -1]?.lemma === 'have') && !count && (o.to > o.head + 1 || rest[0]?.pos === 'ADP')) return null;
	// "has a larger native population numerically … than most states": the comparative waits for its "than", which
	// the question would keep without it ("What does X have … than most states?").
	if (COMPARATIVE.test(clause.slice(o.start, o.end).replace(ARTICLE, '')) && /\bthan\b/.test(tail)) return null;
	// "John Sias was appointed president of …", "Stoddard became president of …": a role that the verb gives its
	// subject, bare of an article, is asked "What", not "Who" ("What was John Sias appointed?"); "appointed the new
	// directors" names people.
	const verbLemma = c.tokens[c.main ?? -1]?.lemma ?? '';
	// "The locals called the bridge the Iron Lady": the name after the object is what the verb gives; asking the object
	// ("What did the locals call the Iron Lady? — bridge") reads backwards.
	if (GIVES_NAME.test(verbLemma) && after && /^(?:DET|PROPN|NOUN|ADJ)$/.test(after.pos)) return null;
	const conferred = (ROLE_NOUNS.has(c.tokens[o.head]?.lemma ?? '') && CONFERS_ROLE.test(verbLemma) && c.tokens[o.from]?.pos !== 'DET') || GIVES_NAME.test(verbLemma);
	const wh = count ? `How many ${clause.slice(c.tokens[o.from + 1]?.start ?? o.start, o.end)}` : conferred ? 'What' : whFor(c.tokens[o.head], c.tokens);
	const answer = count ? (first?.text ?? '') : clause.slice(o.start, o.end).replace(ARTICLE, '');
	const be = c.main === null && c.aux.length === 1 ? c.tokens[c.aux[0] ?? -1] : undefined;
	if (be && COPULA.test(be.lower)) {
		// "Oxygen is a chemical element with symbol O …": "What is oxygen?" drops what makes the answer the one.
		if (count || tail) return null;
		// "Kenya is a presidential republic": a name has many descriptions in its text, so "What is Kenya?" has no one answer.
		if (c.tokens.slice(s.from, s.to).every((t) => t.pos === 'PROPN' || t.pos === 'DET')) return null;
		return { question: `What ${be.lower} ${lowerFirst(clause.slice(s.start, s.end), c, s.from)}?`, answer };
	}
	// "involves the translation of plans into harvests": a noun made from a verb keeps its own complement
	// ("translate into"); the question would leave it behind ("What does farming involve into harvests?").
	if (/^(?:into|onto|to|from)\b/.test(tail) && NOMINAL.test(c.tokens[o.head]?.lower ?? '')) return null;
	const body = inverted(clause, c, tail);
	// "… comprise , particularly …": the object taken out leaves no space before the comma after it.
	return body ? { question: `${wh} ${body}?`.replace(/\s+([,;:])/g, '$1'), answer } : null;
}

/**
 * Prepositions a verb takes as its complement ("rely on", "composed of", "results from", "led to", "lined with",
 * "known for", "defined as", "protected by"); "in", "at", "through" and the like mostly place the event in
 * space or time ("built in …"), and a question stranding them reads badly.
 */
const VERB_PREPOSITION = /^(?:on|upon|of|from|to|with|by|for|as|into|about|against)$/;
/** Verbs that take "in" or "at" as their complement ("results in", "engaged in", "aimed at"), not as a place. */
const IN_AT_VERB = /^(?:result|engage|participate|specialize|specialise|invest|succeed|believe|involve|consist|culminate|persist|indulge|excel|partake|abound|aim|target|look|arrive|hint|point)$/;

/** The noun phrase (with its "of" complement) of a preposition right after the main verb (adverbs between). */
export function prepositionalObject(clause: string, c: Clause): { chunk: Chunk; preposition: Tagged } | null {
	if (c.main === null || !c.subject) return null;
	let i = c.main + 1;
	while (c.tokens[i]?.pos === 'ADV') i++;
	const preposition = c.tokens[i];
	if (!preposition || preposition.pos !== 'ADP') return null;
	if (!VERB_PREPOSITION.test(preposition.lower) && !(/^(?:in|at)$/.test(preposition.lower) && IN_AT_VERB.test(c.tokens[c.main]?.lemma ?? ''))) return null;
	// "known as" names a thing (glosses.ts), it says nothing of it ("known for" does).
	if (preposition.lower === 'as' && c.tokens[c.main]?.lemma === 'know') return null;
	const k = c.chunks.find((x) => x.from === i + 1);
	// "redesigned as part of the transition": "as part of" is an adjunct, not what the verb takes.
	if (!k || (preposition.lower === 'as' && c.tokens[k.head]?.lower === 'part')) return null;
	return { chunk: extendOf(clause, c.tokens, c.chunks, k), preposition };
}

/** Where a clause may end after a phrase: a comma before a clause or a participle phrase of its own (not a list or an appositive). */
const CLAUSE_AFTER_COMMA = /^,\s+(?:and|but|which|who|while|whereas|as|with|although|though|because|since|where|when|after|before|until|\p{Ll}+ing)\b/u;

/**
 * "Vaccines rely on immune modulation." → "What do vaccines rely on?"; "The panel is composed of representatives
 * of governments." → "What is the panel composed of?". The preposition stays after the verb; the clause ends
 * with the phrase, at a comma, or goes on with a purpose ("to adapt …") that the question keeps. Null otherwise
 * (no fact: the phrase is a cloze only where it is a term): "range from fever to …" would strand two prepositions.
 */
export function prepositionalQuestion(clause: string, c: Clause, pc: { chunk: Chunk; preposition: Tagged }): string | null {
	const rest = strip(clause.slice(pc.chunk.end));
	const cut = rest.search(/[,;:(–—]/);
	const tail = (cut >= 0 ? rest.slice(0, cut) : rest).trim();
	// The clause may end at a comma before a clause or a participle phrase of its own, not before a list or an appositive.
	if (cut === 0 && !CLAUSE_AFTER_COMMA.test(rest)) return null;
	const next = tail ? c.tokens.findIndex((t) => t.start >= pc.chunk.end) : -1;
	const first = c.tokens[next];
	// A phrase after it may belong to the answer ("held for the rights for the League"), and "range from fever to …"
	// would strand two prepositions: only a purpose ("to adapt …") reads on.
	// After "by" or "to" the infinitive is the noun's ("used by the tribes to protect their lands", "pleaded to Congress to
	// authorize …"), not the verb's: only "rely on X to …", "draws from X to …" keep it.
	if (first && !(first.lower === 'to' && c.tokens[next + 1]?.pos === 'VERB' && /^(?:on|upon|from)$/.test(pc.preposition.lower))) return null;
	// A subject read past its first phrase makes a question too long to follow (as for subject questions).
	if (c.longSubject) return null;
	const body = inverted(clause, c, [clause.slice(c.tokens[(c.main ?? 0) + 1]?.start ?? pc.preposition.start, pc.preposition.end), tail].filter(Boolean).join(' '));
	return body ? `${whFor(c.tokens[pc.chunk.head], c.tokens)} ${body}?` : null;
}

/** A pair asked whole is at most this many words: a longer one is two facts' worth, not one answer. */
const MAX_PAIR_WORDS = 8;

/**
 * "… led to better health and longer lives", "… protected small farmers and rural fishermen": the object (or the
 * noun phrase of a preposition the verb takes) and a second noun phrase after one "and"/"or", which together end
 * the clause, are one answer (fifteenth pass: people ask the pair, and a blank on one half keeps the other in the
 * stem). Returns the chunk spanning both, or null: a comma before the "and" (a list, lists.ts), a phrase or a verb
 * after the second (it may belong to it, or "and" joins a clause), or a member that is no concept on its own.
 */
export function pairOf(clause: string, c: Clause, k: Chunk): Chunk | null {
	const conj = c.tokens[k.to];
	if (!conj || conj.pos !== 'CCONJ' || !/^(?:and|or)$/.test(conj.lower)) return null;
	const next = c.chunks.find((x) => x.from === k.to + 1);
	if (!next) return null;
	const second = extendOf(clause, c.tokens, c.chunks, next);
	const rest = strip(clause.slice(second.end));
	if (rest && !CLAUSE_AFTER_COMMA.test(rest)) return null;
	if (!answerOf(k, c.tokens) || !answerOf(second, c.tokens)) return null;
	const text = clause.slice(k.start, second.end);
	if (pieceCount(text.replace(ARTICLE, '')) > MAX_PAIR_WORDS) return null;
	return { from: k.from, to: second.to, head: second.head, start: k.start, end: second.end, text };
}

/** Verbs whose object is the subject of an infinitive after it ("cause X to …", "allow X to …"). */
const CAUSATIVE = /^(?:cause|allow|enable|force|require|permit|encourage|lead|ask|want|expect|compel|oblige|persuade|tell|urge|invite|teach|forbid|prompt|drive)$/;

/** An adjective, one noun, "of" and a phrase: "main response of the immune system". */
const RELATIONAL_OF = /^(\p{Ll}+)\s+\p{Ll}+\s+of\s+(.+)$/u;
/** A generic phrase is kept but ranked lower: its noun alone carries it, and people seldom ask it. */
const GENERIC_QUALITY = 0.5;

/**
 * "greater interest", "a large portion", "a different principle", "human affairs": a relational or comparative
 * adjective in a phrase the reading uses fewer than three times, or any adjective before a vague noun in a
 * phrase it does not use again. A phrase it keeps reusing is a term of the reading ("the common law").
 */
export function generic(c: Clause, k: Chunk, heads: Map<string, number>): boolean {
	const content = c.tokens.slice(k.from, k.to).filter((t) => t.pos !== 'DET' && t.pos !== 'PRON');
	const [adj, head] = content;
	if (content.length !== 2 || !adj || !head || adj.pos !== 'ADJ' || head.pos !== 'NOUN') return false;
	const comparative = adj.lemma !== adj.lower && /(?:er|est)$/.test(adj.lower);
	const uses = heads.get(phraseKey(adj, head)) ?? 0;
	// A relational phrase must recur more to be a term: Mill writes "a large portion" twice.
	if (RELATIONAL_ADJ.has(adj.lower) || RELATIONAL_ADJ.has(adj.lemma) || comparative) return uses < 3;
	return VAGUE_AFTER_ADJ.test(head.lower) && uses < 2;
}

/**
 * The phrase is only the front of a compound the chunker split ("The CYCLADES packet | switching network"):
 * blanked, it would leave "The _____ switching network", a dangling modifier, and its answer is half a term.
 */
export function cutsCompound(c: Clause, k: Chunk): boolean {
	const next = c.tokens[k.to];
	const after = c.tokens[k.to + 1];
	if (!next || next.start !== k.end + 1) return false;
	// … nor before a participle that joins a compound adjective: "the Amazon's biomass and subsequent carbon | related
	// emissions".
	return next.pos === 'NOUN' || (next.pos === 'VERB' && /(?:ing|ed)$/.test(next.lower) && (after?.pos === 'NOUN' || after?.pos === 'PROPN'));
}

/** What a fronted adjunct may hold: a preposition's noun phrase, its "of" or "and" parts, a date. */
const ADJUNCT_BODY = new Set(['DET', 'ADJ', 'ADV', 'NOUN', 'PROPN', 'NUM', 'ADP', 'CCONJ', 'PART']);
/** The longest fronted adjunct set aside, in tokens after its preposition. */
const MAX_ADJUNCT = 8;

/** The clause a question is built on: `text` parsed as `clause`, after `lead` (a fronted adjunct, or ''). */
export interface Core {
	text: string;
	clause: Clause;
	lead: string;
	/** where `text` starts in the whole clause */
	offset: number;
}

/**
 * "In the laboratory, biostratigraphers analyze …", "In the early 11th century the dukes began …": a
 * prepositional phrase before the subject hides the subject from the parse, which reads a subject only at the
 * start. The phrase (a preposition, then noun phrases, numbers, "of"/"and" parts; up to a comma, or without one
 * its first noun phrase with its "of" complement) is set aside and the rest read as the clause, which must then
 * open with a subject and its verb. A question keeps the phrase in front: "In the laboratory, who analyzes …?".
 * Null where the clause has its subject already or no such phrase opens it.
 */
export function frontedAdjunct(text: string, c: Clause): Core | null {
	if (c.subject || c.tokens[0]?.pos !== 'ADP' || c.tokens[0].lower === 'of') return null;
	// "As people age, …" opens a clause ("as" a conjunction, the verb read as a noun); "As with B cells, …" a phrase.
	if (c.tokens[0].lower === 'as' && c.tokens[1]?.pos !== 'ADP') return null;
	let e = 1;
	while (e <= MAX_ADJUNCT && ADJUNCT_BODY.has(c.tokens[e]?.pos ?? '')) e++;
	// "In particular, …", "At first, …": a fixed phrase with no noun links to what came before; it sets no scene.
	if (!c.tokens.slice(1, e).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM')) return null;
	let rest: number;
	if (c.tokens[e]?.text === ',' && e > 1) rest = e + 1;
	else {
		// No comma: the preposition's first noun phrase ("the early 11th century"), with only a determiner,
		// adverbs or adjectives before it, and its "of" complement.
		const first = c.chunks.find((k) => k.from >= 1);
		if (!first || c.tokens.slice(1, first.from).some((t) => !['DET', 'ADV', 'ADJ'].includes(t.pos))) return null;
		rest = extendOf(text, c.tokens, c.chunks, first).to;
	}
	const from = c.tokens[rest]?.start;
	const lead = c.tokens[rest - 1]?.text === ',' ? c.tokens[rest - 2] : c.tokens[rest - 1];
	if (from === undefined || !lead) return null;
	const core = analyse(text.slice(from), c.capitalised);
	if (!core.subject || core.subject.from !== 0 || core.verb === null) return null;
	return { text: text.slice(from), clause: core, lead: text.slice(0, lead.end), offset: from };
}

/** "Who analyzes …?" with the adjunct set aside in front: "In the laboratory, who analyzes …?". */
export function withLead(lead: string, question: string | null): string | null {
	return question && lead ? `${lead}, ${question.charAt(0).toLowerCase()}${question.slice(1)}` : question;
}

/**
 * A lone noun after an "-ing" word that follows a verb ("may make breaking | changes"): the participle modifies
 * it, so the noun alone is half a term ("make breaking _____" → changes).
 */
export function cutsModifier(c: Clause, k: Chunk): boolean {
	const before = c.tokens[k.from - 1];
	if (!before || before.pos !== 'VERB' || before.end + 1 !== k.start) return false;
	// "the newly built | environment industry": a participle after a determiner or an adjective modifies the noun
	// after it ("the chosen machine model" is one chunk: nlp.ts).
	const prior = c.tokens[k.from - 2];
	// … and so does one after "and" in "the farming and built | environment sectors", where "the farming" shares the head.
	const shared = prior?.lower === 'and' && c.tokens[k.from - 3]?.pos === 'NOUN' && c.tokens[k.from - 4]?.pos === 'DET';
	if (before.lower !== before.lemma && !/ing$/.test(before.lower) && prior && (prior.pos === 'DET' || prior.pos === 'ADJ' || shared)) return true;
	return k.to - k.from === 1 && /ing$/.test(before.lower) && prior?.pos === 'VERB';
}

/** A letter standing for a kind ("the W and Z bosons", "the A and B blocks"). */
const LETTER = /^\p{Lu}\d?$/u;

/**
 * "promoted commercial, scientific, and | cultural growth", "the heavy W and | Z bosons": modifiers coordinated before
 * the chunk share its head, so the chunk is the last part of one phrase ("grain and | salted fish" is two).
 */
function sharesHead(c: Clause, k: Chunk): boolean {
	const first = c.tokens[k.from];
	if (!first || first.pos === 'DET' || k.to - k.from < 2 || c.tokens[k.from - 1]?.pos !== 'CCONJ') return false;
	const before = c.tokens[k.from - 2]?.text === ',' ? c.tokens[k.from - 3] : c.tokens[k.from - 2];
	return before?.pos === 'ADJ' || (!!before && LETTER.test(before.text) && LETTER.test(first.text));
}

export function conceptFacts(info: SentenceInfo, previous: SentenceInfo[], heads: Map<string, number>, analysed: Clause | undefined): Fact[] {
	const resolved = resolveStart(tidy(info.s.text), info, previous);
	if (!resolved || !selfContained(resolved) || !analysed) return [];
	if (/\?["”’]?$/.test(resolved)) return [];
	const c = resolved === tidy(info.s.text) ? analysed : analyse(resolved, analysed.capitalised);
	const out: Fact[] = [];
	const seen = new Set<string>();
	// No verb at all: the tagger read the verb as a noun ("… into Lake Constance forms an inland delta"), so a
	// chunk may have swallowed it; no concept is taken from a clause the parse has not understood.
	if (!c.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return [];
	// The subject and the object come from the clause after a fronted adjunct, where one opens the sentence.
	const core: Core = frontedAdjunct(resolved, c) ?? { text: resolved, clause: c, lead: '', offset: 0 };
	const k0 = core.clause;
	const o = objectOf(core.text, k0);
	// A sentence too short for a cloze ("A storm dispersed the fleet.", "CSCAP also addresses the DPRK's nuclear
	// program.") still gives its question where the question itself says enough: the agent of an active verb with
	// its object ("What dispersed the fleet?"), or the object of a named subject ("What does CSCAP address?").
	const active = o !== null && k0.aux.length === 0 && k0.main !== null && k0.tokens[k0.main]?.pos === 'VERB';
	const named = !!k0.subject && k0.tokens.slice(k0.subject.from, k0.subject.to).every((t) => t.pos === 'PROPN');
	const push = (answer: string, question: string | null, wordsOf: Chunk, role?: Chunk, of: Clause = c, alone = false) => {
		if (seen.has(answer.toLowerCase()) || occurrences(info.s.text, answer) !== 1) return;
		// "an important feature of cellular innate immunity", "the other end of immune dysfunction": a relational
		// adjective and its noun only point at the "of" phrase, a compound asked on its own; the whole is no
		// answer. ("general principles of law" stays: "law" alone is no concept to ask.)
		const relational = RELATIONAL_OF.exec(answer);
		if (relational && RELATIONAL_ADJ.has(relational[1]?.toLowerCase() ?? '') && (relational[2] ?? '').replace(ARTICLE, '').split(' ').length >= 2) return;
		// Half of a hyphenated word ("a diplomatic stand" of "stand-off") is no answer.
		const at = info.s.text.indexOf(answer);
		if (/^(?:[-–]|\.[\p{L}\d])/u.test(info.s.text.slice(at + answer.length)) || /[-–.\d]/.test(info.s.text.charAt(at - 1))) return;
		// "…, and involved colonies and holdings": after ", and" an "-ed" word opens a second predicate, not a phrase.
		if (/^\p{Ll}+ed\s/u.test(answer) && /,\s+and\s+$/.test(info.s.text.slice(Math.max(0, at - 8), at))) return;
		// "Freely Elected | Farmers Union members": a capitalised answer right after a capitalised word is the end of a
		// name cut from its start.
		const before = /(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(info.s.text.slice(Math.max(0, at - 40), at))?.[1];
		if (/^\p{Lu}/u.test(answer) && before && !FUNCTION_WORDS.has(before.toLowerCase())) return;
		if (!isCount(answer) && (cutsCompound(of, wordsOf) || cutsModifier(of, wordsOf) || sharesHead(of, wordsOf))) return;
		const clause = clauseAround(resolved, answer);
		const cloze = blankOut(clause, answer);
		const asked = question && selfContained(question) && occurrences(question, answer) === 0 ? question : undefined;
		if (!cloze && !(alone && asked)) return;
		seen.add(answer.toLowerCase());
		out.push({
			key: `concept|${answer}|${digest(clause)}`,
			answer,
			answerKind: isCount(answer) ? 'number' : 'concept',
			info,
			question: asked,
			cloze: cloze ?? undefined,
			weight: CONCEPT_CUE,
			// A lone common noun ("talks", "issues") is a weak answer; a long clause a hard card.
			quality: (answer.includes(' ') ? 1 : 0.8) * (pieceCount(clause) > 30 ? 0.9 : 1) * (generic(of, wordsOf, heads) ? GENERIC_QUALITY : 1),
			subject: (role ?? wordsOf) === k0.subject,
			object: (role ?? wordsOf) === o,
			tags: ['concept']
		});
	};
	// An answer is a whole phrase (phrases.ts); a question is asked only where the chunk is that phrase alone.
	const whole = (k: Chunk) => wholePhrase(core.text, k0, k);
	if (k0.subject) {
		const typed = typedSubject(core.text, k0, heads);
		if (typed) push(typed.answer, withLead(core.lead, typed.question), k0.subject, undefined, k0);
		const p = whole(k0.subject);
		const a = p && answerOf(p.chunk, k0.tokens);
		const q = p && a && p.chunk === k0.subject && !p.conjunct ? withLead(core.lead, subjectQuestion(core.text, k0)) : null;
		// A subject read past its first phrase ("The meeting hosted by the NCAFP was …") is asked by a question only: as a
		// cloze its blank holds a clause's worth of words, and a name inside it loses its own card.
		if (p && a && (q || !k0.longSubject)) push(a, q, p.chunk, k0.subject, k0, active);
	}
	// Two phrases asked whole (pairOf): their members are asked by no other fact.
	let paired = null as Chunk | null;
	const pushPair = (k: Chunk, question: (pair: Chunk) => string | null, role: Chunk, alone = false): boolean => {
		const pair = pairOf(core.text, k0, k);
		const asked = pair && question(pair);
		if (!pair || !asked) return false;
		// "Who" only where both phrases are people: "cleaner air and healthier children" is asked by "What".
		const q = whFor(k0.tokens[k.head], k0.tokens) === 'What' ? asked.replace(/^Who\b/, 'What') : asked;
		const before = out.length;
		// "an operator and a version": an article of the second phrase keeps the first's, so both read alike.
		const answer = ARTICLE.test(core.text.slice(k0.tokens[k.to + 1]?.start ?? 0, pair.end)) ? pair.text : pair.text.replace(ARTICLE, '');
		push(answer, withLead(core.lead, q), pair, role, k0, alone);
		if (out.length > before) paired = pair;
		return out.length > before;
	};
	if (o) {
		const p = whole(o);
		const pair = p?.chunk === o && p.conjunct && pushPair(o, (k) => objectQuestion(core.text, k0, k)?.question ?? null, o, named);
		const q = p?.chunk === o && !p.conjunct ? objectQuestion(core.text, k0, o) : null;
		const a = q && isCount(q.answer) ? q.answer : p && answerOf(p.chunk, k0.tokens);
		if (p && a && !pair) push(a, q && q.answer === a ? withLead(core.lead, q.question) : null, p.chunk, o, k0, named);
		const typed = p?.chunk === o && !p.conjunct ? typedObject(core.text, k0, o, heads) : null;
		if (typed) push(typed.answer, withLead(core.lead, typed.question), o, undefined, k0);
	}
	// "Vaccines rely on immune modulation", "The panel is composed of representatives …": the noun phrase of a
	// preposition the main verb takes is what the verb says most about its subject (fourteenth pass).
	const pc = prepositionalObject(core.text, k0);
	if (pc) {
		const p = whole(pc.chunk);
		const a = p && answerOf(p.chunk, k0.tokens);
		const q = p && a && p.chunk === pc.chunk && !p.conjunct ? prepositionalQuestion(core.text, k0, pc) : null;
		const pair = !!p && p.chunk === pc.chunk && p.conjunct && pushPair(pc.chunk, (k) => prepositionalQuestion(core.text, k0, { chunk: k, preposition: pc.preposition }), pc.chunk);
		// Without a question the phrase is left to the clozes below, which take only terms (a lone "halt" is none).
		if (p && a && q && !pair) push(a, withLead(core.lead, q), p.chunk, pc.chunk, k0);
	}
	// Other salient noun phrases become cloze facts: a term the document repeats, or a compound term.
	// The subject's own chunk (not the first of a subject extended by "of" or "and") and the object's first.
	const subject = k0.subject;
	for (const k of c.chunks) {
		if ((subject && k.start === subject.start + core.offset && k.end === subject.end + core.offset) || (o && k.start === o.start + core.offset)) continue;
		const pair: Chunk | null = paired;
		if (pair && k.start >= pair.start + core.offset && k.end <= pair.end + core.offset) continue;
		const p = wholePhrase(resolved, c, k);
		const head = p && c.tokens[p.chunk.head];
		const a = p && answerOf(p.chunk, c.tokens);
		if (!p || !a || !head) continue;
		const compound = p.chunk.to - p.chunk.from - (c.tokens[p.chunk.from]?.pos === 'DET' ? 1 : 0) >= 2;
		if ((heads.get(head.lemma) ?? 0) >= 3 || compound) push(a, null, p.chunk);
	}
	return out;
}
