/**
 * The one validator for deck files (contract §1): the importer, share links, backup restore and the tests all
 * parse through `DeckFileSchema` and `parseDeckFile`, which either return a valid `DeckFile` or a
 * `DeckFileError` whose message names the problem and where it is (`Card 3 ("c-12…"): …`).
 *
 * Structure (types, sizes, defaults) is the valibot schema; the rules that relate fields to each other (an mcq's
 * answer is one of its choices, a card's offsets select its sentence) are `rawCheck`s in the same schema, so
 * anything that embeds `DeckFileSchema` (the backup file) gets them too.
 */
import * as v from 'valibot';
import { ARROW, CARD_TYPES, CLOZE_BLANK, DECK_FORMAT, DECK_VERSION, PAIR_SEPARATOR } from './types';
import type { Card, DeckFile } from './types';

/** Size caps: a hostile or broken file is refused before it can fill the phone's storage. */
export const LIMITS = {
	cards: 20_000,
	sources: 1_000,
	tags: 100,
	/** Any string field, in UTF-16 code units. */
	string: 100_000,
	/** A source document's text: 10 MB worth of characters. */
	sourceText: 10 * 1024 * 1024
} as const;

/** Why a deck (or a CSV, or a share link) was refused; `message` is shown to the user as is. */
export class DeckFileError extends Error {
	override readonly name = 'DeckFileError';
	constructor(
		message: string,
		/** 1-based card number or file line, when the problem has one. */
		readonly where: { card?: number; line?: number } = {}
	) {
		super(message);
	}
}

export type DeckFileResult =
	| { ok: true; deck: DeckFile; warnings: string[] }
	| { ok: false; error: DeckFileError };

const text = (max: number = LIMITS.string) => v.pipe(v.string(), v.maxLength(max));
const nonEmptyText = (max: number = LIMITS.string) =>
	v.pipe(v.string(), v.check((s) => s.trim() !== '', 'must not be empty'), v.maxLength(max));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const CardSourceSchema = v.looseObject({
	doc: nonEmptyText(),
	sentence: nonEmptyText(),
	start: offset,
	end: offset
});

/** The fields of one card, before the per-type rules. Missing `tags` become [], missing `score` 1. */
const CardFieldsSchema = v.looseObject({
	id: nonEmptyText(200),
	type: v.picklist(CARD_TYPES),
	question: nonEmptyText(),
	answer: nonEmptyText(),
	choices: v.optional(v.pipe(v.array(nonEmptyText()), v.maxLength(20))),
	pairs: v.optional(v.pipe(v.array(v.tuple([nonEmptyText(), nonEmptyText()])), v.maxLength(20))),
	items: v.optional(v.pipe(v.array(nonEmptyText()), v.maxLength(50))),
	tags: v.optional(v.pipe(v.array(nonEmptyText(200)), v.maxLength(LIMITS.tags)), () => []),
	score: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 1),
	source: CardSourceSchema
});

/** The answer a matching card must carry: `left → right; …`. */
export function matchingAnswer(pairs: readonly (readonly [string, string])[]): string {
	return pairs.map(([left, right]) => `${left}${ARROW}${right}`).join(PAIR_SEPARATOR);
}

/** The answer an ordering card must carry: the items joined with ` → `. */
export function orderingAnswer(items: readonly string[]): string {
	return items.join(ARROW);
}

const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);

/**
 * The per-type rule a card breaks (contract §1), as a message without the card's location, or null.
 * Exported so the deck editor can validate a card as the instructor types.
 */
export function cardTypeProblem(card: Pick<Card, 'type' | 'question' | 'answer' | 'choices' | 'pairs' | 'items'>): string | null {
	switch (card.type) {
		case 'basic':
			return null;
		case 'cloze':
			return card.question.includes(CLOZE_BLANK) ? null : `cloze question needs a blank (${CLOZE_BLANK})`;
		case 'mcq': {
			const choices = card.choices ?? [];
			if (choices.length < 3 || choices.length > 5) return `mcq needs 3-5 distinct choices, got ${choices.length}`;
			const repeated = choices.find((c, i) => choices.indexOf(c) !== i);
			if (repeated !== undefined) return `mcq needs 3-5 distinct choices; ${quote(repeated)} appears twice`;
			if (!choices.includes(card.answer)) return `mcq needs exactly one choice equal to the answer ${quote(card.answer)}; none is`;
			return null;
		}
		case 'truefalse':
			return card.answer === 'True' || card.answer === 'False'
				? null
				: `truefalse answer must be "True" or "False", got ${quote(card.answer)}`;
		case 'matching': {
			const pairs = card.pairs ?? [];
			if (pairs.length < 3 || pairs.length > 6) return `matching needs 3-6 pairs, got ${pairs.length}`;
			const expected = matchingAnswer(pairs);
			return card.answer === expected ? null : `matching answer must be ${quote(expected)}, got ${quote(card.answer)}`;
		}
		case 'ordering': {
			const items = card.items ?? [];
			if (items.length < 2) return `ordering needs at least 2 items, got ${items.length}`;
			const expected = orderingAnswer(items);
			return card.answer === expected ? null : `ordering answer must be ${quote(expected)}, got ${quote(card.answer)}`;
		}
	}
}

export const CardSchema = v.pipe(
	CardFieldsSchema,
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const problem = cardTypeProblem(dataset.value);
		if (problem) addIssue({ message: problem });
	})
);

export const SourceDocumentSchema = v.looseObject({
	id: nonEmptyText(200),
	title: v.optional(text(), ''),
	text: nonEmptyText(LIMITS.sourceText)
});

/** What a file must say before anything else is read: it is a Factdeck deck of a version this app knows. */
const HeaderSchema = v.looseObject({
	format: v.literal(DECK_FORMAT),
	version: v.pipe(v.number(), v.integer(), v.minValue(1))
});

export const DeckFileSchema = v.pipe(
	v.looseObject({
		...HeaderSchema.entries,
		id: nonEmptyText(200),
		title: nonEmptyText(1_000),
		description: v.optional(text()),
		createdAt: v.optional(
			v.pipe(
				v.string(),
				v.check((s) => !Number.isNaN(Date.parse(s)), 'must be a date like 2026-11-24T10:00:00Z')
			)
		),
		sources: v.pipe(v.array(SourceDocumentSchema), v.maxLength(LIMITS.sources)),
		cards: v.pipe(v.array(CardSchema), v.maxLength(LIMITS.cards))
	}),
	// Cross-references: unique ids, and every card's source points at real text (contract §1).
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const { sources, cards } = dataset.value;
		const sourceIndex = new Map<string, number>();
		sources.forEach((source, i) => {
			const first = sourceIndex.get(source.id);
			if (first === undefined) sourceIndex.set(source.id, i);
			else addIssue({ message: `Source ${i + 1} (${quote(source.id)}): duplicate id; source ${first + 1} has the same id` });
		});
		const cardIndex = new Map<string, number>();
		cards.forEach((card, i) => {
			const where = cardLabel(i, card.id);
			const first = cardIndex.get(card.id);
			if (first === undefined) cardIndex.set(card.id, i);
			else addIssue({ message: `${where}: duplicate id; card ${first + 1} has the same id` });
			const { doc, sentence, start, end } = card.source;
			const s = sourceIndex.get(doc);
			if (s === undefined) {
				addIssue({ message: `${where}: source ${quote(doc)} is not one of the deck's sources` });
			} else if (sources[s]!.text.slice(start, end) !== sentence) {
				addIssue({
					message: `${where}: source offsets ${start}-${end} do not select its sentence in ${quote(doc)}`
				});
			}
		});
	})
);

function cardLabel(index: number, id: unknown): string {
	return typeof id === 'string' ? `Card ${index + 1} (${quote(id)})` : `Card ${index + 1}`;
}

/** Where an issue is, as a prefix (`Card 3 ("c-1"): `) and the field inside it (`source.start`). */
function locate(issue: v.BaseIssue<unknown>): { prefix: string; field: string; card?: number } {
	const keys = (issue.path ?? []).map((item) => item.key);
	let prefix = '';
	let card: number | undefined;
	let rest = keys;
	if ((keys[0] === 'cards' || keys[0] === 'sources') && typeof keys[1] === 'number') {
		const item = (issue.path![1]!.value ?? {}) as { id?: unknown };
		if (keys[0] === 'cards') {
			card = keys[1] + 1;
			prefix = `${cardLabel(keys[1], item.id)}: `;
		} else {
			prefix = `Source ${keys[1] + 1}${typeof item.id === 'string' ? ` (${quote(item.id)})` : ''}: `;
		}
		rest = keys.slice(2);
	} else if (keys.length > 0) {
		prefix = 'Deck: ';
	}
	const field = rest.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
	return { prefix, field, card };
}

const count = (n: number) => n.toLocaleString('en-US');

/** One valibot issue as a sentence a person can act on. */
function describe(issue: v.BaseIssue<unknown>): { message: string; card?: number } {
	const { prefix, field, card } = locate(issue);
	const name = field ? `"${field}"` : 'the deck';
	const got = issue.received;
	let what: string;
	switch (issue.type) {
		case 'raw_check':
			// Deck-level checks already carry their location; card-level ones get the card's prefix.
			return { message: issue.path ? `${prefix}${issue.message}` : issue.message, card };
		case 'check':
			what = `${name} ${issue.message}`;
			break;
		case 'string':
		case 'number':
		case 'array':
		case 'tuple':
		case 'loose_object':
			what = got === 'undefined' ? `${name} is missing` : `${name} must be ${describeExpected(issue.type)}, got ${got}`;
			break;
		case 'integer':
			what = `${name} must be a whole number, got ${got}`;
			break;
		case 'min_value':
			what = `${name} must be at least ${String(issue.requirement)}, got ${got}`;
			break;
		case 'max_value':
			what = `${name} must be at most ${String(issue.requirement)}, got ${got}`;
			break;
		case 'max_length': {
			const size = Array.isArray(issue.input) || typeof issue.input === 'string' ? issue.input.length : 0;
			const unit = Array.isArray(issue.input) ? 'entries' : 'characters';
			what = `${name} has ${count(size)} ${unit}; the limit is ${count(Number(issue.requirement))}`;
			break;
		}
		case 'picklist':
			what =
				got === 'undefined'
					? `${name} is missing`
					: `${name} must be one of ${CARD_TYPES.join(', ')}, got ${got}`;
			break;
		default:
			what = `${name}: ${issue.message}`;
	}
	return { message: prefix + what, card };
}

function describeExpected(type: string): string {
	if (type === 'loose_object') return 'an object';
	if (type === 'tuple') return 'a [left, right] pair';
	if (type === 'array') return 'a list';
	return type === 'string' ? 'text' : 'a number';
}

/**
 * The first issue of a failed parse as a `DeckFileError`. Formats that embed `DeckFileSchema` (the backup) pass
 * `depth`, how many path items lead to the deck, and `prefix`, where that deck is (`Deck 2 ("bio"): `).
 */
export function issueToError(issue: v.BaseIssue<unknown>, depth = 0, prefix = ''): DeckFileError {
	const path = issue.path?.slice(depth);
	const inner = { ...issue, path: path && path.length > 0 ? (path as typeof issue.path) : undefined };
	const { message, card } = describe(inner);
	// Inside a located deck, its own fields need no second "Deck: ".
	return new DeckFileError(prefix + (prefix ? message.replace(/^Deck: /, '') : message), card === undefined ? {} : { card });
}

function typeName(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/**
 * Validate any parsed JSON value as a deck file. Never throws. `now` fills a missing `createdAt` (passed in so
 * tests are repeatable; defaults to the current time at this edge).
 */
export function parseDeckFile(input: unknown, options: { now?: Date } = {}): DeckFileResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return fail(`Not a Factdeck deck: expected a JSON object, got ${typeName(input)}`);
	}
	const record = input as Record<string, unknown>;
	if (record.format !== DECK_FORMAT) {
		return fail(`Not a Factdeck deck: "format" must be "${DECK_FORMAT}"`);
	}
	const header = v.safeParse(HeaderSchema, input);
	if (!header.success) {
		const version = record.version;
		return fail(
			version === undefined
				? 'Not a Factdeck deck: "version" is missing'
				: `Not a Factdeck deck: "version" must be a positive whole number, got ${JSON.stringify(version)}`
		);
	}
	if (header.output.version > DECK_VERSION) {
		return fail(
			`This deck was made by a newer Factdeck (version ${header.output.version}); update the app to open it`
		);
	}
	const result = v.safeParse(DeckFileSchema, input, { abortEarly: true });
	if (!result.success) return { ok: false, error: issueToError(result.issues[0]) };

	const warnings: string[] = [];
	const unscored = (record.cards as unknown[]).filter((c) => (c as Record<string, unknown>).score === undefined).length;
	if (unscored > 0) warnings.push(`${unscored} ${unscored === 1 ? 'card has' : 'cards have'} no score; set to 1`);
	const { createdAt, ...rest } = result.output;
	const deck: DeckFile = { ...rest, createdAt: createdAt ?? (options.now ?? new Date()).toISOString() };
	if (createdAt === undefined) warnings.push('"createdAt" is missing; set to the import time');
	return { ok: true, deck, warnings };
}

function fail(message: string): DeckFileResult {
	return { ok: false, error: new DeckFileError(message) };
}
