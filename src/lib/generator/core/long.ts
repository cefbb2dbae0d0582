/**
 * Long sentences (issue 9, sixth pass). A sentence of more than MAX_SENTENCE_WORDS tokens is too long to
 * quote in a card, but encyclopedia and legal texts pack several independent clauses into one: "NASA's
 * CALIPSO satellite has measured the amount of dust …: an average 182 million tons of dust are windblown out
 * of the Sahara each year, …". Each clause that reads as a sentence on its own becomes a *view*: a
 * SentenceInfo whose `s.text` is the clause (first letter capitalised, a closing period added) with its
 * tokens and mentions shifted to offsets inside it, and whose `whole` is the sentence it was cut from. The
 * extractors read a view like any sentence; cards quote `whole` as their source (cards.ts `sourceOf`), so the
 * contract's source rules hold unchanged.
 */
import { MAX_SENTENCE_WORDS, tidy, usable } from './clause';
import type { SentenceInfo } from './entities';
import { tokenize } from './mentions';
import { analyse, type Clause } from './nlp';

/**
 * ";" or ":" followed by a space (not "10:30"); a full stop glued to a note mark, which the segmenter does not
 * split at ("… (some 1015 tonnes).[d] Earth is unusual …"). A spaced dash ("… here — and there …").
 */
const CLAUSE_BREAK = /^(?:[;:]\s|[.!?]["”’)]*(?:\[[^\]\s]{1,20}\])+\s+(?=\p{Lu}))/u;
const DASH_BREAK = /^\s(?:[–—]|--)\s/;

/**
 * Where `text` may be cut between clauses: [from, to) pieces between breaks found by `isBreak`, outside
 * brackets and quotations (a semicolon inside "(…; …)" separates no clauses of the sentence).
 */
export function pieces(text: string, from: number, to: number, isBreak: RegExp): [number, number][] {
	const out: [number, number][] = [];
	let depth = 0;
	let straight = false;
	let start = from;
	for (let i = from; i < to; i++) {
		const c = text[i] ?? '';
		if (c === '(' || c === '[' || c === '“') depth++;
		else if ((c === ')' || c === ']' || c === '”') && depth > 0) depth--;
		else if (c === '"') straight = !straight;
		else if (depth === 0 && !straight) {
			const m = isBreak.exec(text.slice(i, i + 40));
			if (m) {
				out.push([start, i]);
				start = i + m[0].length;
				i = start - 1;
			}
		}
	}
	out.push([start, to]);
	return out;
}

/** The piece [from, to) of a sentence as a sentence of its own, or null when it is not one. */
function view(info: SentenceInfo, from: number, to: number): SentenceInfo | null {
	const slice = info.s.text.slice(from, to);
	const raw = slice.replace(/^\s+/, '');
	const at = from + slice.length - raw.length;
	const body = raw.replace(/[\s,;:–—-]+$/, '');
	// "… the assignment of legions was as follows:" announces the clause after it and says nothing alone.
	if (!body || /\b(?:as follows|the following|these|below)$/i.test(body)) return null;
	const text = body.charAt(0).toUpperCase() + body.slice(1) + (/[.!?]["”’)]*[¹²³⁴⁵⁶⁷⁸⁹⁰]*$/.test(body) ? '' : '.');
	const end = at + body.length;
	const part: SentenceInfo = {
		s: { ...info.s, start: info.s.start + at, end: info.s.start + end, text },
		tokens: tokenize(text),
		mentions: info.mentions.filter((m) => m.start >= at && m.end <= end).map((m) => ({ ...m, start: m.start - at, end: m.end - at })),
		whole: info.s
	};
	return usable(part) && /^\p{Lu}/u.test(tidy(text)) ? part : null;
}

/**
 * The clauses of a long sentence that read as sentences: cut at ";" and ":" (a piece still too long, at spaced
 * dashes), each piece 6 to MAX_SENTENCE_WORDS tokens, complete and clean by `usable`, starting with a capital
 * once tidied, with a subject at its start and the finite verb after it in the parse (nlp.ts; "Every captain on
 * the river must carry …" is refused, its verb being out of the parse's reach). The whole sentence must pass every other test of
 * `usable` (a long staff list or citation gives nothing). Each view comes with its parse.
 */
export function longParts(info: SentenceInfo, capitalised: ReadonlySet<string>): { info: SentenceInfo; clause: Clause }[] {
	if (info.tokens.length <= MAX_SENTENCE_WORDS || !usable(info, Infinity)) return [];
	const text = info.s.text;
	const out: { info: SentenceInfo; clause: Clause }[] = [];
	for (const [from, to] of pieces(text, 0, text.length, CLAUSE_BREAK)) {
		const long = tokenize(text.slice(from, to)).length > MAX_SENTENCE_WORDS;
		for (const [a, b] of long ? pieces(text, from, to, DASH_BREAK) : [[from, to] as [number, number]]) {
			const part = view(info, a, b);
			if (!part) continue;
			const clause = analyse(tidy(part.s.text), capitalised);
			if (clause.subject && clause.verb !== null) out.push({ info: part, clause });
		}
	}
	return out;
}

