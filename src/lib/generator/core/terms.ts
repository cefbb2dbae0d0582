/**
 * Facts about words: acronym definitions ("Northeast Asia Cooperation Dialogue (NEACD)", "… Dialogue or
 * NEACD") in both directions, definitions ("“Track I” refers to …", "X is used to describe …",
 * "Strategic patience is an unwillingness to …"), and the short terms a text sets in quotes ("push" motivations).
 */
import type { SentenceInfo } from './entities';
import type { Fact } from './fact';
import { blankOut, clauseAround, occurrences, pieceCount, resolveStart, tidy } from './clause';
import { selfContained } from './context';
import { FUNCTION_WORDS } from './lexicon';
import { digest } from './rng';

/**
 * Schwartz & Hearst (2003): match the acronym's letters right to left against the preceding words; the
 * first letter must start a word. Returns the shortest long form or null.
 */
export function longForm(short: string, before: string): string | null {
	const letters = short.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
	const words = before.trim().split(/\s+/);
	const window = words.slice(-Math.min(letters.length + 5, letters.length * 2)).join(' ');
	const long = window.toLowerCase();
	let s = letters.length - 1;
	let l = long.length - 1;
	for (; s >= 0; s--) {
		const c = letters[s];
		while (l >= 0 && (long[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(long[l - 1] ?? '')))) l--;
		if (l < 0) return null;
		l--;
	}
	const start = long.lastIndexOf(' ', l) + 1;
	const form = window.slice(start).replace(/^the\s+/i, '').replace(/[\s,]+$/, '');
	if (!/^\p{Lu}/u.test(form) || pieceCount(form) < 2 || pieceCount(form) > letters.length + 3) return null;
	return form;
}

const ACRONYM_AFTER = /\s*\((\p{Lu}[\p{Lu}\p{N}&]{1,9})\)|\s+or\s+(\p{Lu}[\p{Lu}\p{N}&]{1,9})\b/gu;

export function acronymFacts(info: SentenceInfo, seen: Set<string>): Fact[] {
	const t = info.s.text;
	const out: Fact[] = [];
	for (const m of t.matchAll(ACRONYM_AFTER)) {
		const short = m[1] ?? m[2] ?? '';
		const long = longForm(short, t.slice(0, m.index ?? 0));
		if (!long || seen.has(short)) continue;
		seen.add(short);
		const base = { info, weight: 0.88, pair: { group: 'acronym' as const, left: short, right: long } };
		out.push({
			...base,
			key: `acronym|${short}`,
			answer: long,
			answerKind: 'expansion',
			question: `What does ${short} stand for?`,
			tags: ['acronym', 'expansion']
		});

	}
	return out;
}

const TERM = String.raw`(“[^”]{2,40}”|"[^"]{2,40}"|\p{Lu}[\p{L}-]*(?:\s+[\p{L}\p{N}-]+){0,3}?)`;
const DEFINITIONS: [RegExp, (def: string) => string, string][] = [
	[new RegExp(String.raw`^${TERM}\s+refers\s+to\s+(.{10,300})[.]$`, 'u'), (d) => `Which term refers to ${d}?`, 'refers to'],
	[new RegExp(String.raw`^${TERM}\s+is\s+used\s+to\s+describe\s+(.{10,300})[.]$`, 'u'), (d) => `Which term is used to describe ${d}?`, 'describes'],
	[new RegExp(String.raw`^${TERM}\s+(?:is|means)\s+((?:an?|the)\s+(?:unwillingness|willingness|ability|inability|process|practice|method|policy|term|state|condition|form|type|kind|way|study|system|set|tendency|belief)\b.{5,250})[.]$`, 'u'), (d) => `Which term means ${d}?`, 'means']
];

export function definitionFacts(info: SentenceInfo): Fact[] {
	const t = tidy(info.s.text);
	if (!/ (refers to|used to describe|is an?|is the|means) /.test(t)) return [];
	for (const [re, ask, how] of DEFINITIONS) {
		const m = re.exec(t);
		const rawTerm = m?.[1];
		const def = m?.[2];
		if (!rawTerm || !def) continue;
		const term = rawTerm.replace(/^[“"]|[”"]$/g, '');
		if (/^(the|this|that|it|these|those|there|he|she|they|one|such)\b/i.test(term)) continue;
		const shortDef = def.replace(/,\s+(although|though|but|while|which)\b.*$/, '');
		return [
			{
				key: `define|${term}`,
				answer: term,
				answerKind: 'term',
				info,
				question: ask(shortDef),
				statement: `${term} ${how === 'means' ? 'is' : how} ${def}.`,
				weight: 0.9,
				tags: ['term', 'definition']
			},
			{
				key: `meaning|${term}`,
				answer: def,
				answerKind: 'term',
				info,
				question: `What does the term “${term}” mean in the text?`,
				weight: 0.7,
				tags: ['term', 'definition']
			}
		];
	}
	return [];
}

/** A short phrase in quotes: a term the writer marks as one ("push" motivations, the “missing self”). */
const QUOTED = /[“"]([^”"\n]{2,40})[”"]/gu;
/** More words than this in quotes is a quotation, not a term. */
const QUOTED_TERM_WORDS = 4;

export function quotedFacts(info: SentenceInfo, previous: SentenceInfo[]): Fact[] {
	const resolved = resolveStart(tidy(info.s.text), info, previous);
	if (!resolved || !selfContained(resolved) || !resolved.includes('"') && !resolved.includes('“')) return [];
	const out: Fact[] = [];
	for (const m of resolved.matchAll(QUOTED)) {
		const term = (m[1] ?? '').trim();
		// A quoted sentence or exclamation, a lone function word, or a term the sentence uses twice.
		if (pieceCount(term) > QUOTED_TERM_WORDS || /[.!?,;:]$/.test(term) || FUNCTION_WORDS.has(term.toLowerCase())) continue;
		if (occurrences(resolved, term) !== 1) continue;
		const clause = clauseAround(resolved, term);
		const cloze = blankOut(clause, term);
		if (!cloze) continue;
		// Asked as a cloze, like a concept: the text's other quoted words are seldom the same part of speech ("convey" among "recipients").
		out.push({ key: `quoted|${term}|${digest(clause)}`, answer: term, answerKind: 'concept', info, cloze, weight: 0.8, tags: ['term', 'quoted'] });
	}
	return out;
}
