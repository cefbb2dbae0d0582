/**
 * The knowledge map (issue 10, §5): a deck's source documents as paragraphs of sentences, each sentence shaded
 * by the predicted recall today of the cards made from it. Pure and one pass: the documents are segmented once
 * (by the generator's own splitter, so a generated card's span is exactly one sentence), each card is placed by
 * binary search, and each sentence and paragraph is shaded and counted on the way out. The clock and the
 * scheduler come in.
 *
 * Rules (docs/quiz-and-readiness.md, "Knowledge map"):
 * - a card belongs to every sentence of its document whose span [start, end) overlaps the card's
 *   `source.start`..`source.end` (an imported card may cite part of a sentence, or several); a card whose document
 *   is not in the deck, or whose span holds no sentence, is counted as unplaced;
 * - a card's recall is FSRS retrievability on `now`'s study day (Scheduler.retrievabilityToday: elapsed time in
 *   whole study days, as ts-fsrs counts it when grading), or none when it was never studied;
 * - suspended cards are listed under their sentence but do not shade it and are not in "Study these";
 * - a sentence is plain when it has no active card, unseen when none of its active cards was studied, else
 *   strong when the mean recall of its studied cards is at least `strongAt` (the desired retention: FSRS makes a
 *   card due when its recall falls to that), otherwise weak;
 * - a paragraph is not yet studied when it has an active card and none of them was studied.
 */
import { cardsOf, deckSummary, learnerScheduler, sourcesOf, type FactdeckDB } from '$lib/db';
import { deviceZone, type TimeZone } from '$lib/domain/days';
import { segment } from '$lib/generator/core/segment';
import type { Card, SourceDocument } from '$lib/domain/types';
import type { Scheduler } from '$lib/scheduler/fsrs';
import { isNew, State, type Progress } from '$lib/scheduler/progress';

export type Shade = 'plain' | 'unseen' | 'weak' | 'strong';

/** A stored card, as far as the map reads it (a CardRow fits). */
export interface MapCardRow {
	id: string;
	card: Pick<Card, 'question' | 'answer' | 'source'>;
	progress: Progress;
	suspended: boolean;
}

export interface MapCard {
	id: string;
	question: string;
	answer: string;
	state: State;
	suspended: boolean;
	/** Predicted recall today, 0..1; null for a card never studied. */
	recall: number | null;
}

export interface MapSentence {
	/** Unique in the map: the document's index and the sentence's index in it. */
	key: string;
	/** What separates it from the sentence before in its paragraph ('' for the first): kept, line breaks too. */
	gap: string;
	text: string;
	shade: Shade;
	/** Mean recall of its studied active cards; null when it has none. */
	recall: number | null;
	/** Every card placed on it, in deck order, suspended ones included. */
	cards: MapCard[];
	/** The active cards' ids: what `Study these` studies. */
	studyIds: string[];
}

export interface MapParagraph {
	key: string;
	/** Its place among all the map's paragraphs, documents in order (the page renders them in that order). */
	index: number;
	sentences: MapSentence[];
}

export interface MapDocument {
	id: string;
	title: string;
	paragraphs: MapParagraph[];
}

export interface MapCounts {
	paragraphs: number;
	/** Paragraphs with at least one active card. */
	paragraphsWithCards: number;
	/** Of those, the ones none of whose active cards was studied. */
	paragraphsUnseen: number;
	sentences: number;
	strong: number;
	weak: number;
	unseen: number;
	plain: number;
	/** Cards placed in no sentence (their document is missing, or their span holds no sentence). */
	unplaced: number;
}

export interface KnowledgeMap {
	documents: MapDocument[];
	counts: MapCounts;
}

export interface MapOptions {
	now: Date;
	scheduler: Pick<Scheduler, 'retrievabilityToday'>;
	/** The recall from which a sentence is strong: the desired retention. */
	strongAt: number;
}

interface Span {
	start: number;
	end: number;
}

/** Indexes of the sentences (sorted, disjoint) whose span overlaps [start, end). */
export function overlapping(sentences: readonly Span[], { start, end }: Span): number[] {
	if (end <= start) return [];
	let lo = 0;
	let hi = sentences.length;
	// The first sentence that ends after `start`.
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sentences[mid]!.end <= start) lo = mid + 1;
		else hi = mid;
	}
	const hits: number[] = [];
	for (let i = lo; i < sentences.length && sentences[i]!.start < end; i++) hits.push(i);
	return hits;
}

function mapCard(row: MapCardRow, { now, scheduler }: MapOptions): MapCard {
	return {
		id: row.id,
		question: row.card.question,
		answer: row.card.answer,
		state: row.progress.state,
		suspended: row.suspended,
		recall: isNew(row.progress) ? null : scheduler.retrievabilityToday(row.progress, now)
	};
}

function shadeOf(cards: readonly MapCard[], strongAt: number): { shade: Shade; recall: number | null; studyIds: string[] } {
	const active = cards.filter((card) => !card.suspended);
	const studied = active.flatMap((card) => (card.recall === null ? [] : [card.recall]));
	const studyIds = active.map((card) => card.id);
	if (active.length === 0) return { shade: 'plain', recall: null, studyIds };
	if (studied.length === 0) return { shade: 'unseen', recall: null, studyIds };
	const recall = studied.reduce((sum, r) => sum + r, 0) / studied.length;
	return { shade: recall >= strongAt ? 'strong' : 'weak', recall, studyIds };
}

export function knowledgeMap(sources: readonly SourceDocument[], rows: readonly MapCardRow[], options: MapOptions): KnowledgeMap {
	const docs = sources.map((source) => ({ source, sentences: segment(source.id, source.text), cards: new Map<number, MapCard[]>() }));
	const byId = new Map(docs.map((doc) => [doc.source.id, doc]));
	const counts: MapCounts = { paragraphs: 0, paragraphsWithCards: 0, paragraphsUnseen: 0, sentences: 0, strong: 0, weak: 0, unseen: 0, plain: 0, unplaced: 0 };

	for (const row of rows) {
		const doc = byId.get(row.card.source.doc);
		const hits = doc ? overlapping(doc.sentences, row.card.source) : [];
		if (!doc || hits.length === 0) {
			counts.unplaced++;
			continue;
		}
		const card = mapCard(row, options);
		for (const i of hits) {
			const list = doc.cards.get(i);
			if (list) list.push(card);
			else doc.cards.set(i, [card]);
		}
	}

	const documents = docs.map(({ source, sentences, cards }, d): MapDocument => {
		const paragraphs: MapParagraph[] = [];
		let current: MapParagraph | null = null;
		let para = -1;
		let previousEnd = 0;
		sentences.forEach((sentence, i) => {
			if (sentence.para !== para || !current) {
				current = { key: `${d}-p${sentence.para}`, index: counts.paragraphs + paragraphs.length, sentences: [] };
				paragraphs.push(current);
				para = sentence.para;
				previousEnd = sentence.start;
			}
			const placed = cards.get(i) ?? [];
			const shaded = shadeOf(placed, options.strongAt);
			current.sentences.push({
				key: `${d}-${i}`,
				gap: source.text.slice(previousEnd, sentence.start),
				text: sentence.text,
				cards: placed,
				...shaded
			});
			previousEnd = sentence.end;
			counts[shaded.shade]++;
		});
		for (const paragraph of paragraphs) {
			const shades = paragraph.sentences.map((s) => s.shade);
			if (shades.some((shade) => shade !== 'plain')) {
				counts.paragraphsWithCards++;
				if (!shades.some((shade) => shade === 'weak' || shade === 'strong')) counts.paragraphsUnseen++;
			}
		}
		counts.paragraphs += paragraphs.length;
		counts.sentences += sentences.length;
		return { id: source.id, title: source.title, paragraphs };
	});
	return { documents, counts };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The map in words, for everyone and for screen readers (the page shows it above the text). */
export function summaryText(counts: MapCounts): string {
	const { paragraphs, paragraphsWithCards, paragraphsUnseen } = counts;
	const others = paragraphs - paragraphsWithCards;
	const parts = [
		`${paragraphsUnseen} of ${count(paragraphsWithCards, 'paragraph', 'paragraphs')} not yet studied` +
			(others > 0 ? ` (${others} ${others === 1 ? 'other has' : 'others have'} no cards).` : '.'),
		`Sentences: ${counts.strong} strong, ${counts.weak} weak, ${counts.unseen} unseen, ${counts.plain} without cards.`
	];
	if (counts.unplaced > 0) parts.push(`${count(counts.unplaced, 'card cites', 'cards cite')} text not in the sources.`);
	return parts.join(' ');
}

/** A recall as a whole percentage, rounded down, so a weak sentence never shows the threshold itself. */
export function recallPercent(recall: number): string {
	return `${Math.floor(recall * 100 + 1e-9)}%`;
}

const STATE_NAMES: Record<State, string> = {
	[State.New]: 'New',
	[State.Learning]: 'Learning',
	[State.Review]: 'Review',
	[State.Relearning]: 'Relearning'
};

/** A card's line under its sentence: "Learning · recall 100%", "New · not studied yet", "Review · suspended · recall 80%". */
export function cardStatus(card: MapCard): string {
	const parts = [STATE_NAMES[card.state]];
	if (card.suspended) parts.push('suspended');
	parts.push(card.recall === null ? 'not studied yet' : `recall ${recallPercent(card.recall)}`);
	return parts.join(' · ');
}

/** What a shaded sentence adds to its text for a screen reader: "strong, recall 100%, 2 cards". */
export function sentenceStatus(sentence: MapSentence): string {
	const cards = count(sentence.cards.length, 'card', 'cards');
	switch (sentence.shade) {
		case 'strong':
		case 'weak':
			return `${sentence.shade}, recall ${recallPercent(sentence.recall ?? 0)}, ${cards}`;
		case 'unseen':
			return `unseen, not studied yet, ${cards}`;
		case 'plain':
			return `suspended only, ${cards}`;
	}
}

/** `Study these`: the study page with exactly these cards (custom study). */
export function studyHref(deckId: string, cardIds: readonly string[]): string {
	return `/deck/${encodeURIComponent(deckId)}/study?cards=${cardIds.map(encodeURIComponent).join(',')}`;
}

export interface DeckKnowledgeMap {
	title: string;
	/** The desired retention: a sentence at or above it is strong. */
	strongAt: number;
	map: KnowledgeMap;
}

/**
 * A stored deck's map at `now`, with the person's desired retention, study days and FSRS parameters; null when there is no such
 * deck. Reads in a live query, so a review anywhere re-shades it.
 */
export async function deckKnowledgeMap(db: FactdeckDB, deckId: string, now: Date, zone: TimeZone = deviceZone): Promise<DeckKnowledgeMap | null> {
	const summary = await deckSummary(db, deckId, now, zone);
	if (!summary) return null;
	// The learner's scheduler, with the fitted parameters (`Optimise`) when there are some: its forgetting curve is
	// the one that schedules the cards.
	const [sources, rows, { scheduler, settings }] = await Promise.all([sourcesOf(db, deckId), cardsOf(db, deckId), learnerScheduler(db, { zone })]);
	const strongAt = settings.desiredRetention;
	return { title: summary.deck.title, strongAt, map: knowledgeMap(sources, rows, { now, scheduler, strongAt }) };
}
