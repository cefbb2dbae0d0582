import { describe, expect, it } from 'vitest';
import { importFile } from '$lib/formats/import';
import { writeDeckJson } from '$lib/formats/json';
import type { DeckFile } from '$lib/domain/types';
import { cardId } from '$lib/domain/ids';
import { goodDeck } from './decks';

const now = new Date('2026-11-24T10:00:00Z');

/** A deck file with one change applied to the good deck. */
function deckJson(change: (deck: DeckFile & Record<string, unknown>) => void): string {
	const deck = goodDeck() as DeckFile & Record<string, unknown>;
	change(deck);
	return JSON.stringify(deck);
}
const card = (deck: DeckFile, id: string) => deck.cards.find((c) => c.id === id)!;

const badFiles: [string, string, string | Uint8Array, string][] = [
	['not JSON', 'deck.json', '{"format": "factdeck",}', 'Not JSON: expected a "quoted" property name, found "}" at line 1, column 23'],
	['not JSON, on a later line', 'deck.factdeck.json', '{\n  "format": "factdeck",\n  "version": 1 2\n}', 'Not JSON: expected "," or "}", found "2" at line 3, column 16'],
	['JSON with trailing text', 'deck.json', '{} x', 'Not JSON: unexpected "x" after the end of the data at line 1, column 4'],
	['a JSON string that never ends', 'deck.json', '{"title": "abc', 'Not JSON: a string that is never closed at line 1, column 15'],
	['0 bytes', 'deck.json', new Uint8Array(0), 'The file is empty (0 bytes)'],
	['more than 50 MB', 'deck.json', new Uint8Array(Math.round(61.2 * 1024 * 1024)), 'File is 61.2 MB; the limit is 50 MB'],
	['a JSON list', 'deck.json', '[]', 'Not a Factdeck deck: expected a JSON object, got a list'],
	['another format', 'deck.json', deckJson((d) => (d.format = 'anki' as 'factdeck')), 'Not a Factdeck deck: "format" must be "factdeck"'],
	['no format', 'deck.json', '{"title": "x"}', 'Not a Factdeck deck: "format" must be "factdeck"'],
	['a newer version', 'deck.json', deckJson((d) => (d.version = 2)), 'This deck was made by a newer Factdeck (version 2); update the app to open it'],
	['version as text', 'deck.json', deckJson((d) => (d.version = '1' as unknown as number)), 'Not a Factdeck deck: "version" must be a positive whole number, got "1"'],
	['no version', 'deck.json', deckJson((d) => delete (d as Partial<DeckFile>).version), 'Not a Factdeck deck: "version" is missing'],
	['no title', 'deck.json', deckJson((d) => delete (d as Partial<DeckFile>).title), 'Deck: "title" is missing'],
	['empty title', 'deck.json', deckJson((d) => (d.title = '  ')), 'Deck: "title" must not be empty'],
	['sources not a list', 'deck.json', deckJson((d) => (d.sources = {} as never)), 'Deck: "sources" must be a list, got Object'],
	['card without an answer', 'deck.json', deckJson((d) => delete (card(d, 'c-tf') as Partial<DeckFile['cards'][0]>).answer), 'Card 4 ("c-tf"): "answer" is missing'],
	['card with a number as question', 'deck.json', deckJson((d) => (card(d, 'c-basic').question = 7 as never)), 'Card 1 ("c-basic"): "question" must be text, got 7'],
	['unknown card type', 'deck.json', deckJson((d) => (card(d, 'c-basic').type = 'essay' as never)), 'Card 1 ("c-basic"): "type" must be one of basic, cloze, mcq, truefalse, matching, ordering, got "essay"'],
	['score above 1', 'deck.json', deckJson((d) => (card(d, 'c-basic').score = 1.5)), 'Card 1 ("c-basic"): "score" must be at most 1, got 1.5'],
	['mcq with 2 choices', 'deck.json', deckJson((d) => (card(d, 'c-mcq').choices = ['1964', '1974'])), 'Card 3 ("c-mcq"): mcq needs 3-5 distinct choices, got 2'],
	['mcq with 6 choices', 'deck.json', deckJson((d) => (card(d, 'c-mcq').choices = ['1', '2', '3', '4', '5', '1974'])), 'Card 3 ("c-mcq"): mcq needs 3-5 distinct choices, got 6'],
	['mcq with a repeated choice', 'deck.json', deckJson((d) => (card(d, 'c-mcq').choices = ['1964', '1974', '1964'])), 'Card 3 ("c-mcq"): mcq needs 3-5 distinct choices; "1964" appears twice'],
	['mcq where no choice is the answer', 'deck.json', deckJson((d) => (card(d, 'c-mcq').choices = ['1964', '1984', '1994'])), 'Card 3 ("c-mcq"): mcq needs exactly one choice equal to the answer "1974"; none is'],
	['cloze without a blank', 'deck.json', deckJson((d) => (card(d, 'c-cloze').question = 'The NCAFP was founded in')), 'Card 2 ("c-cloze"): cloze question needs a blank (_____)'],
	['truefalse answered Maybe', 'deck.json', deckJson((d) => (card(d, 'c-tf').answer = 'Maybe')), 'Card 4 ("c-tf"): truefalse answer must be "True" or "False", got "Maybe"'],
	['matching answer not the pairs', 'deck.json', deckJson((d) => (card(d, 'c-match').answer = 'Schwab → president')), 'Card 5 ("c-match"): matching answer must be "Schwab → president; NCAFP → 1974; Track II → New York", got "Schwab → president"'],
	['matching with 2 pairs', 'deck.json', deckJson((d) => (card(d, 'c-match').pairs = [['a', 'b'], ['c', 'd']])), 'Card 5 ("c-match"): matching needs 3-6 pairs, got 2'],
	['ordering answer not the items', 'deck.json', deckJson((d) => (card(d, 'c-order').answer = 'talks → founded')), 'Card 6 ("c-order"): ordering answer must be "founded → talks", got "talks → founded"'],
	['duplicate card ids', 'deck.json', deckJson((d) => (card(d, 'c-cloze').id = 'c-basic')), 'Card 2 ("c-basic"): duplicate id; card 1 has the same id'],
	['source offsets wrong', 'deck.json', deckJson((d) => (card(d, 'c-basic').source.start = 1)), 'Card 1 ("c-basic"): source offsets 1-44 do not select its sentence in "doc-1"'],
	['source offset not whole', 'deck.json', deckJson((d) => (card(d, 'c-basic').source.end = 4.5)), 'Card 1 ("c-basic"): "source.end" must be a whole number, got 4.5'],
	['source that is not in the deck', 'deck.json', deckJson((d) => (card(d, 'c-basic').source.doc = 'doc-9')), 'Card 1 ("c-basic"): source "doc-9" is not one of the deck\'s sources'],
	['a question over 100,000 characters', 'deck.json', deckJson((d) => (card(d, 'c-basic').question = 'x'.repeat(100_001))), 'Card 1 ("c-basic"): "question" has 100,001 characters; the limit is 100,000'],
	['CSV with mismatched columns', 'cards.csv', 'question,answer,tags\na,b,t\nc,d,t\ne,f,t\ng,h,t\ni,j,t\nk,l,m,n\n', 'Line 7 has 4 columns; the header has 3'],
	['headerless TSV with mismatched columns', 'cards.tsv', 'a\tb\nc\td\te\n', 'Line 2 has 3 columns; the first row has 2'],
	['CSV with an empty answer', 'cards.csv', 'question,answer\nWhat is 2+2?,4\nWhat is 3+3?,  \n', 'Line 3: the answer is empty'],
	['CSV with an empty question', 'cards.csv', 'front,back\n,4\n', 'Line 2: the question is empty'],
	['CSV with an unknown type', 'cards.csv', 'question,answer,type\nWhat?,That,essay\n', 'Line 2: type "essay" is not one of basic, cloze, mcq, truefalse, matching, ordering'],
	['CSV mcq with 2 choices', 'cards.csv', 'question,answer,type,choices\nPick,a,mcq,a|b\n', 'Line 2: mcq needs 3-5 distinct choices, got 2'],
	['CSV truefalse answered Maybe', 'cards.csv', 'question,answer,type\nSky is green,Maybe,truefalse\n', 'Line 2: truefalse answer must be "True" or "False", got "Maybe"'],
	['CSV quote never closed', 'cards.csv', 'question,answer\n"What is,4\n', 'Line 2: a quoted field is never closed'],
	['CSV with a header and no cards', 'cards.csv', 'question,answer\n', 'The file has no cards'],
	['CSV with one column', 'cards.csv', 'just a line\n', 'Line 1 has 1 column; a card needs a question and an answer'],
	['CSV that is not UTF-8', 'cards.csv', new Uint8Array([0x71, 0x2c, 0x61, 0x0a, 0xe9, 0x2c, 0x62, 0x0a]), 'The file is not UTF-8 text; save it as UTF-8 and try again'],
	['an unknown extension', 'notes.pdf', '%PDF-1.4', "Can't import a .pdf file; Factdeck imports .factdeck.json, .json, .csv, .tsv and .txt"],
	['no extension', 'README', 'text', "Can't import a file without an extension; Factdeck imports .factdeck.json, .json, .csv, .tsv and .txt"]
];

describe('importFile refuses bad files with a message naming the problem', () => {
	it.each(badFiles)('%s', (_label, name, content, message) => {
		const result = importFile(name, content, { now });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.message).toBe(message);
	});

	it('counts at least 20 bad files', () => {
		expect(badFiles.length).toBeGreaterThanOrEqual(20);
	});

	it('refuses more than 20,000 cards', () => {
		const deck = goodDeck();
		const one = deck.cards[0]!;
		deck.cards = Array.from({ length: 20_001 }, (_, i) => ({ ...one, id: `c-${i}` }));
		const result = importFile('big.json', JSON.stringify(deck), { now });
		expect(result.ok ? '' : result.error.message).toBe('Deck: "cards" has 20,001 entries; the limit is 20,000');
	});

	it('names the card number in the error so the UI can point at it', () => {
		const result = importFile('deck.json', deckJson((d) => (card(d, 'c-tf').answer = 'Maybe')), { now });
		expect(result.ok ? null : result.error.where).toEqual({ card: 4 });
	});
});

describe('importFile reads good files of each format', () => {
	it('reads a .factdeck.json deck as written', () => {
		const result = importFile('ncafp.factdeck.json', new TextEncoder().encode(writeDeckJson(goodDeck())), { now });
		expect(result).toEqual({ ok: true, deck: goodDeck(), warnings: [] });
	});

	it('reads JSON inside a .txt file', () => {
		const result = importFile('deck.txt', `\uFEFF ${JSON.stringify(goodDeck())}`, { now });
		expect(result.ok && result.deck).toEqual(goodDeck());
	});

	it('fills defaults and warns about them', () => {
		const deck = JSON.parse(JSON.stringify(goodDeck()));
		delete deck.createdAt;
		delete deck.cards[0].score;
		delete deck.cards[0].tags;
		const result = importFile('deck.json', JSON.stringify(deck), { now });
		expect(result.ok && result.warnings).toEqual(['1 card has no score; set to 1', '"createdAt" is missing; set to the import time']);
		expect(result.ok && result.deck.createdAt).toBe('2026-11-24T10:00:00.000Z');
		expect(result.ok && result.deck.cards[0]!.score).toBe(1);
		expect(result.ok && result.deck.cards[0]!.tags).toEqual([]);
	});

	it('keeps unknown fields on round trip', () => {
		const deck = { ...goodDeck(), 'x-course': { code: 'PS 101' } };
		deck.cards[0] = { ...deck.cards[0]!, hint: 'think NYC' };
		deck.sources[0] = { ...deck.sources[0]!, url: 'https://example.org' };
		const result = importFile('deck.json', writeDeckJson(deck), { now });
		expect(result.ok && result.deck).toEqual(deck);
	});

	it('reads a CSV with a header row in any order and case', () => {
		const csv = 'Tags,Answer,Question\r\nperson role,George Schwab,Who is the president of the NCAFP?\r\n';
		const result = importFile('NCAFP facts.csv', csv, { now });
		const line = 'person role,George Schwab,Who is the president of the NCAFP?';
		expect(result).toEqual({
			ok: true,
			warnings: [],
			deck: {
				format: 'factdeck',
				version: 1,
				id: 'ncafp-facts',
				title: 'NCAFP facts',
				createdAt: '2026-11-24T10:00:00.000Z',
				sources: [{ id: 'doc-1', title: 'NCAFP facts.csv', text: line }],
				cards: [
					{
						id: cardId('basic', 'Who is the president of the NCAFP? George Schwab'),
						type: 'basic',
						question: 'Who is the president of the NCAFP?',
						answer: 'George Schwab',
						tags: ['person', 'role'],
						score: 1,
						source: { doc: 'doc-1', sentence: line, start: 0, end: line.length }
					}
				]
			}
		});
	});

	it("reads Quizlet's headerless term<TAB>definition lines", () => {
		const result = importFile('spanish.tsv', 'cat\tgato\r\ndog\tperro\r\n', { now });
		expect(result.ok && result.deck.cards.map((c) => [c.question, c.answer, c.source.start, c.source.end])).toEqual([
			['cat', 'gato', 0, 8],
			['dog', 'perro', 9, 18]
		]);
		expect(result.ok && result.deck.sources[0]!.text).toBe('cat\tgato\ndog\tperro');
	});

	it("reads Anki's exported notes with # headers (front, back, tags)", () => {
		const text = '#separator:tab\n#html:false\n#tags column:3\n"Capital of\nFrance?"\tParis\tgeo europe\nCapital of Peru?\tLima\tgeo\n';
		const result = importFile('anki.txt', text, { now });
		expect(result.ok && result.deck.cards.map((c) => [c.question, c.answer, c.tags])).toEqual([
			['Capital of\nFrance?', 'Paris', ['geo', 'europe']],
			['Capital of Peru?', 'Lima', ['geo']]
		]);
		expect(result.ok && result.deck.cards.map((c) => c.source.sentence)).toEqual(['"Capital of\nFrance?"\tParis\tgeo europe', 'Capital of Peru?\tLima\tgeo']);
	});

	it('reads every card type from CSV, with canonical matching and ordering answers', () => {
		const csv = [
			'question,answer,type,choices,tags',
			'When was it founded?,1974,mcq,1964|1974|1984,',
			'Founded in 1984.,False,truefalse,,',
			'Match.,a→1;b → 2; c → 3,matching,,',
			'Order.,first→second,ordering,,',
			`It was founded in _____.,1974,cloze,,`
		].join('\n');
		const result = importFile('all.csv', csv, { now });
		expect(result.ok && result.deck.cards.map(({ type, answer, choices, pairs, items }) => ({ type, answer, choices, pairs, items }))).toEqual([
			{ type: 'mcq', answer: '1974', choices: ['1964', '1974', '1984'], pairs: undefined, items: undefined },
			{ type: 'truefalse', answer: 'False', choices: undefined, pairs: undefined, items: undefined },
			{ type: 'matching', answer: 'a → 1; b → 2; c → 3', choices: undefined, pairs: [['a', '1'], ['b', '2'], ['c', '3']], items: undefined },
			{ type: 'ordering', answer: 'first → second', choices: undefined, pairs: undefined, items: ['first', 'second'] },
			{ type: 'cloze', answer: '1974', choices: undefined, pairs: undefined, items: undefined }
		]);
	});
});
