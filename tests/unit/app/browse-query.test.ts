import { describe, expect, it } from 'vitest';
import { ALL_CARDS, fold, queryItems, readRange, searchWords, toBrowseItem, type BrowseDay, type BrowseItem, type BrowseQuery } from '$lib/app/browse-query';
import type { CardRow } from '$lib/db/schema';
import type { CardType } from '$lib/domain/types';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';

const DAY = 86_400_000;
/** Today's study day: 2026-03-02 04:00 UTC to 2026-03-03 04:00 UTC. */
const day: BrowseDay = { start: Date.UTC(2026, 2, 2, 4), end: Date.UTC(2026, 2, 3, 4) };

interface Spec {
	id: string;
	deck?: string;
	question?: string;
	answer?: string;
	tags?: string[];
	sentence?: string;
	type?: CardType;
	position?: number;
	state?: State;
	due?: number;
	difficulty?: number;
	stability?: number;
	lapses?: number;
	suspended?: boolean;
	flagged?: boolean;
	addedAt?: number;
}

const DECKS: Record<string, { title: string; order: number }> = { a: { title: 'Alpha', order: 0 }, b: { title: 'Beta', order: 1 } };

function item(spec: Spec): BrowseItem {
	const base = newProgress(new Date(day.start - 30 * DAY));
	const progress: Progress = {
		...base,
		state: spec.state ?? State.New,
		due: spec.due ?? base.due,
		difficulty: spec.difficulty ?? 0,
		stability: spec.stability ?? 0,
		lapses: spec.lapses ?? 0,
		last_review: (spec.state ?? State.New) === State.New ? null : day.start - DAY
	};
	const sentence = spec.sentence ?? 'A plain sentence.';
	const row: CardRow = {
		deckId: spec.deck ?? 'a',
		id: spec.id,
		card: {
			id: spec.id,
			type: spec.type ?? 'basic',
			question: spec.question ?? `Question ${spec.id}?`,
			answer: spec.answer ?? `answer ${spec.id}`,
			tags: spec.tags ?? [],
			score: 0.5,
			source: { doc: 'doc-1', sentence, start: 0, end: sentence.length }
		},
		position: spec.position ?? 0,
		progress,
		due: progress.due,
		suspended: spec.suspended ?? false,
		flagged: spec.flagged ?? false,
		addedAt: spec.addedAt ?? 0
	};
	return toBrowseItem(row, DECKS[row.deckId]!);
}

const ids = (items: BrowseItem[]) => items.map((i) => i.key.replace('\u0000', '/'));
const run = (items: BrowseItem[], query: Partial<BrowseQuery>) => ids(queryItems(items, { ...ALL_CARDS, ...query }, day));

describe('fold and search words', () => {
	it('drops case, accents and compatibility forms', () => {
		expect(fold('PYÖNGYANG Café Ｋorea ﬁnal')).toBe('pyongyang cafe korea final');
		expect(searchWords('  Kim   JONG-un ')).toEqual(['kim', 'jong-un']);
		expect(searchWords('   ')).toEqual([]);
	});
});

describe('search', () => {
	const items = [
		item({ id: '1', question: 'Who leads the NCAFP?', answer: 'George Schwab' }),
		item({ id: '2', question: 'Where did the talks take place?', answer: 'Pyŏngyang', tags: ['place'] }),
		item({ id: '3', question: 'When?', answer: '1974', sentence: 'The NCAFP was founded in 1974 in New York.' }),
		item({ id: '4', question: 'Which tag?', answer: 'none', tags: ['Diplomacy'] })
	];

	it('finds a word of the question, the answer, a tag or the source sentence, ignoring case and accents', () => {
		expect(run(items, { text: 'schwab' })).toEqual(['a/1']);
		expect(run(items, { text: 'PYONGYANG' })).toEqual(['a/2']);
		expect(run(items, { text: 'new york' })).toEqual(['a/3']);
		expect(run(items, { text: 'diplomacy' })).toEqual(['a/4']);
		expect(run(items, { text: 'ncafp' })).toEqual(['a/1', 'a/3']);
	});

	it('needs every word, anywhere in the card, but never across two fields', () => {
		expect(run(items, { text: 'ncafp 1974' })).toEqual(['a/3']);
		expect(run(items, { text: 'ncafp schwab' })).toEqual(['a/1']);
		// "…place?" ends the question and "Pyŏngyang" starts the answer: no match across the join.
		expect(run(items, { text: 'place?pyongyang' })).toEqual([]);
		expect(run(items, { text: 'nowhere' })).toEqual([]);
	});

	it('an empty search lists every card', () => {
		expect(run(items, { text: '  ' })).toEqual(['a/1', 'a/2', 'a/3', 'a/4']);
	});
});

describe('filters', () => {
	const items = [
		item({ id: 'new', deck: 'a', type: 'basic' }),
		item({ id: 'learn', deck: 'a', type: 'mcq', state: State.Learning, due: day.start + 3600_000 }),
		item({ id: 'over', deck: 'b', type: 'cloze', state: State.Review, due: day.start - 1, lapses: 2, suspended: true }),
		item({ id: 'later', deck: 'b', type: 'basic', state: State.Review, due: day.end, lapses: 8, flagged: true }),
		item({ id: 'relearn', deck: 'b', type: 'basic', state: State.Relearning, due: day.end - 1, lapses: 3, suspended: true, flagged: true })
	];

	it('by deck, type and state', () => {
		expect(run(items, { deckId: 'b' })).toEqual(['b/over', 'b/later', 'b/relearn']);
		expect(run(items, { type: 'basic' })).toEqual(['a/new', 'b/later', 'b/relearn']);
		expect(run(items, { state: 'new' })).toEqual(['a/new']);
		expect(run(items, { state: 'learning' })).toEqual(['a/learn']);
		expect(run(items, { state: 'review' })).toEqual(['b/over', 'b/later']);
		expect(run(items, { state: 'relearning' })).toEqual(['b/relearn']);
	});

	it('by suspended and flagged, either way', () => {
		expect(run(items, { suspended: 'yes' })).toEqual(['b/over', 'b/relearn']);
		expect(run(items, { suspended: 'no' })).toEqual(['a/new', 'a/learn', 'b/later']);
		expect(run(items, { flagged: 'yes' })).toEqual(['b/later', 'b/relearn']);
		expect(run(items, { flagged: 'no', suspended: 'no' })).toEqual(['a/new', 'a/learn']);
	});

	it('due today includes overdue cards and stops at the end of the study day; new cards are never due', () => {
		expect(run(items, { due: 'today' })).toEqual(['a/learn', 'b/over', 'b/relearn']);
		expect(run(items, { due: 'overdue' })).toEqual(['b/over']);
	});

	it('by lapses at least N', () => {
		expect(run(items, { minLapses: 3 })).toEqual(['b/later', 'b/relearn']);
		expect(run(items, { minLapses: 9 })).toEqual([]);
		expect(run(items, { minLapses: 3, suspended: 'yes' })).toEqual(['b/relearn']);
	});
});

describe('sorting', () => {
	const items = [
		item({ id: 'n1', deck: 'b', position: 1, addedAt: 5, due: 50 }),
		item({ id: 'x', deck: 'b', position: 0, state: State.Review, due: 300, difficulty: 7, stability: 2, addedAt: 3 }),
		item({ id: 'y', deck: 'a', position: 1, state: State.Review, due: 100, difficulty: 3, stability: 40, addedAt: 3 }),
		item({ id: 'n0', deck: 'a', position: 0, addedAt: 9, due: 90 }),
		item({ id: 'z', deck: 'a', position: 2, state: State.Learning, due: 200, difficulty: 5, stability: 0.5, addedAt: 1 })
	];

	it('deck order: decks by title, cards by position; descending reverses it', () => {
		expect(run(items, { sort: 'deck' })).toEqual(['a/n0', 'a/y', 'a/z', 'b/x', 'b/n1']);
		expect(run(items, { sort: 'deck', descending: true })).toEqual(['b/n1', 'b/x', 'a/z', 'a/y', 'a/n0']);
	});

	it('due and added, ties in deck order', () => {
		expect(run(items, { sort: 'due' })).toEqual(['b/n1', 'a/n0', 'a/y', 'a/z', 'b/x']);
		expect(run(items, { sort: 'due', descending: true })).toEqual(['b/x', 'a/z', 'a/y', 'a/n0', 'b/n1']);
		expect(run(items, { sort: 'added' })).toEqual(['a/z', 'a/y', 'b/x', 'b/n1', 'a/n0']);
	});

	it('difficulty and stability put cards never studied last, in either direction', () => {
		expect(run(items, { sort: 'difficulty' })).toEqual(['a/y', 'a/z', 'b/x', 'a/n0', 'b/n1']);
		expect(run(items, { sort: 'difficulty', descending: true })).toEqual(['b/x', 'a/z', 'a/y', 'a/n0', 'b/n1']);
		expect(run(items, { sort: 'stability' })).toEqual(['a/z', 'b/x', 'a/y', 'a/n0', 'b/n1']);
		expect(run(items, { sort: 'stability', descending: true })).toEqual(['a/y', 'b/x', 'a/z', 'a/n0', 'b/n1']);
	});

	it('leaves the items it was given in their order', () => {
		const before = ids(items);
		queryItems(items, { ...ALL_CARDS, sort: 'due' }, day);
		expect(ids(items)).toEqual(before);
	});
});

describe('readRange: what an index can narrow', () => {
	it('a deck through deckId, else the due filters through due, else everything', () => {
		expect(readRange({ deckId: 'a', due: 'today' }, day)).toEqual({ deckId: 'a' });
		expect(readRange({ deckId: '', due: 'today' }, day)).toEqual({ dueBefore: day.end });
		expect(readRange({ deckId: '', due: 'overdue' }, day)).toEqual({ dueBefore: day.start });
		expect(readRange({ deckId: '', due: '' }, day)).toEqual({});
	});
});
