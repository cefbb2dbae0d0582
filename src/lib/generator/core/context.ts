/**
 * Self-contained stems (issue 9): a question must make sense without the page. A stem depends on its
 * context when its first clause holds a discourse connective ("Similarly", "However", "Out of these"), a
 * demonstrative ("these", "this idea", "such a"), a definite phrase that points back ("the latter", "the
 * region"), a comparison with what the page named before ("Analogous definitions", "a third group", "the other
 * end") or a third-person pronoun with nothing named before it in the stem itself.
 */
import { EXPLETIVE_IT, pieceCount, surelyVerb } from './clause';
import { APPOSED_ADVERB, COUNTRIES, FUNCTION_WORDS, MONTHS, ORG_HEADS, PLACE_HEADS, PLACES, PARTICIPLE_PREPOSITION } from './lexicon';
import { boundedMemo, escapeRegExp } from './memo';

const MONTH_NAMES = new Set(MONTHS);

const CONNECTIVES = [
	'however', 'similarly', 'moreover', 'furthermore', 'in addition', 'additionally', 'therefore', 'thus', 'hence',
	'also', 'instead', 'likewise', 'nevertheless', 'nonetheless', 'meanwhile', 'consequently', 'as a result',
	'in contrast', 'by contrast', 'on the other hand', 'for example', 'for instance', 'in this case', 'in that case',
	'out of these', 'among them', 'among these', 'of these', 'of them', 'in turn', 'otherwise', 'accordingly', 'still',
	'besides', 'then', 'too', 'again', 'later', 'afterwards', 'subsequently', 'finally', 'first', 'second', 'third'
];
const CONNECTIVE = new RegExp(`(?:^|[,;:]\\s*)(?:${CONNECTIVES.join('|')})\\b(?!\\s+(?:of|than|to)\\b)`, 'i');
/** "But", "And" or "So" leading the stem ("Because …, …" and "Although …, …" read on their own). */
const LEADING = /^(?:true or false:\s*)?(?:but|and|so|yet|or|nor)\b/i;
/** "those who voted", "such as": no reference back. */
const DEMONSTRATIVE = /\b(?:this|these|those|such)\b(?!\s+(?:as|who|whom|whose|which|that|with|in|of|from|for)\b)/i;
const THAT_DETERMINER = /(?:^|\b(?:in|on|at|of|from|by|for|with|to|during|after|before|about|under)\s+)that\s+\p{Ll}+(?!\s+(?:is|was|are|were|has|had|have|can|could|will|would)\b)/iu;
/** The word `THAT_DETERMINER` cannot match without, looked for first: its alternation is tried at every word. */
const THAT = /that/iu;
const BACK_REFERENCE = /\b(?:the|its|their)\s+(?:latter|former|same|above|following|aforementioned|ensuing|said|region|area|country|city|town|period|case|idea|concept|process|event|group|company|method|approach|system|theory|problem|term|latter's|former's)\b(?!\s+of\b)/i;
/**
 * "the same" with what it is the same as in the clause itself: "the same as P", "the same amount … that each had
 * consumed", "the same plea bargain for everyone", "in the same way a doctor images a body", "inputs of the same size".
 */
const SAME_IN_CLAUSE = /^the\s+same\s+(?:(?:[\p{L}\d-]+\s+){0,6}?(?:as|that|for\s+(?:every\p{L}*|all|each|both)|throughout)\b|way\s+(?:an?|the|that)\b)/iu;
const OF_THE_SAME = /\bof\s+$/i;

const BACK_REFERENCES = new RegExp(BACK_REFERENCE.source, 'gi');

/** The words of `BACK_REFERENCE` that are nouns: "the term", "the concept" … */
const BACK_NOUN = /\b(?:region|area|country|city|town|period|case|idea|concept|process|event|group|company|method|approach|system|theory|problem|term)$/i;
/** "the term "civil disobedience"", "the concept Distributed Adaptive Message Block Switching": the phrase names its thing. */
const NAME_AFTER = /^\s+(?:["“‘]|\p{Lu})/u;

function backReference(clause: string): boolean {
	if (!BACK_REFERENCE.test(clause)) return false;
	for (const m of clause.matchAll(BACK_REFERENCES)) {
		if (BACK_NOUN.test(m[0]) && NAME_AFTER.test(clause.slice(m.index + m[0].length))) continue;
		const same = /same$/i.test(m[0]);
		if (same && (SAME_IN_CLAUSE.test(clause.slice(m.index)) || OF_THE_SAME.test(clause.slice(0, m.index)))) continue;
		return true;
	}
	return false;
}

/** ", for example the Faroe Islands, …": an example inside the clause, not a link to the sentence before. */
const EXAMPLE_ASIDE = /,\s+(?:for example|for instance|e\.g\.)\s+(?=[^,;:]+,)/gi;
/** "If P is not equal to NP, then …": the "then" of a conditional the clause itself opens, not a link to the sentence before. */
const CONDITIONAL_THEN = /^((?:if|when|whenever|once)\b[^,;:]*,)\s*then\b/i;
/**
 * A pointer to another part of the page, anywhere in the stem: "mentioned above", "described below", "as noted
 * earlier", "the table below", and "in the text" (terms.ts's "What does the term “X” mean in the text?" asks for the
 * page's own wording; "the term" kept it out until a term named after it stopped counting as a back reference).
 */
const POINTER = /\bin\s+the\s+(?:text|passage|article)\b|\b(?:(?:mentioned|described|discussed|listed|noted|shown|cited|outlined|given|explained|defined|seen)\s+(?:above|below|earlier|previously|before)|(?:see|cf\.?)\s+(?:above|below)|(?:table|figure|list|section|chapter|example)s?\s+(?:above|below))\b/i;
/**
 * A comparison with something the page named before: "Analogous definitions can be made …", "Similar results …",
 * "A similar situation occurs …" opening the clause (not "Similar to granite, …", nor a term: "Corresponding Source"); a predicate that ranks or adds its subject to what came before,
 * "Ferns are a third group of …", "Lichens are another large group …" (not "a second language", "another name
 * for"); "the other half of …", "the other storage tower" (not "one or the other", "Norway and the other Nordic
 * states", nor the other end or side of a scale the "of" phrase names: "the other end of immune dysfunction").
 */
const COMPARED_START = /^(?:[Aa]nalogous|[Ss]imilar|[Cc]omparable|[Cc]orresponding|[Aa]n?\s+(?:analogous|similar|comparable))\s+(?!(?:to|with)\b)\p{Ll}/u;
const COMPARED = /\b(?:is|are|was|were|be|been|becomes?|became|forms?|formed|represents?|represented|constitutes?|constituted)\s+(?:an?\s+(?:second|third|fourth|fifth)\s+(?!language\b)|another\s+(?!(?:name|term|word|spelling|form|way)\b))\p{L}|^an?\s+(?:second|third|fourth|fifth)\b|(?<!\b(?:one\s+or|and)\s+)\bthe\s+other\s+(?!(?:hand|end|side|extreme)\b)\p{L}/iu;
/** "a compromise between the two", "the three": a number standing alone for things the page named before. */
const COUNTED_BACK = /\b(?:the|both of the|all of the)\s+(?:two|three|four|five)\b(?!\s*[-\p{L}\d])/iu;
/**
 * "The rest were sold …", "The majority voted …", "What are a large number made by?", "Most were destroyed …", "Both
 * have …": a quantifier standing as the subject, straight before its verb, counts things the page named before ("the
 * majority of members", "most bridges" name them). "Most", "both" and "several" count only before an auxiliary or an
 * irregular past ("Most published works were …" is a phrase; "Who is most commonly employed …" an adverb); "some",
 * "many", "others" and "all" not at all: "Some have argued …" speaks of people in general.
 */
const QUANTITY_ALONE = /^(?:(?:what|who|which|when|where|how|why)\s+(?:is|are|was|were|do|does|did|have|has|had|will|would|can|could)\s+)?(?:an?\s+(?:(?:large|small|great|significant|growing|considerable)\s+)?number|the\s+(?:rest|remainder|majority|minority))\s+(?:\p{L}+ly\s+)?(\p{L}+)/iu;
const QUANTIFIER_ALONE = /^(?:most|both|several)\s+(\p{L}+)/iu;
/**
 * "The two travel to the hotel …", "The two then discover …", "Where do the three travel …?": a count standing as the
 * subject before a base-form verb counts people the page named, and the tagger reads count and verb as one phrase
 * ("The _____ to the hotel" — two travel). The word after the count is taken for that verb when it is no plural,
 * superlative or participle and a preposition, an article or the question's end follows ("the two largest towns",
 * "the two men travel", "the three party system" name what they count). A past form ("The two became friends …")
 * is left: refusing those sentences cost Chopin's deck six answers people asked (fifteenth pass, judge4).
 */
const COUNTED_ALONE = /^(?:(?:[Ww]hat|[Ww]ho|[Ww]hich|[Ww]hen|[Ww]here|[Hh]ow|[Ww]hy)\s+(?:is|are|was|were|do|does|did|have|has|had|will|would|can|could)\s+)?[Tt]he\s+(?:two|three|four|five)\s+(?:(?:then|later|also|soon|eventually|finally)\s+)?(\p{Ll}+)(\s+(?:to|into|onto|from|with|at|in|on|for|after|before|through|across|towards?|over|by|back|together|away|the|a|an|his|her|their)\b|\s*\?)?/u;
const NOT_A_VERB = /(?:s|est|ing)$|^(?:men|women|children|people|police|cattle|sheep|deer|aircraft|staff|clergy|main|other|former|latter|first|last)$/;
function countedAlone(clause: string): boolean {
	const m = COUNTED_ALONE.exec(clause);
	const w = m?.[1] ?? '';
	return m?.[2] !== undefined && !surelyVerb(w, false) && !NOT_A_VERB.test(w);
}
const quantifierAlone = (clause: string): boolean =>
	surelyVerb(QUANTITY_ALONE.exec(clause)?.[1]?.toLowerCase() ?? '') || surelyVerb(QUANTIFIER_ALONE.exec(clause)?.[1]?.toLowerCase() ?? '', false) || (SMALL_COUNT.test(clause) && countedAlone(clause));

/**
 * Words COMPARED and COUNTED_BACK cannot match without, tested first: those two patterns (case-insensitive, Unicode)
 * are slow to fail, and they run on every stem of a long text; most stems hold none of these words.
 */
const ORDINAL_OR_OTHER = /\b(?:second|third|fourth|fifth|another|other)\b/i;
const SMALL_COUNT = /\b(?:two|three|four|five)\b/i;
const DEFINITE_HEADS = 'region|area|city|town|country|state|nation|island|river|lake|bay|basin|delta|glacier|canal|castle|cathedral|abbey|palace|peninsula|province|territory|company|firm|corporation|organisation|organization|party|movement|church|university|school|team|band|dynasty|empire|kingdom|government|war|treaty|law|act|book|film|album|author|species|device|machine|engine|project|program|programme|network|protocol|song|industry|sector|field';
/** After "the <noun>": a phrase or clause that says which one ("the city of …", "the river which …"), so nothing points back. */
const QUALIFIED_AFTER = String.raw`\s+(?:of|in|on|at|for|which|that|who|where|called|known|named)\b`;
const DEFINITE_HEAD = new RegExp(`\\b[Tt]he\\s+(?:${DEFINITE_HEADS})(?:'s)?\\b(?!${QUALIFIED_AFTER})(?!\\s+["“]?\\p{Lu})(?!-)`, 'u');
/** A capitalised word after the stem's first letter: a name the definite phrase may belong to. */
const CAPITALISED_BEFORE = /\s\p{Lu}/u;
const PRONOUN = /\b(?:he|she|it|they|him|her|them|his|its|their|theirs|hers)\b/i;
/** Something a pronoun can point to inside the stem: a determined noun phrase or a capitalised name. */
const NAMED = /\b(?:[Tt]he|[Aa]n?)\s+\p{L}{3,}|\s\p{Lu}\p{Ll}+/u;
/** A capitalised first word that is not a function word ("Rollo agreed …", not "With time, they …"). */
const OPENING_NAME = /^(\p{Lu}\p{Ll}+)\s+\p{Ll}/u;

function named(text: string): boolean {
	if (NAMED.test(text)) return true;
	const first = OPENING_NAME.exec(text)?.[1];
	return first !== undefined && !FUNCTION_WORDS.has(first.toLowerCase());
}

/** A pronoun that stands for a person: "he", "her" … */
export const HE_SHE = /\b(?:he|she|him|his|her|hers)\b/i;
const TITLED = /\b(?:Mr|Mrs|Ms|Dr|Prof|Professor|President|King|Queen|Sir|Lady|Lord)\.?\s+\p{Lu}/u;
const CAPITALISED_PAIR = /\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)/gu;
const NOT_A_PERSON = new Set([...PLACES, ...COUNTRIES, ...PLACE_HEADS, ...ORG_HEADS, 'north', 'south', 'east', 'west', 'new', 'united', 'the']);

/** A person's name (a title and a name, or two capitalised words that are no place) a later "he"/"she" can point to. */
function namesPerson(text: string): boolean {
	if (TITLED.test(text)) return true;
	// "In April, during the Revolution of 1848 in Paris, he left …": "In April" names no one.
	const nameWord = (w: string | undefined) => !NOT_A_PERSON.has((w ?? '').toLowerCase()) && !MONTH_NAMES.has((w ?? '').toLowerCase());
	for (const m of text.matchAll(CAPITALISED_PAIR)) {
		if (nameWord(m[1]) && nameWord(m[2])) return true;
	}
	return false;
}

/** A plural noun a statement's later "they"/"their" can point to ("Track II events … their views"). */
const PLURAL_NOUN = /\b\p{L}{3,}(?<!s)s\b/u;

const PRONOUNS = new RegExp(PRONOUN.source, 'gi');

/**
 * The clause's first pronoun that points somewhere. "It has been argued that …", "…, but it is possible that …": an
 * expletive "it" points to nothing; the clause after "that" is what must read on its own, and is read on.
 */
function pointingPronoun(clause: string): RegExpExecArray | undefined {
	let from = 0;
	for (const p of clause.matchAll(PRONOUNS)) {
		if (p.index < from) continue;
		const expletive = p[0].toLowerCase() === 'it' ? EXPLETIVE_IT.exec(`It${clause.slice(p.index + 2)}`) : null;
		if (!expletive) return p;
		from = p.index + expletive[0].length;
	}
	return undefined;
}

/** A comma that ends a word (before a space or the end): what `firstClause` cuts at. */
const WORD_COMMA = /,(?:\s|$)/;

/** The first clause: up to the first ";" or ":", or the first comma after eight words. */
export function firstClause(stem: string): string {
	const text = stem.replace(/^true or false:\s*/i, '');
	const hard = text.search(/[;:]/);
	const cut = hard >= 0 ? text.slice(0, hard) : text;
	// Only a word that ends in a comma can end the clause early; most stems have none (checked before splitting).
	if (!WORD_COMMA.test(cut)) return cut;
	const words = cut.split(/\s+/);
	for (let i = 7; i < words.length; i++) if (words[i]?.endsWith(',')) return words.slice(0, i + 1).join(' ');
	return cut;
}

/** "X, founded in 1993 by …, is …": the participle phrase after the subject, read past to reach the main clause. */
const APPOSED = new RegExp(String.raw`^([^,;:]{1,80}),\s+(?:${APPOSED_ADVERB}\s+)?${PARTICIPLE_PREPOSITION}[^,;:]{2,120},\s+`, 'u');

/**
 * "Since forces are perceived as pushes or pulls, this can provide …": a demonstrative that opens the main clause
 * after a leading subordinate clause, which the first clause (cut at its comma) does not reach.
 */
const DEMONSTRATIVE_AFTER_LEAD = /^(?:since|because|as|when|whenever|if|although|though|while|once|after|before|unless|whereas)\s[^,;:]+,\s+(?:this|these|those)\b(?!\s+(?:as|who|whom|whose|which|that|with|in|of|from|for)\b)/i;

/**
 * Why a stem needs its page, or null when it reads on its own. Memoised: a fact's stems are read again for each of
 * its cards and by the ranking (half the calls on a 1 MB text repeat a stem).
 */
export const contextNeed = boundedMemo(needOf);

function needOf(stem: string): string | null {
	const text = stem.replace(/^true or false:\s*/i, '');
	if (LEADING.test(text)) return 'leading connective';
	const clause = firstClause(text);
	if (CONNECTIVE.test(clause.replace(EXAMPLE_ASIDE, ', ').replace(CONDITIONAL_THEN, '$1'))) return 'connective';
	const main = APPOSED.test(text) ? firstClause(text.replace(APPOSED, '$1 ')) : clause;
	if (DEMONSTRATIVE.test(clause) || (THAT.test(clause) && THAT_DETERMINER.test(clause)) || DEMONSTRATIVE.test(main) || DEMONSTRATIVE_AFTER_LEAD.test(text)) return 'demonstrative';
	if (backReference(clause) || POINTER.test(text) || (SMALL_COUNT.test(text) && COUNTED_BACK.test(text)) || quantifierAlone(clause)) return 'back reference';
	if (COMPARED_START.test(clause) || (ORDINAL_OR_OTHER.test(clause) && COMPARED.test(clause))) return 'comparison';
	const generic = DEFINITE_HEAD.exec(clause);
	// "In the river, electric eels …", "The treaty offered Rollo …": a bare "the" + a place, group, work or
	// idea points back to the one the page named, unless the stem names something before it.
	if (generic && !CAPITALISED_BEFORE.test(clause.slice(1, generic.index))) return 'back reference';
	// A statement is read whole: "…, he explained." at its end needs its person as much as at its start.
	if (!/^(?:what|who|which|when|where|how|why)\b/i.test(text) && HE_SHE.test(text.slice(clause.length)) && !namesPerson(text)) return 'pronoun';
	const p = pointingPronoun(clause);
	// A pronoun may point to something the stem names before it ("The Normans kept their language", "Track II
	// events give all sides a forum to present their views"). In a question the wh-word stands for the answer,
	// so something else must be named.
	const before = clause.slice(0, p?.index ?? 0);
	const question = /^(?:what|who|which|when|where|how|why)\b/i.test(before);
	if (p && !named(before.replace(/^(?:what|who|which|when|where|how|why)\b/i, '')) && (question || !/^the/i.test(p[0]) || !PLURAL_NOUN.test(before))) return 'pronoun';
	return null;
}

export const selfContained = (stem: string): boolean => contextNeed(stem) === null;

/** What a reading is about, as the sentence that says what its title is names it: "Warsaw is the capital and largest city of Poland" → Warsaw, a city. */
export interface Topic {
	/** the name as the reading writes it, with its article ("Warsaw", "The Rhine"), or its acronym in brackets ("ABC") */
	name: string;
	/** the class noun that sentence gives it: "city", "network" */
	noun: string;
}

/**
 * Class nouns a definite back-reference may use for a reading's named topic ("the city", "the network", "the
 * university"): places and institutions, which a reading about one seldom uses for another. Works ("the film", "the
 * book", "the album") are left out: a reading on a film names other films and says "the film" of them too.
 */
const TOPIC_NOUNS = new Set(['city', 'town', 'country', 'state', 'nation', 'island', 'river', 'lake', 'region', 'province', 'territory', 'university', 'college', 'company', 'corporation', 'network', 'church', 'party', 'dynasty', 'empire', 'kingdom']);
/** Words that end the class phrase of "X is a/the …": a preposition, a relative or a participle after the head. */
const PHRASE_END = /^(?:of|in|on|at|by|for|from|with|to|that|which|who|whose|where|located|based|founded|produced|owned|and|or|as|since|between|near|along)$/;

/**
 * The reading's topic, when a sentence (the first that does) starts with the title as a name and says what it is
 * with a singular copula: "Jacksonville is the largest city by population in the U.S. state of Florida" → { name:
 * "Jacksonville", noun: "city" } (title "Jacksonville, Florida"); "The American Broadcasting Company (ABC) (stylized
 * …) is an American commercial broadcast television network" → ABC, a network; "Kenya (…), officially the Republic of
 * Kenya, is a country in Africa" → country. A title that is no name ("A steam engine is …") or a class noun outside
 * `TOPIC_NOUNS` (method, element, film) gives none.
 */
export function documentTopic(title: string, openings: readonly string[]): Topic | null {
	// "Spectre (2015 film)", "Jacksonville, Florida": the qualifier is the title's, not the name's.
	const bare = title.replace(/_/g, ' ').replace(/\s*\([^)]*\)\s*$/, '').replace(/,.*$/, '').trim();
	if (pieceCount(bare) > 6 || !/\p{L}/u.test(bare)) return null;
	for (const text of openings) {
		const lead = /^(?:The\s+)?/.exec(text)?.[0] ?? '';
		const named = text.slice(lead.length, lead.length + bare.length);
		if (named.toLowerCase() !== bare.toLowerCase() || !/^\p{Lu}/u.test(named) || /^[\p{L}\d]/u.test(text.charAt(lead.length + bare.length))) continue;
		const rest = text.slice(lead.length + bare.length).replace(/^(?:\s*\((?:[^()]|\([^()]*\))*\))*/, '').replace(/^,\s+[^,]{1,80},/, '');
		const predicate = /^\s+(?:is|was)\s+(?:an?|the)\s+(.*)$/.exec(rest)?.[1];
		if (predicate === undefined) continue;
		const words = predicate.split(/\s+/).slice(0, 12);
		for (let i = 0; i < words.length; i++) {
			const word = (words[i] ?? '').replace(/[,.;:]$/, '');
			if (PHRASE_END.test(word)) break;
			const next = (words[i + 1] ?? '').replace(/[,.;:]$/, '');
			const ends = word !== words[i] || next === '' || PHRASE_END.test(next);
			// "The American Broadcasting Company (ABC) …": the short name the reading itself gives reads better.
			const short = /^\s*\((\p{Lu}{2,6})[),;]/u.exec(text.slice(lead.length + bare.length))?.[1];
			if (ends && TOPIC_NOUNS.has(word)) return { name: short ?? text.slice(0, lead.length + bare.length), noun: word };
			if (word !== words[i]) break;
		}
		return null;
	}
	return null;
}

/**
 * A stem whose "the city" / "the network's" stands for the reading's topic, with the topic's name in its place:
 * "The city's garrison resisted until _____" → "Warsaw's garrison resisted until _____" in a reading on Warsaw. Only
 * where the stem reads on its own afterwards, and never where the stem names another thing before the phrase that
 * the phrase could stand for (`others`: places and organisations the sentence names, which the caller knows). The
 * caller leaves out a sentence where the noun modifies another ("The state tree", "the city council"). Null when
 * nothing is resolved.
 */
/** A phrase that qualifies the noun ("the city of …", "the city on the hill"); "on February 22", "in 1888" only date the event. */
const TOPIC_QUALIFIED = String.raw`${QUALIFIED_AFTER}(?!\s+(?:${MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1)).join('|')}|\d))`;

export function withTopic(stem: string, topic: Topic, others: readonly string[] = []): string | null {
	// Looked for first: this runs on every stem of every fact of a reading that has a topic.
	if (!/\bthe\s/i.test(stem) || !stem.toLowerCase().includes(topic.noun) || selfContained(stem)) return null;
	// "the city and country": the article is shared, and the name put in would leave "Warsaw and country" (a second
	// noun with its own article or pronoun is left alone: "the city and its suburbs").
	const phrase = new RegExp(`\\b([Tt])he\\s+${topic.noun}\\b('s)?(?!${TOPIC_QUALIFIED})(?![\\s-]*\\p{Lu})(?!-)(?!,?\\s+(?:and|or)\\s+(?!(?:the|a|an|its|their|his|her|this|these|those)\\b)\\p{Ll})`, 'gu');
	const name = topic.name.replace(/^The\s+/, '');
	const article = topic.name !== name;
	let changed = false;
	const out = stem.replace(phrase, (all: string, t: string, owner: string | undefined, at: number) => {
		const before = stem.slice(0, at);
		if (others.some((o) => before.includes(o) && !topic.name.includes(o))) return all;
		changed = true;
		return `${article ? `${t}he ` : ''}${name}${owner ?? ''}`;
	});
	if (!changed) return null;
	const fixed = out.charAt(0).toUpperCase() + out.slice(1);
	return selfContained(fixed) ? fixed : null;
}

/** A reading about one person: the name it calls them by and the pronouns that stand for them. */
export interface Person {
	/** the name as the reading writes it after its first sentence: the title's last word ("Chopin") or the whole title ("Beyoncé") */
	name: string;
	/** every way the reading names them: the short name and the title ("Frédéric Chopin") */
	names: string[];
	/** "he" or "she", from the pronouns the reading uses */
	pronoun: 'he' | 'she';
}

/** The brackets right after a name: "(/biːˈjɒnseɪ/) (born September 4, 1981)". */
const BRACKETS = /^(?:\s*\((?:[^()]|\([^()]*\))*\))+/u;
/** "born September 4, 1981", "1 March 1810 – 17 October 1849": a life's dates. */
const LIFE = /\bborn\b|\d{3,4}\s*[–-]\s*[^()]{0,40}?\d{3,4}/u;
const HE_WORDS = /\b(?:he|his|him)\b/gi;
const SHE_WORDS = /\b(?:she|her|hers)\b/gi;

/**
 * The person a reading is about, when its title is a name, a sentence of it opens with that name (the title's first
 * word, the title's last word within the same run of capitalised words: "Frédéric François Chopin"; a one-word title
 * the reading never writes in lower case) followed by the bracket of a life ("(born …)", two years joined by a dash),
 * and the reading's pronouns are one gender's three times over ("he/his/him" 391 against "she/her" 24). A film or a
 * city has no life bracket; a reading that uses "he" and "she" alike has no certain gender.
 */
export function documentPerson(title: string, openings: readonly string[], text: string): Person | null {
	const bare = title.replace(/_/g, ' ').replace(/\s*\([^)]*\)\s*$/, '').trim();
	const words = bare.split(/\s+/);
	if (words.length > 4 || !words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return null;
	const first = words[0] ?? '';
	const last = words[words.length - 1] ?? '';
	// "Painting (from 1801 – 1860) is …": a one-word title the reading also writes in lower case is a word, not a name.
	if (words.length === 1 && new RegExp(`(?<!\\p{L})${escapeRegExp(first.toLowerCase())}(?!\\p{L})`, 'u').test(text)) return null;
	const opened = openings.some((o) => {
		const run = new RegExp(`^${escapeRegExp(first)}(?:\\s+\\p{Lu}[\\p{L}'’.-]*)*`, 'u').exec(o)?.[0];
		return run !== undefined && run.split(/\s+/).includes(last) && LIFE.test(BRACKETS.exec(o.slice(run.length))?.[0] ?? '');
	});
	if (!opened) return null;
	const he = text.match(HE_WORDS)?.length ?? 0;
	const she = text.match(SHE_WORDS)?.length ?? 0;
	const pronoun = he >= 10 && he >= 3 * she ? 'he' : she >= 10 && she >= 3 * he ? 'she' : null;
	if (!pronoun) return null;
	// "Chopin", "Luther": the surname, when the reading uses it on its own.
	const alone = words.length > 1 ? (text.match(new RegExp(`(?<!${escapeRegExp(words[words.length - 2] ?? '')}\\s)(?<!\\p{L})${escapeRegExp(last)}(?!\\p{L})`, 'gu'))?.length ?? 0) : 0;
	const name = alone >= 3 ? last : bare;
	return { name, names: [...new Set([name, bare])], pronoun };
}

/** The person's pronouns: "he", "his", "him" or "she", "her". */
const personPronouns = (p: Person): RegExp => (p.pronoun === 'he' ? /\b(?:[Hh]e|[Hh]is|[Hh]im)\b/g : /\b(?:[Ss]he|[Hh]er)\b/g);

/** Whether the stem names the person: a whole word of one of their names. */
function namesThePerson(stem: string, p: Person): boolean {
	return personName(p).test(stem);
}

const personName = (p: Person): RegExp => new RegExp(`(?<![\\p{L}])(?:${p.names.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u');

/**
 * A stem in a reading about one person, as the context check must read it: their "he/she" and "his/her" (a
 * possessive: "her" before a word that is no function word) stand for them after the stem names them ("Chopin was
 * sought after for lessons, for which he charged …") and in a phrase fronted before their name ("Through her mother,
 * Beyoncé is …", "In his later years, Luther grew …"), so the name is put in their place for the check. "him" or an
 * object "her" only after a comma that follows the name ("…, making her one of …") or after their possessive
 * ("Chopin's successes opened the door for him"): in the name's own clause it is someone else ("Luther told him to
 * …"). Never a capitalised "His" inside the stem (God's); never after a blank that asks a person (`person`), who may
 * be the one meant ("_____ has demonstrated in his classic work …", "_____ visited Chopin and found him …"). A stem
 * that does not name them is read as it is.
 */
export function spokenOf(stem: string, p: Person | undefined, person = false): string {
	if (!p) return stem;
	const name = personName(p).exec(stem);
	if (!name) return stem;
	const lead = /^(?:true or false:\s*)?/i.exec(stem)?.[0].length ?? 0;
	// "Through her mother, Beyoncé is …": the name opens the clause right after the phrase the pronoun stands in.
	// … and holds no other pronoun: "When she presented him with an award …, Beyoncé said" leaves "him" to the page.
	const phrase = stem.slice(lead, name.index);
	const others = [...phrase.matchAll(PRONOUNS)].some((m) => !(p.pronoun === 'he' ? /^(?:he|his)$/i : /^(?:she|her)$/i).test(m[0]));
	const fronted = /^[^,]+,\s*$/.test(phrase) && !others && !/^['’]s\b/.test(stem.slice(name.index + name[0].length));
	const from = fronted ? lead : name.index;
	const blank = stem.indexOf('_____');
	const to = person && blank >= 0 ? blank : stem.length;
	const afterName = name.index + name[0].length;
	return stem.replace(personPronouns(p), (w: string, at: number) => {
		if (at < from || at >= to || (at > lead && /^\p{Lu}/u.test(w))) return w;
		const lower = w.toLowerCase();
		const object = lower === 'him' || (lower === 'her' && !possessive(stem.slice(at + w.length)));
		// An object after a comma that follows the name ("…, making her one of …") or after their possessive ("Chopin's
		// successes opened the door for him"); not in the name's own clause ("Luther told him to …").
		if (object && !(at > afterName && (/^['’]s\b/.test(stem.slice(afterName)) || stem.slice(afterName, at).includes(',')))) return w;
		return lower === 'his' || (lower === 'her' && !object) ? `${p.name}'s` : p.name;
	});
}

/** "her mother" (a possessive), not "her and Jay Z", "her to", "her." (an object). */
const possessive = (after: string): boolean => {
	const next = /^\s+([\p{L}']+)/u.exec(after)?.[1]?.toLowerCase();
	return next !== undefined && !FUNCTION_WORDS.has(next);
};

/**
 * The stem with its first pronoun of the person's gender replaced by their name ("In 1835 he obtained French
 * citizenship" → "In 1835 Chopin obtained French citizenship"; "his" → "Chopin's"; "her" before a word that is no
 * function word → "Beyoncé's"), for a sentence whose first mention of anyone is that pronoun and whose sentence before
 * was about the person (the caller knows). Null where the stem names the person already, holds no such pronoun
 * before any other name, or still needs its page afterwards.
 */
export function withPerson(stem: string, p: Person, person = false): string | null {
	if (namesThePerson(stem, p)) return null;
	const re = personPronouns(p);
	const m = re.exec(stem);
	// "_____ may have had some piano instruction from his mother": the person asked may be the one meant.
	if (!m || (person && stem.slice(0, m.index).includes('_____'))) return null;
	// Anyone named before the pronoun may be the one it stands for.
	const body = stem.replace(/^true or false:\s*/i, '');
	const first = firstReference(body.slice(0, m.index - (stem.length - body.length) + m[0].length), p);
	if (first !== 'he' && first !== 'his') return null;
	const after = stem.slice(m.index + m[0].length);
	const w = m[0].toLowerCase();
	const owner = w === 'his' || (w === 'her' && possessive(after));
	const out = `${stem.slice(0, m.index)}${p.name}${owner ? "'s" : ''}${after}`;
	return contextNeed(spokenOf(out, p, person)) === null ? out : null;
}

/** A capitalised word, or one of the person's pronouns. */
const REFERENCE = /\p{Lu}[\p{L}'’.-]*|\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b/gu;

/**
 * Who a sentence mentions first: "name" for the person by name as a subject ("Chopin formed a friendship …", not
 * "Chopin's father …"), "he" for their subject pronoun ("In 1835 he …"), "his" for their other pronouns ("In his last
 * years", "found him"), "other" for anyone or anything else named first (a capitalised word that is no function word
 * or month, or the other gender's pronoun), null for nothing named.
 */
export function firstReference(sentence: string, p: Person): 'name' | 'he' | 'his' | 'other' | null {
	const own = personPronouns(p);
	for (const m of sentence.matchAll(REFERENCE)) {
		const word = m[0];
		const lower = word.toLowerCase();
		if (/^(?:he|she|his|her|him)$/.test(lower)) {
			own.lastIndex = 0;
			if (!own.test(word)) return 'other';
			return lower === 'he' || lower === 'she' ? 'he' : 'his';
		}
		if (FUNCTION_WORDS.has(lower) || MONTH_NAMES.has(lower)) continue;
		const at = sentence.slice(m.index);
		const name = p.names.find((n) => at.startsWith(n));
		if (name) return /^['’]s\b/.test(at.slice(name.length)) ? 'other' : 'name';
		return 'other';
	}
	return null;
}
