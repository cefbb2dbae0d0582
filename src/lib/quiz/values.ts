/**
 * Numbers and dates as values, so a typed answer is judged on what it means rather than how it is written:
 * "21" = "twenty-one", "1,000" = "1000", "June 2005" = "6/2005" = "2005-06", "July 28, 2005" = "2005-07-28".
 *
 * Everything here works on *tokens*: the lower-case, accent-free words and numerals that answer-check.ts
 * produces with `tokenize`, so the two modules agree on what a word is.
 */

/** Lower case, accents removed (NFKD then combining marks dropped), apostrophes dropped, thousands separators removed. */
export function tokenize(text: string): string[] {
	const plain = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’‘`]/g, '')
		// "1,000,000" → "1000000"; a comma followed by exactly three digits sits between digits.
		.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
	const tokens = plain.match(/\p{N}+(?:\.\p{N}+)?|\p{L}+/gu) ?? [];
	// "21st" tokenises as "21" "st": the ordinal suffix carries no value of its own.
	return tokens.filter((t, i) => !(ORDINAL_SUFFIXES.has(t) && i > 0 && /^\d+$/.test(tokens[i - 1] ?? '')));
}

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

const UNITS: Record<string, number> = {
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
	eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
	nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const IRREGULAR_ORDINALS: Record<string, string> = {
	first: 'one', second: 'two', third: 'three', fifth: 'five', eighth: 'eight', ninth: 'nine', twelfth: 'twelve'
};

/** "twentieth" → "twenty", "fourth" → "four", "first" → "one"; anything else unchanged. */
function cardinalWord(word: string): string {
	const irregular = IRREGULAR_ORDINALS[word];
	if (irregular) return irregular;
	if (word.endsWith('ieth') && UNITS[word.slice(0, -4) + 'y'] !== undefined) return word.slice(0, -4) + 'y';
	if (word.endsWith('th') && (UNITS[word.slice(0, -2)] !== undefined || SCALES[word.slice(0, -2)] !== undefined)) {
		return word.slice(0, -2);
	}
	return word;
}

function isNumberWord(word: string): boolean {
	const cardinal = cardinalWord(word);
	return UNITS[cardinal] !== undefined || SCALES[cardinal] !== undefined;
}

/**
 * The value of a run of number words ("one hundred and five", "twenty one", "two thousand"), or null when the
 * run does not form one number. "and" is allowed between number words only.
 */
function wordsValue(words: readonly string[]): number | null {
	let total = 0;
	let group = 0;
	let seenAny = false;
	for (const raw of words) {
		if (raw === 'and') continue;
		const word = cardinalWord(raw);
		const unit = UNITS[word];
		const scale = SCALES[word];
		if (unit !== undefined) {
			// "twenty one" adds; "one twenty" (a year said aloud) is not supported and is refused.
			if (group % 10 !== 0 || (group % 100 !== 0 && unit >= 10)) return null;
			group += unit;
		} else if (scale === 100) {
			group = (group || 1) * 100;
		} else if (scale !== undefined) {
			total += (group || 1) * scale;
			group = 0;
		} else {
			return null;
		}
		seenAny = true;
	}
	return seenAny ? total + group : null;
}

/**
 * Replaces each maximal run of number words by its value written in digits, so "twenty one members" and
 * "21 members" give the same tokens. Returns the new tokens and the numbers found, in order.
 */
export function canonicalNumbers(tokens: readonly string[]): { tokens: string[]; numbers: number[] } {
	const out: string[] = [];
	const numbers: number[] = [];
	let i = 0;
	while (i < tokens.length) {
		const token = tokens[i] as string;
		if (/^\d/.test(token)) {
			const value = Number(token);
			out.push(String(value));
			numbers.push(value);
			i++;
			continue;
		}
		let end = i;
		while (end < tokens.length) {
			const t = tokens[end] as string;
			const joinsRun = t === 'and' && end > i && isNumberWord(tokens[end + 1] ?? '');
			if (!isNumberWord(t) && !joinsRun) break;
			end++;
		}
		const value = end > i ? wordsValue(tokens.slice(i, end)) : null;
		if (value === null) {
			out.push(token);
			i++;
		} else {
			out.push(String(value));
			numbers.push(value);
			i = end;
		}
	}
	return { tokens: out, numbers };
}

/** The value of an answer that is one number and nothing else ("1,000", "twenty-one", "21st"), else null. */
export function parseNumber(text: string): number | null {
	const { tokens } = canonicalNumbers(tokenize(text));
	return tokens.length === 1 && /^\d/.test(tokens[0] as string) ? Number(tokens[0]) : null;
}

/** A calendar date at the precision it was written: a year, a month of a year, or a day. */
export interface DateValue {
	year: number;
	month?: number;
	day?: number;
}

const MONTHS = [
	'january', 'february', 'march', 'april', 'may', 'june',
	'july', 'august', 'september', 'october', 'november', 'december'
];

/** 1..12 for "june", "jun", "sept"; null for any other word. A prefix of at least three letters is a month. */
function monthOf(word: string): number | null {
	if (word.length < 3) return null;
	const index = MONTHS.findIndex((m) => m.startsWith(word));
	return index < 0 ? null : index + 1;
}

function validDay(year: number, month: number, day: number): boolean {
	return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateValue(year: number, month?: number, day?: number): DateValue[] {
	if (month === undefined) return [{ year }];
	if (month < 1 || month > 12) return [];
	if (day === undefined) return [{ year, month }];
	return validDay(year, month, day) ? [{ year, month, day }] : [];
}

/**
 * Every date the text could mean, or [] when it is not a date. Numeric day/month orders are ambiguous
 * ("3/4/2005"), so both readings are returned when both are valid; a year alone is a number, not a date.
 * Accepted shapes: 2005-07-28, 2005-07, 7/2005, 28/7/2005, 7/28/2005, July 28 2005, 28 July 2005, July 2005.
 */
export function parseDate(text: string): DateValue[] {
	const trimmed = text.trim().toLowerCase();
	const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(trimmed);
	if (iso) return dateValue(Number(iso[1]), Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3]));
	const slashed = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?$|^(\d{1,2})[/.](\d{4})$/.exec(trimmed);
	if (slashed) {
		if (slashed[4] !== undefined) return dateValue(Number(slashed[5]), Number(slashed[4]));
		if (slashed[3] === undefined) return [];
		const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
		const readings = [...dateValue(year, a, b), ...dateValue(year, b, a)];
		return readings.filter((d, i) => readings.findIndex((e) => sameDate(d, e)) === i);
	}
	const tokens = tokenize(text).filter((t) => t !== 'of'); // "28th of July 2005"
	const monthAt = tokens.findIndex((t) => monthOf(t) !== null);
	if (monthAt < 0) return [];
	const month = monthOf(tokens[monthAt] as string) as number;
	const rest = tokens.filter((_, i) => i !== monthAt);
	if (!rest.every((t) => /^\d+$/.test(t))) return [];
	const year = rest.find((t) => t.length === 4);
	const day = rest.find((t) => t.length <= 2);
	if (year === undefined || rest.length !== (day === undefined ? 1 : 2)) return [];
	return dateValue(Number(year), month, day === undefined ? undefined : Number(day));
}

export function sameDate(a: DateValue, b: DateValue): boolean {
	return a.year === b.year && a.month === b.month && a.day === b.day;
}
