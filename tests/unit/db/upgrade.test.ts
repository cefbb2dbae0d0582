/**
 * A new app version never loses a user's data (contract §4): a database written by each earlier schema version
 * opens with the current FactdeckDB with every row unchanged, and the tables added since work.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { applyIfBetter, deckSummaries, exportDeck, FactdeckDB, installBuiltIns, missedLastTime, quizzesOf, saveQuizResult, schedulingWeights } from '$lib/db';
import { parseDeckFile } from '$lib/domain/deck-file';
import { queueOf, type CardRow, type DeckRow, type MetaRow, type ReviewRow, type SettingsRow, type SourceRow } from '$lib/db/schema';
import { DEFAULT_PARAMETERS } from '$lib/optimiser/fit';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress } from '$lib/scheduler/progress';
import { deckFile } from './deck-fixture';
import { exportedAndReadBack } from './fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let n = 0;
const opened: Dexie[] = [];

/** Rows without the `uid` schema version 7 adds (checked in its own test below). */
function withoutUid<T extends { uid?: string }>(rows: T[]): Omit<T, 'uid'>[] {
	return rows.map(({ uid: _uid, ...row }) => row);
}

afterEach(async () => {
	const dbs = opened.splice(0);
	for (const db of dbs) db.close();
	for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** Version 1's stores, exactly as src/lib/db/schema.ts declared them. */
const V1_STORES = {
	decks: 'id, title, updatedAt',
	cards: '[deckId+id], deckId, due',
	reviews: '++id, [deckId+cardId], deckId, at',
	sources: '[deckId+id], deckId',
	settings: 'key',
	meta: 'key'
};

function v1Rows() {
	const file = deckFile('d', [
		['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
		['c-2', 'In which year was the NCAFP founded?', '1974']
	]);
	const deck: DeckRow = {
		id: 'd',
		title: file.title,
		createdAt: file.createdAt,
		updatedAt: now.getTime(),
		builtIn: false,
		seminarDate: '2026-03-20',
		extra: { course: 'POL 210' }
	};
	const cards: CardRow[] = file.cards.map((card, position) => ({
		deckId: 'd',
		id: card.id,
		card,
		position,
		progress: newProgress(now),
		due: now.getTime(),
		suspended: false,
		flagged: position === 1,
		addedAt: now.getTime()
	}));
	const graded = scheduler.grade(cards[0]!.progress, Rating.Good, now);
	cards[0] = { ...cards[0]!, progress: graded.next, due: graded.next.due };
	const reviews: ReviewRow[] = [
		{ id: 1, deckId: 'd', cardId: 'c-1', origin: 'study', at: now.getTime(), durationMs: 4200, log: graded.log, before: newProgress(now) }
	];
	const sources: SourceRow[] = file.sources.map((s) => ({ deckId: 'd', id: s.id, title: s.title, text: s.text, extra: {} }));
	// A version-1 row, from before "Next day starts at" (rolloverHour): read back with the default (settings test).
	const settings: Pick<SettingsRow, 'key' | 'desiredRetention' | 'newPerDay' | 'theme'>[] = [{ key: 'app', desiredRetention: 0.85, newPerDay: 7, theme: 'dark' }];
	const meta: MetaRow[] = [{ key: 'removedBuiltIns', value: ['old-deck'] }];
	return { decks: [deck], cards, reviews, sources, settings, meta };
}

/**
 * Writes `rows` with schema `version` (its `stores`), opens the database with the current FactdeckDB and checks
 * every row is unchanged (a card's stored `queue` is hidden when read).
 */
async function reopened(name: string, version: number, stores: Record<string, string>, rows: ReturnType<typeof v1Rows>): Promise<FactdeckDB> {
	const old = new Dexie(name);
	old.version(version).stores(stores);
	opened.push(old);
	await old.open();
	for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
	old.close();

	const db = new FactdeckDB(name);
	opened.push(db);
	await db.open();
	const kept = v1Rows();
	expect(db.verno).toBe(7);
	expect(await db.decks.toArray()).toEqual(kept.decks);
	expect(await db.cards.toArray()).toEqual(kept.cards);
	// Version 7 gives each review a uid (sync); nothing else changes.
	expect(withoutUid(await db.reviews.toArray())).toEqual(kept.reviews);
	expect(await db.sources.toArray()).toEqual(kept.sources);
	expect(await db.settings.toArray()).toEqual(kept.settings);
	expect(await db.meta.toArray()).toEqual(kept.meta);
	return db;
}

describe('upgrade from schema version 1', () => {
	it('keeps every deck, card, source, review, setting and meta row unchanged, and adds a working quizzes table', async () => {
		const name = `upgrade-v1-${++n}`;
		const rows = v1Rows();
		const db = await reopened(name, 1, V1_STORES, rows);
		expect(await db.quizzes.count()).toBe(0);

		// The old indexes still answer queries, and the new table takes a quiz with its reviews.
		expect((await db.reviews.where('[deckId+cardId]').equals(['d', 'c-1']).toArray()).map((r) => r.id)).toEqual([1]);
		const later = new Date('2026-03-05T09:00:00Z');
		await saveQuizResult(db, scheduler, {
			deckId: 'd',
			startedAt: new Date(later.getTime() - 60_000),
			finishedAt: later,
			cardIds: ['c-1', 'c-2'],
			answers: [{ cardId: 'c-1', correct: false, given: 'Schwartz', overridden: false }],
			countAsReview: true
		});
		expect((await quizzesOf(db, 'd')).map((q) => q.score)).toEqual([{ correct: 0, total: 2 }]);
		expect([...(await missedLastTime(db, 'd'))].sort()).toEqual(['c-1', 'c-2']);
		expect((await db.reviews.where('deckId').equals('d').toArray()).map((r) => [r.id, r.origin, r.log.rating])).toEqual([
			[1, 'study', Rating.Good],
			[2, 'quiz', Rating.Again]
		]);
	});

	it('opens an empty version 1 database', async () => {
		const name = `upgrade-v1-empty-${++n}`;
		const old = new Dexie(name);
		old.version(1).stores(V1_STORES);
		opened.push(old);
		await old.open();
		old.close();
		const db = new FactdeckDB(name);
		opened.push(db);
		await db.open();
		expect([db.verno, await db.decks.count(), await db.quizzes.count()]).toEqual([7, 0, 0]);
	});
});

// Schema version 4 mends decks an earlier version made unexportable (issue 12 §1.1): an "Update" import or a
// built-in merge replaced the sources while kept cards still cited the old ones. Opened by this version, every
// deck exports and reads back again; progress and review history are untouched.
const NEW_TEXT = 'Track II talks are unofficial. Hans Morgenthau set up the NCAFP.';

/** What an "Update" import left before the fix: the new file's text, but cards citing the old one. */
function brokenRows(deckId: string, builtIn: boolean) {
	const file = deckFile(deckId, [
		['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
		['c-2', 'In which year was the NCAFP founded?', '1974'],
		['c-3', 'What kind of talks are Track II talks?', 'unofficial']
	]);
	const deck: DeckRow = { id: deckId, title: file.title, createdAt: file.createdAt, updatedAt: now.getTime(), builtIn, seminarDate: null, extra: {} };
	if (builtIn) deck.builtInVersion = 'v1';
	const progress = { ...newProgress(now), reps: 2, state: 2 as const };
	const cards: CardRow[] = file.cards.map((card, position) => ({ deckId, id: card.id, card, position, progress, due: progress.due, suspended: false, flagged: false, addedAt: now.getTime() }));
	const sources: SourceRow[] = [{ deckId, id: 'doc-1', title: 'Doc', text: NEW_TEXT, extra: {} }];
	return { deck, cards, sources };
}

async function writeVersion2(name: string, rows: ReturnType<typeof brokenRows>[]): Promise<void> {
	const old = new Dexie(name);
	old.version(2).stores({ ...V1_STORES, quizzes: '++id, deckId, finishedAt' });
	opened.push(old);
	await old.open();
	for (const { deck, cards, sources } of rows) {
		await old.table('decks').add(deck);
		await old.table('cards').bulkAdd(cards);
		await old.table('sources').bulkAdd(sources);
	}
	old.close();
}

describe('upgrade to schema version 4', () => {
	it('anchors cards that cite text their deck no longer has, so the deck exports again (regression: export and backup refused)', async () => {
		const name = `upgrade-v2-repair-${++n}`;
		const rows = brokenRows('d', false);
		await writeVersion2(name, [rows]);
		const db = new FactdeckDB(name);
		opened.push(db);
		await db.open();
		const file = await exportedAndReadBack(db, 'd');
		expect(file.sources).toEqual([
			{ id: 'doc-1', title: 'Doc', text: NEW_TEXT },
			{ id: 'recovered', title: 'Sentences kept from earlier versions of this deck', text: 'George Schwab is the President of NCAFP.\nThe NCAFP was founded in 1974.' }
		]);
		expect(file.cards.map((card) => [card.id, card.source])).toEqual([
			['c-1', { doc: 'recovered', sentence: 'George Schwab is the President of NCAFP.', start: 0, end: 40 }],
			['c-2', { doc: 'recovered', sentence: 'The NCAFP was founded in 1974.', start: 41, end: 71 }],
			['c-3', { doc: 'doc-1', sentence: 'Track II talks are unofficial.', start: 0, end: 30 }]
		]);
		// Only the source moved: the cards' progress and everything else are as they were.
		expect((await db.cards.toArray()).map(({ card: _card, ...rest }) => rest)).toEqual(rows.cards.map(({ card: _card, ...rest }) => rest));
	});

	it('makes a built-in deck with hand-written cards the person’s, so the next merge leaves it alone', async () => {
		const name = `upgrade-v2-repair-${++n}`;
		const edited = brokenRows('seed', true);
		const note = 'Who founded the NCAFP? — Hans Morgenthau';
		edited.sources.push({ deckId: 'seed', id: 'notes', title: 'Cards written in Factdeck', text: note, extra: {} });
		edited.cards.push({ ...edited.cards[0]!, id: 'c-mine', position: 3, card: { ...edited.cards[0]!.card, id: 'c-mine', question: 'Who founded the NCAFP?', answer: 'Hans Morgenthau', source: { doc: 'notes', sentence: note, start: 0, end: note.length } } });
		const untouched = brokenRows('other', true);
		await writeVersion2(name, [edited, untouched]);
		const db = new FactdeckDB(name);
		opened.push(db);
		await db.open();
		expect([(await db.decks.get('seed'))!.builtIn, (await db.decks.get('other'))!.builtIn]).toEqual([false, true]);
		const before = await db.cards.where('deckId').equals('seed').toArray();
		await installBuiltIns(db, [{ file: deckFile('seed', [['c-9', 'What are Track I talks?', 'official']]), version: 'v2' }], now);
		expect(await db.cards.where('deckId').equals('seed').toArray()).toEqual(before);
		expect(parseDeckFile(await exportDeck(db, 'seed')).ok).toBe(true);
	});
});

/** Version 2's stores: version 1's and the quiz results. */
const V2_STORES = { ...V1_STORES, quizzes: '++id, deckId, finishedAt' };

describe('upgrade from schema version 2', () => {
	it('keeps every row unchanged and indexes the cards for the home counts (suspended ones left out)', async () => {
		const name = `upgrade-v2-${++n}`;
		const rows = v1Rows();
		// c-2 suspended: neither new nor due on home, as before the upgrade.
		rows.cards[1] = { ...rows.cards[1]!, suspended: true };
		const old = new Dexie(name);
		old.version(2).stores(V2_STORES);
		opened.push(old);
		await old.open();
		await old.table('decks').bulkAdd(rows.decks);
		await old.table('cards').bulkAdd(rows.cards);
		await old.table('reviews').bulkAdd(rows.reviews);
		await old.table('sources').bulkAdd(rows.sources);
		old.close();

		const db = new FactdeckDB(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(7);
		expect(await db.cards.toArray()).toEqual(rows.cards);
		// Version 7 gives each review a uid (sync); nothing else changes.
		expect(withoutUid(await db.reviews.toArray())).toEqual(rows.reviews);
		expect(await db.stash.count()).toBe(0);
		const dueAt = new Date(rows.cards[0]!.due);
		expect((await deckSummaries(db, dueAt)).map((s) => [s.deck.id, s.total, s.new, s.due, s.seen])).toEqual([['d', 2, 0, 1, 1]]);
		expect(await db.cards.where('[deckId+queue+due]').between(['d', 3, -Infinity], ['d', 3, Infinity]).count()).toBe(0);
		expect(await db.cards.where('[deckId+queue+due]').between(['d', 2, -Infinity], ['d', 2, Infinity]).count()).toBe(1);
	});

	it('the cards version 4 mends keep their place in the count index', async () => {
		const name = `upgrade-v2-counts-${++n}`;
		await writeVersion2(name, [brokenRows('d', false)]);
		const db = new FactdeckDB(name);
		opened.push(db);
		await db.open();
		expect((await deckSummaries(db, now)).map((s) => [s.deck.id, s.total, s.new, s.due, s.seen])).toEqual([['d', 3, 0, 3, 3]]);
	});
});

/** Version 4's stores (version 3's card index and stash; version 4 changed no store). */
const V4_STORES = { ...V2_STORES, cards: '[deckId+id], deckId, due, [deckId+queue+due]', stash: '[area+part+seq]' };

describe('upgrade from schema version 4 to 6 (fitted FSRS parameters)', () => {
	it('keeps every row unchanged, schedules with the defaults, and the new parameters table stores fitted ones', async () => {
		const name = `upgrade-v4-${++n}`;
		const rows = v1Rows();
		const db = await reopened(name, 4, V4_STORES, { ...rows, cards: rows.cards.map((card) => ({ ...card, queue: queueOf(card) })) });
		expect(await db.parameters.count()).toBe(0);
		expect(await schedulingWeights(db)).toBeUndefined();

		const w = DEFAULT_PARAMETERS.map((x, i) => (i === 0 ? 0.5 : x));
		const figures = { logLoss: 0.3, rmseBins: 0.05, count: 400 };
		expect(await applyIfBetter(db, { fitted: w, current: { ...figures, logLoss: 0.31 }, after: figures }, 420, now)).toBe(true);
		expect(await schedulingWeights(db)).toEqual(w);
	});
});

describe('upgrade from schema version 4 to 7 (sync)', () => {
	it('gives every review and quiz result a distinct uid, keeps every row otherwise unchanged, and logs nothing', async () => {
		const name = `upgrade-v4-sync-${++n}`;
		const rows = v1Rows();
		const second = { ...rows.reviews[0]!, id: 2, at: rows.reviews[0]!.at + 60_000 };
		const quiz = { id: 1, deckId: 'd', startedAt: 1, finishedAt: 2, durationMs: 1, cardIds: ['c-1'], answers: [], score: { correct: 0, total: 1 }, countedAsReviews: false };
		const old = new Dexie(name);
		old.version(4).stores(V4_STORES);
		opened.push(old);
		await old.open();
		await old.table('decks').bulkAdd(rows.decks);
		await old.table('cards').bulkAdd(rows.cards.map((c) => ({ ...c, queue: 0 })));
		await old.table('reviews').bulkAdd([...rows.reviews, second]);
		await old.table('quizzes').add(quiz);
		old.close();

		const db = new FactdeckDB(name);
		opened.push(db);
		await db.open();
		const reviews = await db.reviews.toArray();
		expect(withoutUid(reviews)).toEqual([...rows.reviews, second]);
		const uids = reviews.map((r) => r.uid);
		expect(uids.every((uid) => typeof uid === 'string' && /^[0-9a-z]{16}$/.test(uid))).toBe(true);
		expect(new Set(uids).size).toBe(2);
		expect(await db.reviews.where('uid').equals(uids[0]!).count()).toBe(1);
		const quizzes = await db.quizzes.toArray();
		expect(withoutUid(quizzes)).toEqual([quiz]);
		expect(typeof quizzes[0]!.uid).toBe('string');
		expect(await db.cards.toArray()).toEqual(rows.cards);
		// Sync is off until the person turns it on: the upgrade logged nothing.
		expect([await db.outbox.count(), await db.stamps.count(), await db.sync.count()]).toEqual([0, 0, 0]);
		// A new review gets its uid when it is written.
		await db.reviews.add({ ...rows.reviews[0]!, id: undefined, at: 5 });
		expect((await db.reviews.where('at').equals(5).first())!.uid).toMatch(/^[0-9a-z]{16}$/);
	});
});
