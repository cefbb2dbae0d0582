/**
 * The full-backup file (`Export all data` / `Restore from backup`): every deck with its cards' scheduling state,
 * the review log, settings and quiz results, in one JSON object.
 *
 *   { format: "factdeck-backup", version: 1, exportedAt, decks: [DeckFile + per-card `progress`], reviews,
 *     settings, quizzes }
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
import { MAX_FILE_BYTES, readJsonText } from './json';

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
	// A deck an earlier version let break is anchored before it is checked (src/lib/domain/anchor.ts).
	decks: v.array(v.pipe(v.unknown(), v.transform(anchorDeckValue), BackupDeckSchema)),
	reviews: v.optional(v.array(ReviewSchema), () => []),
	settings: v.optional(SettingsSchema, () => ({})),
	quizzes: v.optional(v.array(QuizResultSchema), () => [])
});

// Pick, not Omit: Omit over a loose object's index signature drops the known keys' types.
export type Backup = Pick<v.InferOutput<typeof BackupSchema>, 'format' | 'version' | 'exportedAt' | 'reviews' | 'settings' | 'quizzes'> & {
	decks: (DeckFile & { cards: (DeckFile['cards'][number] & { progress?: v.InferOutput<typeof ProgressSchema> })[] })[];
};

export type BackupResult = { ok: true; backup: Backup } | { ok: false; error: DeckFileError };

/** Read a backup file's text. Never throws; nothing is restored unless this says ok. */
export function parseBackup(text: string, maxBytes = MAX_FILE_BYTES): BackupResult {
	const json = readJsonText(text, maxBytes);
	if (!json.ok) return json;
	const value = json.value;
	if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== BACKUP_FORMAT) {
		const isDeck = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'factdeck';
		return fail(
			isDeck
				? 'This is a single deck, not a backup; open it with Import deck'
				: `Not a Factdeck backup: "format" must be "${BACKUP_FORMAT}"`
		);
	}
	const version = (value as { version?: unknown }).version;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
		return fail(`This backup was made by a newer Factdeck (version ${version}); update the app to restore it`);
	}
	const result = v.safeParse(BackupSchema, value, { abortEarly: true });
	if (!result.success) return { ok: false, error: backupIssue(result.issues[0]) };
	return { ok: true, backup: result.output as Backup };
}

function backupIssue(issue: v.BaseIssue<unknown>): DeckFileError {
	const [section, index] = (issue.path ?? []).map((p) => p.key);
	if (section === 'decks' && typeof index === 'number') {
		const deck = issue.path![1]!.value as { id?: unknown };
		const label = `Deck ${index + 1}${typeof deck?.id === 'string' ? ` (${JSON.stringify(deck.id)})` : ''}: `;
		return issueToError(issue, 2, label);
	}
	if ((section === 'reviews' || section === 'quizzes') && typeof index === 'number') {
		const field = issue.path!.slice(2).map((p) => String(p.key)).join('.');
		const what = section === 'reviews' ? 'Review' : 'Quiz result';
		return new DeckFileError(`${what} ${index + 1}: ${field ? `"${field}" ` : ''}is missing or not valid`);
	}
	const field = (issue.path ?? []).map((p) => String(p.key)).join('.');
	return new DeckFileError(`Backup: "${field}" is missing or not valid`);
}

function fail(message: string): BackupResult {
	return { ok: false, error: new DeckFileError(message) };
}
