/**
 * CSV and TSV decks, as spreadsheets, Anki and Quizlet read and write them.
 *
 * Parsing follows RFC 4180 (quoted fields, `""` for a quote, line breaks inside quotes, CRLF or LF, a leading
 * BOM) and the file headers of Anki's text export: a leading block of `#key:value` lines (`#separator:`,
 * `#html:`, `#columns:`, `#guid column:`, `#notetype column:`, `#deck column:`, `#tags column:`, `#tags:`, …).
 * After that block a line starting with `#` is data (`#MeToo`), not a comment.
 *
 * Columns (docs/formats.md): `question, answer, type, choices, tags`. `choices` joins mcq options with `|`
 * (a `|` or `\` inside an option is escaped with `\`); `tags` are space-separated, as in Anki. Matching and
 * ordering cards keep their structure in the answer (`left → right; …`, `a → b → c`).
 *
 * Exported cells that a spreadsheet would run as a formula are guarded with a leading `'` (OWASP, CSV
 * injection); importing a Factdeck export takes the guard off again (`guardFormula`, `unguardFormula`).
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

/** Anki's names for `#separator:` values (any case); a single character stands for itself. */
const SEPARATORS: Record<string, string> = {
	tab: '\t',
	comma: ',',
	semicolon: ';',
	space: ' ',
	pipe: '|',
	colon: ':'
};

/** The header keys of Anki's text import and export (Anki manual, "Importing: file headers"). */
const ANKI_HEADERS = new Set([
	'separator',
	'html',
	'columns',
	'tags',
	'deck',
	'notetype',
	'guid column',
	'notetype column',
	'deck column',
	'tags column',
	'if matches'
]);

function separatorOf(value: string): string | null {
	const named = SEPARATORS[value.trim().toLowerCase()];
	if (named) return named;
	return value.length === 1 ? value : value.trim().length === 1 ? value.trim() : null;
}

/** Separators a file without `#separator:` may use, for `sniffDelimiter`. */
const SNIFFED = [',', ';', '\t'];

/**
 * The separator of a file without `#separator:`: the expected one when its first record has it, else the one
 * that record has most of (outside quotes): a European spreadsheet saves "CSV" with `;`.
 */
function sniffDelimiter(text: string, from: number, expected: string): string {
	const counts = new Map<string, number>();
	let quoted = false;
	for (let i = from; i < text.length; i++) {
		const ch = text[i] as string;
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	}
	if (counts.has(expected)) return expected;
	const best = SNIFFED.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a), expected);
	return counts.has(best) ? best : expected;
}

/** Split `text` into records. Throws `DeckFileError` for a quote that is never closed. */
export function parseDelimited(input: string, defaultDelimiter: string): DelimitedText {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const directives = new Map<string, string>();
	const records: DelimitedRecord[] = [];
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

	// The header block: leading `#key:value` lines with Anki's keys. The first other line is data.
	while (text[pos] === '#') {
		const end = lineEnd(pos);
		const match = /^#([^:]+):(.*)$/.exec(text.slice(pos, end));
		const key = match?.[1]?.trim().toLowerCase() ?? '';
		if (!match || !ANKI_HEADERS.has(key)) break;
		directives.set(key, key === 'separator' ? (match[2] as string) : (match[2] as string).trim());
		pos = end;
		newline();
	}
	const declared = directives.get('separator');
	const delimiter = (declared !== undefined && separatorOf(declared)) || sniffDelimiter(text, pos, defaultDelimiter);
	if (declared !== undefined) directives.set('separator', declared.trim());

	while (pos < n) {
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

/**
 * A cell a spreadsheet would run as a formula starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (OWASP, "CSV Injection"); such a cell is written with a leading `'`, which spreadsheets show as text. A cell
 * that already starts with quotes before such a character gets one more, so that `unguardFormula` (one quote
 * off) gives back exactly what was written, whatever it was.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
	return FORMULA.test(cell) ? `'${cell}` : cell;
}

/** `guardFormula` undone; only for a file known to be a Factdeck export (see `toDeck`). */
export function unguardFormula(cell: string): string {
	return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/** One field, quoted when it has to be (RFC 4180), or when it starts with `#` (Anki would skip the line). */
function quoteField(field: string, delimiter: string): string {
	const needs = field.includes(delimiter) || /["\r\n]/.test(field) || field.startsWith('#');
	return needs ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Rows as delimited text; every cell guarded against formulas (`guardFormula`), then quoted where needed. */
export function writeDelimited(rows: string[][], delimiter: string, eol = '\r\n'): string {
	return rows.map((row) => row.map((f) => quoteField(guardFormula(f), delimiter)).join(delimiter) + eol).join('');
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
		const flat = (s: string) => guardFormula(s.replace(/[\t\r\n]+/g, ' '));
		return deck.cards.map((c) => `${flat(c.question)}\t${flat(c.answer)}\n`).join('');
	}
	const header = `#separator:tab\n#html:false\n#columns:${COLUMNS.join('\t')}\n#tags column:${COLUMNS.indexOf('tags') + 1}\n`;
	return header + writeDelimited(deck.cards.map(cardRow), '\t', '\n');
}

/**
 * Columns Anki's export names in its headers (`#guid column:1`, `#notetype column:2`, `#deck column:3`,
 * `#tags column:6`), 0-based; the note's fields are the other columns, in order.
 */
interface AnkiColumns {
	guid: number | null;
	notetype: number | null;
	deck: number | null;
	tags: number | null;
}

function ankiColumns(directives: ReadonlyMap<string, string>): AnkiColumns {
	const column = (key: string) => {
		const value = directives.get(`${key} column`);
		return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) - 1 : null;
	};
	return { guid: column('guid'), notetype: column('notetype'), deck: column('deck'), tags: column('tags') };
}

/** Which column holds what: from a header row or `#columns:`. Null when the names are not all known columns. */
function namedColumns(names: readonly string[]): Map<Column, number> | null {
	const map = new Map<Column, number>();
	// A header names only known columns; a row like `Front, Back, t1 t2` is a card, not a header.
	for (const [i, name] of names.entries()) {
		const column = ALIASES[name.trim().toLowerCase()];
		if (!column || map.has(column)) return null;
		map.set(column, i);
	}
	return map.has('question') && map.has('answer') ? map : null;
}

/**
 * Anki's and Quizlet's default columns: the first two columns Anki's headers do not reserve are the front and
 * the back; tags where `#tags column` says, or the third of exactly three columns.
 */
function defaultColumns(width: number, anki: AnkiColumns): Map<Column, number> {
	const reserved = new Set([anki.guid, anki.notetype, anki.deck, anki.tags].filter((c) => c !== null));
	const fields = Array.from({ length: width }, (_, i) => i).filter((i) => !reserved.has(i));
	const map = new Map<Column, number>([
		['question', fields[0] ?? 0],
		['answer', fields[1] ?? 1]
	]);
	if (anki.tags !== null) map.set('tags', anki.tags);
	else if (width === 3 && reserved.size === 0) map.set('tags', 2);
	return map;
}

/**
 * Card text out of a field of an Anki export with `#html:true`: text, never markup. Line breaks and block
 * ends become line breaks, every other tag (and a script's or style's content) is dropped, entities are
 * decoded, Anki's `[sound:…]` references removed. Pure string work: nothing is parsed as HTML or run.
 */
export function htmlToText(html: string): string {
	return decodeEntities(
		html
			.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
			.replace(/<br\s*\/?>/gi, '\n')
			// A block's start and end are one line break, however many blocks meet there.
			.replace(/(?:\s*<\/?(?:div|p|li|ul|ol|h[1-6]|tr|table)\b[^>]*>\s*)+/gi, '\n')
			.replace(/<[^>]*>/g, '')
			.replace(/\[sound:[^\]]*\]/g, '')
	)
		.replace(/[ \t\u00a0]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', rarr: '→', larr: '←', times: '×', eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö', auml: 'ä' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (entity, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
		}
		return ENTITIES[body.toLowerCase()] ?? entity;
	});
}

export interface ReadDelimitedOptions {
	/** The file's name; the deck title is the name without its extension. */
	name: string;
	delimiter: ',' | '\t' | ';';
	now?: Date;
}

/**
 * A CSV/TSV file as a deck. Problems name the file line (`Line 7 has 4 columns; the header has 3`); a
 * duplicate or empty row is skipped and reported in the warnings (`Skipped line 7: duplicate of line 3`).
 */
export function readDelimited(text: string, options: ReadDelimitedOptions): DeckFileResult {
	try {
		return toDeck(text, options);
	} catch (error) {
		if (error instanceof DeckFileError) return { ok: false, error };
		throw error;
	}
}

/** Where the rows are and what their columns hold. */
interface Layout {
	columns: Map<Column, number>;
	data: DelimitedRecord[];
	width: number | undefined;
	widthSource: string;
	/** Factdeck's own export (its header row or `#columns:`): formula guards come off (`unguardFormula`). */
	ours: boolean;
}

function layoutOf(records: DelimitedRecord[], directives: ReadonlyMap<string, string>, delimiter: string): Layout {
	const anki = ankiColumns(directives);
	const isOurs = (names: readonly string[]) => names.join('\u0000') === COLUMNS.join('\u0000');
	const declared = directives.get('columns')?.split(delimiter) ?? null;
	const named = declared ? namedColumns(declared) : null;
	if (declared && named) {
		if (anki.tags !== null && !named.has('tags')) named.set('tags', anki.tags);
		return { columns: named, data: records, width: declared.length, widthSource: 'the header', ours: isOurs(declared) };
	}
	const first = records[0];
	const fromRow = first ? namedColumns(first.fields) : null;
	if (first && fromRow) {
		return { columns: fromRow, data: records.slice(1), width: first.fields.length, widthSource: 'the header', ours: isOurs(first.fields) };
	}
	const width = first?.fields.length;
	if (first && width !== undefined && width < 2) {
		throw new DeckFileError(`Line ${first.line} has 1 column; a card needs a question and an answer`, { line: first.line });
	}
	return { columns: defaultColumns(width ?? 2, anki), data: records, width, widthSource: 'the first row', ours: false };
}

function toDeck(text: string, options: ReadDelimitedOptions): DeckFileResult {
	const { records, directives, delimiter } = parseDelimited(text, options.delimiter);
	const { columns, data, width, widthSource, ours } = layoutOf(records, directives, delimiter);
	const html = directives.get('html')?.toLowerCase() === 'true';
	const allTags = (directives.get('tags') ?? '').split(/\s+/).filter(Boolean);
	const deckColumn = ankiColumns(directives).deck;
	if (data.length > LIMITS.cards) {
		throw new DeckFileError(`The file has ${data.length.toLocaleString('en-US')} cards; the limit is ${LIMITS.cards.toLocaleString('en-US')}`);
	}

	const docId = 'doc-1';
	const cards: Card[] = [];
	const skipped: string[] = [];
	const seen = new Map<string, number>();
	const decks = new Set<string>();
	let sourceText = '';
	for (const record of data) {
		const { line } = record;
		if (record.fields.length !== width) {
			throw new DeckFileError(`Line ${line} has ${record.fields.length} columns; ${widthSource} has ${width}`, { line });
		}
		const fields = record.fields.map((f) => (html ? htmlToText(f) : ours ? unguardFormula(f) : f));
		if (fields.every((f) => f.trim() === '')) {
			skipped.push(`Skipped line ${line}: empty row`);
			continue;
		}
		const cell = (column: Column) => {
			const index = columns.get(column);
			return index === undefined ? '' : (fields[index] ?? '').trim();
		};
		const card = rowToCard(cell, line);
		const first = seen.get(card.id);
		if (first !== undefined) {
			skipped.push(`Skipped line ${line}: duplicate of line ${first}`);
			continue;
		}
		seen.set(card.id, line);
		for (const tag of allTags) if (!card.tags.includes(tag)) card.tags.push(tag);
		if (deckColumn !== null) decks.add((fields[deckColumn] ?? '').trim());
		// The card's source is its row: as in the file, or as text when the file's fields are HTML.
		const row = html ? fields.join(delimiter) : record.raw;
		if (sourceText) sourceText += '\n';
		card.source = { doc: docId, sentence: row, start: sourceText.length, end: sourceText.length + row.length };
		sourceText += row;
		cards.push(card);
	}
	if (cards.length === 0) throw new DeckFileError(skipped.length > 0 ? `The file has no cards: ${skipped.join('; ')}` : 'The file has no cards');

	// One Anki deck in the file ("Korea::Track II") names the deck; otherwise the file name does.
	const ankiDeck = decks.size === 1 ? ([...decks][0] as string).split('::').pop()!.trim() : '';
	const title = ankiDeck || options.name.replace(/\.(csv|tsv|txt)$/i, '').trim() || 'Imported deck';
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
	const result = parseDeckFile(deck, options);
	return result.ok ? { ...result, warnings: [...skipped, ...result.warnings] } : result;
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
