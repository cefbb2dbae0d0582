/**
 * Segment clean text into paragraphs and sentences with exact offsets: `text.slice(start, end) === sentence`.
 * One pass per paragraph. A period ends a sentence only when it is followed by space and a capital, and is
 * not an abbreviation ("Dr.", "Jan."), an initial ("Karin J. Lee") or a list number ("1."). Nothing splits
 * inside a quotation, and closing quotes and footnote markers (".”¹") stay with the sentence they close.
 */
import { ABBREVIATIONS, SENTENCE_STARTERS } from './lexicon';

export interface Sentence {
	doc: string;
	/** index among the document's sentences */
	index: number;
	para: number;
	start: number;
	end: number;
	text: string;
}

const CLOSERS = new Set([...'"”’\')]»¹²³⁴⁵⁶⁷⁸⁹⁰']);
const OPEN_QUOTE = '“';
const CLOSE_QUOTE = '”';
/** A quotation longer than this is more likely an unbalanced quote mark than one quoted passage. */
const MAX_QUOTE = 1200;

export function paragraphs(text: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		let start = m.index;
		let end = m.index + m[0].length;
		while (start < end && /\s/.test(text[start] ?? '')) start++;
		while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
		if (end > start) out.push({ start, end });
	}
	return out;
}

/** Quoted spans [open, close] inside a paragraph, paired left to right. */
function quoteSpans(p: string): [number, number][] {
	const spans: [number, number][] = [];
	let curly = -1;
	let straight = -1;
	for (let i = 0; i < p.length; i++) {
		const c = p[i];
		if (c === OPEN_QUOTE) curly = i;
		else if (c === CLOSE_QUOTE && curly >= 0) {
			if (i - curly <= MAX_QUOTE) spans.push([curly, i]);
			curly = -1;
		} else if (c === '"') {
			if (straight < 0) straight = i;
			else {
				if (i - straight <= MAX_QUOTE) spans.push([straight, i]);
				straight = -1;
			}
		}
	}
	return spans.sort((a, b) => a[0] - b[0]);
}

function isBoundary(p: string, i: number, paraStart: boolean): boolean {
	if (p[i] !== '.') return true;
	let s = i;
	while (s > 0 && !/[\s(“"‘[]/.test(p[s - 1] ?? '')) s--;
	const word = p.slice(s, i);
	if (/^\p{Lu}$/u.test(word)) return false; // an initial: "Karin J. Lee", "T. J."
	if (/^\d{1,3}$/.test(word) && paraStart && s === 0) return false; // "1. Lennon, …"
	const next = /^\s+[“"‘(]?([\p{L}]+)/u.exec(p.slice(i + 1, i + 40))?.[1]?.toLowerCase() ?? '';
	if (/^(\p{L}\.)+\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) {
		// "U.S. Special Envoy" goes on; "… in the U.S. The next day" ends.
		return SENTENCE_STARTERS.has(next) && !ABBREVIATIONS.has(word.toLowerCase());
	}
	return true;
}

/** Sentences of one paragraph `p` that starts at `base` in the text. */
function splitParagraph(p: string, base: number): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	const quotes = quoteSpans(p);
	let q = 0;
	let start = 0;
	for (let i = 0; i < p.length; i++) {
		const c = p[i];
		if (c !== '.' && c !== '!' && c !== '?') continue;
		let j = i + 1;
		while (j < p.length && CLOSERS.has(p[j] ?? '')) j++;
		if (j < p.length && !/\s/.test(p[j] ?? '')) continue;
		let k = j;
		while (k < p.length && /\s/.test(p[k] ?? '')) k++;
		if (k < p.length && !/[\p{Lu}\p{N}“"‘(¿¡]/u.test(p[k] ?? '')) continue;
		while (q < quotes.length && (quotes[q]?.[1] ?? 0) < i) q++;
		const span = quotes[q];
		// Inside a quotation unless the quotation closes among the characters that close this sentence.
		if (span && span[0] < i && span[1] >= j) continue;
		if (!isBoundary(p, i, start === 0)) continue;
		if (j > start) out.push({ start: base + start, end: base + j });
		start = k;
		i = k - 1;
	}
	let end = p.length;
	while (end > start && /\s/.test(p[end - 1] ?? '')) end--;
	if (end > start) out.push({ start: base + start, end: base + end });
	return out;
}

export function segment(doc: string, text: string): Sentence[] {
	const out: Sentence[] = [];
	paragraphs(text).forEach((para, pi) => {
		for (const s of splitParagraph(text.slice(para.start, para.end), para.start)) {
			out.push({ doc, index: out.length, para: pi, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
		}
	});
	return out;
}
