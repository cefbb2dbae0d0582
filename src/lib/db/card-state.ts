/**
 * A learner's marks on cards, as in Anki: suspended (out of every queue until unsuspended), buried (out of every
 * queue until `buriedUntil`, the next study day's start; `undefined` unburies) and flagged. These are
 * study state, not content: setting them does not make a built-in deck the person's, and it never touches a
 * card's progress or review log. Works on any cards of any decks at once (the study screen marks one card, the
 * browser a selection), in one transaction, and returns the rows as they were so Undo puts them back exactly.
 */
import { guard, StorageError } from './errors';
import type { CardRow, FactdeckDB } from './schema';

/** A card's key in the `cards` table: `[deckId, cardId]`. */
export type CardKey = [deckId: string, cardId: string];

export type CardMarks = Partial<Pick<CardRow, 'suspended' | 'flagged'>> & { buriedUntil?: number | undefined };

/** The marked rows as they were: `restoreCardMarks` puts them back. */
export interface MarksUndo {
	label: string;
	before: Pick<CardRow, 'deckId' | 'id' | 'suspended' | 'flagged' | 'buriedUntil'>[];
}

function labelOf(marks: CardMarks, count: number): string {
	const what = [
		marks.suspended === undefined ? null : marks.suspended ? 'suspend' : 'unsuspend',
		!('buriedUntil' in marks) ? null : marks.buriedUntil === undefined ? 'unbury' : 'bury',
		marks.flagged === undefined ? null : marks.flagged ? 'flag' : 'unflag'
	]
		.filter((word) => word !== null)
		.join(' and ');
	return `${what} ${count === 1 ? 'card' : `${count} cards`}`;
}

/** Sets the marks on every card named; a card that is gone fails the whole change (nothing is written). */
export async function setCardMarks(db: FactdeckDB, keys: readonly CardKey[], marks: CardMarks): Promise<MarksUndo> {
	const label = labelOf(marks, keys.length);
	return guard(label, () =>
		db.transaction('rw', db.cards, async () => {
			const rows = await db.cards.bulkGet(keys.map((key) => [...key] as [string, string]));
			const missing = rows.findIndex((row) => row === undefined);
			if (missing >= 0) throw new StorageError('not-found', 'A card you chose is no longer on this device.');
			const present = rows as CardRow[];
			await db.cards.bulkPut(present.map((row) => withMarks(row, marks)));
			return {
				label,
				before: present.map(({ deckId, id, suspended, flagged, buriedUntil }) => ({ deckId, id, suspended, flagged, buriedUntil }))
			};
		})
	);
}

/** The row with `marks` set; `buriedUntil: undefined` removes the field (an IndexedDB row keeps no undefined). */
function withMarks(row: CardRow, marks: CardMarks): CardRow {
	const { buriedUntil, ...rest } = { ...row, ...marks };
	return buriedUntil === undefined ? rest : { ...rest, buriedUntil };
}

/** Puts the marks back as they were before `setCardMarks` (cards deleted since are left deleted). */
export async function restoreCardMarks(db: FactdeckDB, undo: MarksUndo): Promise<void> {
	await guard(`undo the ${undo.label}`, () =>
		db.transaction('rw', db.cards, async () => {
			for (const { deckId, id, suspended, flagged, buriedUntil } of undo.before) {
				// Dexie's update deletes a field set to undefined: a card that was not buried loses its bury.
				await db.cards.update([deckId, id], { suspended, flagged, buriedUntil });
			}
		})
	);
}
