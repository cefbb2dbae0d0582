/**
 * Factdeck's IndexedDB schema. The only module that declares tables; every schema change is a new
 * `version(n)` with an upgrade function, tested from each earlier version (tests/unit/db/upgrade.test.ts),
 * so a new app version never loses a user's decks, cards or review history.
 */
import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import { DEFAULT_ROLLOVER_HOUR } from '$lib/domain/days';
import { State } from '$lib/scheduler/grades';
import type { Card } from '$lib/domain/types';
import type { BuiltInOffer } from './builtins';
import { repairDecks } from './repair';
import { randomId } from '$lib/domain/ids';
import { syncLog } from './sync-log';
import type { Entry } from '$lib/sync/entries';
import type { Hlc } from '$lib/sync/clock';
import type { ReviewOutcome } from '$lib/scheduler/fsrs';
import type { Progress } from '$lib/scheduler/progress';
import type { Metrics } from '$lib/optimiser/evaluate';
import { DEFAULT_LEARNING_STEPS, DEFAULT_RELEARNING_STEPS, MAXIMUM_INTERVAL_RANGE, type Step } from '$lib/scheduler/steps';

export interface DeckRow {
	id: string;
	title: string;
	description?: string;
	createdAt: string;
	updatedAt: number;
	/**
	 * Built-in decks come from the app's seed documents; `builtInVersion` is the hash of their cards. A built-in
	 * deck the person edited is no longer `builtIn` (a new app version does not change it) but keeps
	 * `builtInVersion` (docs/data.md, "Built-in decks").
	 */
	builtIn: boolean;
	builtInVersion?: string;
	/** Ids of the built-in cards this deck has had or declined: a later version offers only the others. */
	builtInCards?: string[];
	/** New cards of a later built-in version, offered to the person who edited the deck. */
	builtInOffer?: BuiltInOffer;
	/** A local calendar day `YYYY-MM-DD`, or null. */
	seminarDate: string | null;
	/** Fields of the deck file this app does not know, kept for round trip (contract §1). */
	extra: Record<string, unknown>;
}

export interface CardRow {
	deckId: string;
	id: string;
	/** The card as in the deck file, unknown fields included. */
	card: Card;
	/** Order in the deck; new cards are introduced in this order. */
	position: number;
	progress: Progress;
	/**
	 * `progress.due`, or the end of the card's bury when that is later (see `indexedDue`); indexed for "what is
	 * due" queries across decks. Kept by the hooks in FactdeckDB: writers set it to `progress.due`.
	 */
	due: number;
	suspended: boolean;
	flagged: boolean;
	/**
	 * Buried (as in Anki) until this instant, the start of the next study day: the card is out of every queue
	 * and count until then. Absent when the card was never buried; a past instant means it is buried no more.
	 */
	buriedUntil?: number;
	addedAt: number;
}

export type ReviewOrigin = 'study' | 'quiz';

export interface ReviewRow {
	id?: number;
	/**
	 * Names the review on every device (sync, schema version 7); `id` is this device's own. Set when the row is
	 * created (the `creating` hook in FactdeckDB), so no caller writes it.
	 */
	uid?: string;
	deckId: string;
	cardId: string;
	origin: ReviewOrigin;
	/** Epoch ms of the review (copy of log.review, indexed for stats per day). */
	at: number;
	durationMs: number;
	log: ReviewOutcome;
	/** The card's progress before this review: Undo puts it back exactly. */
	before: Progress;
}

export interface SourceRow {
	deckId: string;
	id: string;
	title: string;
	text: string;
	extra: Record<string, unknown>;
}

export type Theme = 'system' | 'light' | 'dark';

export interface SettingsRow {
	key: 'app';
	desiredRetention: number;
	newPerDay: number;
	theme: Theme;
	/**
	 * "Next day starts at": the local hour (0-23) a study day begins (src/lib/domain/days.ts). Added after
	 * schema version 2 without a version bump: settings are read through `normalise`, which gives a row
	 * stored before it (or a backup without it) the default.
	 */
	rolloverHour: number;
	/** Study control (issue 10, §2), read through `normalise` like `rolloverHour`: ts-fsrs's steps, e.g. ["1m", "10m"]. */
	learningSteps: Step[];
	relearningSteps: Step[];
	/** The longest interval FSRS may give, in days. */
	maximumInterval: number;
	/** Studying a card buries its siblings (cards from the same sentence) until the next study day. */
	burySiblings: boolean;
}

/** Small app-wide facts, e.g. which built-in decks the user deleted (so they are not put back). */
export interface MetaRow {
	key: string;
	value: unknown;
}

/** One answered quiz question as stored. `correct` is the final verdict, after any "I was right" override. */
export interface QuizAnswerRow {
	cardId: string;
	correct: boolean;
	given: string;
	overridden: boolean;
}

/** A finished quiz in a deck's quiz history (schema version 2). Times are epoch ms, like `ReviewRow.at`. */
export interface QuizRow {
	id?: number;
	/** Names the result on every device, like `ReviewRow.uid` (schema version 7). */
	uid?: string;
	deckId: string;
	startedAt: number;
	finishedAt: number;
	durationMs: number;
	/** Every question's card, in quiz order; a question with no answer (time ran out) counts as missed. */
	cardIds: string[];
	/** The answered questions, in the order they were answered. */
	answers: QuizAnswerRow[];
	score: { correct: number; total: number };
	/** Whether the answers were also recorded as reviews (right → Good, wrong → Again). */
	countedAsReviews: boolean;
}

/**
 * Which count a card falls in, for the home page's counts through an index (`[deckId+queue+due]`) instead of
 * reading every card (issue 12, §4). Stored on each card row by the hooks in FactdeckDB and hidden again when a
 * row is read, so no other code sees or writes it. A boolean cannot be part of an IndexedDB key, so suspension
 * is folded into this number.
 *
 * Bury (issue 10, §2) needs no schema change: a buried studied card stays in `studied` with its indexed `due`
 * moved to the bury's end (`indexedDue`), so "due before today ends" leaves it out today and counts it again
 * tomorrow; a buried new card goes to `buriedNew` with `due` = the bury's end, and counts as new again once that
 * instant has passed (decks.ts, countsOf).
 */
export const QUEUE = { new: 0, studied: 1, suspendedNew: 2, suspendedStudied: 3, buriedNew: 4 } as const;
export type Queue = (typeof QUEUE)[keyof typeof QUEUE];

type QueueFields = Pick<CardRow, 'suspended' | 'buriedUntil'> & { progress: Pick<Progress, 'state'> };

export function queueOf(row: QueueFields): Queue {
	const fresh = row.progress.state === State.New;
	if (row.suspended) return fresh ? QUEUE.suspendedNew : QUEUE.suspendedStudied;
	if (fresh && row.buriedUntil !== undefined) return QUEUE.buriedNew;
	return fresh ? QUEUE.new : QUEUE.studied;
}

/**
 * The learner's own FSRS parameters (schema version 6, issue 10 §1): fitted by `Optimise` from the review log and
 * stored only when they predicted the learner's reviews better than the parameters in use (docs/data.md).
 * Without a row the scheduler uses ts-fsrs's FSRS-6 defaults.
 */
export interface ParametersRow {
	key: 'fsrs';
	/** FSRS-6's 21 parameters (ts-fsrs `w`). */
	w: number[];
	/** Epoch ms of the fit. */
	fittedAt: number;
	/** Reviews the fit learnt from. */
	reviews: number;
	/** The parameters in use before, scored on those reviews. */
	before: Metrics;
	/** These parameters, scored on the same reviews. */
	after: Metrics;
}

/** The due instant the index holds: `progress.due`, or the bury's end when the card is buried past it. */
export function indexedDue(row: Pick<CardRow, 'buriedUntil'> & { progress: Pick<Progress, 'due'> }): number {
	return row.buriedUntil === undefined ? row.progress.due : Math.max(row.progress.due, row.buriedUntil);
}

/** A chunk of rows kept aside: a restore's staged rows, or the snapshot `Undo restore` puts back. */
export interface StashRow {
	area: 'staged' | 'undo';
	/** The table the rows belong to, or `info` for what the area holds. */
	part: string;
	seq: number;
	rows: unknown[];
}

/** A local change waiting to be pushed to the sync server (docs/data.md, "Sync"); deleted once it is there. */
export type OutboxRow = Entry;

/** The id of the latest entry applied to a row (`<table>/<key>`), local or pulled: what a pulled entry must beat. */
export interface StampRow {
	entity: string;
	id: string;
}

/**
 * This device's sync state. In its own store, not in `meta`: a backup carries `meta` and a restore puts it back,
 * and a device id restored onto another device would make two devices hand out the same entry ids; the password
 * must not go into a backup file either.
 */
export interface SyncStateRow {
	key: 'state';
	device: string;
	/** The hybrid logical clock (src/lib/sync/clock.ts), stored with every tick: monotonic across restarts. */
	clock: Hlc;
	/** Whether local changes are logged: true from the first `Sync now` on. */
	enabled: boolean;
	/**
	 * Rows were written without being logged, so the next sync logs them (src/lib/db/sync.ts `logSnapshot`):
	 * `join` when sync was turned on, `restore` after a restore or Undo restore replaced the tables.
	 */
	snapshot: 'join' | 'restore' | null;
	/** The server's `_changes` sequence up to which entries are applied. */
	since: string | number;
}

export interface SyncConfigRow {
	key: 'config';
	/** The CouchDB database's URL, e.g. `https://couch.example.org/factdeck-ana`. */
	url: string;
	username: string;
	password: string;
	lastSyncedAt: number | null;
	lastError: string | null;
	/**
	 * A class database this device also reads (docs/data.md, "A class database"), with the same user and password:
	 * pulled only, never pushed to, except for the decks its instructor publishes. Absent or '' when there is none.
	 */
	classUrl?: string;
}

/** How far this device has read the class database at `url` (its `_changes` sequence). */
export interface SyncClassRow {
	key: 'class';
	url: string;
	since: string | number;
}

/**
 * A deck this device publishes to the class database (key `published/<deckId>`): the fingerprint of each row as
 * last published (`<table>/<key>` → src/lib/sync/class.ts `fingerprint`), so the next sync sends only what changed.
 */
export interface SyncPublishedRow {
	key: `published/${string}`;
	deckId: string;
	rows: Record<string, string>;
}

export type SyncRow = SyncStateRow | SyncConfigRow | SyncClassRow | SyncPublishedRow;

export const DEFAULT_SETTINGS: SettingsRow = {
	key: 'app',
	desiredRetention: 0.9,
	newPerDay: 20,
	theme: 'system',
	rolloverHour: DEFAULT_ROLLOVER_HOUR,
	learningSteps: [...DEFAULT_LEARNING_STEPS],
	relearningSteps: [...DEFAULT_RELEARNING_STEPS],
	maximumInterval: MAXIMUM_INTERVAL_RANGE.default,
	burySiblings: true
};

export class FactdeckDB extends Dexie {
	decks!: EntityTable<DeckRow, 'id'>;
	cards!: Table<CardRow, [string, string]>;
	reviews!: EntityTable<ReviewRow, 'id'>;
	sources!: Table<SourceRow, [string, string]>;
	settings!: EntityTable<SettingsRow, 'key'>;
	meta!: EntityTable<MetaRow, 'key'>;
	quizzes!: EntityTable<QuizRow, 'id'>;
	stash!: Table<StashRow, [string, string, number]>;
	parameters!: EntityTable<ParametersRow, 'key'>;
	outbox!: EntityTable<OutboxRow, 'id'>;
	stamps!: EntityTable<StampRow, 'entity'>;
	sync!: Table<SyncRow, string>;

	/** `options` lets tests give each simulated device its own IndexedDB factory. */
	constructor(name = 'factdeck', options?: DexieOptions) {
		super(name, options);
		this.version(1).stores({
			decks: 'id, title, updatedAt',
			cards: '[deckId+id], deckId, due',
			reviews: '++id, [deckId+cardId], deckId, at',
			sources: '[deckId+id], deckId',
			settings: 'key',
			meta: 'key'
		});
		// Version 2 (issue 5): quiz results, listed per deck, newest last. Purely additive: Dexie keeps every
		// table not named here as it was, and there is no row to convert. The upgrade function stays as the
		// place a later change to quiz rows would convert them, tested from version 1 in upgrade.test.ts.
		this.version(2)
			.stores({ quizzes: '++id, deckId, finishedAt' })
			.upgrade(async () => {
				// Nothing to convert: version 1 had no quiz results.
			});
		// Version 3 (issue 12): the home page counts new, due and studied cards through `[deckId+queue+due]`
		// (see QUEUE), and `stash` holds a restore's staged rows and the snapshot Undo restore puts back.
		this.version(3)
			.stores({ cards: '[deckId+id], deckId, due, [deckId+queue+due]', stash: '[area+part+seq]' })
			.upgrade(async (tx) => {
				await tx
					.table('cards')
					.toCollection()
					.modify((row: CardRow & { queue?: Queue }) => {
						row.queue = queueOf(row);
					});
			});
		// Version 4 (issue 12 §1.1; version 3 is the card index of §4): mends decks an "Update" import or a built-in
		// merge made unexportable before every write kept them anchored (repair.ts). No store changes.
		this.version(4).upgrade(async (tx) => {
			await repairDecks({ decks: tx.table('decks'), cards: tx.table('cards'), sources: tx.table('sources') });
		});
		// Version 6 (issue 10 §1; 5 is the study controls'): the learner's fitted FSRS parameters. Additive: no row
		// to convert, a learner upgrading has none and goes on with the defaults. The upgrade function stays as the
		// place a later change to parameter rows would convert them, tested from version 4 in upgrade.test.ts.
		this.version(6)
			.stores({ parameters: 'key' })
			.upgrade(async () => {
				// Nothing to convert: no earlier version stored parameters.
			});
		// Version 7 (issue 11, sync): reviews and quiz results get a `uid` that names them on every device (their
		// `++id` differs from device to device), and three stores for sync: the outbox of local changes, the stamp
		// of each row's latest entry, and this device's sync state (docs/data.md, "Sync").
		this.version(7)
			.stores({
				reviews: '++id, [deckId+cardId], deckId, at, &uid',
				quizzes: '++id, deckId, finishedAt, &uid',
				outbox: 'id',
				stamps: 'entity',
				sync: 'key'
			})
			.upgrade(async (tx) => {
				for (const table of ['reviews', 'quizzes']) {
					await tx
						.table(table)
						.toCollection()
						.modify((row: { uid?: string }) => {
							row.uid ??= randomId();
						});
				}
			});
		this.#keepQueue();
		this.#nameRows();
		this.use(syncLog);
	}

	/** Every new review and quiz result gets its `uid` (schema version 7). */
	#nameRows(): void {
		for (const table of [this.reviews, this.quizzes] as Table<{ uid?: string }>[]) {
			table.hook('creating', (_key, row) => {
				row.uid ??= randomId();
			});
		}
	}

	/** Every write of a card row sets its `queue` and indexed `due` from its state; every read hides `queue` (see QUEUE). */
	#keepQueue(): void {
		type Stored = CardRow & { queue?: Queue };
		this.cards.hook('creating', (_key, row: Stored) => {
			row.queue = queueOf(row);
			row.due = indexedDue(row);
		});
		this.cards.hook('updating', (changes, _key, row: Stored) => {
			const next = structuredClone(row);
			for (const [path, value] of Object.entries(changes)) Dexie.setByKeyPath(next, path, value);
			return { queue: queueOf(next), due: indexedDue(next) };
		});
		this.cards.hook('reading', (row: Stored | undefined) => {
			if (row === undefined || !('queue' in row)) return row;
			const { queue: _queue, ...card } = row;
			return card;
		});
	}
}
