/**
 * The import page's one entry point: a file's name and bytes in, a validated deck or one `DeckFileError` out.
 * Dispatch is by extension; a `.txt` that holds a JSON object is read as a deck file.
 */
import { DeckFileError, type DeckFileResult } from '$lib/domain/deck-file';
import { readDelimited } from './csv';
import { checkSize, MAX_FILE_BYTES, readDeckJson, utf8Length } from './json';

export const IMPORT_EXTENSIONS = ['.factdeck.json', '.json', '.csv', '.tsv', '.txt'] as const;

export interface ImportOptions {
	maxBytes?: number;
	now?: Date;
}

export function importFile(name: string, bytes: Uint8Array | string, options: ImportOptions = {}): DeckFileResult {
	const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
	const lower = name.toLowerCase();
	const extension = /\.[^./\\]+$/.exec(lower)?.[0] ?? '';
	if (!['.json', '.csv', '.tsv', '.txt'].includes(extension)) {
		const shown = extension ? `a ${extension} file` : 'a file without an extension';
		return fail(`Can't import ${shown}; Factdeck imports .factdeck.json, .json, .csv, .tsv and .txt`);
	}
	const sizeError = checkSize(typeof bytes === 'string' ? utf8Length(bytes) : bytes.length, maxBytes);
	if (sizeError) return { ok: false, error: sizeError };

	let text: string;
	if (typeof bytes === 'string') text = bytes;
	else {
		try {
			// fatal: a Latin-1 or binary file is refused rather than imported as mojibake.
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			return fail('The file is not UTF-8 text; save it as UTF-8 and try again');
		}
	}
	if (extension === '.json' || (extension === '.txt' && /^\uFEFF?\s*\{/.test(text))) {
		return readDeckJson(text, maxBytes, options);
	}
	return readDelimited(text, { name, delimiter: extension === '.csv' ? ',' : '\t', now: options.now });
}

function fail(message: string): DeckFileResult {
	return { ok: false, error: new DeckFileError(message) };
}
