/**
 * Facts → cards. Each fact offers the card types its wordings allow; every card carries the fact's
 * sentence as its source and an id hashed from the card type and the fact's key (stable across runs).
 */
import { cardId } from '../../domain/ids';
import type { Card, CardSource } from '../../domain/types';
import { codePointBefore, danglingStart, occurrences, replaceOnce } from './clause';
import { balancedQuotes } from './blanks';
import { selfContained, spokenOf } from './context';
import { pickDistractors, type Candidates } from './distractors';
import type { Fact } from './fact';
import { mulberry32, shuffled } from '../../domain/random';
import { hash32 } from './rng';
import { rarity } from './features';
import { PERSON_NOUNS, SMALL_NUMBER_WORDS } from './lexicon';

/** How much each type is worth when the fact is equally good: a real question beats a blank. */
export const TYPE_FACTOR = { basic: 1, mcq: 0.97, cloze: 0.93, truefalse: 0.85, matching: 0.82, ordering: 0.8 } as const;
/**
 * Stems that give the answer away or end mid-phrase: a blank right before its own bracketed abbreviation or
 * inside a bracketed conversion ("in the form of _____ (CO 2)", "1,230 kilometres (_____ miles)"), a name's
 * blank before its number ("_____ 1 was the network"), half of a word joined by a slash, semicolon or dot ("the
 * NCAFP/_____ events", "job._____"), a question cut after an article or a conjunction (a
 * question may end on its preposition: "What does NCAFP stand for?"), a single letter ("the _____. pestis" — Y,
 * "vitamin _____ receptor" — D: a piece of a name or a symbol, never what the sentence teaches), the margin of an
 * estimate ("0.62 ± _____").
 */
export function givenAway(stem: string, answer = ''): boolean {
	return /_{5}\s*\(|\([^)"“]*_{5}|_{5}\s+\d/u.test(stem) || gluedHalf(stem) || CONVERTED.test(stem) || /\b(?:the|a|an|and|or|of the)\?$/i.test(stem) || countsList(stem, answer) || fixedPhrase(stem, answer) || pairGiven(stem, answer) || sharedHeadCut(stem, answer) || RELATIVE_TIME.test(stem) || /^\p{L}$/u.test(answer) || /±\s*_{5}/.test(stem) || acronymInside(stem, answer) || genericPerson(stem, answer) || genusCut(stem, answer) || (/^(?:two|2)(?:\s+[\p{L}-]+){0,2}$/iu.test(answer) && BETWEEN_BLANK.test(stem));
}

/** "the rivalry between the _____ schools" — two, "… between the _____" — two schools: "between" says the count is two. */
const BETWEEN_BLANK = /\bbetween\s+(?:the\s+)?_{5}/i;

/** A lower-case word straight after the blank that reads as a Latin species name: no English word, a Latin ending. */
const SPECIES_AFTER_BLANK = /_{5}\s+(\p{Ll}+(?:is|us|um|ae|ii|i|a))\b(?!-)/u;

/**
 * "caused by _____ pestis" — Yersinia, "Bathyctena chuni, _____ stationis and …" — Euplokamis: a one-word name
 * before a Latin species word is the genus of a binomial, and the blank cuts the name in two.
 */
function genusCut(stem: string, answer: string): boolean {
	const species = /^\p{Lu}\p{Ll}{2,}$/u.test(answer) ? SPECIES_AFTER_BLANK.exec(stem)?.[1] : undefined;
	return species !== undefined && rarity(species) === 1;
}

/**
 * Fixed phrases of English, by their preposition: a blank that completes one ("doesn't know in _____ which
 * methods …" → advance) asks the idiom, not the reading.
 */
const FIXED_PHRASES = new Map<string, ReadonlySet<string>>([
	['in', new Set('advance practice principle part turn general particular effect fact full detail short sum brief total return addition contrast response order time place common person public private favour favor'.split(' '))],
	['at', new Set('least most all once random first last times large length hand'.split(' '))],
	['by', new Set('default far hand chance accident mistake definition design contrast'.split(' '))],
	['on', new Set('average purpose time behalf demand hold top whole'.split(' '))],
	['for', new Set('example instance good sure free now'.split(' '))]
]);

const FIXED_NOUNS = new Set([...FIXED_PHRASES.values()].flatMap((nouns) => [...nouns]));

/** The blank, right after its preposition, is the noun of a fixed phrase ("in _____" → advance). */
export function fixedPhrase(stem: string, answer: string): boolean {
	// Cheap tests first: this runs on every stem of a 1 MB text, and a pattern that searches the whole stem for the
	// word before the blank backtracks on every word.
	const noun = answer.toLowerCase();
	const at = stem.indexOf('_____');
	if (at < 0 || !FIXED_NOUNS.has(noun)) return false;
	const before = /(\p{L}+)\s+$/u.exec(stem.slice(Math.max(0, at - 24), at))?.[1]?.toLowerCase() ?? '';
	return FIXED_PHRASES.get(before)?.has(noun) ?? false;
}

/**
 * "A _____ who has opted into using a prerelease version …" → user: a lone word for people before the relative
 * clause that says who they are; the clause, not the word, is the fact, and anyone fits the blank.
 */
export function genericPerson(stem: string, answer: string): boolean {
	return PERSON_NOUNS.has(answer) && /_{5}\s+who\b/.test(stem);
}

/**
 * "What states that, with sedimentary rocks, if inclusions are found in a formation?": a "that" clause opened by an
 * aside runs past where a question's predicate is cut, so the question ends inside it (the cloze keeps it whole).
 */
const INTERRUPTED_THAT = /\bthat,/;
/**
 * "Who argues that if it is necessary to disobey rules that conflict with morality?", "Who says that towards the end
 * of his life?": a subordinate clause or a phrase opening the "that" clause, with no comma after it before the
 * question mark, lost its main clause where the question was cut.
 */
const CUT_CONDITIONAL = /\bthat\s+(?:if|when|whenever|while|although|though|because|since|unless|once|towards?|in|on|at|by|after|before|during|for|from|with|under|over|until|within|without|through|throughout|despite|following)\b[^,]*\?$/;

/** Words of a relation that holds between two things: "isomorphic", "each other", "the same". */
const PAIRED = /\b(?:each other|one another|isomorphic|identical|equivalent|the same)\b/i;

/** "determining whether _____ finite graphs are isomorphic" → two: the relation in the stem gives the count away. */
export function pairGiven(stem: string, answer: string): boolean {
	return /^(?:two|2)$/i.test(answer) && PAIRED.test(stem);
}

/**
 * "_____ days later, the FBI ordered …", "signed _____ years later": a time counted from what the page said before;
 * the count means nothing on the card (later than what?).
 */
const RELATIVE_TIME = /_{5}\s+(?:days?|weeks?|months?|years?|hours?|minutes?|decades?|centuries|century)\s+(?:later|earlier|afterwards?)\b/i;

/**
 * "Chloroplasts have their own _____, often abbreviated as ctDNA, or cpDNA" — DNA: an acronym answer that the stem
 * spells inside a longer word.
 */
function acronymInside(stem: string, answer: string): boolean {
	if (!/^\p{Lu}{2,}$/u.test(answer)) return false;
	const text = stem.replace('_____', ' ');
	for (let i = text.indexOf(answer); i >= 0; i = text.indexOf(answer, i + 1)) {
		if (glued(text.codePointAt(i + answer.length)) || glued(codePointBefore(text, i))) return true;
	}
	return false;
}

/** A letter or a digit 0–9 (the code point of a character next to a word; undefined at either end of the text). */
const glued = (code: number | undefined): boolean => code !== undefined && GLUED.test(String.fromCodePoint(code));
const GLUED = /^[\p{L}\d]$/u;

/** A list that starts at the blank: "_____, Samarkand, Urgench and Kiev", "_____, Samarkand, Kiev among others". */
const LIST_FROM_BLANK = /_{5},\s+[^,;:]+(?:,\s+[^,;:]+)*?(?:,?\s+(?:and|or)\s+|\s+among\s+others\b)/u;
/** Single capitalised words listed up to the blank: "Nursery, Primary and _____". */
const MODIFIERS_TO_BLANK = /(?:^|[\s(])(?:\p{Lu}\p{Ll}+,\s+)*\p{Lu}\p{Ll}+,?\s+(?:and|or)\s+_{5}/u;

/**
 * The blank holds one member of a list with the head the others share: "The _____, Samarkand, Urgench and Kiev"
 * (invasions of Baghdad: the invasions are of all four), "Salaries for Nursery, Primary and _____" (Secondary School
 * teachers: the teachers are of all three). Blanked, the list no longer reads; a whole member ("The invasions of
 * _____, Samarkand and Kiev" → Baghdad) is a fair question.
 */
function sharedHeadCut(stem: string, answer: string): boolean {
	if (/\sof\s/.test(answer) && LIST_FROM_BLANK.test(stem)) return true;
	if (!/^\p{Lu}/u.test(answer) || !/\s\p{Ll}+$/u.test(answer)) return false;
	// Read just before the blank: this runs on every stem of a long text.
	const at = stem.indexOf('_____');
	return MODIFIERS_TO_BLANK.test(stem.slice(Math.max(0, at - 80), at + 5));
}

/** Half of a word joined by a slash, a semicolon, a dot, a hyphen or a dash: "the NCAFP/_____ events", "_____;DR", "job._____ is undefined", "in the mid-_____", "the _____–Paleogene extinction". */
const GLUED_HALF = /[/;]_{5}|_{5}\/|_{5};(?=\S)|[\p{L}\d]\._{5}|_{5}\.[\p{L}\d]|\p{L}[-–]_{5}|_{5}[-–]\p{L}/u;
/**
 * GLUED_HALF read around the blank only (every form it knows lies within two characters of it): the pattern over a
 * whole stem tries each of its letters, and this runs on every stem of a long text.
 */
function gluedHalf(stem: string): boolean {
	const at = stem.indexOf('_____');
	return at >= 0 && GLUED_HALF.test(stem.slice(Math.max(0, at - 2), at + 7));
}

/** "_____ square kilometres (10,000 sq mi)", "1,230 kilometres (_____ miles)": an amount beside its own conversion. */
const CONVERTED = /_{5}\s+(?:[\p{L}°%]+\s+)?[\p{L}°%]+\.?\s*\(\s*(?:about|approx\.|approximately|c\.|ca\.|~)?\s*[\d.,]+|\([^)"“]*\d[^)"“]*\s_{5}|\(\s*_{5}\s+[\p{L}°%]/u;

/** "a speed limit of _____ (about 88 km/h) was imposed": the amount's own conversion after the blank, in brackets. */
const CONVERSION_AFTER_BLANK = /(_{5}(?:\s+[\p{L}°%/]+){0,2})\s*\(\s*(?:about|approx\.|approximately|c\.|ca\.|~)?\s*[\d.,]+\s*[\p{L}°%/²³.]{0,12}\s*\)/u;

/** A cloze without the conversion that would give its blank away ("_____ (about 88 km/h)" → "_____"). */
export function withoutConversion(stem: string): string {
	const at = stem.indexOf('_____');
	return at >= 0 && stem.includes('(', at) ? stem.replace(CONVERSION_AFTER_BLANK, '$1') : stem;
}

/**
 * "… replace the Norse religion with _____ (Christianity) and …", "the Persian scholar _____ (Avicenna, 981–1037)", "a
 * part of a _____ (NSF) sponsored project": a bracket right after the blank glosses, translates or abbreviates the
 * answer, and the stem says the same without it. Not "_____(n)" (no space: an argument, not an aside), nor in a list
 * whose members each carry a bracket ("the NFL (Rams, Chargers); the NBA (Lakers, Clippers); and _____ (Dodgers)"):
 * there the bracket is all that tells the member apart.
 */
const GLOSS_AFTER_BLANK = /(_{5})\s+\([^()]*\)(?![;,]?\s*(?:(?:and|or)\s+)?(?:the\s+)?(?:[^\s(),;]+\s+){0,3}\()/u;
/** A bracketed list member right before the blank: "…(Lakers, Clippers); and _____". */
const MEMBER_BEFORE = /\)\s*[;,]?\s*(?:(?:and|or)\s+)?(?:the\s+)?$/i;

/** A cloze without the bracket after its blank (`GLOSS_AFTER_BLANK`). */
export function withoutGloss(stem: string): string {
	const at = stem.indexOf('_____');
	return at >= 0 && stem.startsWith(' (', at + 5) && !MEMBER_BEFORE.test(stem.slice(0, at)) ? stem.replace(GLOSS_AFTER_BLANK, '$1') : stem;
}

/** The last list of single words ("best, worst and average") before the end, with no clause break after it. */
const LIST_BEFORE = /((?:[\p{L}-]+,\s+)+[\p{L}-]+,?\s+(?:and|or)\s+[\p{L}-]+)[^,;:]*$/u;

/** What sets a list after a counted noun: a comma, a dash, "comprising" ("12 years comprising eight years in …") or "named" ("three brothers named A, B and C"). */
const LIST_AFTER_COUNTED = String.raw`(?:,\s+|\s*[—–]\s*|\s+(?:comprising|consisting\s+of|made\s+up\s+of|named|called|known\s+as)\s+)`;
/** A count, its counted noun, and a list set after it that holds the blank: "eleven units—_____ faculties and …". */
const MEMBER_OF_COUNTED = new RegExp(String.raw`\b(\d{1,2}|${SMALL_NUMBER_WORDS.join('|')})\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+s${LIST_AFTER_COUNTED}([^;—–]*_____[^;—–]*)`, 'iu');
/** A list set after the counted noun right after the blank: "_____ units—ten faculties and …", "_____ towns of A, B and C". */
const APPOSED_LIST = new RegExp(String.raw`^\s*(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+s(?:${LIST_AFTER_COUNTED}([^;]+)|\s+of\s+([^;]+,[^;]+))`, 'u');
/** An answer that is a count and its counted noun: "two symbols". */
const COUNTED_ANSWER = new RegExp(String.raw`^(\d{1,2}|${SMALL_NUMBER_WORDS.join('|')})\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+s)$`, 'iu');

/**
 * A count whose members the stem then lists: "consists of _____ bodies of water: the Obersee, the Untersee and
 * a connecting stretch", "_____ absorption bands at 687 and 760 nm". Counting the list answers the card.
 */
export function countsList(stem: string, answer: string, counted = false): boolean {
	// "The _____ most commonly associated with … are the mortar and the ℞ character" — two symbols: the count alone,
	// its noun back in the stem.
	const withNoun = counted ? null : COUNTED_ANSWER.exec(answer);
	if (withNoun) return countsList(stem.replace('_____', `_____ ${withNoun[2]}`), withNoun[1] ?? '', true);
	const n = /^\d{1,2}$/.test(answer) ? Number(answer) : SMALL_NUMBER_WORDS.indexOf(answer.toLowerCase()) + 2;
	const at = stem.indexOf('_____');
	if (n < 2 || at < 0) return false;
	const rest = stem.slice(at + 5).replace(/\([^)]*\)/g, ' ');
	const colon = /^[^:;.]{0,80}:\s*([^;]+)/.exec(rest)?.[1];
	// Items up to the one "and"/"or" introduces: what follows it is an aside ("…, and a stretch, called the Seerhein").
	const items = (list: string) => {
		const pieces = list.replace(/[.!?]["”’]?\s*$/, '').split(/(\s*,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)/);
		let n = 0;
		for (let i = 0; i < pieces.length; i += 2) {
			// "ten faculties and the Radcliffe Institute": a counted member counts as many.
			const counted = /^(?:the\s+)?(\d{1,2}|[a-z]+)\s+[\p{L}-]+s\b/u.exec((pieces[i] ?? '').trim())?.[1] ?? '';
			const many = /^\d+$/.test(counted) ? Number(counted) : SMALL_NUMBER_WORDS.indexOf(counted) + 2;
			if ((pieces[i] ?? '').trim()) n += many >= 2 ? many : 1;
			if (/\b(?:and|or)\s+$/.test(pieces[i - 1] ?? '')) break;
		}
		return n;
	};
	if (colon !== undefined && items(colon) === n) return true;
	// "eleven academic units—_____ faculties and the Radcliffe Institute": a member's count, with the list's own count
	// stated before it, is the difference.
	const member = MEMBER_OF_COUNTED.exec(stem);
	const stated = /^\d+$/.test(member?.[1] ?? '') ? Number(member?.[1]) : SMALL_NUMBER_WORDS.indexOf((member?.[1] ?? '').toLowerCase()) + 2;
	if (member && stated >= 2 && items((member[2] ?? '').replace('_____', answer)) === stated) return true;
	// "The _____ symbols … are the oven and the peel, which …": a copula or "include" after the counted noun lists them.
	const named = /^[^:;.]{0,100}?\b(?:are|were|include|included|comprise|comprised)\s+([^;]+)/.exec(rest)?.[1];
	// … the copula's list, where the answer held the counted noun, must name things ("are the mortar and pestle and
	// the ℞ character"), not go on with a predicate ("including the two concertos, are held by Temperley to be …").
	if (named !== undefined && (!counted || /^(?:the|a|an)\s|^\p{Lu}/u.test(named)) && items(named) === n) return true;
	// "… into _____ main classes, probabilistic and deterministic algorithms", "_____ academic units—ten faculties and
	// the Radcliffe Institute", "_____ years comprising eight years in … and four years in …", "the _____ counties of
	// Los Angeles, San Bernardino, … and Santa Barbara": a list set after the counted noun (after "of", three or more).
	const apposedMatch = APPOSED_LIST.exec(rest);
	const apposed = apposedMatch?.[1] ?? apposedMatch?.[2];
	// … not a predicate after the subject's comma ("including the _____ concertos, are held by …").
	if (apposed !== undefined && !/^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must)\b/.test(apposed) && items(apposed) === n) return true;
	// "The best, worst and average case complexity refer to _____ different ways": a list of single words in the
	// same clause before the blank counts it too.
	const listed = LIST_BEFORE.exec(stem.slice(0, at).replace(/\([^)]*\)/g, ' '))?.[1];
	if (listed !== undefined && items(listed) === n) return true;
	// A run of numbers joined by commas and "and" ("687 and 760 nm", "1, 2 and 5"), counted.
	for (const m of rest.matchAll(/\d[\d.,]*(?:(?:,\s+(?:and\s+)?|\s+and\s+|\s+or\s+)\d[\d.,]*)+/g)) if (items(m[0]) === n) return true;
	return false;
}

const PHRASE_KINDS = new Set<Fact['answerKind']>(['concept', 'cause', 'purpose', 'means', 'quality']);
/** A true/false card that leads its fact: just under a cloze of an equal fact, so questions open the deck. */
const TF_LEAD = 0.92;
/** Options of a multiple-choice card: the answer and three or four distractors (issue 3). */
const DISTRACTORS = 4;
const MIN_DISTRACTORS = 3;

/** What the document states, for checking that a "false" statement is not true after all. */
export interface Knowledge {
	/** the document states this sentence (compared by `statementKey`) */
	states(statement: string): boolean;
	/** the document names this text somewhere */
	names(text: string): boolean;
	/** a sentence of the document holds `swapped` together with most of the other words of `statement` */
	pairs(swapped: string, statement: string): boolean;
}

export function sourceOf(f: Fact): CardSource {
	// A clause of a long sentence (long.ts) quotes the whole sentence: the source is always verbatim text.
	const s = f.info.whole ?? f.info.s;
	return { doc: s.doc, sentence: s.text, start: s.start, end: s.end };
}

function card(type: Card['type'], f: Fact, question: string, answer: string, extra: Partial<Card> = {}, factor: number = TYPE_FACTOR[type]): Card {
	return {
		id: cardId(type, f.key),
		type,
		question,
		answer,
		...extra,
		tags: extra.tags ?? f.tags,
		score: f.weight * factor,
		source: sourceOf(f)
	};
}

/** The run of letters that ends `text` ("" when it ends otherwise): read from the end, not searched for from the start. */
function lastLetters(text: string): string {
	let i = text.length;
	while (i > 0) {
		// A letter outside the Basic Multilingual Plane is two code units.
		const width = i > 1 && LOW_SURROGATE.test(text.charAt(i - 1)) ? 2 : 1;
		if (!LETTER.test(text.slice(i - width, i))) break;
		i -= width;
	}
	return text.slice(i);
}
const LETTER = /^\p{L}$/u;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/**
 * "Which term means the process of navigating a ship …? — Navigation": a word of the stem that shares the
 * head word's stem (six letters and three quarters of the shorter word) says the answer in another form.
 */
function sharesStem(stem: string, head: string): boolean {
	const h = head.toLowerCase();
	for (const w of stem.toLowerCase().match(/\p{L}{5,}/gu) ?? []) {
		let n = 0;
		while (n < w.length && n < h.length && w[n] === h[n]) n++;
		if (n >= 6 && n >= 0.75 * Math.min(w.length, h.length)) return true;
	}
	return false;
}

/**
 * "The _____ is a chapter of the 1997 Treaty …" — Social Chapter: a name's head word that the stem's copula says of
 * the blank ("is a chapter", "was the first chapter") gives the name away, as a concept's head word does anywhere.
 */
function headByCopula(stem: string, answer: string): boolean {
	const head = /\s(\p{L}{4,})$/u.exec(answer)?.[1]?.toLowerCase();
	const said = head ? COPULA_AFTER_BLANK.exec(stem)?.[1]?.toLowerCase().split(/\s+/) : undefined;
	return !!head && !!said && (said.includes(head) || said.includes(`${head}s`));
}

/** "_____ is a chapter", "_____ of X was the first chapter": up to three words after the blank's copula and article. */
const COPULA_AFTER_BLANK = /_{3,}[^,;:.]{0,20}?\b(?:is|was|are|were)\s+(?:a|an|the|one)\s+((?:\p{L}+\s+){0,2}\p{L}+)/iu;

/** The blank as the subject of a clause that goes on with "their". */
const GROUP_SUBJECT = /^_{5}\s+[^,;:.]*\btheir\b/;

/**
 * "What is also popular in southern California?": "also" in a question points to an answer the page named before;
 * the question asks the same without it ("not only … but also" keeps it).
 */
const ALSO = /(?<!\bbut)\s+also\s+(?=\S)/g;

/**
 * The options a date's multiple choice may offer: where the stem names the answer's year ("… passed the Harbour Act of
 * 1911 … in _____" — June 1911), only dates of that year, or the year alone picks the answer out.
 */
function ofTheYearNamed(stem: string, f: Fact, distractors: string[]): string[] {
	if (f.answerKind !== 'date') return distractors;
	const year = /\b[12]\d{3}\b/.exec(f.answer)?.[0];
	const named = year ? new RegExp(`\\b${year}\\b`) : null;
	return named?.test(stem) ? distractors.filter((d) => named.test(d)) : distractors;
}

/** A bracketed aside right before a question mark. */
const CLOSING_ASIDE = /\s+\([^()]{2,}\)\?$/;

export function factCards(f: Fact, candidates: Candidates, known: Knowledge, seed: string): Card[] {
	const out: Card[] = [];
	const answerInSentence = occurrences(f.info.s.text, f.answer) > 0;
	// "Which term means a set of comparators that satisfy the range?" → "A version range": a term's head word
	// in the stem gives it away (a name's does not: "the Upper _____" beside "the Rhine" is still a question).
	const last = lastLetters(f.answer);
	const head = (f.answerKind === 'concept' || f.answerKind === 'term') && last.length >= 4 ? last : undefined;
	// … in either number: "the type of _____ within the store" → values, beside "For each value".
	const forms = head ? [head, ...(head === f.answer ? [/[^s]s$/.test(head) ? head.slice(0, -1) : `${head}s`] : [])] : [];
	// The costliest checks last: whether the stem needs its page reads it against many patterns.
	const ok = (q: string) => answerInSentence && balancedQuotes(q) && !danglingStart(q) && occurrences(q, f.answer) === 0 && forms.every((w) => occurrences(q.replace(/_{3,}/, ' '), w) === 0) && !(head === f.answer && sharesStem(q, head)) && !headByCopula(q, f.answer) && !givenAway(q, f.answer) && selfContained(spokenOf(q, f.person, f.answerKind === 'person'));
	const random = mulberry32(hash32(`${seed}|${f.key}`));
	// "_____ got the ball on their own 24-yard line" — Carolina: a place whose clause goes on with "their" stands for a
	// team or a people, and other places among the options would not fit.
	// A list asked whole has no distractors of its shape: one member among the options would not fit.
	const options = !PHRASE_KINDS.has(f.answerKind) && !(f.answerKind === 'place' && GROUP_SUBJECT.test(f.cloze ?? '')) && !f.members;
	// Distractors serve the options and the true/false swap, and are picked only when one of them is made (most
	// facts of a long text make neither: picking costs a pass over the kind's candidates).
	let picked: string[] | undefined;
	const distractors = (): string[] => (picked ??= pickDistractors(f.answer, f.answerKind, candidates, f.exclude ?? [], DISTRACTORS, `${seed}|${f.key}`));
	// "What did Brandon Stoddard become (a position to which he had been appointed in November 1985)?": a bracket that
	// closes a question is an aside the question reads better without.
	const asked = f.question?.replace(ALSO, ' ').replace(CLOSING_ASIDE, '?');
	const question = asked && ok(asked) && !INTERRUPTED_THAT.test(asked) && !CUT_CONDITIONAL.test(asked) ? asked : null;
	const bare = f.cloze ? withoutGloss(withoutConversion(f.cloze)) : undefined;
	const cloze = bare && ok(bare) ? bare : null;
	// Two cards may not share a question: with a wh-question, basic takes it and mcq the cloze; without one,
	// the cloze goes to mcq or cloze, by a hash of the fact so the choice is stable.
	// A phrase of the text's own words offered as options seldom fits the blank ("requires a _____": "port
	// numbers"), so concepts and reasons stay cloze; names, numbers and dates get options of their kind.
	const mcqStem = !options ? null : question ? cloze ?? null : cloze && hash32(f.key) % 2 === 0 ? cloze : null;
	if (question) out.push(card('basic', f, question, f.answer));
	// "Oxygen condenses at _____, and freezes at 54.36 K" offers no "54.36 K": an option the stem states is ruled out.
	const choices = mcqStem ? ofTheYearNamed(mcqStem, f, distractors()).filter((d) => occurrences(mcqStem, d) === 0) : [];
	if (mcqStem && choices.length >= MIN_DISTRACTORS) out.push(card('mcq', f, mcqStem, f.answer, { choices: shuffled([f.answer, ...choices], random) }));
	else if (cloze) out.push(card('cloze', f, cloze, f.answer));
	// The statement with its answer blanked, read by the same checks as a stem: half of a joined word ("the
	// NCAFP/TKS events") swapped reads as a typo, not as a false statement.
	const blanked = f.statement ? (replaceOnce(f.statement, f.answer, '_____') ?? '') : '';
	if (f.statement && !gluedHalf(blanked) && !countsList(blanked, f.answer) && !RELATIVE_TIME.test(blanked) && !danglingStart(f.statement) && selfContained(spokenOf(f.statement, f.person, f.answerKind === 'person')) && !/\?["”’]?$/.test(f.statement) && occurrences(f.statement, f.answer) === 1) {
		// The swap is a same-kind name or value the document itself uses, so the false version is plausible.
		const swap = distractors().find((d) => known.names(d) && occurrences(f.statement ?? '', d) === 0);
		// A number beside its own conversion in brackets ("7,000,000 square kilometres (2,700,000 sq mi)") cannot be
		// swapped: the conversion left in place gives the false version away.
		const convertible = CONVERTED.test(blanked);
		const asFalse = swap !== undefined && !convertible && random() < 0.5;
		const stated = asFalse ? replaceOnce(f.statement, f.answer, swap) : f.statement;
		// A "false" statement that the document states, or nearly states, elsewhere would be true after all.
		if (stated && (!asFalse || (!known.states(stated) && !known.pairs(swap, f.statement.replace(f.answer, ' '))))) {
			// A third of the facts without a wh-question lead with true/false, so the deck mixes its types.
			const lead = !question && hash32(`tf|${f.key}`) % 3 === 0;
			out.push(card('truefalse', f, `True or false: ${stated}`, asFalse ? 'False' : 'True', { tags: [...f.tags, asFalse ? 'false' : 'true'] }, lead ? TF_LEAD : TYPE_FACTOR.truefalse));
		}
	}
	return out;
}
