/**
 * The full-backup file (`Export all data` / `Restore from backup`): every deck with its cards' scheduling state,
 * the review log, settings and quiz results, in one JSON object.
 *
 *   { format: "factdeck-backup", version: 1, exportedAt, decks: [DeckFile + per-card `progress`], reviews,
 *     settings, quizzes, meta, parameters }
 *
 * `parameters` (the learner's fitted FSRS parameters) came later; a backup without it is still valid.
 *
 * Each deck is validated by the same `DeckFileSchema` as an imported deck. Progress, review, settings and quiz
 * rows are owned by `src/lib/db` (schema.ts, quizzes.ts); here they are loose objects whose key fields are
 * checked (ids are text, times and counts are numbers) and whose other fields pass through untouched, so the db
 * layer's restore can add fields without changing this file.
 */
import * as v from 'valibot';
import { anchorDeckValue } from '$lib/domain/anchor';
import { DeckFileError, DeckFileSchema, issueToError } from '$lib/domain/deck-file';
import type { DeckFile } from '$lib/domain/types';
import { JsonSections, JsonStreamError, type JsonPiece } from './json-stream';

export const BACKUP_FORMAT = 'factdeck-backup';
export const BACKUP_VERSION = 1;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());

/** A card's ts-fsrs state as the db stores it (`Progress` in src/lib/scheduler/progress.ts): times in epoch ms. */
export const ProgressSchema = v.looseObject({
	due: time,
	stability: v.pipe(v.number(), v.minValue(0)),
	difficulty: v.pipe(v.number(), v.minValue(0)),
	reps: count,
	lapses: count,
	/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
	state: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
	last_review: v.nullable(time)
});

/** A deck as in a deck file; each card may carry `progress` (absent: the card is new). */
export const BackupDeckSchema = v.pipe(
	DeckFileSchema,
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		dataset.value.cards.forEach((card, i) => {
			if (card.progress === undefined) return;
			const result = v.safeParse(ProgressSchema, card.progress);
			if (!result.success) {
				const where = result.issues[0].path?.map((p) => String(p.key)).join('.') ?? '';
				addIssue({ message: `Card ${i + 1} (${JSON.stringify(card.id)}): "progress${where ? `.${where}` : ''}" is not a valid scheduling state` });
			}
		});
	})
);

/** A deck an earlier version let break is anchored before it is checked (src/lib/domain/anchor.ts). */
const AnchoredDeckSchema = v.pipe(v.unknown(), v.transform(anchorDeckValue), BackupDeckSchema);

export const ReviewSchema = v.looseObject({ deckId: id, cardId: id, at: time });
export const QuizResultSchema = v.looseObject({ deckId: id, startedAt: time, finishedAt: time });
export const SettingsSchema = v.looseObject({
	// A plausibility bound only: the app's own range (RETENTION_RANGE, 0.70-0.97) is enforced by the db layer,
	// which owns settings and names that range in its message.
	desiredRetention: v.optional(v.pipe(v.number(), v.minValue(0.5), v.maxValue(0.99))),
	newPerDay: v.optional(count)
});

export const BackupSchema = v.looseObject({
	format: v.literal(BACKUP_FORMAT),
	version: v.pipe(v.number(), v.integer(), v.minValue(1)),
	exportedAt: v.pipe(v.string(), v.check((s) => !Number.isNaN(Date.parse(s)))),
	decks: v.array(AnchoredDeckSchema),
	reviews: v.optional(v.array(ReviewSchema), () => []),
	settings: v.optional(SettingsSchema, () => ({})),
	quizzes: v.optional(v.array(QuizResultSchema), () => [])
});

// Pick, not Omit: Omit over a loose object's index signature drops the known keys' types.
export type Backup = Pick<v.InferOutput<typeof BackupSchema>, 'format' | 'version' | 'exportedAt' | 'reviews' | 'settings' | 'quizzes'> & {
	decks: BackupDeckEntry[];
};

export type BackupDeckEntry = DeckFile & { cards: (DeckFile['cards'][number] & { progress?: v.InferOutput<typeof ProgressSchema> })[] };

export type BackupResult = { ok: true; backup: Backup } | { ok: false; error: DeckFileError };

/*
 * The checks one piece at a time, so a backup read as a stream (src/lib/formats/json-stream.ts) is held to exactly
 * the same rules, with the same messages, as one read whole. Each throws a DeckFileError naming the problem.
 */

/** The `format` field: a deck file or another format is refused at once. */
export function checkBackupFormat(format: unknown): void {
	if (format === BACKUP_FORMAT) return;
	throw new DeckFileError(
		format === 'factdeck'
			? 'This is a single deck, not a backup; open it with Import deck'
			: `Not a Factdeck backup: "format" must be "${BACKUP_FORMAT}"`
	);
}

/** The `version` field (undefined when the file has none). */
export function checkBackupVersion(version: unknown): void {
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
		throw new DeckFileError(`This backup was made by a newer Factdeck (version ${version}); update the app to restore it`);
	}
	field(BackupSchema.entries.version, version, 'version');
}

export function checkExportedAt(exportedAt: unknown): string {
	return field(BackupSchema.entries.exportedAt, exportedAt, 'exportedAt');
}

export function checkBackupSettings(settings: unknown): v.InferOutput<typeof SettingsSchema> {
	return field(BackupSchema.entries.settings, settings, 'settings');
}

/** A section that must be a list (`decks`, `reviews`, `quizzes`) but is something else. */
export function notAList(section: string): DeckFileError {
	return new DeckFileError(`Backup: "${section}" is missing or not valid`);
}

/** Deck `index` (from 0) of the backup, checked as a deck file whose cards may carry progress. */
export function checkBackupDeck(deck: unknown, index: number): BackupDeckEntry {
	const result = v.safeParse(AnchoredDeckSchema, deck, { abortEarly: true });
	if (result.success) return result.output as BackupDeckEntry;
	const id = (deck as { id?: unknown } | null)?.id;
	return throwing(issueToError(result.issues[0], 0, `Deck ${index + 1}${typeof id === 'string' ? ` (${JSON.stringify(id)})` : ''}: `));
}

export function checkBackupReview(review: unknown, index: number): v.InferOutput<typeof ReviewSchema> {
	return row(ReviewSchema, review, `Review ${index + 1}`);
}

export function checkBackupQuiz(quiz: unknown, index: number): v.InferOutput<typeof QuizResultSchema> {
	return row(QuizResultSchema, quiz, `Quiz result ${index + 1}`);
}

function row<S extends v.GenericSchema>(schema: S, value: unknown, label: string): v.InferOutput<S> {
	const result = v.safeParse(schema, value, { abortEarly: true });
	if (result.success) return result.output;
	const where = (result.issues[0].path ?? []).map((p) => String(p.key)).join('.');
	return throwing(new DeckFileError(`${label}: ${where ? `"${where}" ` : ''}is missing or not valid`));
}

function field<S extends v.GenericSchema>(schema: S, value: unknown, name: string): v.InferOutput<S> {
	const result = v.safeParse(schema, value, { abortEarly: true });
	if (result.success) return result.output;
	const inner = (result.issues[0].path ?? []).map((p) => String(p.key));
	return throwing(new DeckFileError(`Backup: "${[name, ...inner].join('.')}" is missing or not valid`));
}

function throwing(error: DeckFileError): never {
	throw error;
}

/** A checked piece of a backup, in file order. */
export type BackupPiece =
	| { kind: 'deck'; index: number; deck: BackupDeckEntry }
	| { kind: 'review'; index: number; review: v.InferOutput<typeof ReviewSchema> }
	| { kind: 'quiz'; index: number; quiz: v.InferOutput<typeof QuizResultSchema> }
	/** A row of `meta` (small app-wide facts, owned and checked by src/lib/db). */
	| { kind: 'meta'; index: number; row: unknown }
	/** A row of `parameters` (fitted FSRS parameters, owned and checked by src/lib/db). */
	| { kind: 'parameters'; index: number; row: unknown };

/** The backup's small fields, known once the whole file is read. */
export interface BackupHeader {
	format: typeof BACKUP_FORMAT;
	version: number;
	exportedAt: string;
	settings: v.InferOutput<typeof SettingsSchema>;
}

const LISTS = { decks: 'deck', reviews: 'review', quizzes: 'quiz', meta: 'meta', parameters: 'parameters' } as const;

/**
 * A backup read in chunks of text (any size; one record is held at a time): `push` returns the records each
 * chunk completed, checked; `end` checks what must be there and returns the header. Every method throws a
 * DeckFileError naming the problem; a syntax error reads `Not JSON: … at line L, column C`.
 */
export class BackupReader {
	#json = new JsonSections();
	#read = 0;
	#format: unknown;
	#version: unknown;
	#exportedAt: unknown;
	#settings: unknown;
	#decks = false;

	push(text: string): BackupPiece[] {
		this.#read += text.length;
		return this.#checked(() => this.#json.push(text));
	}

	end(): { pieces: BackupPiece[]; header: BackupHeader } {
		if (this.#read === 0) throw new DeckFileError('The file is empty (0 bytes)');
		const pieces = this.#checked(() => this.#json.end());
		checkBackupFormat(this.#format);
		checkBackupVersion(this.#version);
		const exportedAt = checkExportedAt(this.#exportedAt);
		if (!this.#decks) throw notAList('decks');
		const settings = checkBackupSettings(this.#settings);
		return { pieces, header: { format: BACKUP_FORMAT, version: this.#version as number, exportedAt, settings } };
	}

	#checked(read: () => JsonPiece[]): BackupPiece[] {
		let pieces: JsonPiece[];
		try {
			pieces = read();
		} catch (error) {
			if (error instanceof JsonStreamError) throw new DeckFileError(error.message.includes('too large') ? error.message : `Not JSON: ${error.message}`);
			throw error;
		}
		const out: BackupPiece[] = [];
		for (const piece of pieces) {
			const list = LISTS[piece.key as keyof typeof LISTS] as (typeof LISTS)[keyof typeof LISTS] | undefined;
			if (piece.kind === 'field') {
				this.#field(piece.key, piece.value);
				if (list) throw notAList(piece.key);
			} else if (piece.kind === 'list') {
				if (piece.key === 'decks') this.#decks = true;
				else if (!list) this.#field(piece.key, []);
			} else if (list === 'deck') out.push({ kind: 'deck', index: piece.index, deck: checkBackupDeck(piece.value, piece.index) });
			else if (list === 'review') out.push({ kind: 'review', index: piece.index, review: checkBackupReview(piece.value, piece.index) });
			else if (list === 'quiz') out.push({ kind: 'quiz', index: piece.index, quiz: checkBackupQuiz(piece.value, piece.index) });
			else if (list === 'meta') out.push({ kind: 'meta', index: piece.index, row: piece.value });
			else if (list === 'parameters') out.push({ kind: 'parameters', index: piece.index, row: piece.value });
		}
		return out;
	}

	/** A top-level field that is not a list of records; `format` and `version` are checked at once. */
	#field(key: string, value: unknown): void {
		if (key === 'format') checkBackupFormat((this.#format = value));
		else if (key === 'version') checkBackupVersion((this.#version = value));
		else if (key === 'exportedAt') this.#exportedAt = value;
		else if (key === 'settings') this.#settings = value;
	}
}
