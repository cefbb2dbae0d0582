/**
 * Read: plain text, Markdown or HTML → clean plain text whose paragraphs are separated by one blank line.
 * The clean text is what a deck stores as its source, so every card's offsets point into it.
 * Every pass here is a single left-to-right regex or line scan: a 5 MB page stays linear.
 */

export interface ParsedDocument {
	title: string;
	text: string;
}

const BLOCK_TAGS = /<\/?(p|div|section|article|main|h[1-6]|li|ul|ol|tr|table|blockquote|pre|figure|figcaption|dd|dt|dl|header|br|hr)\b[^>]*>/gi;
const DROPPED_ELEMENTS = /<(script|style|noscript|nav|footer|aside|form|template|svg|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…',
	rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©', eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö'
};

export function decodeEntities(html: string): string {
	return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
		if (code[0] === '#') {
			const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
			return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
		}
		return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
	});
}

export function htmlToText(html: string): ParsedDocument {
	const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? '';
	const body = html
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<head\b[^>]*>[\s\S]*?<\/head>/gi, ' ')
		.replace(DROPPED_ELEMENTS, ' ')
		.replace(BLOCK_TAGS, '\n\n')
		.replace(/<[^>]*>/g, '');
	return { title: oneLine(decodeEntities(title.replace(/<[^>]*>/g, ''))), text: decodeEntities(body) };
}

export function markdownToText(md: string): ParsedDocument {
	const title = /^#\s+(.+)$/m.exec(md)?.[1] ?? '';
	const text = md
		.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
		.replace(/^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$/gm, '')
		.replace(/^[ \t]*\|?[ \t]*:?-{3,}.*$/gm, '')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/^#{1,6}\s+(.*?)\s*#*\s*$/gm, '\n$1\n')
		.replace(/^\s{0,3}>\s?/gm, '')
		.replace(/^[ \t]*[-*+][ \t]+/gm, '')
		.replace(/(\*\*|__)(?=\S)([^*_\n]*?\S)\1/g, '$2')
		.replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
		.replace(/`([^`\n]*)`/g, '$1')
		.replace(/<[^>\n]*>/g, '');
	return { title: oneLine(title.replace(/[*_`]/g, '')), text };
}

function oneLine(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/** Lines of page furniture and sharing widgets: they carry no facts. Only short blocks are tested. */
const BOILERPLATE = [
	/^(sharing is caring|leave a (reply|comment)|share (this|on)|click here|subscribe\b|sign up\b|related (posts?|articles?)|you may also like|posted (on|in|by)|filed under|tags?:|categories?:|\d* ?comments?$|all rights reserved|copyright\b|©|print this|email this|follow us|like this|loading\b|advertisement|read more|continue reading|skip to)/i,
	/^([Bb]y|[Ww]ritten by|[Aa]uthor:?|[Pp]osted by)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,4}\s*$/u,
	/\b(originally|first) (appeared|published) (on|in|at)\b/i,
	/^<?(https?:\/\/|www\.)\S+>?$/i,
	// An encyclopedia page's furniture, copied with its text.
	/^(from wikipedia, the free encyclopedia|jump to (navigation|search|content)|\(redirected from [^)]*\)|this article is about\b|for other uses, see\b|retrieved from\b|contents$|\[?(hide|show)\]?$)/i,
	/^\s*[-–—=*_#•·]+\s*$/
];
const NOTES_HEADING = /^(notes|end ?notes|footnotes|references|bibliography|sources|works cited|citations|further reading|external links|see also)\s*:?$/i;
const NOTE_LINE = /^(\[?\d{1,3}[\].)]|\(\d{1,3}\)|\^|\d{1,3}\s|<?https?:\/\/)/;
/**
 * A footnote or editorial mark attached to the word or stop before it, as pages copied from an encyclopedia carry
 * them: "years.[12]", "glacier[3][4]", "[note 2]", a letter after a stop ("white.[b]"), and the standard cleanup
 * tags ("[citation needed]", "[according to whom?]", "[vague]", "[update]"). A bracket that opens a line (a
 * reference list), holds words of a quotation ("[the price of oil]", "[a trader]") or reads as code ("items[0]",
 * "a[i]") is kept.
 */
const INLINE_MARK = /(?<=\S) ?(?:\[(?:[1-9]\d{0,2}(?:[–-]\d{1,3})?|(?:[Nn]ote|[Nn][Bb]?) ?\d{1,3}|(?<=[.,;:!?)"”’]\[)[a-z]|[a-z][a-z ,–-]{0,40}(?:needed|\?|given|discuss)|vague|update|edit|dubious|disputed|failed verification|specify|quantify|clarify|opinion|weasel words|original research)\])+/g;
const LIST_ITEM = /^(\d{1,3}[.)]|\(\d{1,3}\)|[-*•])\s/;
const TERMINAL = /[.!?:;"”’)…\]]$/;

/**
 * Plain text → clean text. Lines of one paragraph are joined; numbered notes stay separate; repeated
 * running heads ("NCNK NEWSLETTER") are removed and the sentence they interrupted is joined again;
 * boilerplate, bylines, bare URLs and a trailing notes/references section are dropped. Idempotent.
 */
export function cleanText(raw: string): string {
	const lines = raw.replace(/\r\n?/g, '\n').replace(/[\u00a0\t]/g, ' ').replace(/[\u200b\ufeff]/g, '').split('\n');
	const blocks: string[] = [];
	let current = '';
	for (const rawLine of lines) {
		const line = rawLine.replace(INLINE_MARK, '').replace(/ {2,}/g, ' ').trim();
		if (!line || LIST_ITEM.test(line)) {
			if (current) blocks.push(current);
			current = line;
			continue;
		}
		current = current ? `${current} ${line}` : line;
	}
	if (current) blocks.push(current);

	const counts = new Map<string, number>();
	for (const b of blocks) if (isShort(b)) counts.set(b, (counts.get(b) ?? 0) + 1);
	const runningHead = (b: string) => isShort(b) && (counts.get(b) ?? 0) > 1 && b === b.toUpperCase();

	const kept: string[] = [];
	let inNotes = false;
	for (const b of blocks) {
		if (runningHead(b)) continue;
		if (NOTES_HEADING.test(b)) {
			inNotes = true;
			continue;
		}
		if (inNotes && NOTE_LINE.test(b)) continue;
		inNotes = false;
		if (wordCount(b) <= 25 && BOILERPLATE.some((re) => re.test(b))) continue;
		const prev = kept[kept.length - 1];
		// A page break inside a sentence: the previous block stops mid-sentence, this one goes on in lower case.
		// … and a paragraph that stops on a comma ("According to NEACD founder Susan Shirk,") goes on in the next
		// one whatever its first letter: nothing ends a paragraph on a comma but a cut.
		if (prev !== undefined && !TERMINAL.test(prev) && wordCount(prev) > 8 && (/^\p{Ll}/u.test(b) || /,$/.test(prev))) {
			kept[kept.length - 1] = `${prev} ${b}`;
			continue;
		}
		kept.push(b);
	}
	return kept.join('\n\n');
}

function isShort(block: string): boolean {
	return block.length <= 60 && !TERMINAL.test(block);
}

export function wordCount(text: string): number {
	const m = text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
	return m ? m.length : 0;
}

/** The title a plain-text file gives itself: a short first line without a full stop. */
function splitTitle(text: string): ParsedDocument {
	const m = /^\s*([^\n]+)\n/.exec(text);
	const first = m?.[1]?.trim() ?? '';
	if (m && first && wordCount(first) <= 20 && !/[.!?]$/.test(first)) return { title: first, text: text.slice(m[0].length) };
	return { title: '', text };
}

function titleFromName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? name;
	return oneLine(base.replace(/\.[a-z0-9]+$/i, '').replace(/[_-]+/g, ' ')) || 'Untitled';
}

/** A file's name and content → title and clean text. The format comes from the extension or the content. */
export function parseDocument(name: string, content: string): ParsedDocument {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
	const looksHtml = /^\s*(<!doctype html|<html|<body|<p>|<div)/i.test(content);
	let parsed: ParsedDocument;
	if (ext === 'html' || ext === 'htm' || looksHtml) parsed = htmlToText(content);
	else if (ext === 'md' || ext === 'markdown') parsed = markdownToText(content);
	else parsed = splitTitle(content.replace(/\r\n?/g, '\n'));
	let text = cleanText(parsed.text);
	let title = parsed.title;
	if (!title) {
		const own = splitTitle(text);
		// Markdown and HTML without a heading: the first short line still names the document.
		if (own.title && own.text.trim()) ({ title, text } = { title: own.title, text: cleanText(own.text) });
	}
	// A repeated heading line goes; a title that is the first sentence's subject ("Photosynthesis is …") stays.
	if (title && text.startsWith(title) && /^\s*\n/.test(text.slice(title.length))) text = text.slice(title.length).replace(/^\s+/, '');
	return { title: title || titleFromName(name), text };
}
