// Every write leaves each deck exportable (docs/data.md, "Invariants"; issue 12 §1.1): an "Update" import that
// keeps studied cards, which cite the old sources, must keep or re-anchor what they cite.
import { beforeEach, describe, expect, it } from 'vitest';
import { addCard, deleteCards, exportAll, FactdeckDB, importDeck, recordReview, restoreBackup, undoEdit, updateCard } from '$lib/db';
import type { DeckFile } from '$lib/domain/types';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from './deck-fixture';
import { exportedAndReadBack, useFreshDb } from './fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
useFreshDb('exportable', (fresh) => (db = fresh));

const OLD_TEXT = 'George Schwab is the President of NCAFP. The NCAFP was founded in 1974. Track II talks are unofficial.';

/** The fixture deck with its only document's text replaced, cards citing `sentences` of it. */
function withText(text: string, cards: [string, string, string, string][]): DeckFile {
	const file = deckFile('d', cards.map(([id, q, a]) => [id, q, a]));
	file.sources = [{ id: 'doc-1', title: 'Doc', text }];
	file.cards.forEach((card, i) => {
		const sentence = cards[i]![3];
		card.source = { doc: 'doc-1', sentence, start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length };
	});
	return file;
}

async function studied(cardId: string) {
	await recordReview(db, scheduler, { deckId: 'd', cardId, grade: Rating.Good, now, durationMs: 0, origin: 'study' });
}

describe('an "Update" import keeps the deck exportable', () => {
	beforeEach(async () => {
		await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab'], ['c-2', 'In which year was the NCAFP founded?', '1974'], ['c-3', 'What kind of talks are Track II talks?', 'unofficial']]), 'add', now);
		await studied('c-3');
	});

	it('keeps the old document a studied card cites when the new text lacks its sentence (regression: export refused)', async () => {
		const text = 'The NCAFP was set up in 1974 by Hans Morgenthau.';
		await importDeck(db, withText(text, [['c-9', 'Who set up the NCAFP?', 'Hans Morgenthau', text]]), 'update', now);
		const file = await exportedAndReadBack(db, 'd');
		expect(file.sources).toEqual([
			{ id: 'doc-1', title: 'Doc', text },
			{ id: 'doc-1-previous', title: 'Doc', text: OLD_TEXT }
		]);
		expect(file.cards.map((card) => [card.id, card.source])).toEqual([
			['c-9', { doc: 'doc-1', sentence: text, start: 0, end: 48 }],
			['c-3', { doc: 'doc-1-previous', sentence: 'Track II talks are unofficial.', start: 72, end: 102 }]
		]);
	});

	it('re-anchors a kept card whose sentence moved in the new text, keeping no old document', async () => {
		const text = 'Track II talks are unofficial. Hans Morgenthau set up the NCAFP.';
		await importDeck(db, withText(text, [['c-9', 'Who set up the NCAFP?', 'Hans Morgenthau', 'Hans Morgenthau set up the NCAFP.']]), 'update', now);
		const file = await exportedAndReadBack(db, 'd');
		expect(file.sources).toEqual([{ id: 'doc-1', title: 'Doc', text }]);
		expect(file.cards.map((card) => [card.id, card.source])).toEqual([
			['c-9', { doc: 'doc-1', sentence: 'Hans Morgenthau set up the NCAFP.', start: 31, end: 64 }],
			['c-3', { doc: 'doc-1', sentence: 'Track II talks are unofficial.', start: 0, end: 30 }]
		]);
	});
});

describe('Undo of an edit keeps the deck exportable', () => {
	it('a deleted card put back after an "Update" import replaced its text is anchored again (regression: export refused)', async () => {
		await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab'], ['c-2', 'In which year was the NCAFP founded?', '1974']]), 'add', now);
		const { undo } = await deleteCards(db, 'd', ['c-1'], now);
		const text = 'Hans Morgenthau set up the NCAFP. The NCAFP was founded in 1974.';
		await importDeck(db, withText(text, [['c-2', 'In which year was the NCAFP founded?', '1974', 'The NCAFP was founded in 1974.']]), 'update', now);
		await undoEdit(db, undo, now);
		const file = await exportedAndReadBack(db, 'd');
		expect(file.cards.map((card) => [card.id, card.source])).toEqual([
			['c-1', { doc: 'recovered', sentence: 'George Schwab is the President of NCAFP.', start: 0, end: 40 }],
			['c-2', { doc: 'doc-1', sentence: 'The NCAFP was founded in 1974.', start: 34, end: 64 }]
		]);
	});
});

describe('a card edit the deck could not export is refused, and nothing changes', () => {
	beforeEach(async () => {
		await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab']]), 'add', now);
	});
	const snapshot = async () => ({ decks: await db.decks.toArray(), cards: await db.cards.toArray(), sources: await db.sources.toArray() });

	it('a source sentence that is not where it points', async () => {
		const before = await snapshot();
		const card = (await db.cards.get(['d', 'c-1']))!.card;
		await expect(updateCard(db, 'd', { ...card, source: { ...card.source, start: 1 } }, { resetProgress: false, now })).rejects.toMatchObject({
			kind: 'invalid',
			message: 'The card was not saved: its source sentence is not at 1-40 of the deck\'s document "doc-1".'
		});
		await expect(addCard(db, 'd', { type: 'basic', question: 'Q?', answer: 'A', tags: [], score: 1, source: { ...card.source, doc: 'gone' } }, now)).rejects.toMatchObject({
			kind: 'invalid',
			message: 'The card was not saved: its source sentence is not at 0-40 of the deck\'s document "gone".'
		});
		expect(await snapshot()).toEqual(before);
	});

	it('a card that breaks its type’s rules', async () => {
		const before = await snapshot();
		await expect(addCard(db, 'd', { type: 'mcq', question: 'Who?', answer: 'George Schwab', choices: ['A', 'B', 'C'], tags: [], score: 1 }, now)).rejects.toMatchObject({
			kind: 'invalid',
			message: 'The card was not saved: mcq needs exactly one choice equal to the answer "George Schwab"; none is'
		});
		expect(await snapshot()).toEqual(before);
	});
});

describe('a backup an earlier version wrote with a broken deck', () => {
	it('restores, the card that cites text the deck no longer has anchored in its recovered sentences (regression: whole backup refused)', async () => {
		await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab']]), 'add', now);
		const backup = await exportAll(db, now);
		backup.decks[0]!.cards[0]!.source = { doc: 'doc-old', sentence: 'Schwab led the NCAFP.', start: 10, end: 31 };
		await restoreBackup(db, JSON.stringify(backup), now);
		const file = await exportedAndReadBack(db, 'd');
		expect(file.sources.map((s) => [s.id, s.text])).toEqual([
			['doc-1', 'George Schwab is the President of NCAFP. The NCAFP was founded in 1974. Track II talks are unofficial.'],
			['recovered', 'Schwab led the NCAFP.']
		]);
		expect(file.cards[0]!.source).toEqual({ doc: 'recovered', sentence: 'Schwab led the NCAFP.', start: 0, end: 21 });
	});
});
