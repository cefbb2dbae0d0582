/**
 * Plain text out of the documents an instructor opens on the create page (.pdf, .docx). pdf.js and mammoth are
 * large, so each is imported only when such a file is opened.
 *
 * A PDF's text layer is lines placed on pages, not paragraphs. The pure repairs below turn it back into prose:
 * `removeRunningLines` drops headers and footers repeated across pages (page numbers included), and
 * `joinLines` mends words hyphenated at a line end ("exam-" + "ple" → "example") and joins the lines of a
 * paragraph, keeping a blank line between paragraphs.
 */

/** A page as lines of text, top to bottom. */
export type PageLines = string[];

/** How many lines at the top and bottom of a page can be a running header or footer. */
const EDGE_LINES = 2;

/** A line's shape with its numbers blanked, so "Page 3 of 9" and "Page 4 of 9" count as the same footer. */
const shape = (line: string) => line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();

/**
 * Remove running headers and footers: a line among the first or last two of a page whose shape appears there
 * on at least half the pages (and on two or more). A lone number at a page's edge is a page number and goes too.
 */
export function removeRunningLines(pages: readonly PageLines[]): PageLines[] {
	const edgeCounts = new Map<string, number>();
	const edges = (lines: PageLines) => {
		const content = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '');
		const top = content.slice(0, EDGE_LINES);
		const bottom = content.slice(Math.max(EDGE_LINES, content.length - EDGE_LINES));
		return new Set([...top, ...bottom].map(([, i]) => i));
	};
	const pageEdges = pages.map(edges);
	pages.forEach((lines, p) => {
		const shapes = new Set([...pageEdges[p]!].map((i) => shape(lines[i]!)));
		for (const s of shapes) edgeCounts.set(s, (edgeCounts.get(s) ?? 0) + 1);
	});
	const needed = Math.max(2, Math.ceil(pages.length / 2));
	return pages.map((lines, p) =>
		lines.filter((line, i) => {
			if (!pageEdges[p]!.has(i)) return true;
			const s = shape(line);
			return !(s === '#' || (edgeCounts.get(s) ?? 0) >= needed);
		})
	);
}

/** Sentence-final punctuation, optionally followed by a closing quote or bracket. */
const ENDS_SENTENCE = /[.!?:]["'”’)\]]?$/;

/**
 * Lines to paragraphs. A blank line ends a paragraph; so does a line that ends a sentence and is clearly short
 * of the text width (under 80% of the longest line), the way a paragraph's last line is. A letter, "-" and a
 * lower-case letter starting the next line is a word broken by hyphenation and is joined without the hyphen
 * (so a compound such as "well-known" split at its own hyphen loses it: the common case wins).
 */
export function joinLines(lines: readonly string[]): string {
	const width = Math.max(0, ...lines.map((l) => l.trim().length));
	const paragraphs: string[] = [];
	let current = '';
	const close = () => {
		if (current) paragraphs.push(current);
		current = '';
	};
	for (const raw of lines) {
		const line = raw.trim().replace(/\s+/g, ' ');
		if (!line) {
			close();
			continue;
		}
		if (!current) current = line;
		else if (/\p{L}-$/u.test(current)) {
			// "exam-" "ple" is one word; "Franco-" "Prussian" and "pre-" "1990" keep their hyphen.
			current = /^\p{Ll}/u.test(line) ? current.slice(0, -1) + line : current + line;
		} else current += ` ${line}`;
		if (ENDS_SENTENCE.test(line) && line.length < width * 0.8) close();
	}
	close();
	return paragraphs.join('\n\n');
}

/** The pages' lines as one text: running lines removed, paragraphs joined across page breaks. */
export function pagesToText(pages: readonly PageLines[]): string {
	return joinLines(removeRunningLines(pages).flat());
}

interface TextItemLike {
	str: string;
	hasEOL?: boolean;
	transform?: number[];
}

/** pdf.js text items to lines: a new line at each end-of-line mark or when the baseline moves. */
export function itemsToLines(items: readonly TextItemLike[]): PageLines {
	const lines: string[] = [];
	let current = '';
	let lastY: number | null = null;
	for (const item of items) {
		const y = item.transform?.[5] ?? null;
		const height = Math.abs(item.transform?.[3] ?? 0) || 1;
		if (item.str && current && y !== null && lastY !== null && Math.abs(y - lastY) > height / 2) {
			lines.push(current);
			current = '';
		}
		current += item.str;
		if (item.str) lastY = y;
		if (item.hasEOL) {
			if (current) lines.push(current);
			current = '';
		}
	}
	if (current) lines.push(current);
	return lines;
}

const isNode = () => typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/**
 * The readers are not precached (a first install would be 3 MB instead of 1): the service worker caches them
 * when /create first loads them (`warmDocumentReaders`). Offline before that, loading fails; say what to do.
 */
async function loadReader<T>(load: () => Promise<T>, kind: string): Promise<T> {
	try {
		return await load();
	} catch {
		throw new Error(
			`The ${kind} reader is not on this device yet. Open Create once while online (it is then kept for offline use), and open the document again.`
		);
	}
}

async function loadPdfjs() {
	// Node (tests, CLI) needs the legacy build; browsers take the modern build and its worker as a separate file.
	if (isNode()) return import('pdfjs-dist/legacy/build/pdf.mjs');
	const [pdfjs, worker] = await loadReader(
		() => Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]),
		'PDF'
	);
	// Vite's `?url` gives the hashed asset URL; `new URL('pdfjs-dist/…', import.meta.url)` does not resolve a
	// package name under Vite (vitejs/vite#10839), so the worker would 404 in the built app.
	pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
	return pdfjs;
}

/** The text layer of a PDF as paragraphs. Throws a readable Error for a damaged or encrypted file. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
	const pdfjs = await loadPdfjs();
	// pdf.js takes ownership of (detaches) the buffer it is given; pass a copy so the caller's bytes survive.
	const task = pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false });
	let doc;
	try {
		doc = await task.promise;
	} catch (error) {
		const name = (error as { name?: string }).name;
		throw new Error(
			name === 'PasswordException'
				? 'This PDF is protected by a password; remove the password and open it again'
				: 'This PDF could not be read; it may be damaged'
		);
	}
	try {
		const pages: PageLines[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			pages.push(itemsToLines(content.items.filter((item): item is TextItemLike & typeof item => 'str' in item)));
			page.cleanup();
		}
		return pagesToText(pages);
	} finally {
		await doc.destroy();
	}
}

/** A .docx file's text, a blank line between paragraphs (mammoth's raw text). */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
	const mammoth = (await loadReader(() => import('mammoth'), 'Word (.docx)')).default;
	// mammoth's Node build reads a Buffer; its browser build (package.json "browser" field) an ArrayBuffer.
	const input = isNode()
		? { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
		: { arrayBuffer: bytes.slice().buffer };
	let result;
	try {
		result = await mammoth.extractRawText(input);
	} catch {
		throw new Error('This .docx file could not be read; it may be damaged');
	}
	return result.value
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean)
		.join('\n\n');
}

/**
 * Loads the readers (and fetches the pdf.js worker) in the background, so the service worker caches them on the
 * first visit to /create while online; a document opened offline later then reads. Failures are ignored here:
 * opening a document reports them.
 */
export async function warmDocumentReaders(): Promise<void> {
	try {
		const [pdfjs] = await Promise.all([loadPdfjs(), import('mammoth')]);
		await fetch(pdfjs.GlobalWorkerOptions.workerSrc);
	} catch {
		// Offline or blocked: nothing to cache now.
	}
}
