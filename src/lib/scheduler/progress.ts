/**
 * A card's scheduling state as stored: ts-fsrs's Card with dates as epoch milliseconds, so IndexedDB can
 * index `due` and a backup is plain JSON. Converted to and from ts-fsrs's shape only here.
 */
import type { Card as FsrsCard } from 'ts-fsrs';
import { State } from './grades';

export interface Progress {
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
	state: State;
	last_review: number | null;
}

export { State };

/** A card never studied, due now: ts-fsrs's `createEmptyCard(now)` (pinned equal in progress.test.ts). */
export function newProgress(now: Date): Progress {
	return {
		due: now.getTime(),
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: State.New,
		last_review: null
	};
}

export function toFsrs(progress: Progress): FsrsCard {
	const card: FsrsCard = {
		due: new Date(progress.due),
		stability: progress.stability,
		difficulty: progress.difficulty,
		elapsed_days: progress.elapsed_days,
		scheduled_days: progress.scheduled_days,
		learning_steps: progress.learning_steps,
		reps: progress.reps,
		lapses: progress.lapses,
		state: progress.state
	};
	if (progress.last_review !== null) card.last_review = new Date(progress.last_review);
	return card;
}

export function fromFsrs(card: FsrsCard): Progress {
	return {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: toState(card.state),
		last_review: card.last_review ? card.last_review.getTime() : null
	};
}

export function isNew(progress: Progress): boolean {
	return progress.state === State.New;
}

export function isLearning(progress: Progress): boolean {
	return progress.state === State.Learning || progress.state === State.Relearning;
}

function toState(value: number): State {
	switch (value) {
		case State.Learning:
			return State.Learning;
		case State.Review:
			return State.Review;
		case State.Relearning:
			return State.Relearning;
		default:
			return State.New;
	}
}
