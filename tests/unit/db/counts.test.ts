/**
 * The home page's counts come from the `[deckId+queue+due]` index (issue 12, §4: 200 decks listed in ≤ 300 ms):
 * exact new/due/seen counts, suspended cards left out the way the scheduler leaves them out, and not one card
 * row read to get them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { cardsOf, deckSummaries, deckSummary, FactdeckDB, importDeck, recordReview } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckCounts } from '$lib/scheduler/queue';
import { DEFAULT_ROLLOVER_HOUR, studyDays } from '$lib/domain/days';
import { deckFile } from './deck-fixture';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let n = 0;
/** Card rows IndexedDB handed to Dexie since the last reset (a DBCore middleware counts them). */
let cardRowsRead = 0;

function countCardReads(target: FactdeckDB): void {
	target.use({
		stack: 'dbcore',
		name: 'count-card-reads',
		create: (down: DBCore): DBCore => ({
			...down,
			table(name) {
				const table = down.table(name);
				if (name !== 'cards') return table;
				return {
					...table,
					get: async (req) => {
						const row = await table.get(req);
						if (row !== undefined) cardRowsRead++;
						return row;
					},
					getMany: async (req) => {
						const rows = await table.getMany(req);
						cardRowsRead += rows.filter((row) => row !== undefined).length;
						return rows;
					},
					query: async (req) => {
						const result = await table.query(req);
						if (req.values) cardRowsRead += result.result.length;
						return result;
					},
					openCursor: async (req) => {
						if (req.values !== false) cardRowsRead += Number.POSITIVE_INFINITY;
						return table.openCursor(req);
					}
				};
			}
		})
	});
}

beforeEach(async () => {
	db = new FactdeckDB(`counts-db-${++n}`);
	countCardReads(db);
	await db.open();
	cardRowsRead = 0;
});
afterEach(async () => {
	await db.delete();
});

const five: [string, string, string][] = [1, 2, 3, 4, 5].map((i) => [`c-${i}`, `Question ${i}?`, `Answer ${i}`]);

async function grade(deckId: string, cardId: string, rating: Parameters<Scheduler['grade']>[1], at = now) {
	await recordReview(db, scheduler, { deckId, cardId, grade: rating, now: at, durationMs: 1000, origin: 'study' });
}

/** Deck `a`: c-1 due again in 1 min (Again), c-2 due in days (Easy), c-3 suspended after study, c-4 suspended new, c-5 new. */
async function seed() {
	await importDeck(db, deckFile('a', five), 'add', now);
	await importDeck(db, deckFile('b', five.slice(0, 2)), 'add', now);
	await grade('a', 'c-1', Rating.Again);
	await grade('a', 'c-2', Rating.Easy);
	await grade('a', 'c-3', Rating.Good);
	await db.cards.update(['a', 'c-3'], { suspended: true });
	await db.cards.update(['a', 'c-4'], { suspended: true, flagged: true });
}

describe('deckSummaries through indexes', () => {
	it('counts total, new, due and seen exactly, suspended cards neither new nor due', async () => {
		await seed();
		const inTenMinutes = new Date(now.getTime() + 10 * 60_000);
		const counts = (await deckSummaries(db, inTenMinutes)).map((s) => [s.deck.id, s.total, s.new, s.due, s.seen]);
		expect(counts).toEqual([
			['a', 5, 1, 1, 3],
			['b', 2, 2, 0, 0]
		]);
		// The same as the scheduler's own rule over the rows.
		const rows = await cardsOf(db, 'a');
		expect(deckCounts(rows, inTenMinutes, studyDays(DEFAULT_ROLLOVER_HOUR))).toEqual({ total: 5, new: 1, due: 1 });
		// Due by study day: c-1, due again in a minute, counts as due today already.
		expect((await deckSummaries(db, now)).map((s) => s.due)).toEqual([1, 0]);
		const inTenDays = new Date(now.getTime() + 10 * 86_400_000);
		expect((await deckSummary(db, 'a', inTenDays))).toMatchObject({ total: 5, new: 1, due: 2, seen: 3 });
	});

	it('a card un-suspended, graded or put back changes the counts (the index follows every write)', async () => {
		await seed();
		await db.cards.update(['a', 'c-4'], { suspended: false });
		const row = (await db.cards.get(['a', 'c-5']))!;
		await db.cards.put({ ...row, suspended: true });
		await grade('b', 'c-1', Rating.Good);
		const inTenMinutes = new Date(now.getTime() + 10 * 60_000);
		const counts = (await deckSummaries(db, inTenMinutes)).map((s) => [s.deck.id, s.total, s.new, s.due, s.seen]);
		expect(counts).toEqual([
			['a', 5, 1, 1, 3],
			['b', 2, 1, 1, 1]
		]);
	});

	it('regression: listing the decks reads no card row (it loaded all 50,000 before)', async () => {
		await seed();
		cardRowsRead = 0;
		expect((await deckSummaries(db, now)).length).toBe(2);
		expect(await deckSummary(db, 'a', now)).not.toBeNull();
		expect(cardRowsRead).toBe(0);
	});

	it('the index field never shows in a row read back', async () => {
		await seed();
		expect(Object.keys((await db.cards.get(['a', 'c-3']))!).sort()).toEqual(
			['addedAt', 'card', 'deckId', 'due', 'flagged', 'id', 'position', 'progress', 'suspended'].sort()
		);
		expect((await db.cards.toArray()).some((row) => 'queue' in row)).toBe(false);
	});
});
