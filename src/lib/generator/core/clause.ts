/**
 * Sentence hygiene shared by every extractor: which sentences may carry a card, how a sentence is cut to
 * the clause that holds a fact, and how a leading "He"/"She" is resolved to the person just named.
 */
import { CLOZE_BLANK } from '../../domain/types';
import type { SentenceInfo } from './entities';
import { DANGLING_STARTS } from './lexicon';

const FOOTNOTE_TAIL = /(?<=[.!?"”’)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+$/;
const NOTE_MARK = /^\(\d{1,3}\)\s+/;
const CITATION = /\b(op\.? cit|ibid|et al\.|pp?\. \d|vol\.? \d|no\. \d|retrieved|accessed on|doi:|isbn)/i;
const SITE_FURNITURE = /\b(sign up|subscribe|click here|this article|this post|cookies|contributors to this|views expressed)\b/i;
export const LEADING_CONNECTIVE =
	/^(?:however|but|and|also|thus|therefore|yet|moreover|furthermore|meanwhile|instead|still|for example|for instance|in addition|finally|then|so|recently|in general|in fact|indeed|of course|as a result)\b,?\s+/i;

function balanced(text: string): boolean {
	const count = (re: RegExp) => (text.match(re) ?? []).length;
	return (
		count(/\(/g) === count(/\)/g) &&
		count(/\[/g) === count(/\]/g) &&
		count(/“/g) === count(/”/g) &&
		count(/"/g) % 2 === 0
	);
}

/** A sentence a student can read on its own: complete, of normal length, not a citation or site furniture. */
export function usable(info: SentenceInfo): boolean {
	const t = info.s.text;
	const words = info.tokens.length;
	if (words < 6 || words > 60) return false;
	if (!/[.!?]["”’)]*[¹²³⁴⁵⁶⁷⁸⁹⁰]*$/.test(t)) return false;
	if (/^\p{Ll}/u.test(t) || /https?:|www\.|@\w/.test(t) || CITATION.test(t) || SITE_FURNITURE.test(t)) return false;
	if ((t.match(/[,;]/g) ?? []).length > words / 3) return false;
	return balanced(t);
}

export function firstWord(text: string): string {
	return /[\p{L}']+/u.exec(text)?.[0]?.toLowerCase() ?? '';
}

export function danglingStart(text: string): boolean {
	return DANGLING_STARTS.has(firstWord(text.replace(/^(?:true or false:\s*)/i, '').replace(/^[^\p{L}_]+/u, '')));
}

/** The sentence as a standalone clause: note marks, footnote markers and leading connectives removed. */
export function tidy(text: string): string {
	let t = text.replace(NOTE_MARK, '').replace(FOOTNOTE_TAIL, '').trim();
	for (let i = 0; i < 2 && LEADING_CONNECTIVE.test(t); i++) t = t.replace(LEADING_CONNECTIVE, '');
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * Resolve "He"/"She" at the start to the last person named in the previous two sentences of the same
 * paragraph; null when the sentence starts with a reference that cannot be resolved.
 */
export function resolveStart(text: string, info: SentenceInfo, previous: SentenceInfo[]): string | null {
	const w = firstWord(text);
	if (w === 'he' || w === 'she') {
		for (let i = previous.length - 1; i >= 0 && i >= previous.length - 2; i--) {
			const p = previous[i];
			if (!p || p.s.para !== info.s.para) break;
			const people = p.mentions.filter((m) => m.kind === 'person');
			const last = people[people.length - 1];
			if (last) return last.text + text.slice(w.length);
		}
		return null;
	}
	return DANGLING_STARTS.has(w) ? null : text;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Start offsets of case-insensitive whole-word occurrences of `needle` in `hay` (a scan, no regex built). */
export function wholeWordIndexes(hay: string, needle: string): number[] {
	const out: number[] = [];
	if (!needle) return out;
	const h = hay.toLowerCase();
	const n = needle.toLowerCase();
	if (h.length !== hay.length || n.length !== needle.length) return out;
	for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
		const before = h[i - 1];
		const after = h[i + n.length];
		if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) out.push(i);
	}
	return out;
}

export function occurrences(hay: string, needle: string): number {
	return wholeWordIndexes(hay, needle).length;
}

/** `hay` with the only whole-word occurrence of `needle` replaced, or null when it is not there exactly once. */
export function replaceOnce(hay: string, needle: string, replacement: string): string | null {
	const at = wholeWordIndexes(hay, needle);
	if (at.length !== 1 || at[0] === undefined) return null;
	return hay.slice(0, at[0]) + replacement + hay.slice(at[0] + needle.length);
}

/** The shortest piece of a long sentence (split at ; : and dashes) that still holds the answer. */
export function clauseAround(text: string, answer: string): string {
	if (text.split(/\s+/).length <= 32) return text;
	const parts = text.split(/;\s+|:\s+|\s+[–—]\s+|\s+--\s+/);
	const part = parts.find((p) => occurrences(p, answer) > 0);
	if (!part || part.split(/\s+/).length < 8) return text;
	const trimmed = part.replace(/[,;:]\s*$/, '');
	return /[.!?]["”’]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The clause with the answer replaced by the blank, or null when the answer is not there exactly once. */
export function blankOut(clause: string, answer: string): string | null {
	const out = replaceOnce(clause, answer, CLOZE_BLANK);
	return out && out.split(/\s+/).length >= 6 ? out : null;
}

/** A cheap key for comparing statements with sentences (no Unicode normalisation: it runs on every sentence). */
export function statementKey(text: string): string {
	return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
