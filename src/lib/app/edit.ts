/**
 * The deck-level steps the create, import and share pages share, kept out of the routes: adding a validated
 * deck (asking the page what to do when its id is taken) and reading a file the person picked.
 */
import { exportDeck, getDb, importDeck, StorageError, type ImportMode } from '$lib/db';
import { DeckFileError, type DeckFileResult } from '$lib/domain/deck-file';
import type { DeckFile } from '$lib/domain/types';
import { parseDocument } from '$lib/generator/core/index';
import { writeCsv, writeTsv } from '$lib/formats/csv';
import { readDeckJson, writeDeckJson } from '$lib/formats/json';
import { makeShareLink, type ShareResult } from '$lib/formats/share';

export type AddOutcome = { ok: true; id: string } | { ok: false; conflict: true };

/**
 * Stores `deck` in one transaction (importDeck). With mode 'add', a deck whose id is already on this device is
 * not an error but a question for the person: `{ conflict: true }`; the page then calls again with 'update'
 * (keeps progress of unchanged cards) or 'copy' (keep both). Other failures throw a StorageError.
 */
export async function addDeck(
	deck: DeckFile,
	mode: ImportMode,
	now: Date = new Date(),
	seminarDate?: string | null
): Promise<AddOutcome> {
	try {
		return { ok: true, id: await importDeck(getDb(), deck, mode, now, { seminarDate }) };
	} catch (error) {
		if (error instanceof StorageError && error.kind === 'conflict') return { ok: false, conflict: true };
		throw error;
	}
}

/** A picked file's bytes; a file the browser cannot read becomes a message. */
export async function readPickedFile(file: File): Promise<Uint8Array> {
	try {
		return new Uint8Array(await file.arrayBuffer());
	} catch {
		throw new Error(`Could not read "${file.name}"; it may have been moved or deleted. Pick it again.`);
	}
}

export { messageOf } from './message';

/**
 * Downloads a hosted .factdeck.json (a `#u=` share link) and validates it. Offline, a network failure and an
 * HTTP error each get a message that says what to do.
 */
export async function fetchSharedDeck(url: string, fetcher: typeof fetch = fetch): Promise<DeckFileResult> {
	const fail = (message: string): DeckFileResult => ({ ok: false, error: new DeckFileError(message) });
	const host = new URL(url).host;
	if (typeof navigator !== 'undefined' && navigator.onLine === false) {
		return fail(`You are offline. This link points to a deck on ${host}; connect to the internet and open the link again.`);
	}
	let response: Response;
	try {
		response = await fetcher(url, { credentials: 'omit' });
	} catch {
		return fail(`Could not reach ${host} to download the deck. Check your connection and open the link again.`);
	}
	if (response.status === 404 || response.status === 410) {
		return fail(`The shared deck was not found at ${url} (HTTP ${response.status}). Ask for a new link.`);
	}
	if (!response.ok) return fail(`${host} refused to send the deck (HTTP ${response.status}). Try again later.`);
	return readDeckJson(await response.text());
}

export const EXPORT_FORMATS = {
	json: { label: 'Deck file (.factdeck.json)', extension: '.factdeck.json', type: 'application/json', write: writeDeckJson },
	csv: { label: 'CSV (spreadsheets, Anki)', extension: '.csv', type: 'text/csv', write: writeCsv },
	tsv: { label: 'TSV (Anki)', extension: '.tsv', type: 'text/tab-separated-values', write: (deck: DeckFile) => writeTsv(deck, 'anki') },
	quizlet: { label: 'Text for Quizlet', extension: '.quizlet.txt', type: 'text/plain', write: (deck: DeckFile) => writeTsv(deck, 'quizlet') }
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** A stored deck as a download: file name (the deck id and the format's extension), text and MIME type. */
export async function exportAs(deckId: string, format: ExportFormat): Promise<{ filename: string; text: string; type: string }> {
	const spec = EXPORT_FORMATS[format];
	const deck = await exportDeck(getDb(), deckId);
	return { filename: `${deckId}${spec.extension}`, text: spec.write(deck), type: spec.type };
}

/** A share link for a stored deck (formats/share.ts): in the fragment when small, else via `hostedUrl`. */
export async function shareLinkFor(deckId: string, origin: string, hostedUrl?: string): Promise<ShareResult<string>> {
	return makeShareLink(origin, await exportDeck(getDb(), deckId), hostedUrl);
}

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
