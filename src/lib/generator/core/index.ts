/**
 * The generator's public face: documents → deck (contract §1). Pure: no clock, no Math.random, no DOM or
 * Node imports, so the same call gives byte-identical cards in Node, a Web Worker and tests.
 */
import { normaliseKey, slugify } from '../../domain/ids';
import { DECK_FORMAT, DECK_VERSION, type Card, type DeckFile, type SourceDocument } from '../../domain/types';
import { blankFacts } from './blanks';
import { conceptFacts, headCounts } from './concepts';
import { analyse, CapitalisedWords, type Clause } from './nlp';
import { docStats, MODEL, scoreFacts, type DocStats, type RankModel } from './features';
import { factCards, type Knowledge } from './cards';
import { pieceCount, statementKey, tidy, usable, wholeWordIndexes } from './clause';
import type { Candidates } from './distractors';
import { buildModel, type DocModel, type SentenceInfo } from './entities';
import type { AnswerKind, Fact } from './fact';
import { matchingCards, orderingCards } from './groups';
import { appositiveRoles, peopleFacts } from './people';
import { predicateFacts } from './predicates';
import { FUNCTION_WORDS, ORG_HEADS, PLACE_HEADS } from './lexicon';
import { withLists } from './lists';
import { appositiveView, frontedView, longParts } from './long';
import { answerKey, rankCards } from './rank';
import { aimFacts, MEANS_LEAD, reasonFacts } from './reasons';
import { mannerFacts } from './manner';
import { cleanText } from './read';
import { contextNeed, documentPerson, documentTopic, firstReference, spokenOf, withPerson, withTopic, type Person, type Topic } from './context';
import { acronymFacts, definitionFacts, quotedFacts } from './terms';
import { appositiveDefinitions, glossFacts, namingFacts } from './glosses';

/** The longest sentence an acronym or an appositive role is still read from (a clear cue needs no quoting). */
const LONG_SENTENCE_WORDS = 120;

export { checkCardRules } from './rules';
export { parseDocument, cleanText, type ParsedDocument } from './read';
export { segment, type Sentence } from './segment';
export { buildModel } from './entities';

export interface GenerateDoc {
	id: string;
	title: string;
	text: string;
}

export interface GenerateProgress {
	stage: 'reading' | 'facts' | 'cards' | 'done';
	done: number;
	total: number;
}

export interface GenerateOptions {
	title?: string;
	/** Deck size; by default one card per distinct fact (deckSize). */
	maxCards?: number;
	/** Seeds distractor choice and answer positions. */
	seed?: string;
	/** ISO time stamped as `createdAt`; the generator never reads the clock. */
	now?: string;
	onProgress?: (p: GenerateProgress) => void;
	/** The ranker's model (features.ts); only the fitting script sets it. */
	rankModel?: RankModel;
}

/** The densest a deck gets: one card per ten words of body text. */
export const WORDS_PER_CARD_MIN = 10;
/**
 * The sparsest a deck gets while it has cards to give: one per sixteen words, the rate at which people ask
 * questions about dense expository text (one per 16–23 words, issue 9). A reading whose sentences lean on "it",
 * "they" or "this" has fewer distinct facts than that, and its deck would end before what people ask does.
 */
export const WORDS_PER_CARD_MAX = 16;
/** Distractor candidates kept per kind: enough for variety, bounded so cost stays linear in the text. */
const CANDIDATES_PER_KIND = 200;

/** A noun the document uses this often (per word of usable text) is what the whole reading is about. */
const TOPIC_DENSITY = 0.01;
/** A title word the document uses this often is a topic word too ("oil" and "crisis" in "1973 oil crisis"). */
const TITLE_DENSITY = 0.003;

/**
 * The reading's topic words: its most frequent noun when it dominates the text ("oxygen" in an article on
 * oxygen, "network" in one on packet switching) and the title's words the text keeps using. An answer made only
 * of them is trivial — every card of the deck is about them ("What is studied …? — chemistry").
 */
export function topicWords(title: string, heads: Map<string, number>, words: number): Set<string> {
	const out = new Set<string>();
	// Keys with a space count phrases (concepts.ts headCounts), not nouns.
	const top = [...heads].filter(([k]) => !k.includes(' ')).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
	if (top && top[1] >= TOPIC_DENSITY * words) out.add(top[0]);
	for (const w of title.toLowerCase().match(/\p{L}{3,}/gu) ?? []) {
		const lemma = singular(w);
		if (!FUNCTION_WORDS.has(w) && (heads.get(lemma) ?? heads.get(w) ?? 0) >= TITLE_DENSITY * words) out.add(lemma);
	}
	return out;
}

/** Lower-case content words; a capital Roman numeral counts ("Track I" is not "Track II"). */
const contentWords = (text: string): string[] =>
	(text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^[IVX]+$/.test(w) || !FUNCTION_WORDS.has(w.toLowerCase())).map((w) => w.toLowerCase());

/** A name mentioned at least this many times (and at TOPIC_DENSITY) is what the reading is about. */
const TOPIC_NAME_MIN = 8;

/**
 * A name word without the ending its adjective or people adds: "korea", "korean" → "kore"; "victoria",
 * "victorian" → "victor"; "japan", "japanese" → "japan". Short stems stay whole.
 */
function nameStem(word: string): string {
	const stem = word.toLowerCase().replace(/(?:ians?|ans?|ese|ish|ns)$|i?[aeiouy]$/, '');
	return stem.length >= 4 ? stem : word.toLowerCase();
}

/**
 * The stems of the name words the reading keeps using, counting a name and its adjective together ("North
 * Korea", "North Korean", "DPRK" in a text on talks with North Korea; "Victoria", "Victorian"): as a whole
 * answer they are as trivial as the title. People are left out: a biography's subject is its title, and in
 * any other reading the person quoted most is a fact worth asking.
 */
function topicNames(entities: Iterable<{ text: string; count: number; kind: AnswerKind }>, words: number): Set<string> {
	const counts = new Map<string, number>();
	// A person the reading keeps naming is asked about, not the topic: a life's subject is the title.
	for (const e of entities) if (e.kind !== 'person') for (const w of new Set(contentWords(e.text).map(nameStem))) counts.set(w, (counts.get(w) ?? 0) + e.count);
	return new Set([...counts].filter(([, n]) => n >= TOPIC_NAME_MIN && n >= TOPIC_DENSITY * words).map(([w]) => w));
}

const singular = (w: string): string => w.replace(/(?<=[^s])s$/, '');

/**
 * "type `show w'", "The hypothetical commands `show w' and `show c' …": text to type, quoted the GNU way (a backtick
 * and an apostrophe), belongs to instructions for the reader (a licence's "How to apply" appendix), not to what the
 * reading states. (A Markdown code span closes with a backtick.)
 */
const TYPED_LITERAL = /`[^`'\s][^`']*[^`'\s]'(?!\p{L})/u;

/**
 * "None of the original treaties", "neither party", "no one": a negative quantifier names nothing the text
 * states, so a question with it for an answer ("_____ establishing the Union mention protection …") cannot be
 * answered from the text.
 */
const NEGATIVE_ANSWER = /^(?:none|neither|nothing|nobody|nowhere|no(?=\s))\b/i;

/** A part of the title as the whole answer is kept but ranked far down. */
const TITLE_PART_QUALITY = 0.3;

/**
 * The answer is the reading's title in part: a run of two or more of the title's words ("European Union" in a
 * reading called "European Union law", "United Kingdom" in "Sky (United Kingdom)"), or a name whose initials are
 * a word of the title ("General Public License" in "gpl-3"). Every card of the deck is about it, so as a whole
 * answer it is nearly as trivial as the title itself: kept, but ranked far down (dropping it costs more of what
 * people ask, measured on the dev set, than ranking it down).
 */
export function fromTitle(answer: string, title: string): boolean {
	const titleWords: string[] = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	// "via civil disobedience" in a reading on civil disobedience: a means that only names the title is a title part.
	const words = answerKey(answer).replace(MEANS_LEAD, '').match(/[\p{L}\p{N}]+/gu) ?? [];
	if (words.length >= 2 && titleWords.some((_, i) => words.every((w, j) => titleWords[i + j] === w))) return true;
	const names = answer.replace(/^the\s+/i, '').split(/\s+/);
	if (names.length < 3 || !names.every((w) => /^\p{Lu}/u.test(w))) return false;
	const initials = names.map((w) => w.charAt(0).toLowerCase()).join('');
	return titleWords.includes(initials);
}

/**
 * Every content word of the answer is a topic word or a word of a topic name ("the rainforest", "Oxygen",
 * "North Korean").
 */
export function topical(answer: string, topics: ReadonlySet<string>, names: ReadonlySet<string> = new Set()): boolean {
	const words = contentWords(answer);
	if (words.length === 0) return false;
	const last = words[words.length - 1] ?? '';
	// "the North Korean delegation", "US participants": a party to the talks named by the topic alone.
	const party = words.length >= 2 && PARTY_NOUNS.test(last) && words.slice(0, -1).every((w) => names.has(nameStem(w)));
	const topic = (w: string) => topics.has(singular(w)) || names.has(nameStem(w));
	// "the Amazon River", "the Amazon forest" in a reading on the Amazon rainforest: the topic and a place's head word.
	const place = words.length >= 2 && PLACE_HEADS.has(last) && words.slice(0, -1).every(topic);
	return party || place || words.every(topic);
}

/** Nouns that only name a side in talks or a meeting: with a topic name before them they add nothing. */
const PARTY_NOUNS = /^(?:participants?|delegations?|delegates?|negotiators?|side|sides|counterparts?|interlocutors?|representatives?|officials?|government|governments|authorities)$/;

/** How many of the document's most used nouns count as what it is about … */
const CENTRAL_NOUNS = 5;
/** … when each makes up this share of its words (a short README's "transaction", "object"). */
const CENTRAL_DENSITY = 0.01;
/** A lone central noun is kept but ranked lower. */
const CENTRAL_QUALITY = 0.5;

/** The document's most used nouns ("transaction", "object", "store" in a README on an IndexedDB wrapper). */
export function centralNouns(heads: Map<string, number>, words: number): Set<string> {
	const nouns = [...heads].filter(([k, n]) => !k.includes(' ') && n >= CENTRAL_DENSITY * words).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	return new Set(nouns.slice(0, CENTRAL_NOUNS).map(([k]) => k));
}

/**
 * A concept answered by one lower-case word that is one of the document's most used nouns ("If a _____ involves a
 * single store …" → transaction, in a README on transactions): the reading is about it, so the card teaches
 * nothing the rest of the deck does not.
 */
export function centralWord(f: Fact, central: ReadonlySet<string>): boolean {
	if (f.answerKind !== 'concept' || f.question || !/^\p{Ll}+$/u.test(f.answer)) return false;
	return central.has(f.answer) || central.has(singular(f.answer));
}

/** A short aside set off by commas that opens with a preposition: ", in the progress of human affairs,", ", as a principle,". */
const ASIDE = /,\s+(?:in|as|at|on|by|with|for|from|of|to|under|through|after|before|during|within|among|without)\s+((?:[^\s,;:()]+\s+){0,5}[^\s,;:()]+),/giu;
/** A concept asked inside such an aside is kept but ranked lower. */
const ASIDE_QUALITY = 0.5;

/**
 * The answer is a common-noun phrase inside a short aside of its sentence ("A time came, in the progress of _____,
 * when …" → human affairs; "Liberty, as a _____, has no application …" → principle): the sentence's fact is
 * told around it, and the aside only frames it.
 */
export function inAside(f: Fact): boolean {
	if (f.answerKind !== 'concept' || !/^\p{Ll}/u.test(f.answer)) return false;
	for (const m of f.info.s.text.matchAll(ASIDE)) if (wholeWordIndexes(m[1] ?? '', f.answer).length > 0) return true;
	return false;
}

/** A common-noun answer of this many words or more … */
const LONG_BLANK_WORDS = 4;
/** … asked only by a cloze is kept but ranked lower. */
const LONG_BLANK_QUALITY = 0.6;

/**
 * The answer is a common-noun phrase of four words or more that no wh-question asks, only a cloze ("The _____ and
 * large modern gas turbines are fairly well matched." → efficiencies of actual large steam cycles): most of the
 * sentence is blanked, and people's answers are shorter. On articles no rule was written for such cards in the top
 * H were credited about a third of the time (docs/generator.md, thirteenth pass: precision).
 */
export function longBlank(f: Fact): boolean {
	return (f.answerKind === 'concept' || f.answerKind === 'quality') && !f.question && pieceCount(f.answer) >= LONG_BLANK_WORDS;
}

/** A common-noun answer with a word the reading uses nowhere else is kept but ranked lower. */
const ONE_USE_QUALITY = 0.6;

/**
 * The answer is a common-noun phrase with a word the document uses only in this sentence ("Gothic architecture is
 * represented in the _____" → majestic churches; "tropical climates yielded _____" → lazy attitudes): a detail of one
 * sentence, not one of the concepts the reading keeps coming back to (issue 9: salience is how often the document
 * uses a concept's words). On every set measured such cards in the top H were credited less than the cards below H.
 */
export function usedOnce(f: Fact, doc: DocStats): boolean {
	if (f.answerKind !== 'concept') return false;
	const words = (f.answer.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w));
	return words.some((w) => (doc.words.get(w) ?? 1) <= 1);
}

export function extractFacts(model: DocModel, rank: RankModel = MODEL, title = ''): Fact[] {
	const facts: Fact[] = [];
	const acronyms = new Set<string>();
	const infos = model.sentences;
	// One parse per usable sentence; the head counts over all of them give each concept its salience.
	const parsed = new Map<SentenceInfo, Clause>();
	const capitalised = capitalisedWords(infos);
	// A sentence too long to quote gives its clauses instead, each read as a sentence (long.ts).
	const parts = new Map<SentenceInfo, SentenceInfo[]>();
	/** A sentence whose adverbial before the subject is moved to its end, read in its place (long.ts `frontedView`). */
	const reordered = new Map<SentenceInfo, SentenceInfo>();
	/** The sentences `usable` as they stand, read once. */
	const quotable = new Set<SentenceInfo>();
	for (const info of infos) {
		const whole = usable(info);
		if (whole) {
			quotable.add(info);
			const clause = analyse(tidy(info.s.text), capitalised);
			const fronted = clause.subject && clause.verb !== null ? null : frontedView(info, capitalised);
			if (fronted) {
				parsed.set(fronted.info, fronted.clause);
				reordered.set(info, fronted.info);
			} else parsed.set(info, clause);
		}
		// A participle phrase after the subject ("X, founded in 1993, is …") is a fact of its own (long.ts).
		const apposed = whole ? appositiveView(info, capitalised) : null;
		for (const p of whole ? (apposed ? [apposed] : []) : longParts(info, capitalised)) {
			parsed.set(p.info, p.clause);
			parts.set(info, [...(parts.get(info) ?? []), p.info]);
		}
	}
	// "… in the city on February 22, 1888": the topic is named for its noun before facts are read (resolveStart), so a
	// sentence that needs only the topic gives its facts (seventeenth pass). Set afresh on every view the extractors
	// read, on every call: a model may be read again under another title.
	const topic = documentTopic(title, infos.map((i) => i.s.text));
	for (const [view, clause] of parsed) view.topic = topic && topicAllowed(topic, clause) ? (text) => withTopic(text, topic, namedOthers(view)) : undefined;
	const heads = headCounts(parsed.values());
	let words = 0;
	for (const c of parsed.values()) words += c.tokens.length;
	const topics = topicWords(title, heads, words);
	const names = topicNames(model.entities.values(), words);
	const sentenceFacts = (info: SentenceInfo, previous: SentenceInfo[]): Fact[] => {
		const own = [...definitionFacts(info), ...peopleFacts(model, info), ...blankFacts(model, info, previous)];
		own.push(...conceptFacts(info, previous, heads, parsed.get(info)), ...reasonFacts(info, previous, parsed.get(info)), ...mannerFacts(info, previous, parsed.get(info)), ...quotedFacts(info, previous), ...predicateFacts(info, previous, parsed.get(info)));
		own.push(...glossFacts(info, parsed.get(info)), ...appositiveDefinitions(info, parsed.get(info)), ...namingFacts(info, previous, parsed.get(info)), ...aimFacts(info, previous));
		// A list gives one card, not one per member (lists.ts).
		return withLists(own, info, previous, model, parsed.get(info));
	};
	for (let i = 0; i < infos.length; i++) {
		const info = infos[i];
		if (!info) continue;
		// An acronym definition is a clear cue even in a sentence too long to quote in a question.
		if (info.tokens.length <= LONG_SENTENCE_WORDS) facts.push(...acronymFacts(info, acronyms));
		// … and so is a person's role in an appositive, in a sentence only its length (a quotation) keeps out.
		if (!quotable.has(info) && usable(info, LONG_SENTENCE_WORDS)) facts.push(...appositiveRoles(info));
		const previous = infos.slice(Math.max(0, i - 2), i);
		for (const view of [...(quotable.has(info) ? [reordered.get(info) ?? info] : []), ...(parts.get(info) ?? [])]) {
			if (!subjectless(parsed.get(view))) facts.push(...sentenceFacts(view, previous.slice(-2)));
			// A later clause of the same sentence may point back to an earlier one ("…; it was …").
			previous.push(view);
		}
	}
	if (topic) for (const f of facts) topicStems(f, topic, parsed.get(f.info));
	const person = documentPerson(title, infos.slice(0, 3).map((i) => i.s.text), model.text);
	if (person) personStems(facts, person, infos);
	// The reading's own title and topic words are what every card is about: asked as an answer ("The _____ is the
	// longest river in Germany" → Rhine, in a deck called Rhine) they are trivial.
	const titleKey = answerKey(title);
	// A term the text defines is asked even when it is the topic: "Which term is used to describe talks … with no
	// official government presence?" → Track II, in a reading on Track II talks, gives nothing away.
	const kept = facts.filter((f) => !NEGATIVE_ANSWER.test(f.answer) && !TYPED_LITERAL.test(f.info.s.text) && (f.key.startsWith('define|') || ((!titleKey || answerKey(f.answer) !== titleKey) && !topical(f.answer, topics, names))));
	const central = centralNouns(heads, words);
	for (const f of kept) if (centralWord(f, central)) f.quality = (f.quality ?? 1) * CENTRAL_QUALITY;
	for (const f of kept) if (inAside(f)) f.quality = (f.quality ?? 1) * ASIDE_QUALITY;
	for (const f of kept) if (longBlank(f)) f.quality = (f.quality ?? 1) * LONG_BLANK_QUALITY;
	const stats = docStats(infos);
	for (const f of kept) if (usedOnce(f, stats)) f.quality = (f.quality ?? 1) * ONE_USE_QUALITY;
	// … but a term the text defines keeps its weight, as it is asked even when it is the topic (above).
	for (const f of kept) if (!f.key.startsWith('define|') && fromTitle(f.answer, title)) f.quality = (f.quality ?? 1) * TITLE_PART_QUALITY;
	scoreFacts(kept, stats, rank);
	// Anyone the document gives the same role is also a right answer: never offer them as distractors.
	const holders = new Map<string, string[]>();
	for (const f of kept) if (f.pair?.group === 'role') holders.set(normaliseKey(f.pair.right), [...(holders.get(normaliseKey(f.pair.right)) ?? []), f.answer]);
	for (const f of kept) if (f.pair?.group === 'role') f.exclude = holders.get(normaliseKey(f.pair.right)) ?? [];
	return kept;
}

/**
 * A fact's stems that "the city" / "the network" kept out, with the reading's topic named instead (context.ts
 * `withTopic`): never in a sentence where the noun modifies another ("The state tree"), which only its parse tells.
 */
function topicStems(f: Fact, topic: Topic, clause: Clause | undefined): void {
	if (!topicAllowed(topic, clause)) return;
	const others = namedOthers(f.info);
	for (const stem of ['question', 'cloze', 'statement'] as const) {
		const text = f[stem];
		const resolved = text ? withTopic(text, topic, others) : null;
		if (resolved) f[stem] = resolved;
	}
}

/** The topic's noun never modifies another noun in the sentence ("The state tree", "the city council"), which only its parse tells. */
function topicAllowed(topic: Topic, clause: Clause | undefined): boolean {
	const t = clause?.tokens;
	return !!t && !t.some((w, i) => w.lower === topic.noun && t[i - 1]?.lower === 'the' && /^(?:NOUN|PROPN)$/.test(t[i + 1]?.pos ?? ''));
}

/** The places and organisations a sentence names: "the city" after one of them may stand for it, not the topic. */
const namedOthers = (info: SentenceInfo): string[] => info.mentions.filter((m) => m.kind === 'place' || m.kind === 'org').map((m) => m.text);

/**
 * In a reading about one person, every fact knows them (cards.ts reads their pronouns in a stem that names them as
 * them), and a stem whose sentence mentions no one before their pronoun gets their name in its place where the sentence
 * before was about them: it mentions them first by name, or by their subject pronoun in a chain that began with their
 * name ("Chopin formed a friendship with Franz Liszt … . In 1835 he obtained French citizenship."). An answer that
 * holds their name keeps its stems: the name put in would give it away.
 */
function personStems(facts: Fact[], person: Person, infos: readonly SentenceInfo[]): void {
	const about = new Set<number>();
	let chain = false;
	for (const info of infos) {
		const first = firstReference(info.s.text, person);
		chain = first === 'name' || (first === 'he' && chain);
		if (chain) about.add(info.s.index);
	}
	for (const f of facts) {
		f.person = person;
		if (!about.has((f.info.whole ?? f.info.s).index - 1) || person.names.some((n) => f.answer.includes(n))) continue;
		// The sentence itself, not the stem, must mention no one before the pronoun: a blank may hide a name.
		const first = firstReference(f.info.s.text, person);
		if (first !== 'he' && first !== 'his') continue;
		for (const stem of ['question', 'cloze', 'statement'] as const) {
			const text = f[stem];
			const resolved = text && contextNeed(spokenOf(text, person, f.answerKind === 'person')) !== null ? withPerson(text, person, f.answerKind === 'person') : null;
			if (resolved) f[stem] = resolved;
		}
	}
}

/** Kinds whose distractors come from the other facts' answers (the document's own terms, concepts, reasons). */
const POOLED_KINDS = new Set<AnswerKind>(['term', 'acronym', 'expansion', 'concept', 'cause', 'purpose', 'means']);

/**
 * A line that opens with a verb in the third person ("Returns the difference …", "Allows patch-level changes
 * if …"): an API reference or a list item whose subject is a heading the sentence does not carry.
 */
function subjectless(c: Clause | undefined): boolean {
	const first = c?.tokens[0];
	const next = c?.tokens[1];
	if (!first || !next || !/[^s]s$/.test(first.lower)) return false;
	// The tagger may read the verb as a plural noun ("Returns/NOUN the difference"); a plural noun is not
	// followed by a determiner, "if" or a pronoun, a verb is.
	return (first.pos === 'VERB' && first.lower !== first.lemma) || (first.pos === 'NOUN' && (next.pos === 'DET' || next.pos === 'SCONJ' || next.pos === 'PRON'));
}

/**
 * Words the document capitalises inside a sentence (names, nationalities): a question keeps their capital, unless
 * the document also writes the word in lower case and capitalises it only inside a longer name (nlp.ts
 * `CapitalisedWords`).
 */
function capitalisedWords(infos: SentenceInfo[]): CapitalisedWords {
	const named = new Set<string>();
	const alone = new Set<string>();
	const lower = new Set<string>();
	const capital = (t: { text: string } | undefined) => !!t && /^\p{Lu}/u.test(t.text);
	for (const info of infos) {
		info.tokens.forEach((t, i) => {
			if (i === 0 || FUNCTION_WORDS.has(t.lower)) return;
			if (!/^\p{Lu}\p{Ll}/u.test(t.text)) {
				if (/^\p{Ll}/u.test(t.text)) lower.add(t.lower);
				return;
			}
			const next = info.tokens[i + 1];
			const inName = capital(info.tokens[i - 1]) || capital(next) || next?.lower === 'of';
			(inName ? named : alone).add(t.lower);
		});
	}
	return new CapitalisedWords([...alone, ...named], new Set([...alone, ...[...named].filter((w) => !lower.has(w))]));
}

/** Uses in lower case that make a name's last word a common word of the text, not a surname. */
const COMMON_WORD_USES = 3;

/**
 * "Maria Fold" read as a person in a text that writes "fold" as a common word again and again: a feature's name,
 * not a person's, and absurd among geologists. A person's surname is seldom a common word of the same text.
 */
export function commonLastWord(name: string, lower: ReadonlyMap<string, number>): boolean {
	const words = name.split(/\s+/);
	const last = words[words.length - 1]?.toLowerCase() ?? '';
	return words.length >= 2 && (lower.get(last) ?? 0) >= COMMON_WORD_USES;
}

export function candidates(models: DocModel[], facts: Fact[]): Candidates {
	const byKind = new Map<AnswerKind, Map<string, number>>();
	const add = (kind: AnswerKind, text: string, weight: number) => {
		const m = byKind.get(kind) ?? new Map<string, number>();
		m.set(text, (m.get(text) ?? 0) + weight);
		byKind.set(kind, m);
	};
	for (const model of models) {
		for (const e of model.entities.values()) if (e.kind !== 'name' && !(e.kind === 'person' && commonLastWord(e.text, model.lowerUses))) add(e.kind, e.text, e.count + (e.text.includes(' ') ? 1 : 0));
		for (const info of model.sentences) for (const m of info.mentions) if (m.kind === 'date' || m.kind === 'year' || m.kind === 'number') add(m.kind, m.text, 1);
	}
	for (const f of facts) {
		if (POOLED_KINDS.has(f.answerKind)) add(f.answerKind, f.answer, 1);
		if (f.pair?.group === 'role') add('role', f.pair.right, 1);
		// "American Sign Language (ASL)": an acronym the document expands into a name without an organisation's head
		// word is no organisation to offer beside "CBS" or "NFL".
		if (f.pair?.group === 'acronym' && !ORG_HEADS.has(f.pair.right.split(/\s+/).at(-1)?.toLowerCase() ?? '')) byKind.get('org')?.delete(f.pair.left);
	}
	const out: Candidates = new Map();
	for (const [kind, m] of byKind) {
		out.set(kind, [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CANDIDATES_PER_KIND).map(([t]) => t));
	}
	return out;
}

/** 80 % of a statement's content words in a sentence naming the swapped name: the document says much the same of it. */
const PAIR_SHARE = 0.8;
/** Sentences kept per name for that check: bounded, so the cost stays linear in the text. */
const PAIR_SENTENCES = 50;

/**
 * What the documents state, indexed once: every mention's sentences by normalised text, and the sentences'
 * statement keys (built on first use). Each check then costs the few sentences naming one name, never a scan
 * of the whole text, so a 5 MB document stays linear.
 */
function knowledge(models: DocModel[]): Knowledge {
	let keys: Set<string> | null = null;
	const where = new Map<string, string[]>();
	for (const m of models) {
		for (const info of m.sentences) {
			for (const mention of info.mentions) {
				const k = normaliseKey(mention.text.replace(/^the\s+/i, ''));
				const list = where.get(k) ?? [];
				if (list.length < PAIR_SENTENCES && list[list.length - 1] !== info.s.text) list.push(info.s.text);
				where.set(k, list);
			}
		}
	}
	return {
		states(statement) {
			if (!keys) {
				keys = new Set<string>();
				for (const m of models) for (const info of m.sentences) keys.add(statementKey(tidy(info.s.text)));
			}
			return keys.has(statementKey(statement));
		},
		names: (text) => where.has(normaliseKey(text)),
		pairs(swapped, statement) {
			const words = [...new Set(statement.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [])];
			if (!words.length) return false;
			for (const sentence of where.get(normaliseKey(swapped)) ?? []) {
				const lower = sentence.toLowerCase();
				if (words.filter((w) => lower.includes(w)).length >= PAIR_SHARE * words.length) return true;
			}
			return false;
		}
	};
}

/**
 * Deck size from content (issue 9): one card per distinct fact, counting no answer more than twice and no
 * sentence more than three times, bounded by one card per ten words so a repetitive text does not flood the
 * deck, and at least one card per sixteen words where the text has them (a fact's second card, a third fact of
 * a sentence). The top of the deck stays at two per sentence (rank.ts); the third facts of dense sentences come
 * after it, so the whole reading is covered.
 */
/** Best fact first; ties by key, so the order is deterministic. */
const byWeight = (a: Fact, b: Fact): number => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function deckSize(facts: Fact[], words: number): number {
	const perAnswer = new Map<string, number>();
	const perSentence = new Map<string, number>();
	let n = 0;
	for (const f of [...facts].sort(byWeight)) {
		const a = answerKey(f.answer);
		const s = `${f.info.s.doc}|${(f.info.whole ?? f.info.s).start}`;
		if ((perAnswer.get(a) ?? 0) >= 2 || (perSentence.get(s) ?? 0) >= 3) continue;
		perAnswer.set(a, (perAnswer.get(a) ?? 0) + 1);
		perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
		n++;
	}
	return Math.max(5, Math.min(Math.max(n, Math.round(words / WORDS_PER_CARD_MAX)), Math.round(words / WORDS_PER_CARD_MIN)));
}

export function generateDeck(docs: GenerateDoc[], options: GenerateOptions = {}): DeckFile {
	const seed = options.seed ?? 'factdeck';
	const report = options.onProgress ?? (() => {});
	const sources: SourceDocument[] = docs.map((d) => ({ id: d.id, title: d.title, text: cleanText(d.text) }));
	const models: DocModel[] = [];
	sources.forEach((s, i) => {
		report({ stage: 'reading', done: i, total: sources.length });
		models.push(buildModel(s.id, s.text));
	});
	const facts: Fact[] = [];
	models.forEach((m, i) => {
		report({ stage: 'facts', done: i, total: models.length });
		facts.push(...extractFacts(m, options.rankModel, sources[i]?.title ?? ''));
	});
	const pool = candidates(models, facts);
	const known = knowledge(models);
	const words = models.reduce((n, m) => n + m.words, 0);
	// Sorted once: deckSize sorts its copy again, which costs a single pass on a sorted list (the sort is stable).
	const ranked = [...facts].sort(byWeight);
	const max = options.maxCards ?? deckSize(ranked, words);
	// A card's score is its fact's weight times at most 1, so only the best facts can reach the cut: making
	// cards (distractors, ids) for the rest would be wasted work on a long text.
	const best = ranked.slice(0, max * 2 + 40);
	const cards: { card: Card; fact: string }[] = [];
	best.forEach((f, i) => {
		if (i % 500 === 0) report({ stage: 'cards', done: i, total: best.length });
		for (const card of factCards(f, pool, known, seed)) cards.push({ card, fact: f.key });
	});
	const groups = [...matchingCards(facts), ...orderingCards(facts)];
	for (const card of groups) cards.push({ card, fact: card.id });
	const title = options.title?.trim() || docs[0]?.title?.trim() || 'Untitled deck';
	report({ stage: 'done', done: 1, total: 1 });
	return {
		format: DECK_FORMAT,
		version: DECK_VERSION,
		id: slugify(title),
		title,
		description: `Generated from ${docs.length === 1 ? 'one document' : `${docs.length} documents`}.`,
		createdAt: options.now ?? '1970-01-01T00:00:00.000Z',
		sources,
		cards: rankCards(cards, options.maxCards ?? max + groups.length, sources)
	};
}
