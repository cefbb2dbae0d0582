/**
 * Distractors of the answer's kind and shape: people for people, years for years, full dates for full dates.
 * The document's own entities come first (same-document distractors are the strongest cheap signal), then a
 * small built-in pool, then for numbers and years nearby values. Aliases and substrings of the answer, and
 * anyone the document gives the same role, are never offered.
 */
import { normaliseKey } from '../../domain/ids';
import type { AnswerKind } from './fact';
import { POOL } from './lexicon';
import { hash32 } from './rng';

export type Candidates = Map<AnswerKind, string[]>;

/** The built-in pool as plain arrays (stable identities, so their prepared forms are cached too). */
const BUILT_IN = { person: [...POOL.person], org: [...POOL.org], place: [...POOL.place], role: [...POOL.role] };

const shape = (s: string): string =>
	s.replace(/\p{Lu}\p{Ll}+/gu, 'A').replace(/\d/g, '9').replace(/\p{Ll}+/gu, 'a').replace(/\s+/g, ' ');

/** A candidate prepared once: its key, long words and shape, so each fact compares cheaply. */
interface Prepared {
	text: string;
	key: string;
	long: Set<string>;
	shape: string;
}
const prepared = new WeakMap<string[], Prepared[]>();

function prepare(text: string): Prepared {
	const key = normaliseKey(text);
	return { text, key, long: new Set(key.split(' ').filter((w) => w.length >= 4)), shape: shape(text) };
}

function preparedList(list: string[]): Prepared[] {
	let out = prepared.get(list);
	if (!out) {
		out = list.map(prepare);
		prepared.set(list, out);
	}
	return out;
}

/** Same entity or an alias of it: equal, one inside the other, or sharing a long word ("Schwab"). */
function alias(x: Prepared, y: Prepared): boolean {
	if (!x.key || !y.key || x.key === y.key || x.key.includes(y.key) || y.key.includes(x.key)) return true;
	for (const w of y.long) if (x.long.has(w)) return true;
	return false;
}

const WORD_NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Values near a number or year, keeping its format: 1993 → 1990, 1996 …; "21" → 14, 28 …; "three" → "four". */
function nearby(answer: string, kind: AnswerKind, salt: number): string[] {
	const w = WORD_NUMBERS.indexOf(answer.toLowerCase());
	if (w >= 0) return [1, -1, 2, 3].map((d) => WORD_NUMBERS[w + d]).filter((x): x is string => !!x);
	const m = /\d[\d,]*(?:\.\d+)?/.exec(answer);
	if (!m) return [];
	const n = Number(m[0].replace(/,/g, ''));
	const steps = kind === 'year' || kind === 'date' ? [3, -2, 6, -5, 1, 9] : [Math.max(1, Math.round(n * 0.3)), -Math.max(1, Math.round(n * 0.4)), Math.max(2, Math.round(n * 0.6)), Math.max(3, n)];
	const rot = salt % steps.length;
	return [...steps.slice(rot), ...steps.slice(0, rot)]
		.map((d) => n + d)
		.filter((v) => v > 0)
		.map((v) => answer.replace(m[0], m[0].includes(',') ? v.toLocaleString('en-US') : String(v)));
}

/**
 * Up to `n` distractors for `answer`. Candidates of the same shape and similar length rank first; ties are
 * broken by a hash of the seed and the candidate, so the pick is stable and spread.
 */
export function pickDistractors(answer: string, kind: AnswerKind, candidates: Candidates, exclude: string[], n: number, seed: string): string[] {
	const pool: Prepared[] = [...preparedList(candidates.get(kind) ?? [])];
	if (kind === 'date' || kind === 'year' || kind === 'number') pool.push(...nearby(answer, kind, hash32(seed)).map(prepare));
	if (kind === 'person' || kind === 'org' || kind === 'place' || kind === 'role') pool.push(...preparedList(BUILT_IN[kind]));
	const target = prepare(answer);
	const blocked = [target, ...exclude.map(prepare)];
	const seen = new Set<string>();
	const scored: [number, Prepared][] = [];
	for (const c of pool) {
		if (!c.key || seen.has(c.key) || blocked.some((b) => alias(b, c))) continue;
		seen.add(c.key);
		const sameShape = c.shape === target.shape ? 0 : 1;
		const lengthGap = Math.abs(c.text.length - answer.length) / Math.max(answer.length, 1);
		scored.push([sameShape * 2 + Math.min(lengthGap, 1.5) + (hash32(`${seed}|${c.key}`) % 1000) / 4000, c]);
	}
	scored.sort((a, b) => a[0] - b[0] || (a[1].text < b[1].text ? -1 : 1));
	// Choices that overlap each other ("Korea Society" / "The Korea Society Track") would give the answer away.
	const out: Prepared[] = [];
	for (const [, c] of scored) {
		if (out.length >= n) break;
		if (!out.some((o) => alias(o, c))) out.push(c);
	}
	return out.map((c) => c.text);
}
