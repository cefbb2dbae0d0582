// The reads behind /stats (issue 10, §4): all cards of every deck in one read, or one deck's, and the decks' titles.
import { describe, expect, it } from 'vitest';
import { cardsIn, deckTitles, importDeck, type FactdeckDB } from '$lib/db';
import { deckFile } from './deck-fixture';
import { useFreshDb } from './fresh-db';

let db: FactdeckDB;
useFreshDb('stats-reads', (d) => (db = d));
const now = new Date(Date.UTC(2026, 2, 10, 12));

describe('cardsIn and deckTitles', () => {
	it('reads every deck’s cards, or one deck’s, and the titles in title order', async () => {
		await importDeck(db, { ...deckFile('b', [['b1', 'Q1?', 'A1'], ['b2', 'Q2?', 'A2']]), title: 'Alpha' }, 'add', now);
		await importDeck(db, { ...deckFile('a', [['a1', 'Q3?', 'A3']]), title: 'Beta' }, 'add', now);
		expect((await cardsIn(db)).map((c) => `${c.deckId}/${c.id}`).sort()).toEqual(['a/a1', 'b/b1', 'b/b2']);
		expect((await cardsIn(db, { deckId: 'b' })).map((c) => c.id).sort()).toEqual(['b1', 'b2']);
		expect(await cardsIn(db, { deckId: 'none' })).toEqual([]);
		expect(await deckTitles(db)).toEqual([
			{ id: 'b', title: 'Alpha' },
			{ id: 'a', title: 'Beta' }
		]);
	});
});
