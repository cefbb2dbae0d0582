/** Deck builders shared by the format tests: one small valid deck, and a fast-check arbitrary of valid decks. */
import fc from 'fast-check';
import { matchingAnswer, orderingAnswer } from '$lib/domain/deck-file';
import { CLOZE_BLANK, type Card, type CardType, type DeckFile } from '$lib/domain/types';

export const SOURCE_TEXT =
	'George Schwab is the president of the NCAFP. The NCAFP was founded in 1974. Track II talks began in New York.';

/** A valid deck with one card of each type, all pointing at SOURCE_TEXT. */
export function goodDeck(): DeckFile {
	const s1 = 'George Schwab is the president of the NCAFP.';
	const s2 = 'The NCAFP was founded in 1974.';
	const src = (sentence: string) => ({ doc: 'doc-1', sentence, start: SOURCE_TEXT.indexOf(sentence), end: SOURCE_TEXT.indexOf(sentence) + sentence.length });
	return {
		format: 'factdeck',
		version: 1,
		id: 'ncafp',
		title: 'The NCAFP',
		createdAt: '2026-11-24T10:00:00Z',
		sources: [{ id: 'doc-1', title: 'Notes', text: SOURCE_TEXT }],
		cards: [
			{ id: 'c-basic', type: 'basic', question: 'Who is the president of the NCAFP?', answer: 'George Schwab', tags: ['person'], score: 0.9, source: src(s1) },
			{ id: 'c-cloze', type: 'cloze', question: `The NCAFP was founded in ${CLOZE_BLANK}.`, answer: '1974', tags: [], score: 0.8, source: src(s2) },
			{ id: 'c-mcq', type: 'mcq', question: 'When was the NCAFP founded?', answer: '1974', choices: ['1964', '1974', '1984'], tags: [], score: 0.7, source: src(s2) },
			{ id: 'c-tf', type: 'truefalse', question: 'The NCAFP was founded in 1984.', answer: 'False', tags: [], score: 0.6, source: src(s2) },
			{ id: 'c-match', type: 'matching', question: 'Match the facts.', answer: 'Schwab → president; NCAFP → 1974; Track II → New York', pairs: [['Schwab', 'president'], ['NCAFP', '1974'], ['Track II', 'New York']], tags: [], score: 0.5, source: src(s1) },
			{ id: 'c-order', type: 'ordering', question: 'Put in order.', answer: 'founded → talks', items: ['founded', 'talks'], tags: [], score: 0.4, source: src(s2) }
		]
	};
}

/** Text a card may hold: printable text plus the characters that break naive CSV writers. */
export const cardText = fc
	.oneof(
		fc.string({ minLength: 1, maxLength: 16 }),
		fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
		fc.constantFrom('a\nb', 'tab\there', '"quoted"', '#hash', 'pipe|bar', 'back\\slash', 'comma, here', 'é ü 日本', 'line\r\nbreak')
	)
	.map((s) => s.trim())
	// → and ; separate matching/ordering parts in CSV answers; a text holding them can't round-trip there.
	.filter((s) => s !== '' && !/[→;]/.test(s));

const tag = fc.stringMatching(/^[a-z][a-z0-9_:-]{0,9}$/);

/** A card before its id, question and source are known (`q` becomes the question). */
type CardBody = Pick<Card, 'type' | 'answer' | 'choices' | 'pairs' | 'items' | 'tags' | 'score'> & { q: string };

function cardArb(type: CardType): fc.Arbitrary<CardBody> {
	const base = { q: cardText, tags: fc.uniqueArray(tag, { maxLength: 3 }), score: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000) };
	switch (type) {
		case 'basic':
		case 'cloze':
			return fc.record({ ...base, type: fc.constant(type), answer: cardText });
		case 'truefalse':
			return fc.record({ ...base, type: fc.constant(type), answer: fc.constantFrom('True', 'False') });
		case 'mcq':
			return fc
				.record({ ...base, choices: fc.uniqueArray(cardText, { minLength: 3, maxLength: 5 }), pick: fc.nat() })
				.map(({ pick, ...c }) => ({ ...c, type, answer: c.choices[pick % c.choices.length]! }));
		case 'matching':
			return fc
				.record({ ...base, pairs: fc.array(fc.tuple(cardText, cardText), { minLength: 3, maxLength: 6 }) })
				.map((c) => ({ ...c, type, answer: matchingAnswer(c.pairs) }));
		case 'ordering':
			return fc
				.record({ ...base, items: fc.array(cardText, { minLength: 2, maxLength: 6 }) })
				.map((c) => ({ ...c, type, answer: orderingAnswer(c.items) }));
	}
}

const anyCard = fc.constantFrom<CardType>('basic', 'cloze', 'mcq', 'truefalse', 'matching', 'ordering').chain(cardArb);

/** Any valid deck: 1-3 sources built from sentences, 1-12 cards of every type, optional unknown fields. */
export const deckArb: fc.Arbitrary<DeckFile> = fc
	.record({
		title: cardText,
		description: fc.option(cardText, { nil: undefined }),
		created: fc.integer({ min: 0, max: 4_102_444_800_000 }),
		sentences: fc.array(fc.array(cardText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
		cards: fc.array(fc.tuple(anyCard, fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
		// Through JSON once: fc.jsonValue() can hold -0, which JSON itself writes as 0 (regression: flaky round trip).
		extra: fc.option(
			fc.dictionary(fc.constantFrom('x-course', 'x-note'), fc.jsonValue()).map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>),
			{ nil: undefined }
		)
	})
	.map(({ title, description, created, sentences, cards, extra }) => {
		const sources = sentences.map((parts, i) => ({ id: `doc-${i + 1}`, title: `Doc ${i + 1}`, text: parts.join(' '), parts }));
		const deck: DeckFile = {
			format: 'factdeck',
			version: 1,
			id: 'deck-1',
			title,
			createdAt: new Date(created).toISOString(),
			sources: sources.map(({ parts: _parts, ...s }) => s),
			cards: cards.map(([card, docPick, sentencePick], i) => {
				const source = sources[docPick % sources.length]!;
				const sentence = source.parts[sentencePick % source.parts.length]!;
				const start = source.text.indexOf(sentence);
				const { q, ...rest } = card;
				// The index keeps questions (and so CSV card ids) distinct.
				const question = rest.type === 'cloze' ? `Q${i}: ${q} ${CLOZE_BLANK}` : `Q${i}: ${q}`;
				return { id: `c-${i}`, question, ...rest, source: { doc: source.id, sentence, start, end: start + sentence.length } };
			})
		};
		if (description !== undefined) deck.description = description;
		return extra ? { ...extra, ...deck } : deck;
	});
