/**
 * Mentions inside one sentence: dates, numbers and capitalised name phrases, with offsets relative to the
 * sentence. Their kind (person, organisation, place …) is settled document-wide in entities.ts, because one
 * sentence rarely says enough ("Schwab" is a person because "Professor George Schwab" appears elsewhere).
 */
import { rarity } from './features';
import { FRACTIONS, FUNCTION_WORDS, GIVEN_NAMES, MONTHS, ORG_HEADS, PERSON_TITLES, PLACE_HEADS, PLACES, ROLE_NOUNS, WEEKDAYS } from './lexicon';

/** Known given names and places: a name even as the first word of a text that never repeats it. */
const KNOWN_NAMES = new Set([...GIVEN_NAMES, ...PLACES]);
/**
 * A word after "and" ends a joined name, and a sentence's first word opens none, when it is one of the 20,000
 * commonest English words (features.ts `rarity`).
 */
const COMMON_TAIL = 1;

export type Kind = 'person' | 'org' | 'place' | 'date' | 'year' | 'number' | 'name';

export interface Token {
	text: string;
	lower: string;
	start: number;
	end: number;
}

export interface Mention {
	start: number;
	end: number;
	text: string;
	kind: Kind;
	/** for numbers: the counted noun ("countries"); for names: leading title words that were cut off */
	noun?: string;
	title?: string;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[’'\-&.][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(TOKEN)) {
		let t = m[0];
		const start = m.index ?? 0;
		// "Korea’s" → "Korea": the possessive is not part of the name.
		if (/['’]s$/.test(t) && t.length > 3) t = t.slice(0, -2);
		out.push({ text: t, lower: t.toLowerCase(), start, end: start + t.length });
	}
	return out;
}

const MONTH = `(?:${MONTHS.map((m) => m[0]?.toUpperCase() + m.slice(1)).join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.)`;
const ORD = '\\d{1,2}(?:st|nd|rd|th)';
/** An ordinal, in figures or in words: "17th", "fifth". */
const ORDINAL = `(?:${ORD}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)`;
/** Each pattern with whether it needs a digit (a sentence without one is not searched for it). */
const DATE_PATTERNS: [RegExp, Kind, boolean][] = [
	[new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(?:${MONTH}\\s+)?\\d{1,2})?(?:,?\\s+\\d{4})?\\b`, 'g'), 'date', true],
	[new RegExp(`\\b\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?\\b`, 'g'), 'date', true],
	[new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'g'), 'date', true],
	[new RegExp(`\\b${ORDINAL}(?:(?:\\s+(?:and|or|to)\\s+|\\s*[–-]\\s*)${ORDINAL})?\\s+centur(?:y|ies)(?:\\s+(?:AD|BC|BCE|CE))?`, 'gi'), 'date', false],
	[/\b(?:1\d{3}|20\d{2})s\b/g, 'date', true],
	[/\b(?:1\d{3}|20\d{2})(?:\s*[-–]\s*\d{2,4})?(?:\s+(?:AD|BC|BCE|CE))?\b(?![.,]\d)/g, 'year', true],
	// "in 911 as a fiefdom", "in 966 and": a function word may follow; a noun makes it a count ("in 400 villages").
	[/(?<=\b(?:in|of|from|since|until|by|around|about|circa|c\.)\s+)\d{3}(?:\s+(?:AD|BC|BCE|CE))?\b(?![.,]\d|\s*(?:%|percent)|\s+(?!(?:as|and|or|but|when|while|after|before|until|under|with|by|in|on|at|to|the|a|an|he|she|it|they|was|were|is|are|had|his|her|their)\b)[a-z])/g, 'year', true],
	[new RegExp(`(?<=\\b(?:in|since|until|by|during|early|late|mid-?)\\s+)${MONTH}\\b(?!\\s+\\d)`, 'g'), 'date', false]
];

/** A capitalised number word that ends a name ("BBC One", "the Big Three"): no function word there. */
const NAME_NUMBER = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)$/;

/** The capitalised words that follow a name's "Century" ("20th Century Fox"). */
const NAME_AFTER_CENTURY = /^(?:\s\p{Lu}[\p{L}-]*)+/u;

/** A pattern of lower-case words whose every word may also start with a capital: "two" → "[tT]wo". */
function capitalOrNot(words: string): string {
	return words.replace(/\b([a-z])(?=[a-z])/g, (_, c: string) => `[${c}${c.toUpperCase()}]`);
}
/** Plurals without an "-s" that a count takes ("30 people", "546 children", "12,000 cattle"). */
const IRREGULAR_PLURALS = 'people|children|men|women|mice|geese|cattle|personnel|staff|police|sheep|deer|aircraft|clergy|livestock|offspring';
/** Counts in words: "fifty-seven", "thirteen", and a capital at the start of a sentence ("Fifty-seven chapels"). */
const COUNT_WORDS = capitalOrNot('(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|dozen|several hundred|hundreds|thousands|millions');
const NUMBER = new RegExp(
	`(?<![\\p{L}\\p{N}.,-])((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s*(?:%|percent|per cent))?(?:\\s+(?:million|billion|thousand|hundred|trillion))?|(?:${COUNT_WORDS})(?:\\s+(?:million|billion|thousand|hundred))?)\\s+((?:[a-z][a-z-]+\\s+){0,2}?(?:[a-z][a-z-]+s|${IRREGULAR_PLURALS}))\\b`,
	'gu'
);

/**
 * Amounts that need no counted noun: money ("£1.3bn", "$4 million"), shares ("36%", "12 per cent"), bare
 * millions ("25m"), large figures ("4,222,000") and positions ("28.5°E"). They answer "how much/how many". A sum
 * ends on a digit: the comma of "$38,000, with …" is the sentence's.
 */
const SUM = String.raw`[£$€¥]\s?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:bn|m|k|million|billion|trillion)\b)?`;
const AMOUNT = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(?:${SUM}|\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)|\d+(?:\.\d+)?(?:bn|m)\b|\d{1,3}(?:,\d{3}){1,4}(?![\d,])|\d+(?:\.\d+)?°\s?[NSEW]?\b)`, 'gu');
/** A sum with its currency's country before the sign, read whole: "US$99", "A$5 million", "HK$3". */
const PREFIXED_SUM = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(?:US|A|C|NZ|HK|S)${SUM}`, 'gu');

/** A place in a ranking: "is ranked 4th in size", "placed 16th in …", "finished 3rd". */
const RANK = /(?<=\b(?:rank|ranks|ranked|ranking|place|places|placed|finish|finishes|finished|rate|rates|rated|came|comes)\s+(?:as\s+)?(?:the\s+)?)\d{1,3}(?:st|nd|rd|th)\b(?!-)/g;

/** A number written in words, up to ninety-nine ("six", "twenty-five", "forty one"). */
const WORD_NUMBER = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
/**
 * Shares and fractions written in words: "six to nine percent", "twenty-five per cent", "two thirds", "a quarter
 * of". The whole amount is the answer: a blank on "two" before "thirds" leaves half of it in the stem. "A third
 * group" is an ordinal, not a fraction: a fraction after "a" needs "of".
 */
const WORD_AMOUNT = new RegExp(
	`(?<![\\p{L}\\p{N}-])(?:${WORD_NUMBER}(?:\\s+(?:to|or|and)\\s+${WORD_NUMBER})?\\s+(?:percent|per cent)|${WORD_NUMBER}[- ](?:${FRACTIONS})|an?\\s+(?:half|third|quarter|fifth|tenth)(?=\\s+of\\b))(?![\\p{L}-])`,
	'giu'
);

/**
 * Cheap tests before the costly patterns (each tries its look-behind at every character): every match of
 * WORD_AMOUNT holds "percent", "per cent" or a fraction word, and every match of NUMBER a digit or a count word.
 */
const MAY_HAVE_WORD_AMOUNT = /percent|per cent|half|halves|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth/i;
const MAY_HAVE_COUNT_WORD = /twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|hundred|dozen|thousands|millions/i;

/**
 * Measurements: a number and a unit symbol ("90.20 K", "160 kPa", "120 m", "55 mph", "687 nm", "2.5 Gbit/s",
 * "−182.95 °C", a range "66–34 Mya" whole). They answer "how much" as amounts do; a unit written out in the plural ("120 metres") is a counted
 * noun (NUMBER). Single letters that are also words or grades ("A", "V", "t", "s", "in") are left out.
 */
const UNITS = [
	'nm', 'µm', 'μm', 'mm', 'cm', 'm', 'km', 'ft', 'yd', 'mi', 'mg', 'g', 'kg', 'lb', 'lbs', 'oz', 'ms', 'min', 'h', 'hr', 'hrs',
	'yr', 'yrs', 'Mya', 'mya', 'Ma', 'ka', 'Ga', 'K', '°C', '°F', 'Pa', 'hPa', 'kPa', 'MPa', 'GPa', 'atm', 'bar', 'mbar', 'mmHg',
	'psi', 'J', 'kJ', 'MJ', 'eV', 'keV', 'MeV', 'GeV', 'W', 'kW', 'MW', 'GW', 'TW', 'kWh', 'MWh', 'GWh', 'TWh', 'kcal', 'mL',
	'ml', 'm3', 'm³', 'km3', 'km³', 'cm3', 'cm³', 'km2', 'km²', 'm2', 'm²', 'ha', 'mph', 'km/h', 'kph', 'm/s', 'bit/s', 'kbit/s',
	'Mbit/s', 'Gbit/s', 'kB', 'KB', 'MB', 'GB', 'TB', 'Hz', 'kHz', 'MHz', 'GHz', 'kV', 'mV', 'mA', 'ppm', 'ppb'
];
const MEASURE = new RegExp(
	`(?<![\\p{L}\\p{N}.,–-])[−-]?(?:\\d[\\d,]*(?:\\.\\d+)?\\s?[–-]\\s?)?\\d[\\d,]*(?:\\.\\d+)?\\s?(?:${UNITS.map((u) => u.replace(/[/.]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}/])`,
	'gu'
);

/** Words that may sit inside a name ("Council for Security Cooperation", "Kingdom of Sicily"). */
/** Lower-case particles inside personal names ("Guy de Lusignan", "Leonardo da Vinci", "Otto von Bismarck"). */
const PARTICLES = new Set(['de', 'du', 'da', 'di', 'del', 'della', 'des', 'van', 'von', 'der', 'den']);
/** A plain capitalised word: "Newcastle", not "SyFy" or "SF". */
const TOWN_WORD = /^\p{Lu}\p{Ll}+$/u;
const CONNECTORS = new Set(['of', 'for', 'on', 'de', 'du', 'la', 'le', 'von', 'van', 'der', 'den', 'da', 'di', 'del', 'della', 'des', 'the']);
const JOIN_HEADS = new Set([...ORG_HEADS, ...PLACE_HEADS, ...ROLE_NOUNS, ...PERSON_TITLES, 'battle', 'war', 'treaty', 'house', 'siege', 'bishop']);
const MONTH_SET = new Set([...MONTHS, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

function overlaps(taken: Mention[], s: number, e: number): boolean {
	return taken.some((m) => s < m.end && e > m.start);
}

/** Dates and numbers first (they are unambiguous), then name phrases in the gaps. */
/**
 * Dates, amounts and names in one sentence. `capitalVocab`, when given, holds the words the document capitalises
 * inside a sentence: a lone capitalised first word outside it ("Strategic patience is …", "Researchers divide
 * …") is an ordinary word at the start, not a name.
 */
export function findMentions(sentence: string, tokens: Token[], lowerVocab: ReadonlySet<string>, capitalVocab?: ReadonlySet<string>, nameStarts?: ReadonlySet<string>): Mention[] {
	const out: Mention[] = [];
	// Most patterns need a digit, and each is tried at every character: a sentence without one skips them.
	const digit = /\d/.test(sentence);
	for (const [re, kind, needsDigit] of DATE_PATTERNS) {
		if (needsDigit && !digit) continue;
		for (const m of sentence.matchAll(re)) {
			const s = m.index ?? 0;
			const e = s + m[0].length;
			if (kind === 'year' && (afterName(sentence, s) || notAYear(sentence, s, e))) continue;
			// "20th Century Fox", "21st Century Holdings": a capitalised "Century" before a capitalised word names a company.
			const named = kind === 'date' && m[0].endsWith('Century') ? NAME_AFTER_CENTURY.exec(sentence.slice(e))?.[0] : undefined;
			if (named) {
				if (!overlaps(out, s, e + named.length)) out.push({ start: s, end: e + named.length, text: sentence.slice(s, e + named.length), kind: 'name' });
				continue;
			}
			if (!overlaps(out, s, e)) out.push({ start: s, end: e, text: m[0], kind });
		}
	}
	// Tried only where a sign or an ordinal is (most sentences have neither): the patterns cost time on every character.
	const sums = /[£$€¥]/.test(sentence) ? [...sentence.matchAll(PREFIXED_SUM)] : [];
	const ranks = /\d(?:st|nd|rd|th)\b/.test(sentence) ? [...sentence.matchAll(RANK)] : [];
	for (const m of [...sums, ...(digit ? sentence.matchAll(AMOUNT) : [])]) {
		const s = m.index ?? 0;
		const e = s + m[0].length;
		if (!overlaps(out, s, e)) out.push({ start: s, end: e, text: m[0].trim(), kind: 'number', noun: '' });
	}
	for (const m of ranks) {
		const s = m.index ?? 0;
		const e = s + m[0].length;
		if (!overlaps(out, s, e)) out.push({ start: s, end: e, text: m[0], kind: 'number', noun: '' });
	}
	for (const m of MAY_HAVE_WORD_AMOUNT.test(sentence) ? sentence.matchAll(WORD_AMOUNT) : []) {
		const s = m.index ?? 0;
		const e = s + m[0].length;
		if (!overlaps(out, s, e)) out.push({ start: s, end: e, text: m[0], kind: 'number', noun: '' });
	}
	for (const m of digit ? sentence.matchAll(MEASURE) : []) {
		const s = m.index ?? 0;
		const e = s + m[0].length;
		if (!overlaps(out, s, e)) out.push({ start: s, end: e, text: m[0], kind: 'number', noun: '' });
	}
	for (const m of digit || MAY_HAVE_COUNT_WORD.test(sentence) ? sentence.matchAll(NUMBER) : []) {
		const num = m[1] ?? '';
		const s = m.index ?? 0;
		if (/^\d/.test(num) && afterName(sentence, s)) continue;
		if (FUNCTION_WORDS.has((m[2] ?? '').split(' ')[0] ?? '')) continue;
		if (!overlaps(out, s, s + num.length)) out.push({ start: s, end: s + num.length, text: num, kind: 'number', noun: m[2] ?? '' });
	}
	namePhrases(sentence, tokens, lowerVocab, out, capitalVocab, nameStarts);
	return out.sort((a, b) => a.start - b.start);
}

/** A street's name after a number: "1330 Avenue of the Americas", "1600 Pennsylvania Avenue". */
const STREET = /^\s+(?:\p{Lu}[\p{L}.]*\s+){0,2}(?:Avenue|Street|Road|Boulevard|Drive|Lane|Place|Square|Way)\b/u;
/** A number before its counted noun that is no year: "650 paintings", "6800 drawings", "4,000 items". */
const COUNT_BEFORE = /(?<![\d,.])(?!(?:1\d{3}|20\d{2})\b)\d[\d,]*\s+\p{L}/u;

/**
 * A four-digit figure that is no year: a street number, or a count listed with other counts ("900 British and 250
 * Dutch paintings, 4800 drawings and 1500 miniatures": after "and", "or" or a comma, before a plural noun, with a
 * count that cannot be a year earlier in the sentence). "The 1990 elections and the 1994 elections" stay years.
 */
function notAYear(sentence: string, s: number, e: number): boolean {
	const after = sentence.slice(e);
	if (STREET.test(after)) return true;
	const before = sentence.slice(0, s);
	return /(?:,|\band|\bor)\s+$/.test(before) && /^\s+\p{Ll}[\p{Ll}-]+[^s']s\b/u.test(after) && COUNT_BEFORE.test(before);
}

/** "Track 2 meetings", "Resolution 1540": a number right after a capitalised word is part of a name. */
function afterName(sentence: string, at: number): boolean {
	const prev = /([\p{L}.]+)\s+$/u.exec(sentence.slice(Math.max(0, at - 24), at))?.[1] ?? '';
	if (!/^\p{Lu}/u.test(prev)) return false;
	const lower = prev.toLowerCase().replace(/\.$/, '');
	return !MONTH_SET.has(lower) && !FUNCTION_WORDS.has(lower);
}

function isCapital(t: Token, first: boolean, lowerVocab: ReadonlySet<string>): boolean {
	if (!/^\p{Lu}/u.test(t.text)) return false;
	if (MONTH_SET.has(t.lower) || WEEKDAYS.has(t.lower)) return false;
	if (first && (FUNCTION_WORDS.has(t.lower) || lowerVocab.has(t.lower))) return false;
	if (FUNCTION_WORDS.has(t.lower) && t.text !== t.text.toUpperCase()) return false;
	return true;
}

/**
 * "the Great and General Court of …", "the French and Indian War": after "the", one capitalised common word that is
 * no place and no head, "and", then a run of capitalised words ending in a head word make one name ("the Vrbno and
 * Szohod Union", "the Germany and Soviet Union" stay two).
 */
function modifierAnd(sentence: string, tokens: Token[], i: number, lowerVocab: ReadonlySet<string>, out: Mention[]): boolean {
	const first = tokens[i];
	if (!first || !/\bthe\s+$/i.test(sentence.slice(0, first.start)) || rarity(first.lower) >= COMMON_TAIL || PLACES.has(first.lower) || JOIN_HEADS.has(first.lower)) return false;
	let k = i + 2;
	const opening = tokens[k];
	if (!opening || !isCapital(opening, false, lowerVocab) || overlaps(out, opening.start, opening.end)) return false;
	for (let t = tokens[k + 1]; t && sentence.slice(tokens[k]?.end ?? 0, t.start) === ' ' && isCapital(t, false, lowerVocab); t = tokens[k + 1]) k++;
	return JOIN_HEADS.has(tokens[k]?.lower ?? '');
}

/**
 * The index of the last token of a run of capitalised common English words from `k` that ends the name (the next
 * token is not capitalised), or 0: "… and Peace", "… and Technology", not "… and Stanford University" or "… and
 * Citigroup".
 */
function andTail(sentence: string, tokens: Token[], k: number, lowerVocab: ReadonlySet<string>, out: Mention[]): number {
	let end = k;
	for (;;) {
		const t = tokens[end];
		if (!t || !isCapital(t, false, lowerVocab) || overlaps(out, t.start, t.end)) break;
		if (rarity(t.lower) >= COMMON_TAIL || KNOWN_NAMES.has(t.lower) || ORG_HEADS.has(t.lower) || PLACE_HEADS.has(t.lower)) return 0;
		const next = tokens[end + 1];
		if (!next || sentence.slice(t.end, next.start) !== ' ' || !isCapital(next, false, lowerVocab)) return end - k < 2 ? end : 0;
		end++;
	}
	return 0;
}

function namePhrases(sentence: string, tokens: Token[], lowerVocab: ReadonlySet<string>, out: Mention[], capitalVocab?: ReadonlySet<string>, nameStarts?: ReadonlySet<string>): void {
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i];
		// "Van Praag states …": a surname's particle opens the name at the start of a sentence too.
		const particle = t !== undefined && PARTICLES.has(t.lower) && /^\p{Lu}/u.test(t.text) && /^ \p{Lu}/u.test(sentence.slice(t.end, t.end + 2));
		if (!t || !(particle || isCapital(t, i === 0 || /[:“"]\s*$/.test(sentence.slice(0, t.start)), lowerVocab)) || overlaps(out, t.start, t.end)) {
			i++;
			continue;
		}
		let j = i;
		/** the run went on after a head word with a connector: "Study Group on Countering Weapons …" */
		let joined = false;
		for (;;) {
			const cur = tokens[j];
			const next = tokens[j + 1];
			if (!cur || !next || overlaps(out, next.start, next.end)) break;
			const gap = sentence.slice(cur.end, next.start);
			const possessive = cur.end < sentence.length && /^['’]s/.test(sentence.slice(cur.end));
			if (possessive) break;
			if ((gap === ' ' || (gap === '. ' && (cur.text.length === 1 || PERSON_TITLES.has(cur.lower)))) && (isCapital(next, false, lowerVocab) || (gap === ' ' && NAME_NUMBER.test(next.text)))) {
				j++;
				continue;
			}
			// A connector joins only after a head word: "Committee on American Foreign Policy", not "Revere of the Korea Society".
			// … and a given name alone before "of": "William of Montreuil", "Conrad of Montferrat".
			const givenOf = j === i && next.text === 'of' && GIVEN_NAMES.has(cur.lower);
			// … and a nobiliary particle between two capitalised words: "Guy de Lusignan", "Otto von Bismarck".
			const particle = PARTICLES.has(next.text);
			// … and, once joined so, "of" goes on after any of its words: "… Countering Weapons of Mass Destruction".
			const joinsOf = joined && next.text === 'of';
			if (gap === ' ' && CONNECTORS.has(next.text) && next.text !== 'the' && (JOIN_HEADS.has(cur.lower) || givenOf || particle || joinsOf)) {
				let k = j + 2;
				if (tokens[k]?.text === 'the' || (particle && (tokens[k]?.text === 'la' || tokens[k]?.text === 'le'))) k++;
				const after = tokens[k];
				if (after && isCapital(after, false, lowerVocab) && !overlaps(out, after.start, after.end)) {
					joined ||= JOIN_HEADS.has(cur.lower);
					j = k;
					continue;
				}
			}
			// "Newcastle upon Tyne", "Kingston upon Hull": a town named for its river, two plain capitalised words ("… on
			// SyFy upon SF's closure" is a time).
			const river = next.text === 'upon' ? tokens[j + 2] : undefined;
			if (gap === ' ' && river && TOWN_WORD.test(cur.text) && TOWN_WORD.test(river.text) && !overlaps(out, river.start, river.end)) {
				j += 2;
				continue;
			}
			// "Institute for Disarmament and Peace", "Ministry of Science and Technology": a joined name goes on with
			// "and" and common words that end it; "University of Washington and Stanford University" is two names.
			const tail = joined && gap === ' ' && next.text === 'and' ? andTail(sentence, tokens, j + 2, lowerVocab, out) : 0;
			if (tail) {
				j = tail;
				continue;
			}
			if (j === i && gap === ' ' && next.text === 'and' && modifierAnd(sentence, tokens, i, lowerVocab, out)) {
				j = i + 2;
				continue;
			}
			break;
		}
		const opening = tokens[i];
		const last = tokens[j];
		const atStart = opening !== undefined && (i === 0 || /[:“"]\s*$/.test(sentence.slice(0, opening.start)));
		const plain = atStart && capitalVocab && !capitalVocab.has(opening.lower) && opening.text !== opening.text.toUpperCase() && !KNOWN_NAMES.has(opening.lower);
		const lone = i === j && plain;
		// "Prior Zelda games …", "Transferring GameCube development …": a common word that opens the sentence and that
		// the document never capitalises inside one is no part of the name after it, where the document writes that
		// name inside a sentence without it ("Virgin Media said …" twice stays whole).
		const second = tokens[i + 1];
		const opener = i < j && plain && second && nameStarts?.has(second.lower) && sentence.slice(opening.end, second.start) === ' ' && rarity(opening.lower) < COMMON_TAIL && !PARTICLES.has(opening.lower) && !JOIN_HEADS.has(opening.lower) && !PLACE_HEADS.has(opening.lower);
		const first = opener ? second : opening;
		if (first && last && !lone) out.push({ start: first.start, end: last.end, text: sentence.slice(first.start, last.end), kind: 'name' });
		i = j + 1;
	}
}
