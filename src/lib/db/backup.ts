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
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, ProgressSchema, type Backup } from '$lib/formats/backup';
import { RETENTION_RANGE } from '$lib/scheduler/grades';
import { fromFsrs, toFsrs, type Progress } from '$lib/scheduler/progress';
import { cardsOf, exportDeck, importDeck } from './decks';
import { guard, StorageError } from './errors';
import type { FactdeckDB, MetaRow, ReviewRow } from './schema';
import { DEFAULT_SETTINGS } from './schema';
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

/** `factdeck-backup-2026-03-10.json`, by the local calendar day of `now`. */
export function backupFileName(now: Date): string {
	return `factdeck-backup-${dayKeyOf(now, CALENDAR)}.json`;
}

/** Everything on this device as a backup object (JSON-ready). Read in one transaction, so it is consistent. */
export async function exportAll(db: FactdeckDB, now: Date): Promise<BackupFile> {
	const quizzes = quizTable(db);
	const tables = [db.decks, db.cards, db.sources, db.reviews, db.settings, db.meta, ...(quizzes ? [quizzes] : [])];
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
				meta: await db.meta.toArray()
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

/** The backup's sections besides the decks; each row is then checked by its own schema, naming its place. */
const SectionsSchema = v.object({
	exportedAt: v.string(),
	reviews: v.optional(v.array(v.unknown()), []),
	quizzes: v.optional(v.array(v.unknown()), []),
	settings: v.optional(v.unknown(), {}),
	meta: v.optional(v.array(MetaRowSchema), [])
});

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
	rolloverHour: v.optional(v.pipe(whole, v.maxValue(23, 'must be a whole hour from 0 to 23')), DEFAULT_SETTINGS.rolloverHour)
});

interface CardState {
	progress?: Progress;
	suspended: boolean;
	flagged: boolean;
	addedAt?: number;
}

interface DeckPlan {
	file: DeckFile;
	state: v.InferOutput<typeof DeckStateSchema>;
	cards: Map<string, CardState>;
}

/** A validated backup, as the rows a restore writes. */
export interface RestorePlan {
	decks: DeckPlan[];
	reviews: ReviewRow[];
	settings: Settings;
	quizzes: Record<string, unknown>[];
	meta: MetaRow[];
	summary: BackupSummary;
}

export type ReadBackupResult = { ok: true; plan: RestorePlan; summary: BackupSummary } | { ok: false; message: string };

/** A checked scheduling state in the app's own shape and field order (through ts-fsrs's card and back). */
function progressOf(checked: v.InferOutput<typeof FullProgressSchema>): Progress {
	return fromFsrs(toFsrs(checked as Progress));
}

/** Why a backup was refused; `message` names the problem and where it is. */
class BackupProblem extends Error {}

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

function planDeck(deck: Backup['decks'][number], index: number): DeckPlan {
	const label = `Deck ${index + 1} (${JSON.stringify(deck.id)})`;
	const state = check(DeckStateSchema, pick(deck, ['format', 'version', 'id', 'title', 'description', 'createdAt', 'sources', 'cards']), label);
	const cards = new Map<string, CardState>();
	const plain = deck.cards.map((card, i) => {
		const where = `${label}, card ${i + 1} (${JSON.stringify(card.id)})`;
		const fields = Object.fromEntries(CARD_STATE_FIELDS.filter((key) => key in card).map((key) => [key, card[key]]));
		const parsed = check(CardStateSchema, fields, where);
		const cardState: CardState = { suspended: parsed.suspended, flagged: parsed.flagged };
		if (parsed.progress) cardState.progress = progressOf(parsed.progress);
		if (parsed.addedAt !== undefined) cardState.addedAt = parsed.addedAt;
		cards.set(card.id, cardState);
		return pick(card, CARD_STATE_FIELDS) as Card;
	});
	const file = { ...pick(deck, DECK_STATE_FIELDS), cards: plain } as DeckFile;
	return { file, state, cards };
}

/** The db-owned parts of an already format-checked backup, checked and turned into rows. */
function plan(backup: Backup): RestorePlan {
	const deckIds = new Map<string, number>();
	const decks = backup.decks.map((deck, i) => {
		const first = deckIds.get(deck.id);
		if (first !== undefined) {
			throw new BackupProblem(`Deck ${i + 1} (${JSON.stringify(deck.id)}): duplicate id; deck ${first + 1} has the same id`);
		}
		deckIds.set(deck.id, i);
		return planDeck(deck, i);
	});
	const sections = check(SectionsSchema, backup, 'Backup');
	const reviewIds = new Set<number>();
	const reviews = sections.reviews.map((raw, i) => {
		const review = check(ReviewRowSchema, raw, `Review ${i + 1}`);
		if (!deckIds.has(review.deckId)) throw new BackupProblem(`Review ${i + 1}: deck ${JSON.stringify(review.deckId)} is not in the backup`);
		if (review.id !== undefined) {
			if (reviewIds.has(review.id)) throw new BackupProblem(`Review ${i + 1}: id ${review.id} is used twice`);
			reviewIds.add(review.id);
		}
		const { id, log, before, ...rest } = review;
		// Field order as the app writes them (id last, as IndexedDB adds it), so a restored device exports the
		// same file again.
		const row: ReviewRow = { ...rest, log: { ...log, rating: log.rating as ReviewRow['log']['rating'] }, before: progressOf(before) };
		if (id !== undefined) row.id = id;
		return row;
	});
	const quizzes = sections.quizzes.map((raw, i) => {
		const quiz = check(QuizRowSchema, raw, `Quiz result ${i + 1}`);
		if (!deckIds.has(quiz.deckId)) throw new BackupProblem(`Quiz result ${i + 1}: deck ${JSON.stringify(quiz.deckId)} is not in the backup`);
		return quiz as Record<string, unknown>;
	});
	const settings = check(SettingsStateSchema, sections.settings, 'Settings');
	const meta = sections.meta.map((row) => ({ key: row.key, value: row.value }));
	const summary: BackupSummary = {
		exportedAt: sections.exportedAt,
		decks: decks.length,
		cards: decks.reduce((sum, deck) => sum + deck.file.cards.length, 0),
		reviews: reviews.length,
		quizzes: quizzes.length
	};
	return { decks, reviews, settings, quizzes, meta, summary };
}

/** Validates a backup file's text. Never throws; nothing is written. */
export function readBackup(text: string): ReadBackupResult {
	const parsed = parseBackup(text);
	if (!parsed.ok) return { ok: false, message: parsed.error.message };
	try {
		const restore = plan(parsed.backup);
		return { ok: true, plan: restore, summary: restore.summary };
	} catch (error) {
		if (error instanceof BackupProblem) return { ok: false, message: error.message };
		throw error;
	}
}

/**
 * Replaces everything on this device with the backup in `text`. A bad backup is refused with a StorageError of
 * kind 'invalid' whose message names the problem, before anything is touched. Returns what was restored.
 */
export async function restoreBackup(db: FactdeckDB, text: string, now: Date): Promise<BackupSummary> {
	const read = readBackup(text);
	if (!read.ok) throw new StorageError('invalid', read.message);
	const { decks, reviews, settings, quizzes, meta, summary } = read.plan;
	const quizRows = quizTable(db);
	const tables = [db.decks, db.cards, db.sources, db.reviews, db.settings, db.meta, ...(quizRows ? [quizRows] : [])];
	// One transaction for the clearing and every write: if any write fails (quota, a bad row), IndexedDB rolls
	// all of it back and the device keeps its old data, never half of each.
	await guard('restore the backup', () =>
		db.transaction('rw', tables, async () => {
			await Promise.all(tables.map((table) => table.clear()));
			for (const deck of decks) {
				const { builtIn: managed, builtInVersion: version } = deck.state;
				const builtIn = managed || version !== undefined ? { version: version ?? '', edited: !managed } : undefined;
				await importDeck(db, deck.file, 'add', now, { builtIn });
				await db.decks.update(deck.file.id, {
					seminarDate: deck.state.seminarDate,
					updatedAt: deck.state.updatedAt ?? now.getTime()
				});
				const rows = (await db.cards.where('deckId').equals(deck.file.id).toArray()).map((row) => {
					const state = deck.cards.get(row.id);
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
			await db.reviews.bulkAdd(reviews);
			await db.settings.put({ key: 'app', ...settings });
			await db.meta.bulkPut(meta);
			if (quizRows) await quizRows.bulkAdd(quizzes);
		})
	);
	return summary;
}
