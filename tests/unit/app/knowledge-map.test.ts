import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import {
	cardStatus,
	deckKnowledgeMap,
	knowledgeMap,
	overlapping,
	recallPercent,
	sentenceStatus,
	studyHref,
	summaryText,
	type KnowledgeMap,
	type MapCardRow,
	type MapOptions
} from '$lib/app/knowledge-map';
import { importDeck, recordReview, saveSettings, type FactdeckDB } from '$lib/db';
import { studyDays } from '$lib/domain/days';
import type { CardSource, SourceDocument } from '$lib/domain/types';
import { Rating, Scheduler, type Grade } from '$lib/scheduler/fsrs';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';
import { deckFile } from '../db/deck-fixture';
import { useFreshDb } from '../db/fresh-db';

// Pinned clock and day rule: UTC, study days starting at 04:00, so nothing depends on the machine's zone.
const days = studyDays(4, () => 0);
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days });
const now = new Date('2026-03-03T09:00:00Z');
const options: MapOptions = { now, scheduler, strongAt: 0.9 };

const P1 = 'Ada Lovelace wrote the first program. The Analytical Engine was designed in 1837. Babbage built the Difference Engine.';
const P2 = 'Menabrea wrote a paper in 1842. Lovelace translated it.\nHer notes were longer than the paper.';
const P3 = 'The engine was never finished.';
const P4 = 'Lovelace died in 1852.';
const TEXT = [P1, P2, P3, P4].join('\n\n');
const READING: SourceDocument = { id: 'doc-1', title: 'Engines', text: TEXT };

function cite(sentence: string, doc = 'doc-1'): CardSource {
	const start = TEXT.indexOf(sentence);
	if (start < 0) throw new Error(`not in the text: ${sentence}`);
	return { doc, sentence, start, end: start + sentence.length };
}

/** A card graded `grades` in turn, the first at `first`, each next one when the card fell due. */
function studied(grades: Grade[], first: Date): Progress {
	let progress = newProgress(first);
	let at = first;
	for (const grade of grades) {
		progress = scheduler.grade(progress, grade, at).next;
		at = new Date(progress.due);
	}
	return progress;
}

function row(id: string, source: CardSource, progress: Progress = newProgress(now), suspended = false): MapCardRow {
	return { id, card: { question: `Q ${id}`, answer: `A ${id}`, source }, progress, suspended };
}

const HOUR = 3_600_000;
const ROWS: MapCardRow[] = [
	row('a', cite('Ada Lovelace wrote the first program.'), studied([Rating.Good], new Date(now.getTime() - HOUR))),
	row('b', cite('The Analytical Engine was designed in 1837.'), studied([Rating.Good], new Date('2026-02-01T09:00:00Z'))),
	row('c', cite('The Analytical Engine was designed in 1837.')),
	row('d', cite('Babbage built the Difference Engine.')),
	// An imported card citing two sentences at once: it belongs to both.
	row('e', cite('Menabrea wrote a paper in 1842. Lovelace translated it.'), studied([Rating.Easy], new Date(now.getTime() - 2 * HOUR))),
	row('f', cite('Her notes were longer than the paper.'), studied([Rating.Good], new Date(now.getTime() - HOUR)), true),
	row('g', { doc: 'gone', sentence: 'Nowhere.', start: 0, end: 8 }),
	row('h', cite('Lovelace died in 1852.'))
];

/** Each sentence as [text, shade, recall % or null, card ids]. */
function shading(map: KnowledgeMap) {
	return map.documents.map((doc) =>
		doc.paragraphs.map((p) => p.sentences.map((s) => [s.text, s.shade, s.recall === null ? null : recallPercent(s.recall), s.cards.map((c) => c.id)]))
	);
}

describe('knowledgeMap: shading from fixed card states at a pinned date', () => {
	const map = knowledgeMap([READING], ROWS, options);

	it('shades every sentence exactly, paragraph by paragraph', () => {
		expect(shading(map)).toEqual([
			[
				[
					['Ada Lovelace wrote the first program.', 'strong', '100%', ['a']],
					// Good once, 30 study days ago: S = w[2] = 2.3065, R = (1 + FACTOR·30/S)^-0.1542 = 0.6675 (FSRS-6
					// defaults, FACTOR = 0.9^(-1/0.1542) - 1). The new card does not count.
					['The Analytical Engine was designed in 1837.', 'weak', '66%', ['b', 'c']],
					['Babbage built the Difference Engine.', 'unseen', null, ['d']]
				],
				[
					['Menabrea wrote a paper in 1842.', 'strong', '100%', ['e']],
					['Lovelace translated it.', 'strong', '100%', ['e']],
					// Only a suspended card: listed, but it does not shade the sentence.
					['Her notes were longer than the paper.', 'plain', null, ['f']]
				],
				[['The engine was never finished.', 'plain', null, []]],
				[['Lovelace died in 1852.', 'unseen', null, ['h']]]
			]
		]);
	});

	it('keeps what separates sentences, line breaks inside a paragraph included', () => {
		expect(map.documents[0]!.paragraphs[1]!.sentences.map((s) => s.gap)).toEqual(['', ' ', '\n']);
	});

	it('lists each card with its state and recall, and studies only the active ones', () => {
		const second = map.documents[0]!.paragraphs[0]!.sentences[1]!;
		expect(second.cards.map((c) => [c.id, c.question, c.answer, c.state, c.suspended, c.recall === null ? null : recallPercent(c.recall)])).toEqual([
			['b', 'Q b', 'A b', State.Learning, false, '66%'],
			['c', 'Q c', 'A c', State.New, false, null]
		]);
		expect(second.studyIds).toEqual(['b', 'c']);
		expect(map.documents[0]!.paragraphs[1]!.sentences[2]!.studyIds).toEqual([]);
	});

	it('counts paragraphs and sentences, and says so in words', () => {
		expect(map.counts).toEqual({
			paragraphs: 4,
			paragraphsWithCards: 3,
			paragraphsUnseen: 1,
			sentences: 8,
			strong: 3,
			weak: 1,
			unseen: 2,
			plain: 2,
			unplaced: 1
		});
		expect(summaryText(map.counts)).toBe(
			'1 of 3 paragraphs not yet studied (1 other has no cards). Sentences: 3 strong, 1 weak, 2 unseen, 2 without cards. 1 card cites text not in the sources.'
		);
	});

	it('gives every sentence and paragraph a key unique in the map, and paragraphs their place in it', () => {
		const notes: SourceDocument = { id: 'notes', title: 'Notes', text: 'One. Two.' };
		const two = knowledgeMap([READING, notes], ROWS, options);
		const keys = two.documents.flatMap((d) => d.paragraphs.flatMap((p) => [p.key, ...p.sentences.map((s) => s.key)]));
		expect(new Set(keys).size).toBe(keys.length);
		expect(two.documents.map((d) => [d.id, d.title, d.paragraphs.map((p) => p.index)])).toEqual([
			['doc-1', 'Engines', [0, 1, 2, 3]],
			['notes', 'Notes', [4]]
		]);
	});
});

describe('knowledgeMap: thresholds and study days', () => {
	/** A scheduler whose recall is given per card, told apart by their `reps`. */
	const fixed = (recalls: Record<string, number>): MapOptions => ({
		now,
		strongAt: 0.9,
		scheduler: { retrievabilityToday: (progress) => recalls[String(progress.reps)] ?? 0 }
	});
	const seen = (reps: number): Progress => ({ ...studied([Rating.Good], now), reps });

	it('is strong from the desired retention up, weak below it, on the mean of the studied cards', () => {
		const rows = [
			row('x', cite('Ada Lovelace wrote the first program.'), seen(1)),
			row('y', cite('The Analytical Engine was designed in 1837.'), seen(2)),
			row('z1', cite('Babbage built the Difference Engine.'), seen(3)),
			row('z2', cite('Babbage built the Difference Engine.'), seen(4))
		];
		const map = knowledgeMap([READING], rows, fixed({ 1: 0.9, 2: 0.8999, 3: 0.95, 4: 0.84 }));
		expect(map.documents[0]!.paragraphs[0]!.sentences.map((s) => [s.shade, s.recall])).toEqual([
			['strong', 0.9],
			['weak', 0.8999],
			// (0.95 + 0.84) / 2 = 0.895
			['weak', (0.95 + 0.84) / 2]
		]);
	});

	it('counts elapsed time in study days: a card failed at 23:00 is still today’s at 03:00, not yesterday’s', () => {
		const failed = studied([Rating.Again], new Date('2026-03-02T23:00:00Z'));
		const rows = [row('a', cite('Ada Lovelace wrote the first program.'), failed)];
		const at = new Date('2026-03-03T03:00:00Z');
		const sentence = (map: KnowledgeMap) => map.documents[0]!.paragraphs[0]!.sentences[0]!;
		expect(sentence(knowledgeMap([READING], rows, { ...options, now: at }))).toMatchObject({ shade: 'strong', recall: 1 });
		// With calendar days (a new day at midnight) the same review is a day old: S = w[0] = 0.212 after Again,
		// R = (1 + FACTOR·1/0.212)^-0.1542 = 0.766.
		const calendar = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days: studyDays(0, () => 0) });
		const next = sentence(knowledgeMap([READING], rows, { ...options, now: at, scheduler: calendar }));
		expect([next.shade, recallPercent(next.recall!)]).toEqual(['weak', '76%']);
	});

	it('maps a deck without sources to nothing, and its cards as unplaced', () => {
		const map = knowledgeMap([], ROWS.slice(0, 2), options);
		expect(map.documents).toEqual([]);
		expect(map.counts).toMatchObject({ paragraphs: 0, sentences: 0, unplaced: 2 });
		expect(summaryText(map.counts)).toBe(
			'0 of 0 paragraphs not yet studied. Sentences: 0 strong, 0 weak, 0 unseen, 0 without cards. 2 cards cite text not in the sources.'
		);
	});
});

describe('what a sentence and a card say', () => {
	const map = knowledgeMap([READING], ROWS, options);
	const sentences = map.documents[0]!.paragraphs.flatMap((p) => p.sentences);

	it('names each shade with its recall and card count, for screen readers', () => {
		expect(sentences.map(sentenceStatus)).toEqual([
			'strong, recall 100%, 1 card',
			'weak, recall 66%, 2 cards',
			'unseen, not studied yet, 1 card',
			'strong, recall 100%, 1 card',
			'strong, recall 100%, 1 card',
			'suspended only, 1 card',
			'suspended only, 0 cards',
			'unseen, not studied yet, 1 card'
		]);
	});

	it('gives each card its state and recall', () => {
		expect(sentences.flatMap((s) => s.cards).map(cardStatus)).toEqual([
			'Learning · recall 100%',
			'Learning · recall 66%',
			'New · not studied yet',
			'New · not studied yet',
			'Review · recall 100%',
			'Review · recall 100%',
			'Learning · suspended · recall 100%',
			'New · not studied yet'
		]);
	});

	it('links `Study these` to the study page with exactly those cards', () => {
		expect(studyHref('track ii', ['c-1', 'c/2'])).toBe('/deck/track%20ii/study?cards=c-1,c%2F2');
	});
});

describe('deckKnowledgeMap: a stored deck after a review', () => {
	let db: FactdeckDB;
	useFreshDb('knowledge-map', (fresh) => (db = fresh));
	const zone = () => 0;

	it('shades the reviewed card’s sentence strong with the stored desired retention, and is null for no deck', async () => {
		const at = new Date('2026-03-02T09:00:00Z');
		await importDeck(db, deckFile('d', [['c1', 'Who is the President of NCAFP?', 'George Schwab'], ['c2', 'When was the NCAFP founded?', '1974']]), 'add', at);
		await saveSettings(db, { desiredRetention: 0.8 });
		await recordReview(db, scheduler, { deckId: 'd', cardId: 'c1', grade: Rating.Good, now: at, durationMs: 1000, origin: 'study' });
		const result = await deckKnowledgeMap(db, 'd', new Date('2026-03-06T09:00:00Z'), zone);
		// Four study days after a first Good: R(4, 2.3065) = 0.8580, weak at 90% but strong at the stored 80%.
		expect(result?.strongAt).toBe(0.8);
		expect(result?.map.documents[0]!.paragraphs[0]!.sentences.map((s) => [s.text, s.shade, s.recall === null ? null : recallPercent(s.recall)])).toEqual([
			['George Schwab is the President of NCAFP.', 'strong', '85%'],
			['The NCAFP was founded in 1974.', 'unseen', null],
			['Track II talks are unofficial.', 'plain', null]
		]);
		expect(summaryText(result!.map.counts)).toBe('0 of 1 paragraph not yet studied. Sentences: 1 strong, 0 weak, 1 unseen, 1 without cards.');
		expect(await deckKnowledgeMap(db, 'nope', at, zone)).toBeNull();
	});

	it('uses the learner’s fitted FSRS parameters when there are some (their forgetting curve’s decay, w[20])', async () => {
		const at = new Date('2026-03-02T09:00:00Z');
		await importDeck(db, deckFile('d', [['c1', 'Who is the President of NCAFP?', 'George Schwab']]), 'add', at);
		await recordReview(db, scheduler, { deckId: 'd', cardId: 'c1', grade: Rating.Good, now: at, durationMs: 1000, origin: 'study' });
		const w = [...default_w];
		w[20] = 0.5;
		await db.parameters.put({ key: 'fsrs', w, fittedAt: at.getTime(), reviews: 400, before: { logLoss: 0.4, rmseBins: 0.1, count: 400 }, after: { logLoss: 0.3, rmseBins: 0.05, count: 400 } });
		const result = await deckKnowledgeMap(db, 'd', new Date('2026-03-06T09:00:00Z'), zone);
		// R(4, 2.3065) with decay 0.5: FACTOR = 0.9^(-1/0.5) - 1 = 0.2346, R = (1 + 0.2346·4/2.3065)^-0.5 = 0.8431 (0.8580 with the defaults).
		expect(recallPercent(result!.map.documents[0]!.paragraphs[0]!.sentences[0]!.recall!)).toBe('84%');
	});
});

describe('overlapping: which sentences a card span covers', () => {
	const sentences = [
		{ start: 0, end: 10 },
		{ start: 11, end: 20 },
		{ start: 22, end: 30 }
	];
	it.each([
		['exactly one sentence', { start: 11, end: 20 }, [1]],
		['part of one', { start: 13, end: 15 }, [1]],
		['three, across the gaps', { start: 5, end: 25 }, [0, 1, 2]],
		['ending where the next starts', { start: 0, end: 11 }, [0]],
		['only the space between two', { start: 20, end: 22 }, []],
		['past the end', { start: 30, end: 40 }, []],
		['an empty span', { start: 12, end: 12 }, []]
	])('%s', (_, span, expected) => {
		expect(overlapping(sentences, span)).toEqual(expected);
	});
});

describe('recallPercent', () => {
	it.each([
		[1, '100%'],
		[0.9, '90%'],
		[0.8999, '89%'],
		[0.29, '29%'],
		[0, '0%']
	])('%s → %s', (recall, text) => {
		expect(recallPercent(recall)).toBe(text);
	});
});
