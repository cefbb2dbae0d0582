// The invariant, checked over random histories (docs/data.md, "Invariants"; issue 12 §1.1): whatever sequence of
// "Update" imports, built-in merges, grades, card edits, adds, deletes, undos, accepted offers and backup
// restores a person goes through, every deck on the device exports as a deck file that `parseDeckFile` accepts
// and that reads back equal.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
	acceptBuiltInOffer,
	addCard,
	cardsOf,
	deleteCards,
	exportAll,
	FactdeckDB,
	importDeck,
	installBuiltIns,
	recordReview,
	restoreBackup,
	undoEdit,
	updateCard,
	type EditUndo
} from '$lib/db';
import type { Card, DeckFile } from '$lib/domain/types';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { exportedAndReadBack } from './fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });

const SENTENCES = [
	'George Schwab is the President of NCAFP.',
	'The NCAFP was founded in 1974.',
	'Track II talks are unofficial.',
	'Track I talks are official.',
	'Hans Morgenthau set up the NCAFP.',
	'The talks were held in New York.',
	'The DPRK sent five officials.',
	'The meeting lasted two days.'
];

/** One version of a deck's file: each document a few of the sentences in some order; cards on some of them. */
const fileArb = fc
	.record({
		docs: fc.array(fc.shuffledSubarray([...SENTENCES.keys()], { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 2 }),
		padding: fc.constantFrom('', 'Preface. ', 'A new edition. '),
		cards: fc.uniqueArray(fc.record({ sentence: fc.nat(SENTENCES.length - 1), variant: fc.nat(1) }), { selector: (c) => `${c.sentence}-${c.variant}`, minLength: 1, maxLength: 6 })
	})
	.map(({ docs, padding, cards }) => (id: string, title: string): DeckFile => {
		const sources = docs.map((order, i) => ({ id: `doc-${i + 1}`, title: `Doc ${i + 1}`, text: padding + order.map((s) => SENTENCES[s]).join(' ') }));
		const out: Card[] = [];
		for (const { sentence, variant } of cards) {
			const text = SENTENCES[sentence]!;
			const doc = sources.find((s) => s.text.includes(text));
			if (!doc) continue;
			const start = doc.text.indexOf(text);
			out.push({ id: `c-${sentence}-${variant}`, type: 'basic', question: `Question ${sentence} (${variant})?`, answer: text.split(' ')[0]!, tags: [], score: 0.5, source: { doc: doc.id, sentence: text, start, end: start + text.length } });
		}
		return { format: 'factdeck', version: 1, id, title, createdAt: '2026-03-01T00:00:00.000Z', sources, cards: out };
	});

const deckArb = fc.constantFrom('d', 'seed');
// Weighted towards what breaks decks: imports and merges between an edit and its undo.
const opArb = fc.oneof(
	{ arbitrary: fileArb.map((file) => ({ kind: 'update' as const, file })), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant('merge' as const), file: fileArb, version: fc.nat(3) }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('grade' as const), deck: deckArb, pick: fc.nat() }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('edit' as const), deck: deckArb, pick: fc.nat() }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('add' as const), deck: deckArb, pick: fc.nat() }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant('delete' as const), deck: deckArb, pick: fc.nat() }), weight: 2 },
	{ arbitrary: fc.constant({ kind: 'undo' as const }), weight: 3 },
	{ arbitrary: fc.constant({ kind: 'accept' as const }), weight: 1 },
	{ arbitrary: fc.constant({ kind: 'restore' as const }), weight: 1 }
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

let n = 0;

async function pick(db: FactdeckDB, deck: string, index: number): Promise<Card | undefined> {
	const rows = await cardsOf(db, deck);
	return rows.length ? rows[index % rows.length]!.card : undefined;
}

async function apply(db: FactdeckDB, op: Op, step: number, undo: { last: EditUndo | null }): Promise<void> {
	const at = new Date(now.getTime() + step * 60_000);
	switch (op.kind) {
		case 'update':
			await importDeck(db, op.file('d', 'Mine'), 'update', at);
			return;
		case 'merge':
			await installBuiltIns(db, [{ file: op.file('seed', `Built in ${op.version}`), version: `v${op.version}` }], at);
			return;
		case 'grade': {
			const card = await pick(db, op.deck, op.pick);
			if (card) await recordReview(db, scheduler, { deckId: op.deck, cardId: card.id, grade: Rating.Good, now: at, durationMs: 0, origin: 'study' });
			return;
		}
		case 'edit': {
			const card = await pick(db, op.deck, op.pick);
			if (card) undo.last = (await updateCard(db, op.deck, { ...card, question: `${card.question} (edited ${step})` }, { resetProgress: false, now: at })).undo;
			return;
		}
		case 'add':
			undo.last = (await addCard(db, op.deck, { type: 'basic', question: `Mine ${step}?`, answer: `Answer ${op.pick % 5}`, tags: [], score: 1 }, at)).undo;
			return;
		case 'delete': {
			const card = await pick(db, op.deck, op.pick);
			if (card) undo.last = (await deleteCards(db, op.deck, [card.id], at)).undo;
			return;
		}
		case 'undo':
			if (undo.last) await undoEdit(db, undo.last, at);
			undo.last = null;
			return;
		case 'accept':
			await acceptBuiltInOffer(db, 'seed', at);
			return;
		case 'restore':
			await restoreBackup(db, JSON.stringify(await exportAll(db, at)), at);
			undo.last = null;
	}
}

describe('every deck stays exportable', () => {
	it('after any sequence of imports, merges, grades, edits, adds, deletes, undos, accepted offers and restores', async () => {
		await fc.assert(
			fc.asyncProperty(fileArb, fileArb, fc.array(opArb, { minLength: 3, maxLength: 15 }), async (mine, builtIn, ops) => {
				const db = new FactdeckDB(`property-${++n}`);
				await db.open();
				try {
					await importDeck(db, mine('d', 'Mine'), 'add', now);
					await installBuiltIns(db, [{ file: builtIn('seed', 'Built in'), version: 'v-start' }], now);
					const undo = { last: null as EditUndo | null };
					for (const [step, op] of ops.entries()) {
						await apply(db, op, step + 1, undo);
						for (const deck of await db.decks.toCollection().primaryKeys()) await exportedAndReadBack(db, deck);
					}
				} finally {
					await db.delete();
				}
			}),
			// A fixed seed keeps the suite repeatable; PROPERTY_SEED and PROPERTY_RUNS explore further.
			{ numRuns: Number(process.env.PROPERTY_RUNS ?? 60), seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261204 }
		);
	}, 300_000);
});
