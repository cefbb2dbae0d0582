/**
 * Answer buttons by card state, as Anki's "Answer buttons" graph: how often each grade was given to cards that
 * were learning and to cards that were in review. Pure.
 *
 * A review counts by the card's state before it: New, Learning and Relearning are "learning" (a first sight
 * and the short steps), Review is "review". A stored grade outside 1-4 is not counted.
 */
import { Rating, State } from '$lib/scheduler/grades';
import type { StatsReview } from './types';

export interface ButtonCounts {
	/** Again, Hard, Good, Easy, in button order. */
	counts: [number, number, number, number];
	total: number;
	/** The share not answered Again (Hard, Good or Easy), or null without reviews. */
	correct: number | null;
}

export interface AnswerButtons {
	learning: ButtonCounts;
	review: ButtonCounts;
}

export function answerButtons(reviews: readonly StatsReview[]): AnswerButtons {
	const learning: ButtonCounts['counts'] = [0, 0, 0, 0];
	const review: ButtonCounts['counts'] = [0, 0, 0, 0];
	for (const { log, before } of reviews) {
		// Ratings 1-4 are the button positions 0-3.
		const index = log.rating - Rating.Again;
		if (!Number.isInteger(index) || index < 0 || index > 3) continue;
		(before.state === State.Review ? review : learning)[index]!++;
	}
	return { learning: summed(learning), review: summed(review) };
}

function summed(counts: ButtonCounts['counts']): ButtonCounts {
	const total = counts[0] + counts[1] + counts[2] + counts[3];
	return { counts, total, correct: total === 0 ? null : (total - counts[0]) / total };
}
