import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { browseCards, deckSummaries, FactdeckDB, importDeck, live, setCardMarks } from '$lib/db';
import { deckFile } from './deck-fixture';

let db: FactdeckDB;
let n = 0;

beforeEach(async () => {
	db = new FactdeckDB(`live-${++n}`);
	await db.open();
	await importDeck(db, deckFile('a', [['c-1', 'Q1?', 'one'], ['c-2', 'Q2?', 'two']]), 'add', new Date('2026-03-02T09:00:00Z'));
});
afterEach(async () => {
	await db.delete();
});

/** The values a live query gives until one passes `last`. */
function valuesUntil<T>(query: () => Promise<T>, last: (value: T) => boolean, write: () => Promise<unknown>): Promise<T[]> {
	return new Promise((resolve, reject) => {
		const values: T[] = [];
		const subscription = live(query).subscribe({
			next: (value) => {
				values.push(value);
				if (values.length === 1) write().catch(reject);
				if (last(value)) {
					subscription.unsubscribe();
					resolve(values);
				}
			},
			error: reject
		});
	});
}

// Regression: a querier that is not itself an `async` function (the home page's `() => deckSummaries(…)`) was
// observed only up to its first await, so it never ran again: the home page and /browse missed every change.
it('runs the home page’s plain querier again when a card it counted changes', async () => {
	const now = new Date('2026-03-02T10:00:00Z');
	const values = await valuesUntil(
		() => deckSummaries(db, now),
		(value) => value[0]!.new === 1,
		() => setCardMarks(db, [['a', 'c-1']], { suspended: true })
	);
	expect(values.map((summaries) => summaries.map((s) => s.new))).toEqual([[2], [1]]);
});

it('runs the card browser’s read again when a card changes', async () => {
	const values = await valuesUntil(
		() => browseCards(db),
		(value) => value.rows.some((row) => row.flagged),
		() => setCardMarks(db, [['a', 'c-2']], { flagged: true })
	);
	expect(values.map((value) => value.rows.map((row) => row.flagged))).toEqual([
		[false, false],
		[false, true]
	]);
});
