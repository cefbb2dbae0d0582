/**
 * A study session's state (issue 4, point 2) as runes. Owns the order of cards, the reveal, grading (one
 * transaction per grade in src/lib/db), Undo, timing and the end-of-session summary. Takes its database,
 * clock and persistent-storage request from the caller so tests can pin them.
 */
import { attemptLoad, messageOf } from './message';
import {
	cardsOf,
	deckSummary,
	exportDeck,
	learnerScheduler,
	newCardsStudiedToday,
	recordReview,
	requestPersistentStorage,
	reviewsOf,
	restoreCardMarks,
	setCardMarks,
	StorageError,
	undoReview,
	type CardMarks,
	type CardRow,
	type FactdeckDB,
	type MarksUndo
} from '$lib/db';
import { CALENDAR, dayEnd, dayOf, dayStart, deviceZone, type DayRule, type TimeZone } from '$lib/domain/days';
import type { DeckFile } from '$lib/domain/types';
import { judgeChoice, suggestedGrade } from './card-task';
import type { Verdict } from '$lib/quiz/answer-check';
import { GRADES, Rating, Scheduler, type Grade, type GradePreview } from '$lib/scheduler/fsrs';
import { isLearning, isNew } from '$lib/scheduler/progress';
import { customCards } from '$lib/scheduler/custom';
import type { CustomStudy } from './custom-study';
import { buildQueue, type QueueCard, type StudyQueue } from '$lib/scheduler/queue';
import { sentenceKey, siblingsToBury } from '$lib/scheduler/siblings';
import { studyQueueOptions } from './seminar';

export interface StudyDeps {
	db: FactdeckDB;
	/** The one clock of the session: every "now" comes from here. */
	clock?: () => Date;
	/** The time zone study days are counted in; this device's by default. */
	zone?: TimeZone;
	persist?: () => Promise<boolean>;
	/** On in the app (cards studied together spread out); off in tests for exact intervals. */
	enableFuzz?: boolean;
	/** A custom study (src/lib/app/custom-study.ts) instead of today's queue. */
	custom?: CustomStudy | null;
}

/** 'missing': the deck is not on this device; 'failed': reading it failed (`loadError` says why). */
export type StudyPhase = 'loading' | 'missing' | 'failed' | 'question' | 'answer' | 'done';

export interface Graded {
	/** null for a practice grade in a custom study that does not count: nothing was stored. */
	reviewId: number | null;
	cardId: string;
	/** When it was given (epoch ms): Undo checks it is still the card's latest review. */
	at: number;
	grade: Grade;
	durationMs: number;
	wasNew: boolean;
	/** The card as it was before the grade, so Undo restores this session's copy exactly. */
	before: CardRow;
}

export interface SessionSummary {
	/** Distinct cards graded. */
	cards: number;
	reviews: number;
	/** Share of reviews graded Good or Easy, 0..1 (0 when nothing was graded). */
	correctShare: number;
	timeMs: number;
	/** The earliest due date of a studied card after the session, or null when none is scheduled. */
	nextDue: number | null;
}

/**
 * What Undo (Z) takes back, newest last: a grade (with the siblings it buried), or a mark set from the study
 * screen (Suspend, Bury, Flag) with the card as it was, shown again when the mark had taken it out of the queue.
 */
type Undoable = ({ kind: 'grade'; siblings: MarksUndo | null; taggedLeech: boolean } | { kind: 'marks'; undo: MarksUndo; before: CardRow; leftQueue: boolean }) & {
	/** A custom study's queue before the action, put back with it. */
	customQueue: string[] | null;
};

/** A card that just became a leech (src/lib/scheduler/leech.ts): the study screen offers to suspend or edit it. */
export interface LeechNotice {
	cardId: string;
	question: string;
}

/** Anki's default "maximum answer seconds": a card left on screen while away counts as 60 s. */
export const MAX_ANSWER_MS = 60_000;

export function summarise(history: readonly Graded[], rows: Iterable<CardRow>): SessionSummary {
	const reviews = history.length;
	const correct = history.filter((h) => h.grade >= Rating.Good).length;
	let nextDue: number | null = null;
	for (const row of rows) {
		if (row.suspended || isNew(row.progress)) continue;
		if (nextDue === null || row.progress.due < nextDue) nextDue = row.progress.due;
	}
	return {
		cards: new Set(history.map((h) => h.cardId)).size,
		reviews,
		correctShare: reviews === 0 ? 0 : correct / reviews,
		timeMs: history.reduce((sum, h) => sum + h.durationMs, 0),
		nextDue
	};
}

/** A custom study's queue after grading `id`: it leaves the front, and an Again sends it to the end. */
function requeued(queue: readonly string[], id: string, again: boolean): string[] {
	const index = queue.indexOf(id);
	const rest = index < 0 ? [...queue] : [...queue.slice(0, index), ...queue.slice(index + 1)];
	return again ? [...rest, id] : rest;
}

function noticeOf(marks: CardMarks): string {
	if (marks.suspended) return 'Card suspended: it is out of your reviews until you unsuspend it. Undo (Z) puts it back.';
	if (marks.buriedUntil !== undefined) return 'Card buried until the next study day. Undo (Z) puts it back.';
	return marks.flagged ? 'Card flagged.' : 'Flag removed.';
}

export class StudySession {
	phase = $state<StudyPhase>('loading');
	deck = $state.raw<DeckFile | null>(null);
	current = $state.raw<CardRow | null>(null);
	/** The interval each grade would give the current card, in button order. */
	previews = $state.raw<GradePreview[]>([]);
	/** After an answered task (mcq, matching…): the verdict and the grade pre-selected from it. */
	verdict = $state.raw<Verdict | null>(null);
	suggested = $state<Grade | null>(null);
	/** The option tapped on an mcq or true/false card. */
	chosen = $state<string | null>(null);
	/** The last failed write, as a message for a role="alert" element. */
	error = $state<string | null>(null);
	/** Why the deck could not be read (phase 'failed'), with what to do, for a role="alert" element. */
	loadError = $state<string | null>(null);
	busy = $state(false);
	history = $state.raw<Graded[]>([]);
	remaining = $state.raw<StudyQueue['counts']>({ learning: 0, review: 0, new: 0 });
	summary = $state.raw<SessionSummary | null>(null);
	leech = $state.raw<LeechNotice | null>(null);
	/** What the last Suspend, Bury or Flag did, for a role="status" line. */
	notice = $state<string | null>(null);
	#undoable = $state.raw<Undoable[]>([]);

	readonly #db: FactdeckDB;
	readonly #clock: () => Date;
	readonly #zone: TimeZone;
	#days: DayRule = CALENDAR;
	readonly #persist: () => Promise<boolean>;
	readonly #fuzz: boolean;
	readonly #rows = new Map<string, CardRow>();
	/** The ids of the deck's cards by source sentence, built once per load: a grade looks up its siblings, not the deck. */
	readonly #bySentence = new Map<string, string[]>();
	#scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
	#newLeft = 0;
	#compare: ((a: QueueCard, b: QueueCard) => number) | undefined;
	#shownAt = 0;
	#askedPersist = false;
	#burySiblings = true;
	readonly custom: CustomStudy | null;
	/** A custom study's cards still to go, in order; an Again sends a card to the end. */
	#customQueue: string[] = [];

	constructor(
		readonly deckId: string,
		deps: StudyDeps
	) {
		this.#db = deps.db;
		this.#clock = deps.clock ?? (() => new Date());
		this.#zone = deps.zone ?? deviceZone;
		this.#persist = deps.persist ?? requestPersistentStorage;
		this.#fuzz = deps.enableFuzz ?? true;
		this.custom = deps.custom ?? null;
	}

	/** A custom study whose answers do not change the schedule: grades are kept in this session only. */
	get practice(): boolean {
		return this.custom !== null && !this.custom.counts;
	}

	/**
	 * Loads the deck and its cards and shows the first card. Any failure ends the loading: "missing" only when
	 * the deck is not stored, otherwise "failed" with the cause (private window, full storage, another tab's
	 * version…) in `loadError`; `start()` again retries.
	 */
	async start(): Promise<void> {
		this.phase = 'loading';
		const failure = await attemptLoad(() => this.#load(), 'open this deck');
		this.loadError = failure?.kind === 'failed' ? failure.message : null;
		if (failure) this.phase = failure.kind;
	}

	async #load(): Promise<void> {
		const now = this.#clock();
		const deck = await exportDeck(this.#db, this.deckId);
		const [rows, { scheduler, settings, days, w }, seminarDate] = await Promise.all([
			cardsOf(this.#db, this.deckId),
			learnerScheduler(this.#db, { enableFuzz: this.#fuzz, zone: this.#zone }),
			this.#seminarDate()
		]);
		this.#days = days;
		this.#scheduler = scheduler;
		const newToday = await newCardsStudiedToday(this.#db, this.deckId, now, this.#days);
		// Seminar mode (issue 5), until the seminar starts: due reviews weakest-at-the-seminar first, and the
		// seminar plan's new-card allowance when it is above the daily limit.
		const queue = studyQueueOptions({ seminarDate }, rows, { ...settings, w }, newToday, now, this.#zone);
		this.#newLeft = queue.newLeft;
		this.#burySiblings = settings.burySiblings;
		this.#compare = queue.compareReviews;
		this.#rows.clear();
		this.#bySentence.clear();
		for (const row of rows) {
			this.#rows.set(row.id, row);
			const key = sentenceKey(row.card.source);
			const ids = this.#bySentence.get(key);
			if (ids) ids.push(row.id);
			else this.#bySentence.set(key, [row.id]);
		}
		if (this.custom) this.#customQueue = await this.#customCards(rows, now);
		this.deck = deck;
		this.#advance(now);
	}

	async #customCards(rows: CardRow[], now: Date): Promise<string[]> {
		const since = dayStart(dayOf(now, this.#days), this.#days);
		const failedToday = this.custom?.choice.kind === 'failed'
			? (await reviewsOf(this.#db, this.deckId)).filter((r) => r.at >= since && r.log.rating === Rating.Again).map((r) => r.cardId)
			: [];
		const cards = rows.map((row) => ({ ...row, tags: row.card.tags }));
		return this.custom ? customCards(cards, this.custom.choice, { now, days: this.#days, failedToday }) : [];
	}

	async #seminarDate(): Promise<string | null> {
		const summary = await deckSummary(this.#db, this.deckId, this.#clock(), this.#zone);
		return summary?.deck.seminarDate ?? null;
	}

	/** Shows the answer (Space / `Show answer`), with the interval each grade would give. */
	reveal(verdict: Verdict | null = null): void {
		if (this.phase !== 'question' || !this.current) return;
		const previews = this.#scheduler.preview(this.current.progress, this.#clock());
		// Practice changes no schedule: the buttons say what happens in this session instead of an interval.
		this.previews = this.practice ? previews.map((p) => ({ ...p, label: p.grade === Rating.Again ? 'again' : 'done' })) : previews;
		this.verdict = verdict;
		this.suggested = verdict ? suggestedGrade(verdict) : null;
		this.phase = 'answer';
	}

	/** An mcq or true/false option was tapped: judge it, show the answer, pre-select the grade. */
	choose(option: string): void {
		if (this.phase !== 'question' || !this.current) return;
		this.chosen = option;
		this.reveal(judgeChoice(this.current.card, option));
	}

	async grade(grade: Grade): Promise<void> {
		const row = this.current;
		if (this.phase !== 'answer' || !row) return;
		const now = this.#clock();
		const durationMs = Math.min(MAX_ANSWER_MS, Math.max(0, now.getTime() - this.#shownAt));
		await this.#write(async () => {
			const customQueue = this.custom ? [...this.#customQueue] : null;
			let reviewId: number | null = null;
			let taggedLeech = false;
			if (!this.practice) {
				const result = await recordReview(this.#db, this.#scheduler, {
					deckId: this.deckId,
					cardId: row.id,
					grade,
					now,
					durationMs,
					origin: 'study'
				});
				reviewId = result.reviewId;
				taggedLeech = result.taggedLeech;
				this.#rows.set(row.id, { ...row, progress: result.next, due: result.next.due });
				if (result.leech) this.leech = { cardId: row.id, question: row.card.question };
			}
			this.history = [...this.history, { reviewId, cardId: row.id, at: now.getTime(), grade, durationMs, wasNew: isNew(row.progress), before: row }];
			const entry: Undoable = { kind: 'grade', siblings: null, taggedLeech, customQueue };
			this.#undoable = [...this.#undoable, entry];
			if (customQueue) this.#customQueue = requeued(customQueue, row.id, grade === Rating.Again);
			this.#requestPersistence();
			try {
				if (!this.custom) entry.siblings = await this.#burySiblingsOf(row, now);
			} finally {
				// The grade is stored either way: move on even when burying its siblings failed (the alert says so).
				this.#advance(now, row.id);
			}
		});
	}

	/** Buries the studied card's siblings until the next study day (setting `Bury siblings`); null when none. */
	async #burySiblingsOf(row: CardRow, now: Date): Promise<MarksUndo | null> {
		if (!this.#burySiblings) return null;
		const candidates = (this.#bySentence.get(sentenceKey(row.card.source)) ?? []).flatMap((id) => {
			const r = this.#rows.get(id);
			return r ? [{ ...r, source: r.card.source }] : [];
		});
		const ids = siblingsToBury({ ...row, source: row.card.source }, candidates, now, this.#days);
		if (ids.length === 0) return null;
		const buriedUntil = dayEnd(now, this.#days);
		const undo = await setCardMarks(this.#db, ids.map((id) => [this.deckId, id]), { buriedUntil });
		for (const id of ids) {
			const sibling = this.#rows.get(id);
			if (sibling) this.#rows.set(id, { ...sibling, buriedUntil });
		}
		return undo;
	}

	/** Suspends the card shown (or the leech just met): it leaves the queue until unsuspended. */
	async suspend(cardId = this.current?.id): Promise<void> {
		await this.#mark(cardId, { suspended: true });
		if (this.leech?.cardId === cardId) this.leech = null;
	}

	/** Buries the card shown until the next study day starts ("Next day starts at"). */
	async bury(): Promise<void> {
		await this.#mark(this.current?.id, { buriedUntil: dayEnd(this.#clock(), this.#days) });
	}

	/** Flags or unflags the card shown; it stays on screen. */
	async toggleFlag(): Promise<void> {
		if (this.current) await this.#mark(this.current.id, { flagged: !this.current.flagged });
	}

	dismissLeech(): void {
		this.leech = null;
	}

	get canUndo(): boolean {
		return this.#undoable.length > 0;
	}

	async #mark(cardId: string | undefined, marks: CardMarks): Promise<void> {
		const before = cardId === undefined ? undefined : this.#rows.get(cardId);
		// Also once the session is done: the leech message may name the last card studied.
		if (!before || this.phase === 'loading' || this.phase === 'missing' || this.phase === 'failed') return;
		await this.#write(async () => {
			const undo = await setCardMarks(this.#db, [[this.deckId, before.id]], marks);
			const after = { ...before, ...marks };
			this.#rows.set(before.id, after);
			const leftQueue = marks.suspended === true || marks.buriedUntil !== undefined;
			const customQueue = this.custom ? [...this.#customQueue] : null;
			this.#undoable = [...this.#undoable, { kind: 'marks', undo, before, leftQueue, customQueue }];
			if (leftQueue && customQueue) this.#customQueue = customQueue.filter((id) => id !== before.id);
			const now = this.#clock();
			if (leftQueue && this.current?.id === before.id) this.#advance(now);
			else if (this.current?.id === before.id) this.current = after;
			else this.remaining = this.#queue(now).counts;
			this.notice = noticeOf(marks);
		});
	}

	/** Takes the last grade or mark back completely; a grade's or a Suspend's card is shown again, answer hidden. */
	async undo(): Promise<void> {
		const last = this.#undoable.at(-1);
		if (last?.kind === 'marks') await this.#undoMarks(last);
		else if (last?.kind === 'grade') await this.#undoGrade(last);
	}

	async #undoMarks(last: Extract<Undoable, { kind: 'marks' }>): Promise<void> {
		await this.#write(async () => {
			await restoreCardMarks(this.#db, last.undo);
			this.#rows.set(last.before.id, last.before);
			this.#undoable = this.#undoable.slice(0, -1);
			if (last.customQueue) this.#customQueue = last.customQueue;
			const now = this.#clock();
			if (last.leftQueue) {
				this.summary = null;
				this.#show(last.before, now);
			} else if (this.current?.id === last.before.id) this.current = last.before;
			this.remaining = this.#queue(now).counts;
		});
	}

	async #undoGrade(entry: Extract<Undoable, { kind: 'grade' }>): Promise<void> {
		const last = this.history.at(-1);
		if (!last) return;
		await this.#write(async () => {
			try {
				if (last.reviewId !== null) await undoReview(this.#db, { reviewId: last.reviewId, deckId: this.deckId, cardId: last.cardId, at: last.at, untagLeech: entry.taggedLeech });
			} catch (error) {
				// Refused (graded again elsewhere, or the data was restored): this grade can never be undone now.
				if (error instanceof StorageError && (error.kind === 'conflict' || error.kind === 'not-found')) {
					this.history = this.history.slice(0, -1);
					this.#undoable = this.#undoable.slice(0, -1);
				}
				throw error;
			}
			this.#rows.set(last.cardId, last.before);
			this.history = this.history.slice(0, -1);
			this.#undoable = this.#undoable.slice(0, -1);
			if (entry.customQueue) this.#customQueue = entry.customQueue;
			if (this.leech?.cardId === last.cardId) this.leech = null;
			if (entry.siblings) {
				await restoreCardMarks(this.#db, entry.siblings);
				for (const { id, buriedUntil } of entry.siblings.before) {
					const sibling = this.#rows.get(id);
					if (sibling) this.#rows.set(id, { ...sibling, buriedUntil });
				}
			}
			this.summary = null;
			const now = this.#clock();
			this.#show(last.before, now);
			this.remaining = this.#queue(now).counts;
		});
	}

	/**
	 * Runs one write at a time. On failure the screen stays as it was (the card and its answer too), so
	 * nothing the person did is lost and they can try again; the StorageError's message goes to the alert.
	 */
	async #write(work: () => Promise<void>): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			await work();
			this.error = null;
		} catch (error) {
			this.error = messageOf(error);
		} finally {
			this.busy = false;
		}
	}

	dismissError(): void {
		this.error = null;
	}

	/** The grade for button `index` (0-3), for keys 1-4. */
	gradeAt(index: number): Grade | undefined {
		return GRADES[index];
	}

	#queue(now: Date): StudyQueue {
		if (this.custom) return this.#customStudyQueue();
		const newLeft = this.#newLeft - this.history.filter((h) => h.wasNew).length;
		return buildQueue([...this.#rows.values()], { now, days: this.#days, newLeft, ...(this.#compare ? { compareReviews: this.#compare } : {}) });
	}

	/** A custom study's queue: its cards still to go, suspended ones left out, counted by state. */
	#customStudyQueue(): StudyQueue {
		const rows = this.#customQueue.map((id) => this.#rows.get(id)).filter((row) => row !== undefined && !row.suspended) as CardRow[];
		const counts = { learning: 0, review: 0, new: 0 };
		for (const row of rows) counts[isNew(row.progress) ? 'new' : isLearning(row.progress) ? 'learning' : 'review']++;
		return { ids: rows.map((row) => row.id), counts };
	}

	/** Picks the next card; avoids showing the card just graded again at once when another is waiting. */
	#advance(now: Date, justGraded?: string): void {
		const queue = this.#queue(now);
		this.remaining = queue.counts;
		const ids = queue.ids;
		const id = ids[0] === justGraded && ids.length > 1 ? ids[1] : ids[0];
		const row = id === undefined ? undefined : this.#rows.get(id);
		if (!row) {
			this.current = null;
			this.summary = summarise(this.history, this.#rows.values());
			this.phase = 'done';
			return;
		}
		this.#show(row, now);
	}

	#show(row: CardRow, now: Date): void {
		this.current = row;
		this.notice = null;
		this.previews = [];
		this.verdict = null;
		this.suggested = null;
		this.chosen = null;
		this.#shownAt = now.getTime();
		this.phase = 'question';
	}

	#requestPersistence(): void {
		if (this.#askedPersist) return;
		this.#askedPersist = true;
		// Asked after the first review, when the person has something worth keeping (issue 4, point 4).
		this.#persist().catch(() => false);
	}
}
