/**
 * A JSON object read in pieces (issue 12, §4: a 200 MB backup restored on a phone). `JsonSections` takes the
 * text chunk by chunk and hands back the top-level object's fields as they complete; a field whose value is a
 * list comes one element at a time, so only one record (a deck, a review) is ever held as text. Any JSON
 * layout works (a pretty-printed backup from an older version, or one record per line as the app now writes).
 *
 * Each record is parsed with `JSON.parse`; the structure around the records is checked here, with the same
 * messages and `line L, column C` positions as `jsonSyntaxError` gives for a whole file.
 */
import { jsonSyntaxError } from './json';

export type JsonPiece =
	/** A top-level field whose value is not a list, parsed. */
	| { kind: 'field'; key: string; value: unknown }
	/** A top-level field whose value is a list starts. */
	| { kind: 'list'; key: string }
	/** One element of that list, parsed; `index` counts from 0. */
	| { kind: 'item'; key: string; index: number; value: unknown };

/** The text is not JSON; `message` reads like `unexpected "]" at line 2, column 2`. */
export class JsonStreamError extends Error {
	override readonly name = 'JsonStreamError';
}

/** One record larger than this is refused: it would be held whole in memory (the old file limit's place). */
export const MAX_RECORD_CHARS = 50 * 1024 * 1024;

type Where = 'start' | 'key-or-end' | 'key' | 'key-text' | 'colon' | 'value' | 'after-value' | 'list-first' | 'list-item' | 'after-item' | 'done';

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export class JsonSections {
	#where: Where = 'start';
	/** Characters before the current chunk, the index in it, and where the current line started: positions. */
	#offset = 0;
	#at = 0;
	#line = 1;
	#lineStart = 0;
	#key = '';
	#index = 0;
	/** The value being collected: its text so far, nesting depth, string state, and where it started. */
	#collecting = false;
	#parts: string[] = [];
	#size = 0;
	#depth = 0;
	#inString = false;
	#escaped = false;
	#scalar = false;
	#startLine = 1;
	#startColumn = 1;
	#out: JsonPiece[] = [];
	readonly #maxRecord: number;

	constructor(maxRecord = MAX_RECORD_CHARS) {
		this.#maxRecord = maxRecord;
	}

	/** Reads the next chunk of text; returns the pieces it completed. Throws JsonStreamError. */
	push(chunk: string): JsonPiece[] {
		// `from`: where the collected value's text starts in this chunk.
		let from = 0;
		for (let i = 0; i < chunk.length; i++) {
			this.#at = i;
			const code = chunk.charCodeAt(i);
			if (!this.#collecting) {
				this.#structure(code, chunk[i]!);
				// A value that starts here includes this character (its opening quote or bracket, or first digit).
				from = i + (this.#collecting ? 0 : 1);
			} else if (this.#collect(code)) {
				// A scalar (number, true…) ends before the character that ends it, which is structure again.
				const end = this.#scalar ? i : i + 1;
				this.#append(chunk.slice(from, end));
				const scalar = this.#scalar;
				this.#finishValue(scalar ? chunk[i] : '');
				if (scalar) {
					i--;
					continue;
				}
				from = i + 1;
			}
			if (code === 0x0a) {
				this.#line++;
				this.#lineStart = this.#offset + i + 1;
			}
		}
		if (this.#collecting) this.#append(chunk.slice(from));
		this.#offset += chunk.length;
		this.#at = 0;
		return this.#out.splice(0);
	}

	/** The text has ended; returns the last pieces. Throws JsonStreamError when the object is not complete. */
	end(): JsonPiece[] {
		if (this.#collecting && this.#scalar) this.#finishValue();
		if (this.#collecting) this.#fail(this.#describeBroken(this.#parts.join('')), false);
		const missing: Partial<Record<Where, string>> = {
			start: 'the file ends too early',
			'key-or-end': 'expected a "quoted" property name, found the end of the file',
			key: 'expected a "quoted" property name, found the end of the file',
			colon: 'expected ":", found the end of the file',
			value: 'the file ends too early',
			'after-value': 'expected "," or "}", found the end of the file',
			'list-first': 'the file ends too early',
			'list-item': 'the file ends too early',
			'after-item': 'expected "," or "]", found the end of the file'
		};
		const problem = missing[this.#where];
		if (problem) this.#fail(problem);
		return this.#out.splice(0);
	}

	/** Outside a value: the object's braces, keys, colons and commas, and the lists' brackets. */
	#structure(code: number, ch: string): void {
		if (SPACE.has(code) || (code === 0xfeff && this.#offset + this.#at === 0)) return;
		switch (this.#where) {
			case 'start':
				if (ch !== '{') this.#fail(`unexpected ${JSON.stringify(ch)}`);
				this.#where = 'key-or-end';
				return;
			case 'key-or-end':
			case 'key':
				if (ch === '}' && this.#where === 'key-or-end') this.#where = 'done';
				else if (ch !== '"') this.#fail(`expected a "quoted" property name, found ${JSON.stringify(ch)}`);
				else {
					this.#where = 'key-text';
					this.#begin(code);
				}
				return;
			case 'colon':
				if (ch !== ':') this.#fail(`expected ":", found ${JSON.stringify(ch)}`);
				this.#where = 'value';
				return;
			case 'value':
				if (ch !== '[') return this.#begin(code);
				this.#out.push({ kind: 'list', key: this.#key });
				this.#where = 'list-first';
				this.#index = 0;
				return;
			case 'list-first':
				if (ch === ']') this.#where = 'after-value';
				else this.#begin(code);
				return;
			case 'list-item':
				return this.#begin(code);
			case 'after-value':
				if (ch === ',') this.#where = 'key';
				else if (ch === '}') this.#where = 'done';
				else this.#fail(`expected "," or "}", found ${JSON.stringify(ch)}`);
				return;
			case 'after-item':
				if (ch === ',') this.#where = 'list-item';
				else if (ch === ']') this.#where = 'after-value';
				else this.#fail(`expected "," or "]", found ${JSON.stringify(ch)}`);
				return;
			case 'done':
				this.#fail(`unexpected ${JSON.stringify(ch)} after the end of the data`);
		}
	}

	/** A value starts with this character: an object, a list, a string, or a number/true/false/null. */
	#begin(code: number): void {
		this.#collecting = true;
		this.#parts = [];
		this.#size = 0;
		this.#escaped = false;
		this.#inString = code === 0x22;
		this.#depth = code === 0x7b || code === 0x5b ? 1 : 0;
		this.#scalar = !this.#inString && this.#depth === 0;
		this.#startLine = this.#line;
		this.#startColumn = this.#column();
	}

	/** Feeds the next character of the value being collected; true when the value has ended. */
	#collect(code: number): boolean {
		if (this.#inString) {
			if (this.#escaped) this.#escaped = false;
			else if (code === 0x5c) this.#escaped = true;
			else if (code === 0x22) {
				this.#inString = false;
				return this.#depth === 0;
			}
			return false;
		}
		if (this.#scalar) return code === 0x2c || code === 0x7d || code === 0x5d || SPACE.has(code);
		if (code === 0x22) this.#inString = true;
		else if (code === 0x7b || code === 0x5b) this.#depth++;
		else if (code === 0x7d || code === 0x5d) return --this.#depth === 0;
		return false;
	}

	#append(text: string): void {
		if (!text) return;
		this.#parts.push(text);
		this.#size += text.length;
		if (this.#size > this.#maxRecord) {
			const what = this.#where === 'key-text' ? 'A property name' : `"${this.#key}"${this.#isItem() ? ` item ${this.#index + 1}` : ''}`;
			throw new JsonStreamError(`${what} is larger than ${Math.round(this.#maxRecord / 1024 / 1024)} MB, too large to read`);
		}
	}

	#isItem(): boolean {
		return this.#where === 'list-first' || this.#where === 'list-item';
	}

	/** `after`: the character that ended a scalar, so `tru}` is reported at the `}` as a whole-file check would. */
	#finishValue(after = ''): void {
		const text = this.#parts.join('');
		this.#parts = [];
		this.#collecting = false;
		this.#scalar = false;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			this.#fail(this.#describeBroken(text + after), false);
		}
		if (this.#where === 'key-text') {
			this.#key = value as string;
			this.#where = 'colon';
		} else if (this.#isItem()) {
			this.#out.push({ kind: 'item', key: this.#key, index: this.#index++, value });
			this.#where = 'after-item';
		} else {
			this.#out.push({ kind: 'field', key: this.#key, value });
			this.#where = 'after-value';
		}
	}

	/** What is wrong inside one value, its position moved from the value's own text to the file's. */
	#describeBroken(text: string): string {
		return jsonSyntaxError(text).replace(/at line (\d+), column (\d+)/, (_all, line: string, column: string) => {
			const l = Number(line);
			const c = Number(column);
			return `at line ${this.#startLine + l - 1}, column ${l === 1 ? this.#startColumn + c - 1 : c}`;
		});
	}

	#column(): number {
		return this.#offset + this.#at - this.#lineStart + 1;
	}

	#fail(problem: string, withPosition = true): never {
		throw new JsonStreamError(withPosition ? `${problem} at line ${this.#line}, column ${this.#column()}` : problem);
	}
}
