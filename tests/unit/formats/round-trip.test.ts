import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelimited, readDelimited, splitChoices, joinChoices, writeCsv, writeDelimited, writeTsv } from '$lib/formats/csv';
import { readDeckJson, writeDeckJson } from '$lib/formats/json';
import { importFile } from '$lib/formats/import';
import { deckArb, goodDeck } from './decks';

const now = new Date('2026-11-24T10:00:00Z');
const essentials = (deck: { cards: { question: string; answer: string; type: string; choices?: string[]; pairs?: [string, string][]; items?: string[]; tags: string[] }[] }) =>
	deck.cards.map(({ question, answer, type, choices, pairs, items, tags }) => ({ question, answer, type, choices, pairs, items, tags }));

describe('any valid deck exported then imported is equal', () => {
	it('as .factdeck.json', () => {
		fc.assert(
			fc.property(deckArb, (deck) => {
				const result = readDeckJson(writeDeckJson(deck));
				expect(result).toEqual({ ok: true, deck, warnings: [] });
			}),
			{ numRuns: 300 }
		);
	});

	it('as CSV and as Anki TSV (question, answer, type, choices, tags)', () => {
		fc.assert(
			fc.property(deckArb, (deck) => {
				for (const [name, text] of [['deck.csv', writeCsv(deck)], ['deck.tsv', writeTsv(deck)]] as const) {
					const result = importFile(name, text, { now });
					expect(result.ok ? essentials(result.deck) : result.error.message).toEqual(essentials(deck));
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('writes the same bytes for the same deck whatever its key order', () => {
		const deck = goodDeck();
		const shuffled = { ...(Object.fromEntries(Object.entries(deck).reverse()) as typeof deck) };
		shuffled.cards = deck.cards.map((c) => Object.fromEntries(Object.entries(c).reverse()) as typeof c);
		expect(Object.keys(shuffled)[0]).toBe('cards');
		expect(writeDeckJson(shuffled)).toBe(writeDeckJson(deck));
	});
});

describe('CSV and TSV', () => {
	it('quotes fields with delimiters, quotes, line breaks and a leading #', () => {
		expect(writeDelimited([['a,b', 'say "hi"', 'two\nlines', '#tag', 'plain']], ',')).toBe('"a,b","say ""hi""","two\nlines","#tag",plain\r\n');
	});

	it('parses RFC 4180: BOM, CRLF, escaped quotes, line breaks in quotes, a last line without a break', () => {
		const parsed = parseDelimited('\uFEFFa,"b ""c""",d\r\n"x\r\ny",z,\r\nlast,1,2', ',');
		expect(parsed.records).toEqual([
			{ fields: ['a', 'b "c"', 'd'], line: 1, raw: 'a,"b ""c""",d' },
			{ fields: ['x\r\ny', 'z', ''], line: 2, raw: '"x\r\ny",z,' },
			{ fields: ['last', '1', '2'], line: 4, raw: 'last,1,2' }
		]);
	});

	it("reads Anki's #separator and #columns headers", () => {
		const parsed = parseDelimited('#separator:Semicolon\n#columns:Front;Back\nq;a\n', ',');
		expect([parsed.delimiter, parsed.directives.get('columns'), parsed.records.map((r) => r.fields)]).toEqual([';', 'Front;Back', [['q', 'a']]]);
		const result = readDelimited('#separator:Semicolon\n#columns:Front;Back\nq;a\n', { name: 'x.csv', delimiter: ',', now });
		expect(result.ok && result.deck.cards.map((c) => [c.question, c.answer])).toEqual([['q', 'a']]);
	});

	it('escapes | and \\ inside mcq choices', () => {
		expect(joinChoices(['a|b', 'c\\d', 'e'])).toBe('a\\|b|c\\\\d|e');
		expect(splitChoices('a\\|b|c\\\\d|e')).toEqual(['a|b', 'c\\d', 'e']);
	});

	it('writes the CSV export with a header and CRLF', () => {
		expect(writeCsv(goodDeck()).split('\r\n').slice(0, 4)).toEqual([
			'question,answer,type,choices,tags',
			'Who is the president of the NCAFP?,George Schwab,basic,,person',
			'The NCAFP was founded in _____.,1974,cloze,,',
			'When was the NCAFP founded?,1974,mcq,1964|1974|1984,'
		]);
	});

	it("writes Anki's TSV headers and Quizlet's term<TAB>definition lines", () => {
		expect(writeTsv(goodDeck()).split('\n').slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:false',
			'#columns:question\tanswer\ttype\tchoices\ttags',
			'#tags column:5',
			'Who is the president of the NCAFP?\tGeorge Schwab\tbasic\t\tperson'
		]);
		const deck = goodDeck();
		deck.cards[0]!.question = 'Who is\nthe president?';
		expect(writeTsv(deck, 'quizlet').split('\n').slice(0, 2)).toEqual(['Who is the president?\tGeorge Schwab', 'The NCAFP was founded in _____.\t1974']);
	});

	it('reads back its own Quizlet export', () => {
		const result = importFile('q.tsv', writeTsv(goodDeck(), 'quizlet'), { now });
		expect(result.ok && result.deck.cards.map((c) => [c.question, c.answer])).toEqual(goodDeck().cards.map((c) => [c.question, c.answer]));
	});
});
