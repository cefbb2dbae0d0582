/**
 * "Show source": the card's source sentence inside its paragraph. Pure string slicing; the page renders the
 * three parts as text (never HTML), the middle one highlighted.
 */
import type { CardSource, SourceDocument } from '$lib/domain/types';

export interface SourceExcerpt {
	title: string;
	before: string;
	sentence: string;
	after: string;
}

/** A paragraph ends at a blank line (or a single line break, in text without blank lines). */
function paragraphBreak(text: string): RegExp {
	return /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n/g : /\n/g;
}

/**
 * The paragraph around `source`, split into before / sentence / after. Falls back to searching for the
 * sentence when the offsets do not select it (a hand-edited deck), and to the bare sentence when the
 * document is missing.
 */
export function sourceExcerpt(source: CardSource, documents: readonly SourceDocument[]): SourceExcerpt {
	const doc = documents.find((d) => d.id === source.doc);
	const bare = { title: doc?.title ?? '', before: '', sentence: source.sentence, after: '' };
	if (!doc) return bare;
	const text = doc.text;
	let start = source.start;
	let end = source.end;
	if (text.slice(start, end) !== source.sentence) {
		start = text.indexOf(source.sentence);
		if (start < 0) return bare;
		end = start + source.sentence.length;
	}
	let from = 0;
	let to = text.length;
	for (const match of text.matchAll(paragraphBreak(text))) {
		const at = match.index ?? 0;
		if (at + match[0].length <= start) from = at + match[0].length;
		else if (at >= end) {
			to = at;
			break;
		}
	}
	return {
		title: doc.title,
		before: text.slice(from, start).trimStart(),
		sentence: text.slice(start, end),
		after: text.slice(end, to).trimEnd()
	};
}
