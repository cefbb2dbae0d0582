/**
 * Leeches (issue 10, §2; Anki's "leech threshold"): a card the learner keeps forgetting costs more time than it
 * is worth, so at its 8th lapse it is tagged `leech` and the learner is told, and offered to suspend or edit it.
 * As in Anki, the learner is told again every half threshold after (12th, 16th… lapse). Pure.
 *
 * A lapse is Again on a card in Review: ts-fsrs counts them in the card's `lapses`, and the review log shows
 * them as entries rated Again whose state (the state before the review) is Review.
 */
import { Rating, State } from './grades';

export const LEECH_LAPSES = 8;
export const LEECH_TAG = 'leech';

/** The lapses in a card's review log. */
export function lapsesOf(log: readonly { rating: number; state: number }[]): number {
	return log.filter((entry) => entry.rating === Rating.Again && entry.state === State.Review).length;
}

/** Whether the lapse that brought the card to `lapses` makes it a leech (again). */
export function isLeechLapse(lapses: number): boolean {
	return lapses >= LEECH_LAPSES && (lapses - LEECH_LAPSES) % (LEECH_LAPSES / 2) === 0;
}
