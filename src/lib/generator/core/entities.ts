/**
 * The document model: sentences with tokens and mentions, and one registry of named entities whose kind is
 * decided from every place the name occurs (a title, an appositive role, a speech verb, an organisation or
 * place head word). A surname alone ("Schwab") joins the full name it abbreviates.
 */
import { COUNTRY_HEADS, EVENT_HEADS, FUNCTION_WORDS, GIVEN_NAMES, ORG_HEADS, PERSON_TITLES, PLACE_HEADS, PLACES, ROLE_NOUNS, ROUTE_NUMBER, SPEECH_VERBS, THING_ACRONYMS } from './lexicon';
import { rarity } from './features';
import { findMentions, tokenize, type Kind, type Mention, type Token } from './mentions';
import { segment, type Sentence } from './segment';

export interface Entity {
	key: string;
	text: string;
	kind: Kind;
	count: number;
}

export interface SentenceInfo {
	s: Sentence;
	tokens: Token[];
	mentions: Mention[];
	/** For a clause of a long sentence read as a sentence of its own (long.ts): the whole sentence, which cards quote. */
	whole?: Sentence;
	/**
	 * In a reading that opens by naming its topic ("Jacksonville is the most populous city …"), the text with the
	 * topic's name put in for "the city" where the sentence allows it (context.ts `withTopic`), or null: set by
	 * extractFacts, read by clause.ts `resolveStart`, so a sentence that needs only the topic gives its facts.
	 */
	topic?: (text: string) => string | null;
}

export interface DocModel {
	id: string;
	text: string;
	sentences: SentenceInfo[];
	entities: Map<string, Entity>;
	words: number;
	/** lower case word → how often the text writes it in lower case ("fold" in a text on folds) */
	lowerUses: Map<string, number>;
}

const TITLE_LIKE = new Set([...PERSON_TITLES, ...ROLE_NOUNS]);
const SAINT = new Set(['saint', 'st']);
/** "archeologist", "journalist", "physician", "librarian": a word for what a person does. */
const AGENT_NOUN = /^\p{Ll}{3,}(?:ist|ician|arian)$/u;
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'new', 'upper', 'lower', 'central', 'great']);

export const entityKey = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").replace(/^the /, '').replace(/\s+/g, ' ');

/** "… Weapons| of Mass Destruction", "… Track| 2 program": the name goes on after "of" with a capital, or with its number. */
const CUT_AT_OF = /^\s+(?:of\s+\p{Lu}|\d+\s+\p{Ll})/u;
/**
 * A name joined by a connector that goes on with "the" and a capital. ("Institute for Disarmament and Peace" is
 * read whole, mentions.ts `andTail`; "University of Washington and Stanford University" is two names.)
 */
const JOINED = /\s(?:for|on|of)\s/;
const CUT_AFTER_JOIN = /^\s+the\s+\p{Lu}/u;
/** "Weapons of |Mass Destruction": a name of no known kind right after a capitalised word and "of" is its tail (a place stays: "Republic of Korea" → Korea). */
const TAIL_AFTER_OF = /\p{Lu}\p{L}*\s+of\s+$/u;

/**
 * A name that is only the front of a longer one ("Study Group on Countering Weapons" of "… of Mass
 * Destruction", "William" of "William of Normandy", "Carnegie Corporation Track" of "… Track 2 program") is neither asked nor offered: once the document cuts it so,
 * the entity goes. A person's name stays ("Anna Berg of Uppsala University" names where she works).
 */
function dropFragments(infos: SentenceInfo[], entities: Map<string, Entity>): void {
	const cut = new Set<string>();
	for (const info of infos) {
		for (const m of info.mentions) {
			if (m.kind !== 'name' && m.kind !== 'org' && m.kind !== 'place') continue;
			const after = info.s.text.slice(m.end);
			const tail = m.kind === 'name' && TAIL_AFTER_OF.test(info.s.text.slice(0, m.start));
			const joined = JOINED.test(m.text) && CUT_AFTER_JOIN.test(after);
			if (tail || joined || CUT_AT_OF.test(after)) cut.add(entityKey(m.text));
		}
	}
	if (cut.size === 0) return;
	for (const key of cut) entities.delete(key);
	for (const info of infos) {
		const kept: Mention[] = [];
		for (const m of info.mentions) {
			if (m.kind === 'person' || !cut.has(entityKey(m.text))) {
				kept.push(m);
				continue;
			}
			// An organisation's own name inside the fragment stays: "Carnegie Corporation" of "Carnegie Corporation Track".
			const org = orgPrefix(m.text);
			// Not where the name goes on with a connector: "Study Group" of "Study Group on Countering Weapons".
			if (!org || /^\s+(?:of|for|on)\s/.test(m.text.slice(org.length))) continue;
			kept.push({ ...m, text: org, end: m.start + org.length, kind: 'org' });
			const key = entityKey(org);
			const e = entities.get(key) ?? { key, text: org, kind: 'org', count: 0 };
			e.count++;
			entities.set(key, e);
		}
		info.mentions = kept;
	}
}

/** The name up to its last organisation head word before the end ("Carnegie Corporation Track" → "Carnegie Corporation"), or null. */
export function orgPrefix(text: string): string | null {
	const words = text.split(' ');
	for (let i = words.length - 2; i >= 1; i--) if (ORG_HEADS.has((words[i] ?? '').toLowerCase())) return words.slice(0, i + 1).join(' ');
	return null;
}

/** Kind from the words of a name alone. */
const DOCUMENT_HEAD = /^(?:regulation|regulations|directive|directives|treaty|charter|act|convention|protocol|declaration|constitution|statute|code|accord|agreement)$/;

/** Buildings people travel to or gather in: "… Airport", "Central Station", "Harvard Stadium". */
const VENUES = 'airport|station|stadium';
/** Head words of places often named after a person ("George IV Bridge", "Albert Square"), never a surname. */
const NAMED_PLACE_HEAD = new RegExp(`^(?:bridge|street|avenue|square|road|boulevard|gardens|palace|cathedral|abbey|memorial|${VENUES})$`);

export function structuralKind(text: string): Kind {
	const words = text.split(/\s+/);
	const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
	const first = lower[0] ?? '';
	const last = lower[lower.length - 1] ?? '';
	if (words.length === 1 && /^[IVXLC]+$/.test(words[0] ?? '')) return 'name';
	// A thing's acronym ("GDP", "DVD") or a road's number ("A696") names no body.
	if (words.length === 1 && (THING_ACRONYMS.has(/^(\p{Lu}[\p{Lu}\d]+)s?$/u.exec(words[0] ?? '')?.[1] ?? '') || ROUTE_NUMBER.test(words[0] ?? ''))) return 'name';
	if (words.length === 1 && /^(\p{Lu}[\p{Lu}\d&.]+)s?$/u.test(words[0] ?? '')) return PLACES.has(last.replace(/\./g, '')) ? 'place' : 'org';
	// "Director of the … Project" is a role, not an organisation: never an answer on its own.
	if (TITLE_LIKE.has(first) && /^(of|at|for)$/.test(lower[1] ?? '')) return 'name';
	// "Free Movement of Workers Regulation", "Social Charter": a document named after what it rules on is no body.
	if (words.length >= 2 && DOCUMENT_HEAD.test(last)) return 'name';
	if (ORG_HEADS.has(last) || (words.length >= 3 && lower.some((w) => ORG_HEADS.has(w)))) return 'org';
	// "George IV Bridge", "Victoria Street": a place named after a person, by its head word.
	if (words.length >= 2 && NAMED_PLACE_HEAD.test(last)) return 'place';
	if (words.length >= 2 && words.length <= 4 && GIVEN_NAMES.has(first)) return 'person';
	if (PLACE_HEADS.has(last) || (PLACE_HEADS.has(first) && lower.includes('of'))) return 'place';
	if (PLACES.has(lower.join(' ')) || (PLACES.has(last) && words.length <= 3 && DIRECTIONS.has(first))) return 'place';
	if (words.length >= 2 && words.length <= 4 && GIVEN_NAMES.has(first)) return 'person';
	return 'name';
}

/**
 * "Professor George Schwab" → George Schwab; "Vice Foreign Minister Kim Gye Gwan" → Kim Gye Gwan;
 * "Assistant Secretary of State Christopher Hill" → Christopher Hill. Null when no title leads the name.
 */
const NOT_A_NAME_HEAD = /^(?:license|licence|act|law|treaty|protocol|bible|version|edition|translation|theorem|theory|principle|agreement|convention|code|standard|doctrine|rule|amendment|plan|program|programme|project|report|assembly|court|fund)$/i;

/** Places people go, not people: the head of a name like "… Executive Airport". */
const FACILITY = new RegExp(`^(?:${VENUES}|terminal|arena|hall|tower|building|centre|center|theatre|theater|hotel|mall|market|plaza)$`, 'i');

export function splitTitle(m: Mention): Mention | null {
	const words = [...m.text.matchAll(/\S+/g)];
	let lastTitle = -1;
	words.forEach((w, i) => {
		const word = w[0].toLowerCase().replace(/\.$/, '');
		// An occupation before the name: a known role, or an agent noun ("Archeologist Betty Meggers").
		// "Saint Evroul", "St Albans": a saint's name is the whole name of the place or church called after them.
		if ((TITLE_LIKE.has(word) && !SAINT.has(word)) || (i < words.length - 2 && AGENT_NOUN.test(word))) lastTitle = i;
	});
	// "Richard Dean Adams": a run that opens with a given name is the person's own names, "Dean" among them.
	if (lastTitle < 0 || lastTitle === words.length - 1 || GIVEN_NAMES.has(words[0]?.[0].toLowerCase() ?? '')) return null;
	let rest = words.slice(lastTitle + 1);
	// "Prime Minister of Canada William Lyon Mackenzie King": after the title's place a given name opens the name.
	const given = rest[0]?.[0] === 'of' ? rest.findIndex((w, j) => j >= 2 && GIVEN_NAMES.has(w[0].toLowerCase())) : -1;
	// Without a given name the last two words are the name only if one is no common word: "Director of Flight Crew
	// Operations" is a title that runs to its end, and "Crew Operations" no one.
	const guessed = rest.slice(-2);
	if (rest[0]?.[0] === 'of') rest = given > 0 && rest.length - given <= 4 ? rest.slice(given) : rest.length >= 4 && guessed.some((w) => rarity(w[0]) === 1) ? guessed : [];
	// "Count de Niebla" is a title of place, not a person called "de Niebla": a name starts with a capital.
	if (rest.length === 0 || rest.length > (given > 0 ? 4 : 3) || !/^\p{Lu}/u.test(rest[0]?.[0] ?? '') || rest.some((w) => /^(of|for|on|the)$/.test(w[0]) || ORG_HEADS.has(w[0].toLowerCase()))) return null;
	const name = rest.map((w) => w[0]).join(' ');
	if (structuralKind(name) === 'org' || structuralKind(name) === 'place') return null;
	// "IPCC Special Reports", "Fresno Chandler Executive Airport": one common word in the plural, or a facility, is
	// the end of a name, not a person after a title.
	if (rest.length === 1 && (FACILITY.test(name) || (/[^su]s$/.test(name) && rarity(name) < 1 && rarity(name.slice(0, -1)) < 1))) return null;
	// "GNU General Public License", "Attorney General Act": a name ending in a law's or a document's head word
	// is no person with a title; nor is one ending in a book's ("King James Bible", "… Version").
	if (NOT_A_NAME_HEAD.test(rest[rest.length - 1]?.[0] ?? '')) return null;
	const start = m.start + (rest[0]?.index ?? 0);
	return { start, end: m.end, text: m.text.slice(start - m.start), kind: 'person', title: m.text.slice(0, start - m.start).trim() };
}

/** Words that qualify a role in a title after a name: "Executive Director", "Deputy Chief", "Vice President". */
const ROLE_QUALIFIERS = new Set(['executive', 'senior', 'deputy', 'vice', 'assistant', 'associate', 'chief', 'managing', 'acting', 'general']);

/**
 * A title after a name, as a staff list writes it: "Karin Lee Executive Director" → Karin Lee. Only where a role
 * word ends the run and a given name opens it, so "General Motors" or "Bank Director" stay as they are.
 */
export function trailingTitle(m: Mention): Mention | null {
	const words = m.text.split(' ');
	let cut = words.length;
	while (cut > 2 && (TITLE_LIKE.has((words[cut - 1] ?? '').toLowerCase()) || ROLE_QUALIFIERS.has((words[cut - 1] ?? '').toLowerCase()))) cut--;
	if (cut === words.length || !ROLE_NOUNS.has((words[words.length - 1] ?? '').toLowerCase()) || !GIVEN_NAMES.has((words[0] ?? '').toLowerCase())) return null;
	const text = words.slice(0, cut).join(' ');
	return { start: m.start, end: m.start + text.length, text, kind: 'person', title: words.slice(cut).join(' ') };
}

const APPOSITIVE_ROLE = new RegExp(`^,\\s+(?:(?:a|an|the|former|previously|then|now|senior|deputy|vice|executive|co-)\\s*)*(${[...ROLE_NOUNS].join('|')})\\b`, 'i');

/** A preposition of place or belonging right before a name ("in", "at the", "of"). */
const PLACE_BEFORE = /\b(?:in|at|of|from|near|for|on)\s+(?:the\s+)?$/i;

/** Evidence from the words around a name that it is a person. */
function personCue(sentence: string, m: Mention): boolean {
	const after = sentence.slice(m.end, m.end + 80);
	const before = sentence.slice(Math.max(0, m.start - 30), m.start);
	const nextWord = /^,?\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(after)?.[1] ?? '';
	// "…, a researcher at the Academy of Sciences in San Francisco, writes that …": a place or body after a
	// preposition closes the appositive; the writer is named before it.
	if (SPEECH_VERBS.has(nextWord) && !(after.startsWith(',') && PLACE_BEFORE.test(before))) return true;
	if (APPOSITIVE_ROLE.test(after)) return true;
	const prevWord = /(\p{Ll}+)\s+$/u.exec(before)?.[1] ?? '';
	if (TITLE_LIKE.has(prevWord) || SPEECH_VERBS.has(prevWord)) return true;
	return false;
}

/**
 * "United States Census", "Paris Commission": a name that opens with a country or a city (one or two words, or a
 * country's head word second) is a body or a thing of that place, not a person, unless a given name opens it
 * ("Georgia O'Keeffe").
 */
function placeFirst(key: string): boolean {
	const [first = '', second = ''] = key.split(' ');
	if (GIVEN_NAMES.has(first)) return false;
	return PLACES.has(first) || PLACES.has(`${first} ${second}`) || COUNTRY_HEADS.has(second);
}

export function buildModel(id: string, text: string): DocModel {
	const sentences = segment(id, text);
	const tokenLists = sentences.map((s) => tokenize(s.text));
	const lowerUses = new Map<string, number>();
	// Words the text capitalises inside a sentence: a first word that is not among them is no name.
	const capitalVocab = new Set<string>();
	// … and those of them it writes after an uncapitalised or a function word: where a name starts ("a Zelda game", "The
	// GameCube was …", not "Virgin Media").
	const nameStarts = new Set<string>();
	let words = 0;
	for (const list of tokenLists) {
		words += list.length;
		list.forEach((t, i) => {
			if (/^\p{Ll}/u.test(t.text)) lowerUses.set(t.lower, (lowerUses.get(t.lower) ?? 0) + 1);
			else if (i > 0 && /^\p{Lu}/u.test(t.text)) {
				capitalVocab.add(t.lower);
				const before = list[i - 1];
				if (!before || !/^\p{Lu}/u.test(before.text) || FUNCTION_WORDS.has(before.lower)) nameStarts.add(t.lower);
			}
		});
	}
	const lowerVocab: ReadonlySet<string> = new Set(lowerUses.keys());
	const infos: SentenceInfo[] = sentences.map((s, i) => {
		const tokens = tokenLists[i] ?? [];
		const mentions = findMentions(s.text, tokens, lowerVocab, capitalVocab, nameStarts).map((m) => (m.kind === 'name' ? (splitTitle(m) ?? trailingTitle(m) ?? m) : m));
		return { s, tokens, mentions };
	});
	const entities = new Map<string, Entity>();
	const cues = new Set<string>();
	const located = new Set<string>();
	// How often a name directly follows "the": "the United States", "the St. Johns River"; a person's name never does.
	const afterThe = new Map<string, number>();
	const singles: Entity[] = [];
	for (const info of infos) {
		for (const m of info.mentions) {
			if (m.kind !== 'name' && m.kind !== 'person') continue;
			const key = entityKey(m.text);
			const e = entities.get(key) ?? { key, text: m.text.replace(/^the\s+/i, ''), kind: structuralKind(m.text.replace(/^the\s+/i, '')), count: 0 };
			e.count++;
			if (m.kind === 'person' || personCue(info.s.text, m)) cues.add(key);
			const before = info.s.text.slice(Math.max(0, m.start - 10), m.start);
			if (/\b(?:in|near)\s+(?:the\s+)?$/i.test(before)) located.add(key);
			if (/\bthe\s+$/i.test(before)) afterThe.set(key, (afterThe.get(key) ?? 0) + 1);
			entities.set(key, e);
		}
	}
	// "the University of Michigan in Ann Arbor": a given name's look-alike that things are in, and that nothing marks
	// as a person, is a place.
	for (const e of entities.values()) if (e.kind === 'person' && located.has(e.key) && !cues.has(e.key)) e.kind = 'place';
	// A cue makes a person only of a name that looks like one: two or more words, or a known given name.
	// "BSkyB said" or "Sky announced" is an organisation speaking, so a single unknown word stays unknown.
	for (const e of entities.values()) {
		if (e.kind !== 'name' || !cues.has(e.key) || /^\p{Lu}+$/u.test(e.text) || /\p{Ll}\p{Lu}/u.test(e.text)) continue;
		// "The Social Charter declares …": a first word the text also writes in lower case ("social policy")
		// is an ordinary word, not a given name.
		const first = e.key.split(' ')[0] ?? '';
		// "two deputy Prime Ministers": a name that ends in a role noun is the role, unless a given name opens it.
		const last = e.key.split(' ').at(-1) ?? '';
		const role = !GIVEN_NAMES.has(first) && (ROLE_NOUNS.has(last) || (last.endsWith('s') && ROLE_NOUNS.has(last.slice(0, -1))));
		// "the world famous Safari Rally", "the Hoppings fair": a name that ends in an event's head word is the event.
		const event = !GIVEN_NAMES.has(first) && EVENT_HEADS.has(last);
		if (e.key.includes(' ') && !role && !event && !placeFirst(e.key) && (GIVEN_NAMES.has(first) || !lowerVocab.has(first))) e.kind = 'person';
		else if (GIVEN_NAMES.has(e.key)) e.kind = 'person';
		else if (!e.key.includes(' ')) singles.push(e);
	}
	// Surnames: "Schwab" is the "George Schwab" of the same document, unless two people share it.
	const surnames = new Map<string, Entity | null>();
	for (const e of entities.values()) {
		const parts = e.key.split(' ');
		if (e.kind !== 'person' || parts.length < 2) continue;
		const last = parts[parts.length - 1] ?? '';
		surnames.set(last, surnames.has(last) ? null : e);
	}
	// A single cued word becomes a person only as the surname of a full name the document gives.
	for (const e of singles) if (surnames.get(e.key)) e.kind = 'person';
	for (const e of entities.values()) {
		const full = surnames.get(e.key);
		if (full && e.kind !== 'org' && e.kind !== 'place') {
			e.kind = 'person';
			full.count += e.count;
		}
	}
	// "In 1821 the United States said …": a cue does not make a person of a name the text mostly writes after "the".
	for (const e of entities.values()) if (e.kind === 'person' && (afterThe.get(e.key) ?? 0) * 2 > e.count) e.kind = located.has(e.key) ? 'place' : 'name';
	for (const info of infos) for (const m of info.mentions) if (m.kind === 'name') m.kind = entities.get(entityKey(m.text))?.kind ?? 'name';
	dropFragments(infos, entities);
	return { id, text, sentences: infos, entities, words, lowerUses };
}
