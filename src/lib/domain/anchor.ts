/**
 * Keeps every card anchored: `sources[doc].text.slice(start, end) === sentence` (contract §1), so a deck can
 * always be exported and read back. Used by every write that can leave a card citing text its deck no longer
 * has (an "Update" import keeping studied cards, a built-in deck merge) and by the repair of decks such writes
 * broke before (schema version 4).
 *
 * A card whose source no longer holds is, in this order of preference:
 * 1. re-anchored where its sentence appears verbatim in the deck's sources (its own document first, at the
 *    occurrence nearest its old offset; then the others in order);
 * 2. given back the document it cited, from `previous` (the deck's sources before the write), when that
 *    document holds the sentence; kept under its id, or `<id>-previous` (`-previous-2`…; the suffix can be
 *    chosen) when the new sources use that id;
 * 3. anchored in a "recovered" document made of such cards' own sentences, one a line: the card's sentence is
 *    the one thing it is guaranteed to still have.
 * A card that already holds is never changed; nothing is ever dropped.
 */
import type { CardSource } from './types';

export interface AnchorDoc {
	id: string;
	title: string;
	text: string;
}

export interface Anchored<C, D> {
	cards: C[];
	/** The sources the cards need: the ones given, then any documents kept or made, in that order. */
	sources: D[];
	/** Ids of the cards whose source changed. */
	changed: string[];
}

/** The document that collects sentences no other source holds (3. above). */
export const RECOVERED_SOURCE = { id: 'recovered', title: 'Sentences kept from earlier versions of this deck' } as const;

export function holds(source: CardSource, docs: ReadonlyMap<string, AnchorDoc>): boolean {
	const doc = docs.get(source.doc);
	return doc !== undefined && doc.text.slice(source.start, source.end) === source.sentence;
}

/** The start of `sentence` in `text` nearest `near`, or -1. */
function nearestOccurrence(text: string, sentence: string, near: number): number {
	let best = -1;
	for (let at = text.indexOf(sentence); at >= 0; at = text.indexOf(sentence, at + 1)) {
		if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
		if (at > near) break;
	}
	return best;
}

function freeId(base: string, used: ReadonlySet<string>, suffix: string): string {
	if (!used.has(base)) return base;
	for (let n = 1; ; n++) {
		const id = n === 1 ? `${base}-${suffix}` : `${base}-${suffix}-${n}`;
		if (!used.has(id)) return id;
	}
}

/**
 * Anchors every card (see above). `make` builds a source of the caller's shape (a deck file's document, a
 * database row) from a kept or made document.
 */
export function anchorCards<C extends { id: string; source: CardSource }, D extends AnchorDoc>(
	cards: readonly C[],
	sources: readonly D[],
	previous: readonly D[],
	make: (doc: AnchorDoc, from?: D) => D,
	/** Added to a kept document's id when the deck uses that id for other text. */
	suffix = 'previous'
): Anchored<C, D> {
	const docs = new Map<string, AnchorDoc>(sources.map((s) => [s.id, s]));
	const used = new Set(docs.keys());
	const previousById = new Map(previous.map((s) => [s.id, s]));
	/** Previous document id → the id it was kept under. */
	const keptAs = new Map<string, string>();
	const added: D[] = [];
	let recovered: AnchorDoc | undefined;
	const changed: string[] = [];

	const anchorIn = (doc: AnchorDoc, source: CardSource, near: number): CardSource | null => {
		const start = nearestOccurrence(doc.text, source.sentence, near);
		return start < 0 ? null : { ...source, doc: doc.id, start, end: start + source.sentence.length };
	};

	const reanchor = (source: CardSource): CardSource => {
		const own = docs.get(keptAs.get(source.doc) ?? source.doc);
		const inOwn = own && anchorIn(own, source, source.start);
		if (inOwn) return inOwn;
		for (const doc of docs.values()) {
			const found = doc !== own && doc !== recovered && anchorIn(doc, source, 0);
			if (found) return found;
		}
		const old = previousById.get(source.doc);
		const inOld = old && anchorIn(old, source, source.start);
		if (old && inOld) {
			const id = freeId(old.id, used, suffix);
			const kept = make({ id, title: old.title, text: old.text }, old);
			used.add(id);
			docs.set(id, kept);
			keptAs.set(old.id, id);
			added.push(kept);
			return { ...inOld, doc: id };
		}
		if (!recovered) {
			const id = freeId(RECOVERED_SOURCE.id, used, 'kept');
			used.add(id);
			recovered = { id, title: RECOVERED_SOURCE.title, text: '' };
			docs.set(id, recovered);
		}
		const inRecovered = anchorIn(recovered, source, 0);
		if (inRecovered) return inRecovered;
		const start = recovered.text === '' ? 0 : recovered.text.length + 1;
		recovered.text = recovered.text === '' ? source.sentence : `${recovered.text}\n${source.sentence}`;
		return { ...source, doc: recovered.id, start, end: start + source.sentence.length };
	};

	const out = cards.map((card) => {
		if (holds(card.source, docs)) return card;
		changed.push(card.id);
		return { ...card, source: reanchor(card.source) };
	});
	if (recovered) added.push(make(recovered));
	return { cards: out, sources: [...sources, ...added], changed };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function isCardSource(value: unknown): value is CardSource {
	return isRecord(value) && typeof value.doc === 'string' && typeof value.sentence === 'string' && value.sentence.trim() !== '' && isOffset(value.start) && isOffset(value.end);
}

/**
 * A deck in a backup file, before validation, with its cards anchored (see above; nothing to give back, so 1. or
 * 3.). Versions before this rule could write a backup holding a deck whose kept cards cite text it no longer has;
 * refusing such a backup would lose everything in it. Anything not shaped like a deck is returned as it is, for
 * validation to report.
 */
export function anchorDeckValue(value: unknown): unknown {
	if (!isRecord(value) || !Array.isArray(value.sources) || !Array.isArray(value.cards)) return value;
	const sources: unknown[] = value.sources;
	const cards: unknown[] = value.cards;
	const docs = sources.filter((s): s is AnchorDoc & Record<string, unknown> => isRecord(s) && typeof s.id === 'string' && typeof s.text === 'string');
	const anchorable = cards.filter((c): c is { id: string; source: CardSource } => isRecord(c) && typeof c.id === 'string' && isCardSource(c.source));
	if (docs.length !== sources.length || anchorable.length !== cards.length) return value;
	const result = anchorCards(anchorable, docs, [], (doc) => ({ ...doc }));
	return result.changed.length === 0 ? value : { ...value, sources: result.sources, cards: result.cards };
}
