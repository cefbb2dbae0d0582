/**
 * Grading and undo. A grade writes the card's new state and its review log in ONE transaction, so a
 * crash or a full disk can never leave a card rescheduled without its log, or a log without the card's
 * new state (contract §4).
 */
import type { Grade, Scheduler } from '$lib/scheduler/fsrs';
import { State, type Progress } from '$lib/scheduler/progress';
import { Rating } from '$lib/scheduler/grades';
import { isLeechLapse, LEECH_TAG } from '$lib/scheduler/leech';
import { dayOf, dayStart, type DayRule } from '$lib/domain/days';
import { guard, StorageError } from './errors';
import type { FactdeckDB, ReviewOrigin, ReviewRow } from './schema';

export interface GradeInput {
	deckId: string;
	cardId: string;
	grade: Grade;
	now: Date;
	durationMs: number;
	origin: ReviewOrigin;
}

export interface GradeResult {
	reviewId: number;
	next: Progress;
	/** This grade was a lapse that made the card a leech (src/lib/scheduler/leech.ts): it now has the `leech` tag. */
	leech: boolean;
	/** This grade added the `leech` tag (the card did not have it): its Undo takes the tag off again. */
	taggedLeech: boolean;
}

/** Whether grading `before` with `grade` into `next` is a lapse that makes the card a leech. */
function leechLapse(before: Progress, grade: Grade, next: Progress): boolean {
	return grade === Rating.Again && before.state === State.Review && isLeechLapse(next.lapses);
}

export async function recordReview(db: FactdeckDB, scheduler: Scheduler, input: GradeInput): Promise<GradeResult> {
	return guard('record the review', () =>
		db.transaction('rw', db.cards, db.reviews, async () => {
			const row = await db.cards.get([input.deckId, input.cardId]);
			if (!row) throw new StorageError('not-found', 'That card is no longer in the deck.');
			// Scheduled inside the transaction from the stored state, so two tabs grading the same card
			// cannot both start from the same old state.
			const { next, log } = scheduler.grade(row.progress, input.grade, input.now);
			const review: ReviewRow = {
				deckId: input.deckId,
				cardId: input.cardId,
				origin: input.origin,
				at: input.now.getTime(),
				durationMs: Math.max(0, Math.round(input.durationMs)),
				log,
				before: row.progress
			};
			const reviewId = await db.reviews.add(review);
			if (reviewId === undefined) throw new StorageError('unknown', 'The review log got no id.');
			// A leech is tagged with the review that made it one, so the tag and the lapse are never apart.
			const leech = leechLapse(row.progress, input.grade, next);
			const tags = row.card.tags;
			const taggedLeech = leech && !tags.includes(LEECH_TAG);
			const card = taggedLeech ? { ...row.card, tags: [...tags, LEECH_TAG] } : row.card;
			await db.cards.update([input.deckId, input.cardId], { progress: next, due: next.due, card });
			return { reviewId, next, leech, taggedLeech };
		})
	);
}

/** The review an Undo button means: its id, and the card and time it was given for. */
export interface UndoTarget {
	reviewId: number;
	deckId: string;
	cardId: string;
	/** When the grade was given (`ReviewRow.at`). */
	at: number;
	/** The grade added the `leech` tag (`GradeResult.taggedLeech`): take it off with the review. */
	untagLeech?: boolean;
}

/**
 * Takes a review back completely: the card gets its exact previous state and the log entry is deleted,
 * together. Returns the card id so the study page can show that card again.
 *
 * Only the card's latest review can be taken back, and only the one the Undo button was shown for; both are
 * checked inside the transaction, against what is stored now. Otherwise the card would be put back to a state
 * older than a grade given since in another tab (and that grade's log would stay, describing a state the card
 * no longer has), or, after a restore gave the same review id to another review, a different card would lose
 * a review nobody asked to undo. In those cases nothing changes and the error says why.
 */
export async function undoReview(db: FactdeckDB, target: UndoTarget): Promise<{ deckId: string; cardId: string }> {
	return guard('undo the review', () =>
		db.transaction('rw', db.cards, db.reviews, async () => {
			const review = await db.reviews.get(target.reviewId);
			if (!review || review.deckId !== target.deckId || review.cardId !== target.cardId || review.at !== target.at) {
				throw new StorageError('not-found', 'That review is no longer stored (the data was restored or changed since), so nothing was undone.');
			}
			const latest = await latestReview(db, review.deckId, review.cardId);
			if (latest?.id !== target.reviewId) {
				throw new StorageError('conflict', 'This card was graded again since (perhaps in another tab); only its latest grade can be undone, so nothing was undone.');
			}
			const row = await db.cards.get([review.deckId, review.cardId]);
			// The tag goes with the lapse that added it (one transaction, as recordReview put them together).
			const card = target.untagLeech && row ? { card: { ...row.card, tags: row.card.tags.filter((tag) => tag !== LEECH_TAG) } } : {};
			await db.cards.update([review.deckId, review.cardId], { progress: review.before, due: review.before.due, ...card });
			await db.reviews.delete(target.reviewId);
			return { deckId: review.deckId, cardId: review.cardId };
		})
	);
}

/** The card's most recent review: latest `at`, and of two at the same time the later written (higher id). */
async function latestReview(db: FactdeckDB, deckId: string, cardId: string): Promise<ReviewRow | undefined> {
	const reviews = await db.reviews.where('[deckId+cardId]').equals([deckId, cardId]).toArray();
	return reviews.reduce<ReviewRow | undefined>((best, r) => (!best || r.at > best.at || (r.at === best.at && (r.id ?? 0) > (best.id ?? 0)) ? r : best), undefined);
}

/** New cards introduced today (since the last rollover) in this deck by study sessions, for the daily limit. */
export async function newCardsStudiedToday(db: FactdeckDB, deckId: string, now: Date, days: DayRule): Promise<number> {
	const since = dayStart(dayOf(now, days), days);
	const today = await db.reviews.where('at').aboveOrEqual(since).toArray();
	return today.filter((r) => r.deckId === deckId && r.origin === 'study' && r.before.state === State.New).length;
}

export async function reviewsOf(db: FactdeckDB, deckId?: string): Promise<ReviewRow[]> {
	return deckId === undefined ? db.reviews.orderBy('at').toArray() : db.reviews.where('deckId').equals(deckId).sortBy('at');
}

/** Asks the browser not to evict Factdeck's data under storage pressure; true when granted. */
export async function requestPersistentStorage(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}
