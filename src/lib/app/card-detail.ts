/**
 * A card's own page in the browser: its review history (each review's date, grade and the interval it gave) and
 * its FSRS memory state now — difficulty D (1-10), stability S (days until recall falls to 90 %) and
 * retrievability R, the predicted probability of recall at `now` from ts-fsrs's forgetting curve, counted in study
 * days (`Scheduler.retrievabilityToday`, as the knowledge map and /stats count it). Pure: reviews, progress and the
 * clock are passed in.
 */
import type { ReviewOrigin, ReviewRow } from '$lib/db/schema';
import { formatInterval, GRADE_NAMES, type Scheduler } from '$lib/scheduler/fsrs';
import { State, type Progress } from '$lib/scheduler/progress';

export interface HistoryEntry {
	at: number;
	grade: string;
	origin: ReviewOrigin;
	/** From the review to the due date it set, in ms. */
	intervalMs: number;
	/** The interval as on a grade button: "10m", "3d". */
	interval: string;
}

/**
 * The reviews, oldest first, each with the interval it gave: the due date it set is the state the next review
 * started from (`before`), or, for the latest review, the card's state now.
 */
export function reviewHistory(reviews: readonly ReviewRow[], current: Progress): HistoryEntry[] {
	return reviews.map((review, i) => {
		const after = reviews[i + 1]?.before ?? current;
		const intervalMs = Math.max(0, after.due - review.at);
		return { at: review.at, grade: GRADE_NAMES[review.log.rating], origin: review.origin, intervalMs, interval: formatInterval(intervalMs) };
	});
}

/** D, S and R now; null for a card never studied (FSRS has no memory state for it yet). */
export interface MemoryState {
	difficulty: number;
	stability: number;
	retrievability: number;
}

export function memoryState(progress: Progress, scheduler: Pick<Scheduler, 'retrievabilityToday'>, now: Date): MemoryState | null {
	if (progress.state === State.New || progress.last_review === null) return null;
	return { difficulty: progress.difficulty, stability: progress.stability, retrievability: scheduler.retrievabilityToday(progress, now) };
}
