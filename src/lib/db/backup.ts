/**
 * The whole device's data as one backup file, and back (docs/data.md, "Backup").
 *
 * `exportAll` writes every deck as a deck file (contract §1) whose cards also carry their scheduling state, the
 * review log, settings, quiz results and the app's small facts. `readBackup` validates a file once, at this
 * boundary: the file format (`parseBackup`, src/lib/formats/backup.ts) and then the parts this layer owns
 * (review logs, scheduling states, settings, quiz results) and their cross-references. `restoreBackup`
 * replaces everything in ONE transaction, so a restore happens whole or not at all: a failure half-way leaves
 * the old data exactly as it was (contract §4).
 */
import * as v from 'valibot';
import { CALENDAR, DAY_KEY, dayKeyOf } from '$lib/domain/days';
import type { Card, DeckFile } from '$lib/domain/types';
import { gzipText, jsonLines } from '$lib/formats/backup-file';
import { BACKUP_FORMAT, BACKUP_VERSION, ProgressSchema, type BackupDeckEntry } from '$lib/formats/backup';
import { RETENTION_RANGE } from '$lib/scheduler/grades';
import { fromFsrs, toFsrs, type Progress } from '$lib/scheduler/progress';
import { cardsOf, exportDeck, importDeck } from './decks';
import { guard } from './errors';
import { LAST_EXPORT_KEY } from './meta-keys';
import { ParametersRowSchema } from './parameters';
import type { FactdeckDB, MetaRow, ParametersRow, ReviewRow } from './schema';
import { DEFAULT_SETTINGS } from './schema';
import { isMaximumInterval, isSteps, type Step } from '$lib/scheduler/steps';
import { getSettings, type Settings } from './settings';

/** A card in a backup: the deck file's card and its state on this device. */
export interface BackupCard extends Card {
	progress: Progress;
	suspended: boolean;
	flagged: boolean;
	addedAt: number;
}

/** A deck in a backup: the deck file and its state on this device. */
export interface BackupDeck extends DeckFile {
	cards: BackupCard[];
	seminarDate: string | null;
	builtIn: boolean;
	builtInVersion?: string;
	updatedAt: number;
}

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	exportedAt: string;
	decks: BackupDeck[];
	reviews: ReviewRow[];
	settings: Settings;
	/** Quiz results as stored (present when this app version has the quizzes table). */
	quizzes: Record<string, unknown>[];
	/** Small app-wide facts, e.g. the built-in decks the user deleted (so a restore does not bring them back). */
	meta: MetaRow[];
	/** The learner's fitted FSRS parameters, with their date and figures (none until Optimise applied some). */
	parameters: ParametersRow[];
}

/** What a backup holds, shown before the person confirms a restore. */
export interface BackupSummary {
	exportedAt: string;
	decks: number;
	cards: number;
	reviews: number;
	quizzes: number;
}

/** The fields a backup adds to a deck file and its cards; stripped before the deck is stored as a deck file. */
const DECK_STATE_FIELDS = ['seminarDate', 'builtIn', 'builtInVersion', 'updatedAt'] as const;
const CARD_STATE_FIELDS = ['progress', 'suspended', 'flagged', 'addedAt'] as const;

const QUIZZES = 'quizzes';

/** The quiz results table, when this app version has one (it arrives in a later schema version). */
function quizTable(db: FactdeckDB) {
	return db.tables.find((table) => table.name === QUIZZES);
}

/** `factdeck-backup-2026-03-10.json.gz`, by the local calendar day of `now`. */
export function backupFileName(now: Date): string {
	return `factdeck-backup-${dayKeyOf(now, CALENDAR)}.json.gz`;
}

/**
 * `Export all data` as a file: the backup JSON, one record per line, gzip-compressed (docs/formats.md). The
 * text is compressed as it is produced, so only the compressed bytes are held (about a seventh of the JSON).
 * Remembers the export's time for the backup reminder.
 */
export async function exportBackupFile(db: FactdeckDB, now: Date): Promise<Blob> {
	const { decks, reviews, quizzes, ...header } = await exportAll(db, now);
	const file = await gzipText(jsonLines({ ...header, decks, reviews, quizzes }));
	await guard('export your data', () => db.meta.put({ key: LAST_EXPORT_KEY, value: now.getTime() }));
	return file;
}

/** Everything on this device as a backup object (JSON-ready). Read in one transaction, so it is consistent. */
export async function exportAll(db: FactdeckDB, now: Date): Promise<BackupFile> {
	const quizzes = quizTable(db);
	const tables = [db.decks, db.cards, db.sources, db.reviews, db.settings, db.meta, db.parameters, ...(quizzes ? [quizzes] : [])];
	return guard('export your data', () =>
		db.transaction('r', tables, async () => {
			const decks: BackupDeck[] = [];
			for (const deck of await db.decks.orderBy('title').toArray()) {
				const file = await exportDeck(db, deck.id);
				const rows = await cardsOf(db, deck.id);
				const entry: BackupDeck = {
					...file,
					cards: rows.map((row) => ({
						...row.card,
						progress: row.progress,
						suspended: row.suspended,
						flagged: row.flagged,
						addedAt: row.addedAt
					})),
					seminarDate: deck.seminarDate,
					builtIn: deck.builtIn,
					updatedAt: deck.updatedAt
				};
				if (deck.builtInVersion !== undefined) entry.builtInVersion = deck.builtInVersion;
				decks.push(entry);
			}
			return {
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				exportedAt: now.toISOString(),
				decks,
				reviews: await db.reviews.toArray(),
				settings: await getSettings(db),
				quizzes: quizzes ? ((await quizzes.toArray()) as Record<string, unknown>[]) : [],
				meta: await db.meta.toArray(),
				parameters: await db.parameters.toArray()
			};
		})
	);
}

// ---------- reading a backup: everything checked before anything is written ----------

const time = v.pipe(v.number(), v.finite());
const whole = v.pipe(v.number(), v.integer(), v.minValue(0));
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));

/** The full stored scheduling state: the format's key fields plus what ts-fsrs needs to go on scheduling. */
const FullProgressSchema = v.object({
	...ProgressSchema.entries,
	elapsed_days: nonNegative,
	scheduled_days: nonNegative,
	learning_steps: whole
});

const CardStateSchema = v.object({
	progress: v.optional(FullProgressSchema),
	suspended: v.optional(v.boolean(), false),
	flagged: v.optional(v.boolean(), false),
	addedAt: v.optional(time)
});

const DeckStateSchema = v.object({
	seminarDate: v.optional(v.nullable(v.pipe(v.string(), v.regex(DAY_KEY))), null),
	builtIn: v.optional(v.boolean(), false),
	builtInVersion: v.optional(v.string()),
	updatedAt: v.optional(time)
});

const ReviewRowSchema = v.object({
	id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
	// Names the review on every device (sync, schema version 7): kept, so a backup restored on another device
	// does not give the same review a second identity. A backup from before it gets a new one.
	uid: v.optional(v.pipe(v.string(), v.minLength(1))),
	deckId: v.string(),
	cardId: v.string(),
	origin: v.optional(v.picklist(['study', 'quiz']), 'study'),
	at: time,
	durationMs: v.optional(nonNegative, 0),
	log: v.object({
		rating: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4)),
		state: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
		due: time,
		stability: nonNegative,
		difficulty: nonNegative,
		elapsed_days: nonNegative,
		last_elapsed_days: nonNegative,
		scheduled_days: nonNegative,
		learning_steps: whole,
		review: time
	}),
	before: FullProgressSchema
});

const QuizRowSchema = v.looseObject({
	id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
	deckId: v.string(),
	durationMs: v.optional(nonNegative, 0),
	cardIds: v.array(v.string()),
	answers: v.array(v.looseObject({ cardId: v.string(), correct: v.boolean() })),
	score: v.object({ correct: whole, total: whole }),
	countedAsReviews: v.optional(v.boolean(), false)
});

const MetaRowSchema = v.object({ key: v.pipe(v.string(), v.minLength(1)), value: v.unknown() });

const SettingsStateSchema = v.object({
	desiredRetention: v.optional(
		v.pipe(
			v.number(),
			v.minValue(RETENTION_RANGE.min, `must be between ${RETENTION_RANGE.min} and ${RETENTION_RANGE.max}`),
			v.maxValue(RETENTION_RANGE.max, `must be between ${RETENTION_RANGE.min} and ${RETENTION_RANGE.max}`)
		),
		DEFAULT_SETTINGS.desiredRetention
	),
	newPerDay: v.optional(v.pipe(whole, v.maxValue(9999, 'must be a whole number from 0 to 9999')), DEFAULT_SETTINGS.newPerDay),
	theme: v.optional(v.picklist(['system', 'light', 'dark'], 'must be system, light or dark'), DEFAULT_SETTINGS.theme),
	rolloverHour: v.optional(v.pipe(whole, v.maxValue(23, 'must be a whole hour from 0 to 23')), DEFAULT_SETTINGS.rolloverHour),
	learningSteps: v.optional(v.custom<Step[]>(isSteps, 'must be up to 10 steps like "1m"'), () => [...DEFAULT_SETTINGS.learningSteps]),
	relearningSteps: v.optional(v.custom<Step[]>(isSteps, 'must be up to 10 steps like "10m"'), () => [...DEFAULT_SETTINGS.relearningSteps]),
	maximumInterval: v.optional(v.custom<number>(isMaximumInterval, 'must be a whole number of days from 1 to 36500'), DEFAULT_SETTINGS.maximumInterval),
	burySiblings: v.optional(v.boolean(), DEFAULT_SETTINGS.burySiblings)
});

interface CardState {
	progress?: Progress;
	suspended: boolean;
	flagged: boolean;
	addedAt?: number;
}

/** A checked deck of a backup, as a restore stores it (plain data: it is staged in IndexedDB). */
export interface DeckPlan {
	file: DeckFile;
	state: v.InferOutput<typeof DeckStateSchema>;
	/** Each card's state on the device it came from, by card id. */
	cards: [string, CardState][];
}

/** A checked scheduling state in the app's own shape and field order (through ts-fsrs's card and back). */
function progressOf(checked: v.InferOutput<typeof FullProgressSchema>): Progress {
	return fromFsrs(toFsrs(checked as Progress));
}

/** Why a backup was refused; `message` names the problem and where it is. */
export class BackupProblem extends Error {}

/** `value` checked by `schema`, or a BackupProblem like `Review 3: "log.rating" is missing or not valid`. */
function check<S extends v.GenericSchema>(schema: S, value: unknown, where: string): v.InferOutput<S> {
	const result = v.safeParse(schema, value, { abortEarly: true });
	if (result.success) return result.output;
	const issue = result.issues[0];
	const field = (issue.path ?? []).map((item) => String(item.key)).join('.');
	const custom = issue.type === 'min_value' || issue.type === 'max_value' || issue.type === 'picklist';
	const problem = custom && issue.message.startsWith('must') ? issue.message : 'is missing or not valid';
	throw new BackupProblem(`${where}: ${field ? `"${field}" ` : ''}${problem}`);
}

function pick<T extends object>(object: T, drop: readonly string[]): Record<string, unknown> {
	return Object.fromEntries(Object.entries(object).filter(([key]) => !drop.includes(key)));
}

/** The db-owned parts of deck `index` (already checked as a deck file): its and its cards' state. */
export function planDeck(deck: BackupDeckEntry, index: number): DeckPlan {
	const label = `Deck ${index + 1} (${JSON.stringify(deck.id)})`;
	const state = check(DeckStateSchema, pick(deck, ['format', 'version', 'id', 'title', 'description', 'createdAt', 'sources', 'cards']), label);
	const cards: [string, CardState][] = [];
	const plain = deck.cards.map((card, i) => {
		const where = `${label}, card ${i + 1} (${JSON.stringify(card.id)})`;
		const fields = Object.fromEntries(CARD_STATE_FIELDS.filter((key) => key in card).map((key) => [key, card[key]]));
		const parsed = check(CardStateSchema, fields, where);
		const cardState: CardState = { suspended: parsed.suspended, flagged: parsed.flagged };
		if (parsed.progress) cardState.progress = progressOf(parsed.progress);
		if (parsed.addedAt !== undefined) cardState.addedAt = parsed.addedAt;
		cards.push([card.id, cardState]);
		return pick(card, CARD_STATE_FIELDS) as Card;
	});
	const file = { ...pick(deck, DECK_STATE_FIELDS), cards: plain } as DeckFile;
	return { file, state, cards };
}

/** Review `index` as the row a restore adds (its deck is checked by the caller, which knows every deck). */
export function planReview(raw: unknown, index: number): ReviewRow {
	const review = check(ReviewRowSchema, raw, `Review ${index + 1}`);
	const { id, uid, log, before, ...rest } = review;
	// Field order as the app writes them (uid as the creating hook adds it, id last, as IndexedDB adds it), so a
	// restored device exports the same file again.
	const row: ReviewRow = { ...rest, log: { ...log, rating: log.rating as ReviewRow['log']['rating'] }, before: progressOf(before) };
	if (uid !== undefined) row.uid = uid;
	if (id !== undefined) row.id = id;
	return row;
}

export function planQuiz(raw: unknown, index: number): Record<string, unknown> & { deckId: string } {
	return check(QuizRowSchema, raw, `Quiz result ${index + 1}`);
}

export function planMeta(raw: unknown, index: number): MetaRow {
	const row = check(MetaRowSchema, raw, `Meta ${index + 1}`);
	return { key: row.key, value: row.value };
}

export function planParameters(raw: unknown, index: number): ParametersRow {
	return check(ParametersRowSchema, raw, `Parameters ${index + 1}`);
}

export function planSettings(raw: unknown): Settings {
	return check(SettingsStateSchema, raw, 'Settings');
}

/**
 * Writes the deck of a backup, with its cards' state, inside the restore's transaction: as an import (the same
 * rows an import writes), then the state the cards had on the device they came from.
 */
export async function writeDeck(db: FactdeckDB, deck: DeckPlan, now: Date): Promise<void> {
	const { builtIn: managed, builtInVersion: version } = deck.state;
	const builtIn = managed || version !== undefined ? { version: version ?? '', edited: !managed } : undefined;
	await importDeck(db, deck.file, 'add', now, { builtIn });
	await db.decks.update(deck.file.id, {
		seminarDate: deck.state.seminarDate,
		updatedAt: deck.state.updatedAt ?? now.getTime()
	});
	const states = new Map(deck.cards);
	const rows = (await db.cards.where('deckId').equals(deck.file.id).toArray()).map((row) => {
		const state = states.get(row.id);
		if (!state) return row;
		const progress = state.progress ?? row.progress;
		return {
			...row,
			progress,
			due: progress.due,
			suspended: state.suspended,
			flagged: state.flagged,
			addedAt: state.addedAt ?? row.addedAt
		};
	});
	await db.cards.bulkPut(rows);
}
