/** Opening a document on /create: which files, and their title and clean text. */
import { parseDocument } from '$lib/generator/core/read';

/** What /create opens with `Open document`. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx'] as const;

export interface OpenedDocument {
	name: string;
	title: string;
	text: string;
}

/**
 * A document's title and clean text: .pdf and .docx through their extractors (loaded only then), everything
 * through the generator's `parseDocument` (HTML is read as text; none of it runs). Throws a readable Error.
 */
export async function readDocument(name: string, bytes: Uint8Array): Promise<OpenedDocument> {
	const extension = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
	if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) {
		throw new Error(`Can't open "${name}": Factdeck reads ${DOCUMENT_EXTENSIONS.join(' ')} documents`);
	}
	if (bytes.length === 0) throw new Error(`"${name}" is empty (0 bytes)`);
	let content: string;
	if (extension === '.pdf' || extension === '.docx') {
		const documents = await import('$lib/formats/documents');
		content = extension === '.pdf' ? await documents.extractPdfText(bytes) : await documents.extractDocxText(bytes);
	} else {
		content = new TextDecoder('utf-8').decode(bytes);
	}
	// pdf and docx come out as paragraphs of plain text: parsed as .txt so the first line can give the title.
	const parsed = parseDocument(extension === '.pdf' || extension === '.docx' ? name.replace(/\.[^.]+$/, '.txt') : name, content);
	if (!parsed.text.trim()) throw new Error(`"${name}" has no text Factdeck can read${extension === '.pdf' ? ' (a scanned PDF has only images)' : ''}`);
	return { name, title: parsed.title, text: parsed.text };
}
