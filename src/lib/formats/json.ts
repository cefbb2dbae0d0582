/**
 * `.factdeck.json` read and write. Reading checks size and syntax (with the line and column of a syntax error,
 * which `JSON.parse` reports differently in every engine), then validates with `parseDeckFile`.
 */
import { DeckFileError, parseDeckFile, type DeckFileResult } from '$lib/domain/deck-file';
import type { DeckFile } from '$lib/domain/types';

/** The largest file the importer reads (issue 6). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Bytes as people read them in a file dialog: `61.2 MB`, `50 MB`, `812 bytes`. */
export function formatSize(bytes: number): string {
	const units: [number, string][] = [
		[1024 * 1024, 'MB'],
		[1024, 'KB']
	];
	for (const [size, unit] of units) {
		if (bytes >= size) return `${(bytes / size).toFixed(1).replace(/\.0$/, '')} ${unit}`;
	}
	return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** UTF-8 length of a string without allocating the encoded copy. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0x80) bytes += 1;
		else if (unit < 0x800) bytes += 2;
		else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			bytes += 4; // a surrogate pair is one 4-byte code point
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/** The size refusals shared by every format: 0 bytes and more than `maxBytes`. */
export function checkSize(bytes: number, maxBytes: number = MAX_FILE_BYTES): DeckFileError | null {
	if (bytes === 0) return new DeckFileError('The file is empty (0 bytes)');
	if (bytes > maxBytes) return new DeckFileError(`File is ${formatSize(bytes)}; the limit is ${formatSize(maxBytes)}`);
	return null;
}

/**
 * JSON text (a deck or a backup) to a value: refused when empty, over `maxBytes`, or not JSON (with the line and
 * column). A leading BOM is allowed.
 */
export function readJsonText(
	text: string,
	maxBytes: number = MAX_FILE_BYTES
): { ok: true; value: unknown } | { ok: false; error: DeckFileError } {
	// Cheap bound first: a string of n UTF-16 units has between n and 3n UTF-8 bytes.
	const size = text.length * 3 <= maxBytes ? text.length : utf8Length(text);
	const sizeError = checkSize(size, maxBytes);
	if (sizeError) return { ok: false, error: sizeError };
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch {
		return { ok: false, error: new DeckFileError(`Not JSON: ${jsonSyntaxError(body)}`) };
	}
}

export function readDeckJson(
	text: string,
	maxBytes: number = MAX_FILE_BYTES,
	options: { now?: Date } = {}
): DeckFileResult {
	const json = readJsonText(text, maxBytes);
	return json.ok ? parseDeckFile(json.value, options) : json;
}

/** Where and why `text` is not JSON, e.g. `unexpected "}" at line 3, column 5`. Only called after a failure. */
export function jsonSyntaxError(text: string): string {
	let i = 0;
	const fail = (what: string): never => {
		throw new SyntaxError(`${what} at ${lineColumn(text, i)}`);
	};
	const unexpected = (): never =>
		i >= text.length ? fail('the file ends too early') : fail(`unexpected ${JSON.stringify(text[i])}`);
	const space = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
	};
	const literal = (word: string) => {
		for (const ch of word) {
			if (text[i] !== ch) unexpected();
			i++;
		}
	};
	const string = () => {
		i++; // opening quote
		while (i < text.length && text[i] !== '"') {
			const ch = text.charCodeAt(i);
			if (ch < 0x20) fail('a line break or control character inside a string');
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('a bad \\u escape');
					i += 4;
				} else if (i >= text.length || !'"\\/bfnrt'.includes(text[i]!)) unexpected();
			}
			i++;
		}
		if (i >= text.length) fail('a string that is never closed');
		i++;
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!match) unexpected();
		i += match![0].length;
	};
	const value = (): void => {
		space();
		const ch = text[i];
		if (ch === '{') {
			i++;
			space();
			if (text[i] === '}') return void i++;
			for (;;) {
				space();
				if (text[i] !== '"') fail(`expected a "quoted" property name, found ${describe(text[i])}`);
				string();
				space();
				if (text[i] !== ':') fail(`expected ":", found ${describe(text[i])}`);
				i++;
				value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === '}') return void i++;
				else fail(`expected "," or "}", found ${describe(text[i])}`);
			}
		} else if (ch === '[') {
			i++;
			space();
			if (text[i] === ']') return void i++;
			for (;;) {
				value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === ']') return void i++;
				else fail(`expected "," or "]", found ${describe(text[i])}`);
			}
		} else if (ch === '"') string();
		else if (ch === 't') literal('true');
		else if (ch === 'f') literal('false');
		else if (ch === 'n') literal('null');
		else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
		else unexpected();
	};
	try {
		value();
		space();
		if (i < text.length) fail(`unexpected ${JSON.stringify(text[i])} after the end of the data`);
	} catch (error) {
		return (error as Error).message;
	}
	return 'the engine refused it'; // JSON.parse failed where this scanner did not; should not happen
}

function describe(ch: string | undefined): string {
	return ch === undefined ? 'the end of the file' : JSON.stringify(ch);
}

function lineColumn(text: string, offset: number): string {
	let line = 1;
	let start = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		if (text[i] === '\n') {
			line++;
			start = i + 1;
		}
	}
	return `line ${line}, column ${offset - start + 1}`;
}

const DECK_KEYS = ['format', 'version', 'id', 'title', 'description', 'createdAt', 'sources', 'cards'];
const SOURCE_KEYS = ['id', 'title', 'text'];
const CARD_KEYS = ['id', 'type', 'question', 'answer', 'choices', 'pairs', 'items', 'tags', 'score', 'source'];
const CARD_SOURCE_KEYS = ['doc', 'sentence', 'start', 'end'];

/** Known keys in contract order, then unknown keys alphabetically: the same deck always writes the same bytes. */
function ordered(value: object, known: string[]): Record<string, unknown> {
	const entries = new Map(Object.entries(value));
	const out: Record<string, unknown> = {};
	for (const key of known) if (entries.get(key) !== undefined) out[key] = entries.get(key);
	for (const key of [...entries.keys()].sort()) if (!known.includes(key) && entries.get(key) !== undefined) out[key] = entries.get(key);
	return out;
}

/** The deck as plain objects in a stable key order; `writeDeckJson` and share links serialise this. */
export function orderDeck(deck: DeckFile): Record<string, unknown> {
	return {
		...ordered(deck, DECK_KEYS),
		sources: deck.sources.map((s) => ordered(s, SOURCE_KEYS)),
		cards: deck.cards.map((c) => ({ ...ordered(c, CARD_KEYS), source: ordered(c.source, CARD_SOURCE_KEYS) }))
	};
}

/** Pretty JSON (tab-free two-space indent, trailing newline) for `.factdeck.json` downloads. */
export function writeDeckJson(deck: DeckFile): string {
	return `${JSON.stringify(orderDeck(deck), null, 2)}\n`;
}
