// The fold from change-log entries to tables (src/lib/sync/fold.ts): order-independent, idempotent, last writer
// wins per row, deletes propagate, every review kept, card state replayed from the reviews.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, tablesOf, type Folded } from '$lib/sync/fold';
import { formatId } from '$lib/sync/clock';
import { keyOf, type Entry, type Row } from '$lib/sync/entries';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress } from '$lib/scheduler/progress';
import type { Grade } from '$lib/scheduler/grades';

const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: true });
const T0 = Date.UTC(2026, 2, 2, 9);
const empty: Folded = new Map();

function entry(wall: number, counter: number, device: string, table: Entry['table'], row: Row, op: Entry['op'] = 'put'): Entry {
	const key = keyOf(table, row)!;
	return { id: formatId({ wall, counter }, device), table, key, op, ...(op === 'put' ? { row } : {}) };
}

const card = (id: string, question: string) => ({
	deckId: 'd',
	id,
	card: { id, type: 'basic', question, answer: 'A', tags: [], score: 1, source: { doc: 'doc-1', sentence: 's', start: 0, end: 1 } },
	position: 0,
	progress: newProgress(new Date(T0)),
	due: T0,
	suspended: false,
	flagged: false,
	addedAt: T0
});

/** A device's reviews of one card, graded one after the other from the state its own grades left. */
function reviews(uidPrefix: string, cardId: string, grades: [number, Grade][]): Row[] {
	let progress = newProgress(new Date(T0));
	return grades.map(([at, grade], i) => {
		const { next, log } = scheduler.grade(progress, grade, new Date(at));
		const row = { uid: `${uidPrefix}${i}`, deckId: 'd', cardId, origin: 'study', at, durationMs: 1000, log, before: progress };
		progress = next;
		return row;
	});
}

describe('fold', () => {
	it('last writer wins per row: by clock, then by device id; a later delete removes, an earlier one does not', () => {
		const a = entry(T0 + 10, 0, 'aaa', 'cards', card('c-3', 'A text'));
		const b = entry(T0 + 20, 0, 'bbb', 'cards', card('c-3', 'B text'));
		const tie = entry(T0 + 20, 0, 'ccc', 'cards', card('c-3', 'C text'));
		expect(tablesOf(fold(empty, [b, a]), scheduler).cards.map((c) => (c.card as { question: string }).question)).toEqual(['B text']);
		expect(tablesOf(fold(empty, [tie, a, b]), scheduler).cards.map((c) => (c.card as { question: string }).question)).toEqual(['C text']);
		const edit = entry(T0 + 10, 0, 'bbb', 'cards', card('c-20', 'edited'));
		const del = entry(T0 + 30, 0, 'aaa', 'cards', card('c-20', 'x'), 'delete');
		expect(tablesOf(fold(empty, [del, edit]), scheduler).cards).toEqual([]);
		const earlyDelete = entry(T0 + 5, 0, 'aaa', 'cards', card('c-20', 'x'), 'delete');
		expect(tablesOf(fold(empty, [edit, earlyDelete]), scheduler).cards).toHaveLength(1);
	});

	it("keeps both devices' reviews and replays the card's state from them in time order", () => {
		const day = 86_400_000;
		const fromA = reviews('a', 'c-5', [[T0, Rating.Good], [T0 + 3 * day, Rating.Good]]);
		const fromB = reviews('b', 'c-5', [[T0 + day, Rating.Again]]);
		const entries = [entry(T0, 0, 'aaa', 'cards', card('c-5', 'q')), ...[...fromA, ...fromB].map((r, i) => entry(T0 + i + 1, 0, 'x', 'reviews', r))];
		const tables = tablesOf(fold(empty, entries), scheduler);
		expect(tables.reviews.map((r) => r.uid)).toEqual(['a0', 'a1', 'b0']);
		// The merged history, graded in time order: Good (A, day 0), Again (B, day 1), Good (A, day 3).
		let expected = newProgress(new Date(T0));
		for (const [at, grade] of [[T0, Rating.Good], [T0 + day, Rating.Again], [T0 + 3 * day, Rating.Good]] as [number, Grade][]) {
			expected = scheduler.grade(expected, grade, new Date(at)).next;
		}
		expect(tables.cards[0]!.progress).toEqual(expected);
		expect(tables.cards[0]!.due).toBe(expected.due);
		expect(expected.reps).toBe(3);
		// Not A's own state: B's grade changed it.
		const aOnly = tablesOf(fold(empty, entries.filter((e) => e.row?.uid !== 'b0')), scheduler);
		expect(aOnly.cards[0]!.progress).not.toEqual(expected);
	});

	it('any order of the same entries, with any duplicates, folds to the same tables; folding again changes nothing', () => {
		const devices = ['aaa', 'bbb', 'ccc'];
		const arbEntry = fc
			.record({
				wall: fc.integer({ min: 0, max: 40 }),
				counter: fc.integer({ min: 0, max: 2 }),
				device: fc.constantFrom(...devices),
				kind: fc.constantFrom('card', 'deck', 'review', 'settings'),
				n: fc.integer({ min: 0, max: 3 }),
				grade: fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy),
				del: fc.boolean()
			})
			.map(({ wall, counter, device, kind, n, grade, del }): Entry => {
				const at = T0 + wall * 3_600_000;
				const op = del ? 'delete' : 'put';
				switch (kind) {
					case 'card':
						return entry(at, counter, device, 'cards', card(`c-${n}`, `${device} ${wall}`), op);
					case 'deck':
						return entry(at, counter, device, 'decks', { id: `d${n}`, title: `${device} ${wall}` }, op);
					case 'settings':
						return entry(at, counter, device, 'settings', { key: 'app', newPerDay: wall });
					default: {
						const before = newProgress(new Date(T0));
						const { log } = scheduler.grade(before, grade, new Date(at));
						return entry(at, counter, device, 'reviews', { uid: `${device}-${wall}-${counter}`, deckId: 'd', cardId: `c-${n}`, origin: 'study', at, durationMs: 0, log, before }, op);
					}
				}
			});
		// Entries with the same id are the same entry (ids are unique): keep the first of each id.
		const unique = fc.array(arbEntry, { maxLength: 30 }).map((list) => [...new Map(list.map((e) => [e.id, e])).values()]);
		fc.assert(
			fc.property(unique.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }), fc.array(fc.constantFrom(...(list.length ? list : [undefined])), { maxLength: 10 }))), ([list, shuffled, dups]) => {
				const reference = tablesOf(fold(empty, list), scheduler);
				const withDuplicates = [...shuffled, ...dups.filter((e): e is Entry => e !== undefined)];
				const folded = fold(empty, withDuplicates);
				expect(tablesOf(folded, scheduler)).toEqual(reference);
				expect(tablesOf(fold(folded, list), scheduler)).toEqual(reference);
				// In two halves, in either order (two devices' pulls).
				const half = Math.floor(withDuplicates.length / 2);
				expect(tablesOf(fold(fold(empty, withDuplicates.slice(half)), withDuplicates.slice(0, half)), scheduler)).toEqual(reference);
			}),
			{ seed: 7, numRuns: 200 }
		);
	});
});
