/**
 * CSV and TSV decks, as spreadsheets, Anki and Quizlet read and write them.
 *
 * Parsing follows RFC 4180 (quoted fields, `""` for a quote, line breaks inside quotes, CRLF or LF, a leading
 * BOM) and Anki's file headers: leading lines such as `#separator:tab`, `#columns:…` and `#tags column:5`.
 * Other lines starting with `#` are comments, as in Anki.
 *
 * Columns (docs/formats.md): `question, answer, type, choices, tags`. `choices` joins mcq options with `|`
 * (a `|` or `\` inside an option is escaped with `\`); `tags` are space-separated, as in Anki. Matching and
 * ordering cards keep their structure in the answer (`left → right; …`, `a → b → c`).
 */
import {
	cardTypeProblem,
	DeckFileError,
	LIMITS,
	matchingAnswer,
	orderingAnswer,
	parseDeckFile,
	type DeckFileResult
} from '$lib/domain/deck-file';
import { cardId, slugify } from '$lib/domain/ids';
import { ARROW, CARD_TYPES, DECK_FORMAT, DECK_VERSION, PAIR_SEPARATOR } from '$lib/domain/types';
import type { Card, CardType, DeckFile } from '$lib/domain/types';

export interface DelimitedRecord {
	fields: string[];
	/** 1-based line of the file where the record starts. */
	line: number;
	/** The record's text as it is in the file, without its line break. */
	raw: string;
}

export interface DelimitedText {
	records: DelimitedRecord[];
	/** Anki's file headers (`#separator:tab` → separator: 'tab'), keys lower case. */
	directives: Map<string, string>;
	delimiter: string;
}

/** Anki's names for `#separator:` values. */
const SEPARATORS: Record<string, string> = {
	tab: '\t',
	comma: ',',
	semicolon: ';',
	space: ' ',
	pipe: '|',
	colon: ':'
};

/** Split `text` into records. Throws `DeckFileError` for a quote that is never closed. */
export function parseDelimited(input: string, defaultDelimiter: string): DelimitedText {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const directives = new Map<string, string>();
	const records: DelimitedRecord[] = [];
	let delimiter = defaultDelimiter;
	let pos = 0;
	let line = 1;
	const n = text.length;
	const lineEnd = (from: number) => {
		const lf = text.indexOf('\n', from);
		const cr = text.indexOf('\r', from);
		const end = Math.min(lf < 0 ? n : lf, cr < 0 ? n : cr);
		return end;
	};
	/** Step over the line break at `pos`, if any. */
	const newline = () => {
		if (text[pos] === '\r' && text[pos + 1] === '\n') pos += 2;
		else if (pos < n) pos += 1;
		line++;
	};

	while (pos < n) {
		if (text[pos] === '#') {
			const end = lineEnd(pos);
			// Anki reads `#key:value` headers only before the first note; later `#` lines are comments.
			const match = records.length === 0 ? /^#([^:]+):(.*)$/.exec(text.slice(pos, end)) : null;
			if (match) {
				const key = match[1]!.trim().toLowerCase();
				const value = match[2]!.trim();
				directives.set(key, value);
				if (key === 'separator') delimiter = SEPARATORS[value.toLowerCase()] ?? value;
			}
			pos = end;
			newline();
			continue;
		}
		const start = pos;
		const startLine = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (text[pos] === '"') {
				pos++;
				for (;;) {
					const quote = text.indexOf('"', pos);
					if (quote < 0) throw new DeckFileError(`Line ${startLine}: a quoted field is never closed`, { line: startLine });
					const chunk = text.slice(pos, quote);
					field += chunk;
					line += countLines(chunk);
					pos = quote + 1;
					if (text[pos] === '"') {
						field += '"';
						pos++;
					} else break;
				}
			}
			// Unquoted text, or anything after a closing quote, runs to the next delimiter or line break.
			let stop = pos;
			while (stop < n && text[stop] !== delimiter && text[stop] !== '\n' && text[stop] !== '\r') stop++;
			field += text.slice(pos, stop);
			pos = stop;
			fields.push(field);
			if (text[pos] === delimiter) {
				pos++;
				continue;
			}
			const raw = text.slice(start, pos);
			newline();
			if (!(fields.length === 1 && raw.trim() === '')) records.push({ fields, line: startLine, raw });
			break;
		}
	}
	return { records, directives, delimiter };
}

function countLines(chunk: string): number {
	let count = 0;
	for (let i = 0; i < chunk.length; i++) {
		if (chunk[i] === '\n' || (chunk[i] === '\r' && chunk[i + 1] !== '\n')) count++;
	}
	return count;
}

/** One field, quoted when it has to be (RFC 4180), or when it starts with `#` (Anki would skip the line). */
function quoteField(field: string, delimiter: string): string {
	const needs = field.includes(delimiter) || /["\r\n]/.test(field) || field.startsWith('#');
	return needs ? `"${field.replace(/"/g, '""')}"` : field;
}

export function writeDelimited(rows: string[][], delimiter: string, eol = '\r\n'): string {
	return rows.map((row) => row.map((f) => quoteField(f, delimiter)).join(delimiter) + eol).join('');
}

export const COLUMNS = ['question', 'answer', 'type', 'choices', 'tags'] as const;
type Column = (typeof COLUMNS)[number];

/** Header names we recognise (case-insensitive), including Anki's and Quizlet's. */
const ALIASES: Record<string, Column> = {
	question: 'question',
	front: 'question',
	term: 'question',
	answer: 'answer',
	back: 'answer',
	definition: 'answer',
	type: 'type',
	choices: 'choices',
	options: 'choices',
	tags: 'tags'
};

/** `a|b\|c` ⇄ ['a', 'b|c']. */
export function joinChoices(choices: readonly string[]): string {
	return choices.map((c) => c.replace(/[\\|]/g, (ch) => `\\${ch}`)).join('|');
}

export function splitChoices(field: string): string[] {
	const out: string[] = [];
	let current = '';
	for (let i = 0; i < field.length; i++) {
		const ch = field[i]!;
		if (ch === '\\' && i + 1 < field.length) current += field[++i];
		else if (ch === '|') {
			out.push(current.trim());
			current = '';
		} else current += ch;
	}
	out.push(current.trim());
	return out.filter((c) => c !== '');
}

/** Tags can't hold spaces in Anki; a space inside one tag becomes `_`. */
const tagField = (tags: readonly string[]) => tags.map((t) => t.trim().replace(/\s+/g, '_')).join(' ');

function cardRow(card: Card): string[] {
	return [card.question, card.answer, card.type, card.type === 'mcq' ? joinChoices(card.choices ?? []) : '', tagField(card.tags)];
}

/** CSV with a header row and CRLF line ends: spreadsheets, Anki (first row as field names) and re-import. */
export function writeCsv(deck: DeckFile): string {
	return writeDelimited([[...COLUMNS], ...deck.cards.map(cardRow)], ',');
}

/**
 * TSV. `anki` (default): Anki's file headers (`#separator:tab`, `#html:false` so card text stays text,
 * `#columns:`, `#tags column:5`) and all five columns. `quizlet`: `term<TAB>definition` lines with no header,
 * what Quizlet's import box takes; tabs and line breaks inside a field become spaces there (Quizlet has no quoting).
 */
export function writeTsv(deck: DeckFile, flavour: 'anki' | 'quizlet' = 'anki'): string {
	if (flavour === 'quizlet') {
		const flat = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
		return deck.cards.map((c) => `${flat(c.question)}\t${flat(c.answer)}\n`).join('');
	}
	const header = `#separator:tab\n#html:false\n#columns:${COLUMNS.join('\t')}\n#tags column:${COLUMNS.indexOf('tags') + 1}\n`;
	return header + writeDelimited(deck.cards.map(cardRow), '\t', '\n');
}

/** Which column holds what: from a header row or `#columns:`, else Anki's/Quizlet's default (front, back, tags). */
function columnMap(names: string[] | null, width: number, tagsColumn: number | null): Map<Column, number> | null {
	const map = new Map<Column, number>();
	if (names) {
		// A header names only known columns; a row like `Front, Back, t1 t2` is a card, not a header.
		for (const [i, name] of names.entries()) {
			const column = ALIASES[name.trim().toLowerCase()];
			if (!column || map.has(column)) return null;
			map.set(column, i);
		}
		return map.has('question') && map.has('answer') ? map : null;
	}
	map.set('question', 0);
	map.set('answer', 1);
	if (tagsColumn !== null) map.set('tags', tagsColumn);
	else if (width === 3) map.set('tags', 2);
	return map;
}

export interface ReadDelimitedOptions {
	/** The file's name; the deck title is the name without its extension. */
	name: string;
	delimiter: ',' | '\t' | ';';
	now?: Date;
}

/** A CSV/TSV file as a deck. Problems name the file line (`Line 7 has 4 columns; the header has 3`). */
export function readDelimited(text: string, options: ReadDelimitedOptions): DeckFileResult {
	try {
		return toDeck(text, options);
	} catch (error) {
		if (error instanceof DeckFileError) return { ok: false, error };
		throw error;
	}
}

function toDeck(text: string, options: ReadDelimitedOptions): DeckFileResult {
	const { records, directives, delimiter } = parseDelimited(text, options.delimiter);
	const tagsDirective = directives.get('tags column');
	const tagsColumn = tagsDirective && /^\d+$/.test(tagsDirective) ? Number(tagsDirective) - 1 : null;
	const declared = directives.get('columns')?.split(delimiter) ?? null;
	let columns = declared ? columnMap(declared, declared.length, tagsColumn) : null;
	let data = records;
	let width = declared?.length;
	let widthSource = 'the header';
	if (!columns && records[0]) {
		columns = columnMap(records[0].fields, records[0].fields.length, null);
		if (columns) {
			width = records[0].fields.length;
			data = records.slice(1);
		}
	}
	if (!columns) {
		width = data[0]?.fields.length;
		widthSource = 'the first row';
		if (width !== undefined && width < 2) {
			throw new DeckFileError(`Line ${data[0]!.line} has 1 column; a card needs a question and an answer`, {
				line: data[0]!.line
			});
		}
		columns = columnMap(null, width ?? 2, tagsColumn);
	}
	if (data.length === 0) throw new DeckFileError('The file has no cards');
	if (data.length > LIMITS.cards) {
		throw new DeckFileError(`The file has ${data.length.toLocaleString('en-US')} cards; the limit is ${LIMITS.cards.toLocaleString('en-US')}`);
	}

	const title = options.name.replace(/\.(csv|tsv|txt)$/i, '').trim() || 'Imported deck';
	const docId = 'doc-1';
	const cards: Card[] = [];
	const seen = new Map<string, number>();
	let sourceText = '';
	for (const record of data) {
		const { line, fields } = record;
		if (fields.length !== width) {
			throw new DeckFileError(`Line ${line} has ${fields.length} columns; ${widthSource} has ${width}`, { line });
		}
		const cell = (column: Column) => {
			const index = columns!.get(column);
			return index === undefined ? '' : (fields[index] ?? '').trim();
		};
		const card = rowToCard(cell, line);
		const first = seen.get(card.id);
		if (first !== undefined) throw new DeckFileError(`Line ${line} repeats the card on line ${first}`, { line });
		seen.set(card.id, line);
		if (sourceText) sourceText += '\n';
		card.source = { doc: docId, sentence: record.raw, start: sourceText.length, end: sourceText.length + record.raw.length };
		sourceText += record.raw;
		cards.push(card);
	}

	const deck: DeckFile = {
		format: DECK_FORMAT,
		version: DECK_VERSION,
		id: slugify(title),
		title,
		createdAt: (options.now ?? new Date()).toISOString(),
		sources: [{ id: docId, title: options.name, text: sourceText }],
		cards
	};
	// The rows were checked one by one above; this is the same gate every deck passes (sizes, offsets).
	return parseDeckFile(deck, options);
}

function rowToCard(cell: (column: Column) => string, line: number): Card {
	const fail = (message: string): never => {
		throw new DeckFileError(`Line ${line}: ${message}`, { line });
	};
	const question = cell('question');
	const answer = cell('answer');
	if (!question) fail('the question is empty');
	if (!answer) fail('the answer is empty');
	const typeText = cell('type').toLowerCase() || 'basic';
	if (!(CARD_TYPES as readonly string[]).includes(typeText)) {
		fail(`type ${JSON.stringify(typeText)} is not one of ${CARD_TYPES.join(', ')}`);
	}
	const type = typeText as CardType;
	const card: Card = {
		id: '',
		type,
		question,
		answer,
		tags: cell('tags').split(/\s+/).filter(Boolean),
		score: 1,
		source: { doc: '', sentence: '', start: 0, end: 0 }
	};
	if (type === 'mcq') card.choices = splitChoices(cell('choices'));
	if (type === 'ordering') card.items = answer.split(ARROW.trim()).map((s) => s.trim());
	if (type === 'matching') {
		card.pairs = answer.split(PAIR_SEPARATOR.trim()).map((pair) => {
			const sides = pair.split(ARROW.trim()).map((s) => s.trim());
			if (sides.length !== 2 || !sides[0] || !sides[1]) fail(`matching answer must read "left → right; …", got ${JSON.stringify(answer)}`);
			return [sides[0]!, sides[1]!] as [string, string];
		});
	}
	// "a→b" and "a → b" are the same order; store the canonical spelling the deck rules ask for.
	if (card.items) card.answer = orderingAnswer(card.items);
	if (card.pairs) card.answer = matchingAnswer(card.pairs);
	card.id = cardId(type, `${question} ${card.answer}`);
	const problem = cardTypeProblem(card);
	if (problem) fail(problem);
	return card;
}
