/**
 * Judging quiz answers fairly (issue 5). A typed answer is compared after ignoring case, accents, punctuation,
 * a leading article and extra whitespace; numbers and dates are compared as values; small typos are forgiven
 * in proportion to the answer's length, but never a near miss that is another answer (issue 12): a changed
 * number, a word swapped for its opposite, a changed short word or name part, another country, or an answer
 * as close to another answer of the deck as to the expected one. Every verdict carries a reason a student can
 * read. See docs/quiz-and-readiness.md.
 */
import type { CardType } from '../domain/types';
import { areOpposites, COUNTRIES, isRomanNumeral, isSurnameFirst, NEGATIONS } from './near-miss';
import { canonicalNumbers, parseDate, sameDate, tokenize } from './values';

export interface Verdict {
	correct: boolean;
	reason: string;
}

export type AnswerKind = 'person' | 'date' | 'number' | 'other';

export interface AnswerContext {
	type: CardType;
	kind?: AnswerKind;
	/**
	 * For a person: whether a surname belongs to only one person in the deck. Keys are `surnameOf(name)`.
	 * Without it a surname alone is never enough.
	 */
	surnamesUniqueInDeck?: Set<string> | ((surname: string) => boolean);
	/**
	 * Answers the student may be confusing with the expected one: the deck's other answers of the same kind and
	 * the card's (and the deck's) multiple-choice options. A typed answer at least as close to one of them as to
	 * the expected answer is never taken for a typo of it: "Iraq" is not a misspelt "Iran".
	 */
	confusables?: readonly string[];
}

const ARTICLES = new Set(['a', 'an', 'the']);
/** Name suffixes that are not the surname: "Martin Luther King Jr." → "king". */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md']);

/** Tokens with a leading article dropped (unless the article is all there is). */
function words(text: string): string[] {
	const tokens = tokenize(text);
	return tokens.length > 1 && ARTICLES.has(tokens[0] as string) ? tokens.slice(1) : tokens;
}

/** The form two answers are compared in: words, with number words turned into digits. */
function canonical(text: string): { text: string; plain: string; numbers: number[] } {
	const plain = words(text);
	const { tokens, numbers } = canonicalNumbers(plain);
	return { text: tokens.join(' '), plain: plain.join(' '), numbers };
}

/**
 * The key a person is filed under in `surnamesUniqueInDeck`: "George Schwab" → "schwab"; Korean and Chinese
 * names are written surname first: "Kim Jong Un" → "kim", "Xi Jinping" → "xi".
 */
export function surnameOf(fullName: string): string {
	const tokens = words(fullName).filter((t) => !NAME_SUFFIXES.has(t));
	return (isSurnameFirst(tokens) ? tokens[0] : tokens[tokens.length - 1]) ?? '';
}

/** A name's words without suffixes, in alphabetical order. */
function nameKey(name: string): string {
	return words(name)
		.filter((t) => !NAME_SUFFIXES.has(t))
		.sort()
		.join(' ');
}

/**
 * Damerau-Levenshtein distance, optimal string alignment variant: insertions, deletions, substitutions and
 * transpositions of two adjacent characters each cost 1, and no substring is edited twice.
 */
export function osaDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[] = new Array<number>(rows * cols).fill(0);
	const at = (i: number, j: number) => d[i * cols + j] as number;
	for (let i = 0; i < rows; i++) d[i * cols] = i;
	for (let j = 0; j < cols; j++) d[j] = j;
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, at(i - 2, j - 2) + 1);
			}
			d[i * cols + j] = best;
		}
	}
	return at(rows - 1, cols - 1);
}

/** Typos forgiven for an answer this long: 0 up to 3 characters, 1 up to 7, 2 up to 14, then 15% rounded down. */
export function typoAllowance(length: number): number {
	if (length <= 3) return 0;
	if (length <= 7) return 1;
	if (length <= 14) return 2;
	return Math.floor(length * 0.15);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** The number of letters typed wrong, when within the allowance for `expected`; otherwise null. */
function typoDistance(given: string, expected: string): number | null {
	const distance = osaDistance(given, expected);
	return distance <= typoAllowance(expected.replace(/ /g, '').length) ? distance : null;
}

function typoReason(distance: number): string {
	return `Accepted: small typo (${distance} ${distance === 1 ? 'letter' : 'letters'})`;
}

function refused(expected: string, why?: string): Verdict {
	return { correct: false, reason: `Not accepted: ${why ? `${why}; ` : ''}expected “${expected.trim()}”` };
}

/** One step of a word-by-word alignment: a word kept or changed (both set), or added or dropped (one is null). */
interface WordStep {
	given: string | null;
	expected: string | null;
}

/**
 * Aligns two answers word by word (Levenshtein over words: changing a word costs its letters' distance, adding
 * or dropping one its length + 1), so a near miss can be read as the words it changes.
 */
function alignWords(given: readonly string[], expected: readonly string[]): WordStep[] {
	const rows = given.length + 1;
	const cols = expected.length + 1;
	const cost: number[] = new Array<number>(rows * cols).fill(0);
	const at = (i: number, j: number) => cost[i * cols + j] as number;
	const g = (i: number) => given[i - 1] as string;
	const e = (j: number) => expected[j - 1] as string;
	for (let i = 1; i < rows; i++) cost[i * cols] = at(i - 1, 0) + g(i).length + 1;
	for (let j = 1; j < cols; j++) cost[j] = at(0, j - 1) + e(j).length + 1;
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			cost[i * cols + j] = Math.min(
				at(i - 1, j - 1) + osaDistance(g(i), e(j)),
				at(i - 1, j) + g(i).length + 1,
				at(i, j - 1) + e(j).length + 1
			);
		}
	}
	const steps: WordStep[] = [];
	let i = given.length;
	let j = expected.length;
	while (i > 0 || j > 0) {
		if (i > 0 && j > 0 && at(i, j) === at(i - 1, j - 1) + osaDistance(g(i), e(j))) {
			steps.push({ given: g(i--), expected: e(j--) });
		} else if (i > 0 && at(i, j) === at(i - 1, j) + g(i).length + 1) {
			steps.push({ given: g(i--), expected: null });
		} else {
			steps.push({ given: null, expected: e(j--) });
		}
	}
	return steps.reverse();
}

/**
 * Why a near miss is another answer rather than a typo, or null when it may be a typo. Read word by word: a
 * word swapped for its opposite or a negation added or dropped reverses the answer; a roman numeral changed
 * into another ("VII" for "VIII") or a country into another is another answer; and when both answers have the
 * same number of words, each changed word must be within its own typo allowance, so a short word or name part
 * ("Il" for "Un") must be exact. (Digits were compared before: `sameNumbers`.)
 */
function nearMissReason(given: readonly string[], expected: readonly string[]): string | null {
	const sameShape = given.length === expected.length;
	const steps = sameShape ? given.map((word, i) => ({ given: word, expected: expected[i] as string })) : alignWords(given, expected);
	for (const step of steps) {
		const { given: g, expected: e } = step;
		if (g === e) continue;
		if (g === null || e === null) {
			const word = (g ?? e) as string;
			if (NEGATIONS.has(word)) return `“${word}” reverses the meaning`;
			continue;
		}
		if (areOpposites(g, e)) return `“${g}” is the opposite of “${e}”`;
		if (isRomanNumeral(g) && isRomanNumeral(e)) return `“${g}” is another number than “${e}”`;
		if (COUNTRIES.has(g) && COUNTRIES.has(e)) return `“${g}” is another country than “${e}”`;
		if (sameShape && osaDistance(g, e) > typoAllowance(e.length)) return `“${g}” is another word than “${e}”`;
	}
	return null;
}

function isUniqueSurname(surname: string, context: AnswerContext): boolean {
	const unique = context.surnamesUniqueInDeck;
	if (unique === undefined) return false;
	return typeof unique === 'function' ? unique(surname) : unique.has(surname);
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n']);

function checkTrueFalse(given: string, expected: string): Verdict {
	const word = words(given).join(' ');
	const value = TRUE_WORDS.has(word) ? 'true' : FALSE_WORDS.has(word) ? 'false' : null;
	return value === words(expected).join(' ') ? { correct: true, reason: 'Exact match' } : refused(expected);
}

/** Dates: a verdict when both sides are dates, null when the expected answer or the given one is not a date. */
function checkDate(given: string, expected: string): Verdict | null {
	const expectedDates = parseDate(expected);
	const givenDates = parseDate(given);
	if (expectedDates.length === 0 || givenDates.length === 0) return null;
	const match = expectedDates.some((e) => givenDates.some((g) => sameDate(e, g)));
	return match ? { correct: true, reason: 'Accepted: same date' } : refused(expected);
}

/** For a person: the surname alone (possibly with a small typo), when no one else in the deck shares it. */
function checkSurname(given: string, expected: string, context: AnswerContext): Verdict | null {
	const surname = surnameOf(expected);
	const givenWords = words(given).filter((t) => !NAME_SUFFIXES.has(t));
	if (givenWords.length !== 1 || surname === '' || words(expected).length < 2) return null;
	const distance = typoDistance(givenWords[0] as string, surname);
	if (distance === null) return null;
	if (!isUniqueSurname(surname, context)) {
		return {
			correct: false,
			reason: `Not accepted: more than one person in this deck has that surname; expected “${expected.trim()}”`
		};
	}
	const typo = distance === 0 ? '' : ` (small typo, ${distance} ${distance === 1 ? 'letter' : 'letters'})`;
	return { correct: true, reason: `Accepted: surname is enough here${typo}` };
}

/** Judges a typed answer (basic and cloze cards; a truefalse answer typed as true/false/yes/no also works). */
export function checkTypedAnswer(given: string, expected: string, context: AnswerContext): Verdict {
	if (given.trim() === '') return refused(expected);
	if (context.type === 'truefalse') return checkTrueFalse(given, expected);
	if (given.trim() === expected.trim()) return { correct: true, reason: 'Exact match' };

	const g = canonical(given);
	const e = canonical(expected);
	if (g.plain === e.plain) return { correct: true, reason: 'Exact match' };
	if (g.text === e.text) return { correct: true, reason: 'Accepted: same number' };

	const date = checkDate(given, expected);
	if (date) return date;

	const list = checkList(given, expected, context);
	if (list) return list;

	const reordered = reorderedPair(given, expected);
	if (reordered !== null) {
		const verdict = checkTypedAnswer(reordered, expected, context);
		if (!verdict.correct) return verdict;
		return { correct: true, reason: verdict.reason === 'Exact match' ? 'Accepted: the same two, in another order' : verdict.reason };
	}

	if (context.kind === 'person') {
		// "Schwab, George" and "Martin Luther King" name the same people as "George Schwab" and "… King Jr.".
		if (nameKey(given) === nameKey(expected)) return { correct: true, reason: 'Accepted: same name' };
		const surname = checkSurname(given, expected, context);
		if (surname) return surname;
	}

	// A typo may change letters but never a number: "1995" for "1996" is a different answer, not a slip.
	if (!sameNumbers(g.numbers, e.numbers)) return refused(expected);
	const distance = typoDistance(g.text, e.text);
	if (distance === null) return refused(expected);
	const nearMiss = nearMissReason(g.text.split(' '), e.text.split(' '));
	if (nearMiss) return refused(expected, nearMiss);
	const confusable = closestConfusable(g.text, e.text, distance, context.confusables ?? []);
	if (confusable !== null) return refused(expected, `as close to “${confusable.trim()}”, another answer in this deck`);
	return { correct: true, reason: typoReason(distance) };
}

/**
 * The given answer with its two halves swapped, when the expected answer is a pair of common-noun phrases joined by
 * one "and" or "or" ("copper exports and foreign tourism", which the generator asks whole) and the given one names
 * the same two the other way round: then it is closer to the expected answer swapped than as typed. Names and
 * titles keep their order ("Romeo and Juliet", "Procter & Gamble"): an expected answer with a capital or a digit is
 * no pair here. Null otherwise.
 */
function reorderedPair(given: string, expected: string): string | null {
	if (/[\p{Lu}\d]/u.test(expected)) return null;
	const halves = (text: string) => {
		const tokens = tokenize(text);
		const at = tokens.findIndex((t) => t === 'and' || t === 'or');
		if (at < 1 || at === tokens.length - 1 || tokens.some((t, i) => i > at && (t === 'and' || t === 'or'))) return null;
		return { first: tokens.slice(0, at).join(' '), joint: tokens[at] as string, second: tokens.slice(at + 1).join(' ') };
	};
	const g = halves(given);
	const e = halves(expected);
	if (!g || !e || g.joint !== e.joint) return null;
	const swapped = `${g.second} ${g.joint} ${g.first}`;
	const target = `${e.first} ${e.joint} ${e.second}`;
	return osaDistance(swapped, target) < osaDistance(`${g.first} ${g.joint} ${g.second}`, target) ? swapped : null;
}

/** A list: its members and its joining word ("and", "or"; null where the given answer has only commas). */
interface ListParts {
	members: string[];
	joint: 'and' | 'or' | null;
}

/** The most members a list is read with: a longer answer is judged as one string. */
const MAX_LIST = 8;
const COUNT_NAMES = ['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/**
 * An expected answer read as a list: three or more members separated by commas, the last joined by "and" or "or"
 * (a serial comma before it or not): "dioxygen, ozone and tetraoxygen", "deterrence, engagement, or containment".
 * Only the last gap may hold the joining word, so "bread and butter, cheese and wine" is no list; a digit (a
 * number's own commas, a date) or an ampersand (a name's: "Crosby, Stills, Nash & Young") makes none either.
 */
function expectedList(text: string): ListParts | null {
	if (/[\d&]/.test(text)) return null;
	const parts = text.trim().replace(/[.!?]+$/, '').split(/\s*,\s*/);
	const last = parts.pop();
	if (!last || parts.length < 1 || parts.some((p) => p === '' || /\b(?:and|or)\b/i.test(p))) return null;
	const final = /^(?:(and|or)\s+(.+)|(.+?)\s+(and|or)\s+(.+))$/i.exec(last);
	if (!final) return null;
	const joint = (final[1] ?? final[4] ?? '').toLowerCase() as 'and' | 'or';
	const members = final[2] !== undefined ? [...parts, final[2]] : [...parts, final[3] ?? '', final[5] ?? ''];
	if (members.length < 3 || members.length > MAX_LIST || members.some((m) => /\b(?:and|or)\b/i.test(m) || tokenize(m).length === 0)) return null;
	return { members, joint };
}

/** A typed answer read as a list: members split at commas, semicolons, "&" and every "and"/"or"; its last joining word. */
function givenList(text: string): ListParts {
	const members = text.split(/\s*(?:[,;&]|\band\b|\bor\b)\s*/i).filter((m) => tokenize(m).length > 0);
	const joints = text.toLowerCase().match(/\band\b|\bor\b|&/g) ?? [];
	const last = joints[joints.length - 1];
	return { members, joint: last === undefined ? null : last === 'or' ? 'or' : 'and' };
}

/** The order of `given`'s members that costs fewest letters against `expected`'s: best[i] is the given member for expected member i. */
function bestMatch(given: readonly string[], expected: readonly string[]): number[] {
	const cost = expected.map((e) => given.map((g) => osaDistance(g, e)));
	let best: number[] = [];
	let least = Infinity;
	const walk = (i: number, used: number, order: number[], sum: number) => {
		if (sum >= least) return;
		if (i === expected.length) {
			least = sum;
			best = [...order];
			return;
		}
		for (let j = 0; j < given.length; j++) if (!(used & (1 << j))) walk(i + 1, used | (1 << j), [...order, j], sum + (cost[i]?.[j] ?? 0));
	};
	walk(0, 0, [], 0);
	return best;
}

/**
 * A list asked whole (the generator's "What are oxygen's three allotropes?" → "dioxygen, ozone and tetraoxygen")
 * names the same members in any order: each typed member is matched to the expected member it is closest to, and
 * each is judged as an answer of its own, with its own typo allowance and near-miss checks. A member missing or
 * one too many is wrong, and so is another joining word ("or" never stands for "and"; commas alone are fine).
 * A list of names is a list too: "Pleurobrachia, Beroe and Mnemiopsis" in another order is right (a firm named
 * like a list, "Bolt, Beranek and Newman", is then taken in any order: the same three names, a small leniency).
 * Two things joined by one "and" stay with `reorderedPair`, where a name keeps its order ("Romeo and Juliet").
 * Null where the expected answer is no list or the given one names a single thing (judged as one string).
 */
function checkList(given: string, expected: string, context: AnswerContext): Verdict | null {
	const e = expectedList(expected);
	if (!e) return null;
	const g = givenList(given);
	if (g.members.length < 2) return null;
	if (g.joint !== null && g.joint !== e.joint) return refused(expected, `“${g.joint}” is not “${e.joint}”`);
	if (g.members.length !== e.members.length) return refused(expected, `${g.members.length} named where the list has ${e.members.length}`);
	const gc = g.members.map((m) => canonical(m).text);
	const order = bestMatch(gc, e.members.map((m) => canonical(m).text));
	let typos = 0;
	for (let i = 0; i < e.members.length; i++) {
		const want = e.members[i] as string;
		const typed = g.members[order[i] ?? -1] ?? '';
		const verdict = checkTypedAnswer(typed, want, context);
		// The member's own reason where it has one ("“imports” is the opposite of “exports”").
		if (!verdict.correct) return refused(expected, /^Not accepted: (.+?); expected “/.exec(verdict.reason)?.[1] ?? `“${typed.trim()}” is none of the members`);
		if (verdict.reason.startsWith('Accepted: small typo')) typos += osaDistance(canonical(typed).text, canonical(want).text);
	}
	if (typos > 0) return { correct: true, reason: typoReason(typos) };
	const moved = order.some((j, i) => j !== i);
	const count = COUNT_NAMES[e.members.length] ?? String(e.members.length);
	return { correct: true, reason: moved ? `Accepted: the same ${count}, in another order` : `Accepted: the same ${count}` };
}

/** The first confusable at least as close to the given answer as the expected one is (`distance`), or null. */
function closestConfusable(given: string, expected: string, distance: number, confusables: readonly string[]): string | null {
	for (const other of confusables) {
		const o = canonical(other).text;
		if (o !== expected && osaDistance(given, o) <= distance) return other;
	}
	return null;
}

/** Multiple choice and true/false: the chosen option must be the answer, exactly (options come from the card). */
export function checkChoice(chosen: string, expected: string): Verdict {
	return chosen === expected ? { correct: true, reason: 'Correct' } : refused(expected);
}

export interface PairVerdict {
	left: string;
	expected: string;
	given: string | undefined;
	correct: boolean;
}

export interface MatchingVerdict extends Verdict {
	pairs: PairVerdict[];
	correctCount: number;
	total: number;
}

/**
 * Matching: judged pair by pair. `given` maps each left item to the right item the student put against it.
 * The question counts as right only when every pair is.
 */
export function checkMatching(
	given: Readonly<Record<string, string | undefined>>,
	pairs: readonly (readonly [string, string])[]
): MatchingVerdict {
	const verdicts = pairs.map(([left, expected]) => {
		const chosen = Object.hasOwn(given, left) ? given[left] : undefined;
		return { left, expected, given: chosen, correct: chosen === expected };
	});
	const correctCount = verdicts.filter((v) => v.correct).length;
	const total = pairs.length;
	const correct = total > 0 && correctCount === total;
	const reason = correct ? `All ${total} pairs matched` : `Not accepted: ${correctCount} of ${total} pairs matched`;
	return { correct, reason, pairs: verdicts, correctCount, total };
}

export interface OrderingVerdict extends Verdict {
	inPlace: number;
	total: number;
}

/** Ordering: right only in exactly the expected order; also says how many items are in their place. */
export function checkOrdering(given: readonly string[], items: readonly string[]): OrderingVerdict {
	const total = items.length;
	const inPlace = items.filter((item, i) => given[i] === item).length;
	const correct = given.length === total && inPlace === total;
	const reason = correct
		? `All ${total} in order`
		: `Not accepted: ${inPlace} of ${total} in the right place`;
	return { correct, reason, inPlace, total };
}
