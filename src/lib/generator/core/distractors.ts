/**
 * Distractors of the answer's kind and shape: people for people, years for years, full dates for full dates.
 * The document's own entities come first (same-document distractors are the strongest cheap signal), then a
 * small built-in pool, then for numbers and years nearby values. Aliases and substrings of the answer, and
 * anyone the document gives the same role, are never offered.
 */
import { normaliseKey } from '../../domain/ids';
import { pieceCount, WORD_CHAR } from './clause';
import type { AnswerKind } from './fact';
import { CITIES, CONTINENTS, COUNTRIES, COUNTRY_ALIASES, COUNTRY_HEADS, GIVEN_NAMES, ORG_HEADS, PLACE_HEADS, SMALL_NUMBER_WORDS } from './lexicon';
import { boundedMemo, objectMemo } from './memo';
import { hash32 } from './rng';
import { longForm } from './terms';

export type Candidates = Map<AnswerKind, string[]>;


const shape = (s: string): string =>
	s.replace(/\p{Lu}\p{Ll}+/gu, 'A').replace(/\d/g, '9').replace(/\p{Ll}+/gu, 'a').replace(/\s+/g, ' ');

/** A candidate prepared once: its key, long words and shape, so each fact compares cheaply. */
interface Prepared {
	text: string;
	/** an acronym in the plural ("MSPs", "CDs") */
	acronyms: boolean;
	/** a bracket it opens or closes without the other ("Parliament on [Date"): a piece of a name, no option */
	broken: boolean;
	key: string;
	/** its distinct long words (an array: alias() runs on every candidate of every card, and a Set's iterator costs) */
	long: readonly string[];
	shape: string;
	/** date granularity ("day month year", "month year", "decade" …) or word count for names */
	grain: string;
	hash: number;
	/** for places: country, city or continent, when known */
	level: ReturnType<typeof placeLevel>;
	/** for amounts: the unit (unitOf) */
	unit: string;
	/** the key without its spaces ("u s" and "us"), and the country it names under any of its names */
	compact: string;
	country: string | undefined;
	/** a name's family, its head word ("directive", "court"; family()), and whether it names a document, not a body */
	family: string;
	document: boolean;
	/** for a range, its format (rangeForm: the dash, an end cut short); "" otherwise */
	rangeForm: string;
	/** the text could be an acronym, or could be spelt out (ACRONYM, a space): which `abbreviates` pairs can hold */
	acronym: boolean;
	spaced: boolean;
	/**
	 * the letters and digits, in lower case, that start a word of the text (its "the" left out): an acronym can
	 * abbreviate it only if its first letter is one of them (a cheap test before `abbreviates`)
	 */
	starts: string;
	/** for an acronym, its first letter in lower case ("" otherwise) */
	initial: string;
	/** read once per candidate, not per card: a range ("1910–1940"), a decimal point, a company's "Ltd", its word count */
	range: boolean;
	decimal: boolean;
	company: boolean;
	words: number;
	/** a bare place or body head ("river", "university"; bareHead), never offered */
	bare: boolean;
	/** the first year a date or year names ("1530s" → 1530, "1824–28" → 1824); null for none */
	year: number | null;
	/** an era mark (ERA), never offered */
	era: boolean;
	/** for "ICTY8", the acronym before its glued footnote mark ("ICTY"); undefined otherwise */
	glued: string | undefined;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = new RegExp(`\\b(${MONTH_NAMES.join('|')})\\b`);

/** How precise a date is: a distractor must be as precise as the answer ("July 29" never among "June 2005"). */
export function grain(text: string): string {
	const month = MONTH_RE.test(text) || /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\./.test(text);
	const year = /\b\d{3,4}\b/.test(text);
	const day = /\b\d{1,2}(st|nd|rd|th)?\b/.test(text.replace(/\b\d{3,4}\b/g, ''));
	if (/centur/i.test(text)) return 'century';
	if (/\d0s\b/.test(text)) return 'decade';
	if (month) return `${day ? 'd' : ''}m${year ? 'y' : ''}`;
	return year ? 'y' : 'other';
}

/** Head words of documents: a directive, a treaty or an act is never offered among courts and councils. */
const DOCUMENT_HEADS = new Set(`directive directives regulation regulations treaty treaties act acts law laws charter
 convention agreement protocol decision code constitution declaration statute bill amendment resolution pact accord
 license licence report`.split(/\s+/).filter(Boolean));
/** Words that join a name's head to what follows it: "Council of the European Union", "Institute for …". */
const CONNECTOR = /^(?:of|for|on|in)$/;

const known = (w: string): boolean => DOCUMENT_HEADS.has(w) || ORG_HEADS.has(w);

/**
 * A name's family, its head word when it is a known head of a document or a body: the last word when it names
 * a document ("Free Movement of Workers Regulation"), else the word before "of/for/on/in" ("Council of the
 * European Union", "Treaty of Amsterdam"), else the last word ("First Company Law Directive", "Employee
 * Insurance Institute"); "" for any other text ("Republic of Korea", "June 2005").
 */
function family(text: string): string {
	const words = text.toLowerCase().replace(/[.,]/g, '').split(/\s+/).filter(Boolean);
	const last = words[words.length - 1] ?? '';
	if (DOCUMENT_HEADS.has(last)) return last;
	const joint = words.findIndex((w, i) => i > 0 && CONNECTOR.test(w));
	const before = joint > 0 ? (words[joint - 1] ?? '') : '';
	if (known(before)) return before;
	return known(last) ? last : '';
}

/**
 * A range's format, so its distractors keep it: its dash, and whether its second end is cut short ("1910–1940"
 * → "–", "2007–08" → "–short", "2008-2009" → "-"); "" for no range.
 */
function rangeForm(text: string): string {
	const r = RANGE.exec(text);
	const digits = (s: string) => s.replace(/,/g, '').split('.')[0]?.length ?? 0;
	return r ? `${r[2] ?? ''}${digits(r[3] ?? '') < digits(r[1] ?? '') ? 'short' : ''}` : '';
}

/** Memoised: a card's answer and its exclusions recur across the facts of a long text (read-only results). */
const prepare = boundedMemo(prepareText);

function prepareText(text: string): Prepared {
	const key = normaliseKey(text);
	const compact = key.replace(/ /g, '');
	const head = family(text);
	const form = rangeForm(text);
	return {
		text,
		acronyms: PLURAL_ACRONYM.test(text),
		broken: /[[\]]/.test(text) || (text.match(/\(/g) ?? []).length !== (text.match(/\)/g) ?? []).length,
		key,
		// The family word is shared by names of one family ("Habitats Directive", "Fishing Quota Directive"), and
		// ranges share ends ("1910–1940", "1940–1970"): neither makes an alias.
		long: [...new Set(key.split(' ').filter((w) => w.length >= 4 && w !== head && !(form && /^\d+$/.test(w))))],
		family: head,
		document: DOCUMENT_HEADS.has(head),
		rangeForm: form,
		shape: shape(text),
		grain: grain(text),
		hash: hash32(key),
		level: placeLevel(text),
		unit: unitOf(text),
		compact,
		country: COUNTRY_ALIASES.get(key.replace(/^the /, '').replace(/ /g, '')),
		acronym: ACRONYM.test(text),
		spaced: /\s/.test(text.trim()),
		starts: wordStarts(text.trim().replace(/^the\s+/i, '').toLowerCase()),
		initial: ACRONYM.test(text) ? (text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()[0] ?? '') : '',
		range: RANGE.test(text),
		decimal: DECIMAL.test(text),
		company: COMPANY.test(text),
		words: pieceCount(text),
		bare: bareHead(key),
		year: yearOf(text),
		era: ERA.test(text),
		glued: /^(\p{Lu}{3,})\d{1,2}$/u.exec(text)?.[1]
	};
}

/** The keys that more than one candidate of `pool` has. */
function repeatedKeys(pool: readonly Prepared[]): Set<string> {
	const once = new Set<string>();
	const again = new Set<string>();
	for (const c of pool) (once.has(c.key) ? again : once).add(c.key);
	return again;
}

/** … read once per cached list. */
const repeatedKeysOf = objectMemo((list: Prepared[]) => repeatedKeys(list));

const preparedList = objectMemo((list: string[]): Prepared[] => list.map((t) => prepare(t)));

/** `c` is an alias of one of `list` (alias()). */
function aliasOfAny(list: readonly Prepared[], c: Prepared): boolean {
	for (let i = 0; i < list.length; i++) if (alias(list[i] as Prepared, c)) return true;
	return false;
}

/** Same entity or an alias of it: equal, one inside the other, or sharing a long word ("Schwab"). */
function alias(x: Prepared, y: Prepared): boolean {
	if (!x.key || !y.key || x.key === y.key || x.key.includes(y.key) || y.key.includes(x.key)) return true;
	// "U.S." and "US", "Kim Gye Gwan" and "Kim Gye-gwan": the same name spelt with other spaces and dots.
	if (x.compact === y.compact) return true;
	// "DPRK" and "North Korea", "UK" and "Britain": one country under two names.
	if (x.country !== undefined && x.country === y.country) return true;
	for (const w of y.long) if (x.long.includes(w)) return true;
	// One family's names share their head word, which makes no alias: the rest of the name must differ in more than
	// an ending ("Victorian Parliament" is the "Parliament of Victoria").
	if (x.family !== '' && x.family === y.family) for (const w of y.long) for (const v of x.long) if (w.length >= 5 && v.length >= 5 && (w.startsWith(v) || v.startsWith(w))) return true;
	// "NCAFP" and "National Committee on American Foreign Policy": a term beside its own acronym.
	return (x.acronym && y.spaced && y.starts.includes(x.initial) && abbreviates(x.text, y.text)) || (y.acronym && x.spaced && x.starts.includes(y.initial) && abbreviates(y.text, x.text));
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]{1,9}$/u;

/** The code units that start a word: not after a letter or number (read unit by unit, as `longForm` reads them). */
function wordStarts(lower: string): string {
	let out = '';
	for (let i = 0; i < lower.length; i++) if (i === 0 || !WORD_CHAR.test(lower.charAt(i - 1))) out += lower.charAt(i);
	return out;
}
/** Era marks, which the capitals make look like acronyms ("AD" among "NASA", "BBC"): no body, no option. */
const ERA = /^(?:AD|BC|BCE|CE|BP)$/;
const PLURAL_ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]{1,9}s$/u;

/** `short` is the acronym of the whole of `long` (Schwartz & Hearst letter matching, terms.ts). */
export function abbreviates(short: string, long: string): boolean {
	if (!ACRONYM.test(short) || !/\s/.test(long.trim())) return false;
	const whole = long.trim().replace(/^the\s+/i, '');
	return longForm(short, whole) === whole;
}

/** Two numbers joined by a dash: "5–8 μm", "1910–1940", "66–34 Mya". */
const RANGE = /(\d[\d,]*(?:\.\d+)?)(\s?[–-]\s?)(\d[\d,]*(?:\.\d+)?)/;
/** "Ltd", "Inc", "plc": a company's own name; an institution or a body among companies gives itself away. */
const COMPANY = /\b(?:Ltd|Inc|plc|PLC|GmbH|AG|LLC|Corp|Co|Limited|Corporation)\.?$/;

/** Ranges near a range, both ends moved by one step so the width stays: "5–8 μm" → "3–6 μm", "8–11 μm" … */
function nearbyRanges(answer: string, r: RegExpExecArray, kind: AnswerKind, salt: number, cap: number): string[] {
	const [whole = '', a = '', dash = '', b = ''] = r;
	const from = Number(a.replace(/,/g, ''));
	const to = Number(b.replace(/,/g, ''));
	const decimals = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
	const span = Math.max(Math.abs(to - from), decimals ? 10 ** -decimals : 1);
	const steps = kind === 'year' ? [10, -10, 20, -20, 30] : [span, -span, 2 * span, -2 * span, 3 * span];
	const rot = salt % steps.length;
	const format = (v: number) => (a.includes(',') ? grouped(v, null) : v.toFixed(decimals));
	return [...steps.slice(rot), ...steps.slice(0, rot)]
		.map((d) => (to <= cap && to + d > cap ? -d : d))
		.filter((d) => from + d > 0 && to + d > 0)
		.map((d) => answer.replace(whole, `${format(from + d)}${dash}${format(to + d)}`));
}

/** Thousands separators, one formatter per precision (building one per number costs more than the formatting). */
const formatters = new Map<number | null, Intl.NumberFormat>();
/** `v` as "8,646" or, with `decimals`, "8,646.50"; null keeps the default precision (up to three decimals). */
function grouped(v: number, decimals: number | null): string {
	let f = formatters.get(decimals);
	if (!f) {
		f = new Intl.NumberFormat('en-US', decimals === null ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
		formatters.set(decimals, f);
	}
	return f.format(v);
}

/** A number written with a decimal point: "0.37", "1.5 million". */
const DECIMAL = /\d\.\d/;

/** 1 → "1st", 12 → "12th", 22 → "22nd". */
function ordinalOf(v: number): string {
	const teen = v % 100 >= 11 && v % 100 <= 13;
	return `${v}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][v % 10] ?? 'th')}`;
}

/**
 * Values near a number or year, keeping its format: 1993 → 1990, 1996 …; "21" → 14, 28 …; "three" → "four". A value
 * past `cap` (the reading's latest year; 100 for a share) steps the other way: "80% tyrocidine" takes 56%, never 104%.
 */
function nearby(answer: string, kind: AnswerKind, salt: number, cap: number): string[] {
	const w = SMALL_NUMBER_WORDS.indexOf(answer.toLowerCase());
	if (w >= 0) return [1, -1, 2, 3].map((d) => SMALL_NUMBER_WORDS[w + d]).filter((x): x is string => !!x);
	if (kind === 'date' && MONTH_RE.test(answer)) return nearbyDates(answer, salt, cap);
	const range = RANGE.exec(answer);
	if (range && kind !== 'date') return nearbyRanges(answer, range, kind, salt, cap);
	// A decade steps by decades ("1530s" → "1520s", "1550s"): "1533s" is no decade.
	const decade = /^(\d{2,3}0)s$/.exec(answer);
	if (decade) return [10, -10, 20, -20, 30].map((d) => Number(decade[1]) + d).filter((v) => v > 0 && v <= cap).map((v) => `${v}s`);
	const m = /\d[\d,]*(?:\.\d+)?/.exec(answer);
	if (!m) return [];
	const n = Number(m[0].replace(/,/g, ''));
	// "0.37" takes "0.48", "0.22" …: steps in its own decimals, never "1.37" (a whole step on a fraction).
	const decimals = m[0].split('.')[1]?.length ?? 0;
	const unit = 10 ** -decimals;
	const step = (share: number, least: number) => Math.max(least * unit, Math.round((n * share) / unit) * unit);
	const steps = kind === 'year' || kind === 'date' ? [3, -2, 6, -5, 1, 9] : [step(0.3, 1), -step(0.4, 1), step(0.6, 2), step(1, 3)];
	const rot = salt % steps.length;
	const format = (v: number) => (m[0].includes(',') ? grouped(v, decimals) : v.toFixed(decimals));
	const limit = SHARE.test(answer) ? Math.min(cap, 100) : cap;
	// "4th" → "5th", "2nd", "7th": an ordinal's suffix follows its new value.
	const ordinal = /^\d+(?:st|nd|rd|th)$/.test(answer);
	return [...steps.slice(rot), ...steps.slice(0, rot)]
		.map((d) => (n <= limit && n + d > limit ? n - d : n + d))
		.filter((v) => v > 0)
		.map((v) => (ordinal ? ordinalOf(v) : answer.replace(m[0], format(v))));
}

const SHARE = /%|\bper\s?cent\b/i;

/** The first year (three or four digits, a decade's too: "1530s") a text names, or null. */
function yearOf(text: string): number | null {
	const m = /\b(\d{3,4})s?\b/.exec(text);
	return m ? Number(m[1]) : null;
}

/**
 * Years apart beyond which a date is of another period than the answer's: "1765" or "1938" among the dates of a
 * life of 1483–1546 gives itself away. Such dates come last, after every date of the answer's period (the
 * document's, then those made up near the answer).
 */
const PERIOD = 50;

/** The years a range of years spans, its second end read in full ("1811–81" → 70), or null for no range of years. */
function yearSpan(text: string): number | null {
	const r = /\b(\d{3,4})\s?[–-]\s?(\d{2,4})\b/.exec(text);
	if (!r) return null;
	const [, from = '', to = ''] = r;
	return Number(from.slice(0, from.length - to.length) + to) - Number(from);
}

/**
 * A life ("1811–81") among spans of four years ("1824–28"), or a span of four among spans of decades, gives itself
 * away by its length: such spans come last, after every span of about the answer's length.
 */
function farSpans(a: number | null, b: number | null): boolean {
	return a !== null && b !== null && Math.max(a, b) > 2 * Math.min(a, b) + 5;
}

/**
 * The places in the document's people's names ("John of Saxony", "Albert of Mainz" → saxony, mainz), read once per
 * document: the person pool holds them as short names, but a place among people ("Saxony" among "Martin", "Brecht")
 * gives itself away, and so does a person among them.
 */
const documentNamePlaces = objectMemo(
	(candidates: Candidates): Set<string> => new Set((candidates.get('person') ?? []).flatMap((p) => /\sof\s+(\p{Lu}\S+)$/u.exec(p)?.[1]?.toLowerCase() ?? []))
);

/** The latest year (1000–2999) written in any of `texts`, a decade's first too ("1980s" → 1980). */
function latestYear(texts: readonly string[]): number {
	return Math.max(...texts.flatMap((t) => [...t.matchAll(/\b([12]\d{3})s?\b/g)].map((y) => Number(y[1]))));
}

/** The latest year among a document's years and dates, read once per document (every dated card asks for it). */
const documentLatestYear = objectMemo((candidates: Candidates): number => latestYear([...(candidates.get('year') ?? []), ...(candidates.get('date') ?? [])]));

/** "July 29" → "July 26", "August 29" …; "June 2005" → "March 2005", "June 2007" …: same format, other values. */
function nearbyDates(answer: string, salt: number, cap: number): string[] {
	const month = MONTH_RE.exec(answer)?.[1] ?? '';
	const mi = MONTH_NAMES.indexOf(month);
	const out: string[] = [];
	// A full date that shares its month or year with the answer is an alias of it ("5 July 2006" beside "5 July 2005"),
	// and so are two made up that share one: each moves its month and its year, both by amounts of its own, else the
	// document's dates of far periods fill in ("September 8, 1883" among "July 1, 2015").
	const full = /\b\d{4}\b/.test(answer) && /(?:^|\D)\d{1,2}(?:st|nd|rd|th)?\b(?!\d)/.test(answer);
	const shifts: [number, number, number][] = full
		? [[1, -3, -1], [-2, 5, 2], [3, 2, -3], [-4, -6, 4], [5, 4, -5], [-5, 7, 6]]
		: [[0, -3, 0], [1, 0, 0], [0, 5, 0], [-2, 0, 0], [0, 0, 1], [3, 2, -1]];
	const rot = salt % shifts.length;
	for (const [dm, dd, dy] of [...shifts.slice(rot), ...shifts.slice(0, rot)]) {
		const m2 = MONTH_NAMES[(mi + dm + 12) % 12] ?? month;
		let t = answer.replace(month, m2);
		t = t.replace(/\b(\d{1,2})(st|nd|rd|th)?\b(?!\d)/, (w, d: string, suf: string | undefined) => {
			if (/\d{3}/.test(w)) return w;
			const v = ((Number(d) - 1 + dd + 28) % 28) + 1;
			return suf ? ordinalOf(v) : String(v);
		});
		// A year past the reading's latest steps back instead: years apart by amounts of their own stay apart.
		t = t.replace(/\b(\d{4})\b/, (y) => String(Number(y) + (Number(y) + dy > cap ? -dy : dy)));
		if (t !== answer) out.push(t);
	}
	return out;
}

/**
 * Up to `n` distractors for `answer`. Candidates of the same shape and similar length rank first; ties are
 * broken by a hash of the seed and the candidate, so the pick is stable and spread.
 */
/**
 * How big a place is, from its last word: "North Korea", "DPRK", "United Kingdom" → country; "Tokyo", "New
 * York", "Dodge City" → city; "Europe" → continent; anything else → null (unknown, matches any level).
 */
export function placeLevel(text: string): 'country' | 'city' | 'continent' | 'feature' | null {
	const words = text.toLowerCase().replace(/\./g, '').replace(/^the\s+/, '').split(/\s+/);
	const last = words[words.length - 1] ?? '';
	if (CITIES.has(last) || (words.length === 1 && CITIES.has(words[0] ?? ''))) return 'city';
	if ((COUNTRIES.has(last) || (COUNTRY_HEADS.has(last) && words.length >= 2)) && (words.length <= 3 || /^(?:united|north|south|republic|people|democratic)$/.test(words[0] ?? ''))) return 'country';
	// "Kingdom of Prussia", "Duchy of Warsaw", "American Empire": a polity ranks with countries.
	if (words.length >= 2 && (POLITY.test(last) || (POLITY.test(words[0] ?? '') && words[1] === 'of'))) return 'country';
	if (CONTINENTS.has(last) && words.length <= 2) return 'continent';
	// "Konwiktorska Street", "Czerniaków Lake", "Park of Culture and Rest": a street, a water, an island or a park is no
	// country or city, and a kingdom among them gives itself away.
	if (words.length >= 2 && (FEATURE.test(last) || (FEATURE.test(words[0] ?? '') && words[1] === 'of'))) return 'feature';
	return null;
}
const POLITY = /^(?:kingdom|empire|duchy|grand-duchy|principality|republic|sultanate|caliphate|khanate|emirate|electorate|commonwealth)$/;
const FEATURE = /^(?:street|avenue|road|square|lake|river|sea|ocean|bay|gulf|island|islands|mountain|mountains|hill|hills|valley|desert|forest|park|garden|gardens|canal|strait|straits|peninsula|cape|falls|bridge)$/;

/**
 * An amount's unit: its currency sign with the letters that name its country ("US$" is not "$"), "%" or "°", and a
 * unit word after it ("million", "km"), or "" for a bare count.
 */
export function unitOf(text: string): string {
	const sign = /\p{Lu}{0,3}[$£€¥]|[%°]/u.exec(text)?.[0] ?? '';
	// An ordinal ("21st", "4th") goes with ordinals, whatever its suffix.
	if (/^\d+(?:st|nd|rd|th)$/.test(text)) return `${sign}|ordinal`;
	// A fraction in words ("two-thirds", "half") goes with fractions, never with counts ("three", "hundred").
	if (FRACTION_WORD.test(text)) return `${sign}|fraction word`;
	// An ordinal in words ("twenty-fifth") goes with ordinals in words, never with counts ("eight", "twelve").
	if (ORDINAL_WORD.test(text)) return `${sign}|ordinal word`;
	const word = /\d/.test(text) ? (/(\p{L}+)\s*$/u.exec(text)?.[1]?.toLowerCase() ?? '') : 'word';
	return `${sign}|${word}`;
}

/** A fraction written in words: "two-thirds", "one quarter", "half" (a bare "third" is an ordinal). */
const FRACTION_WORD = /^(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[- ](?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)|half|quarters?)$/i;

/** An ordinal written in words: "third", "twenty-fifth", "fortieth", "hundredth". */
const ORDINAL_WORD = /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth|thousandth)$/i;

/** "River", "Bridge", "Society": a head word alone, cut from a name ("the River Aare"), names nothing. */
const bareHead = (key: string): boolean => !key.includes(' ') && (PLACE_HEADS.has(key) || ORG_HEADS.has(key));

/**
 * The candidates that passed, with their scores in a parallel list (no pair built per candidate: a card reads some
 * 200 of them). Best first: the lower score, then the text (distinct in a pool, `seen`, so the order is total).
 */
interface Scored {
	scores: number[];
	cands: Prepared[];
}

const before = (s: Scored, a: number, b: number): boolean => {
	const d = (s.scores[a] ?? 0) - (s.scores[b] ?? 0);
	return d < 0 || (d === 0 && (s.cands[a]?.text ?? '') < (s.cands[b]?.text ?? ''));
};

/**
 * The i-th best once the best i are in order at 0..i: the least of the rest is swapped in. A card reads about `n` of
 * some 200 candidates, so picking them one at a time beats sorting the whole pool (a sixth of the 1 MB bench's
 * distractor time); past 2n picks (choices that alias each other) the rest is sorted once. Same order as a full sort.
 */
function nextBest(s: Scored, i: number, n: number): Prepared {
	if (i === 2 * n) {
		const rest = s.scores.slice(i).map((_, k) => i + k).sort((a, b) => (before(s, a, b) ? -1 : 1));
		const scores = rest.map((k) => s.scores[k] ?? 0);
		const cands = rest.map((k) => s.cands[k] as Prepared);
		s.scores.splice(i, rest.length, ...scores);
		s.cands.splice(i, rest.length, ...cands);
	}
	if (i < 2 * n) {
		let best = i;
		for (let j = i + 1; j < s.scores.length; j++) if (before(s, j, best)) best = j;
		swap(s.scores, i, best);
		swap(s.cands, i, best);
	}
	return s.cands[i] as Prepared;
}

function swap<T>(list: T[], i: number, j: number): void {
	const x = list[i] as T;
	list[i] = list[j] as T;
	list[j] = x;
}

export function pickDistractors(answer: string, kind: AnswerKind, candidates: Candidates, exclude: string[], n: number, seed: string): string[] {
	const listed = preparedList(candidates.get(kind) ?? []);
	// A year or date made up near the answer is never later than the reading's latest ("2045–2046" for "2015–2016"):
	// a future year gives itself away.
	const latest = kind === 'date' || kind === 'year' ? Math.max(latestYear([answer]), documentLatestYear(candidates)) : Infinity;
	const made = kind === 'date' || kind === 'year' || kind === 'number' ? nearby(answer, kind, hash32(seed), latest).filter((t) => latestYear([t]) <= latest).map((t) => prepare(t)) : [];
	// The cached list is shared by every card of the kind: copied only when values are added to it.
	const pool: readonly Prepared[] = made.length ? [...listed, ...made] : listed;
	// Names come from the document only: an invented name among them gives itself away, and where the kind was
	// read wrongly ("Sky Q" as a person) it is absurd. Too few names of the kind: the card stays a cloze.
	const target = prepare(answer);
	const seedHash = hash32(seed);
	const dated = kind === 'date' || kind === 'year';
	const targetSpan = dated && target.range ? yearSpan(answer) : null;
	const words = target.words;
	const level = kind === 'place' ? target.level : null;
	const namePlaces = kind === 'person' ? documentNamePlaces(candidates) : null;
	const targetPlace = namePlaces?.has(target.key) ?? false;
	const blocked = [target, ...exclude.map((t) => prepare(t))];
	// Two candidates of one key ("U.S.", "US"): only the first that passes is read. Most keys are unique, and only
	// the others are tracked.
	const repeated = made.length ? repeatedKeys(pool) : repeatedKeysOf(listed);
	const seen = new Set<string>();
	const scored: Scored = { scores: [], cands: [] };
	// Index loops, no closures: this body runs for every candidate of every card.
	for (let k = 0; k < pool.length; k++) {
		const c = pool[k] as Prepared;
		const tracked = repeated.has(c.key);
		if (!c.key || (tracked && seen.has(c.key)) || c.bare || c.broken || c.era || aliasOfAny(blocked, c)) continue;
		// "MPs" among "MSP", "BBC", "SNP": among acronyms the plural gives itself away.
		if ((target.acronym || target.acronyms) && (c.acronym || c.acronyms) && target.acronyms !== c.acronyms) continue;
		if (tracked) seen.add(c.key);
		// A date of another precision is never offered: it gives the answer away by its form.
		if (dated && c.grain !== target.grain) continue;
		// "$5.11" among "five" and "nine", "47.650°N" among ages: an amount's unit gives the answer away.
		if (kind === 'number' && (c.unit !== target.unit || c.words !== words)) continue;
		// A whole number among fractions ("8,646" among "0.37", "1.37") gives itself away by its decimal point.
		if (kind === 'number' && c.decimal !== target.decimal) continue;
		// A range among single values, or a single value among ranges, gives itself away by its form; so does an
		// institution among companies ("European Union" among "Pulsar Ltd", "Centros Ltd").
		// A range takes ranges of its own format: "2007–08" or "2008-2009" among "1910–1940" gives itself away.
		if ((kind === 'number' || dated) && (c.range !== target.range || c.rangeForm !== target.rangeForm)) continue;
		if (kind === 'org' && c.company !== target.company) continue;
		// "ICTY8" beside "ICTY": a footnote mark glued to an acronym the document also gives bare.
		if (c.glued !== undefined && pool.some((p) => p.text === c.glued)) continue;
		// A document among bodies, or a body among documents ("First Company Law Directive" among courts), gives
		// itself away; a name of the answer's own family ("Court of Auditors" for "Court of Justice") ranks first.
		if ((kind === 'org' || kind === 'name') && c.document !== target.document) continue;
		const otherFamily = (kind === 'org' || kind === 'name') && target.family !== '' && c.family !== target.family ? 1 : 0;
		// "William" among "Braddock", "Langlade" for "Montcalm": a given name alone is no surname.
		if (kind === 'person' && words === 1 && GIVEN_NAMES.has(c.key) && !GIVEN_NAMES.has(target.key)) continue;
		const sameShape = c.shape === target.shape ? 0 : 1;
		const sameWords = kind === 'person' && (words > 1) !== /\s/.test(c.text) ? 1 : 0;
		// A country among cities gives itself away: places of another known level are never offered.
		if (level !== null && c.level !== null && c.level !== level) continue;
		// A place of unknown size ("Rotterdam") takes places of unknown size first: a country beside it may give it away.
		// … and a country, a city or a continent takes places of its own level first: "Virgin Trains East Coast" or a
		// cathedral (of no known level) beside "UK" and "Sweden" gives the answer's level away.
		const otherSize = kind === 'place' && (level === null) !== (c.level === null) ? 1 : 0;
		// A place of a person's name ("Saxony" of "John of Saxony") takes only such places (too few: the card stays a
		// cloze); a person takes people first.
		const otherNamePlace = namePlaces !== null && namePlaces.has(c.key) !== targetPlace ? 1 : 0;
		if (targetPlace && otherNamePlace) continue;
		const lengthGap = Math.abs(c.text.length - answer.length) / Math.max(answer.length, 1);
		const otherPeriod = dated && c.year !== null && target.year !== null && Math.abs(c.year - target.year) > PERIOD ? 1 : 0;
		const otherSpan = dated && target.range && c.range && farSpans(yearSpan(c.text), targetSpan) ? 1 : 0;
		// The built-in pool's invented names are a last resort, after every same-kind name of the document.
		const jitter = (Math.imul(c.hash ^ seedHash, 0x9e3779b1) >>> 0) % 1000;
		scored.scores.push(sameShape * 2 + sameWords * 2 + otherSize * 3 + otherFamily * 1.5 + otherPeriod * 10 + otherSpan * 10 + otherNamePlace * 10 + Math.min(lengthGap, 1.5) + jitter / 4000);
		scored.cands.push(c);
	}
	// Choices that overlap each other ("Korea Society" / "The Korea Society Track") would give the answer away.
	const out: Prepared[] = [];
	for (let i = 0; i < scored.cands.length && out.length < n; i++) {
		const c = nextBest(scored, i, n);
		if (!aliasOfAny(out, c)) out.push(c);
	}
	// "five / four / two / Eight": a count in words takes the answer's case.
	if (kind === 'number' && /^\p{L}/u.test(answer)) return out.map((c) => withCaseOf(answer, c.text));
	return out.map((c) => c.text);
}

/** `text` with its first letter in the case of `model`'s. */
function withCaseOf(model: string, text: string): string {
	const first = /^\p{Lu}/u.test(model) ? text.charAt(0).toUpperCase() : text.charAt(0).toLowerCase();
	return first + text.slice(1);
}
