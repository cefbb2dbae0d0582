// Anki and Quizlet import (issue 12 §2.4) and the CSV-injection guard on export (§2.5).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardFormula, htmlToText, parseDelimited, unguardFormula, writeCsv, writeTsv } from '$lib/formats/csv';
import { importFile } from '$lib/formats/import';
import type { DeckFile } from '$lib/domain/types';
import { goodDeck } from './decks';

const now = new Date('2026-11-24T10:00:00Z');
const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/formats', name), 'utf8');
const qa = (result: ReturnType<typeof importFile>) =>
	result.ok ? result.deck.cards.map((c) => [c.question, c.answer, c.tags]) : result.error.message;

describe("Anki's text export", () => {
	it('honours #guid, #notetype, #deck and #tags columns and shows HTML fields as text', () => {
		const result = importFile('Track II.txt', fixture('anki-notes.txt'), { now });
		expect(qa(result)).toEqual([
			['Who is the president of the NCAFP?', 'George Schwab', ['person', 'role']],
			['What does NEACD stand for?\nGive the full name.', 'Northeast Asia\nCooperation Dialogue', ['acronym']],
			['Which talks are "Track\u00a0II"?', 'Unofficial talks & dialogues', []],
			['#1 topic of the 2005 talks?', 'The Joint Statement → denuclearization', ['date']]
		]);
		// One Anki deck in the file names the deck; the sources are text too, with exact offsets.
		expect(result.ok && [result.deck.title, result.deck.id, result.warnings]).toEqual(['Track II', 'track-ii', []]);
		const text = result.ok ? result.deck.sources[0]!.text : '';
		expect(text).not.toMatch(/<|&amp;|alert/);
		expect(result.ok && result.deck.cards.every((c) => text.slice(c.source.start, c.source.end) === c.source.sentence)).toBe(true);
	});

	it('reads every #separator: name, any case, and a literal character', () => {
		const separators: [string, string][] = [
			['Tab', 'q\ta'],
			['comma', 'q,a'],
			['Semicolon', 'q;a'],
			['PIPE', 'q|a'],
			['Space', 'q a'],
			['Colon', 'q:a'],
			['|', 'q|a'],
			[' ', 'q a'],
			['/', 'q/a']
		];
		for (const [name, row] of separators) {
			const parsed = parseDelimited(`#separator:${name}\n${row}\n`, ',');
			expect([name, parsed.records.map((r) => r.fields)]).toEqual([name, [['q', 'a']]]);
		}
	});

	it('keeps a row that starts with # after the header block: it is data, not a comment', () => {
		const text = '#separator:tab\n#tags column:3\n#1 hit of 1982?\tThriller\tmusic\n# what it says\tJust data\t\n';
		expect(qa(importFile('hits.txt', text, { now }))).toEqual([
			['#1 hit of 1982?', 'Thriller', ['music']],
			['# what it says', 'Just data', []]
		]);
	});

	it('adds the tags of a #tags: header to every card', () => {
		expect(qa(importFile('x.txt', '#tags:korea week3\nq1\ta1\nq2\ta2\n', { now }))).toEqual([
			['q1', 'a1', ['korea', 'week3']],
			['q2', 'a2', ['korea', 'week3']]
		]);
	});

	it('turns HTML into text without running or rendering it', () => {
		expect(htmlToText('a<br>b<br/>c<div>d</div>e')).toBe('a\nb\nc\nd\ne');
		expect(htmlToText('<img src=x onerror="alert(1)">&lt;script&gt;alert(2)&lt;/script&gt;<script>alert(3)</script>')).toBe('<script>alert(2)</script>');
		expect(htmlToText('&amp;amp; &#39;x&#x27; &bogus; &#0; [sound:a.mp3]Paris')).toBe("&amp; 'x' &bogus; &#0; Paris");
	});

	it('leaves HTML as it is without #html:true (the text is shown as text anyway)', () => {
		expect(qa(importFile('x.txt', 'Is <b> bold?\tyes &amp; no\n', { now }))).toEqual([['Is <b> bold?', 'yes &amp; no', []]]);
	});
});

describe('Quizlet and spreadsheets', () => {
	it('imports a Quizlet export with line breaks inside quoted definitions', () => {
		expect(qa(importFile('quizlet.txt', fixture('quizlet-line-breaks.txt'), { now }))).toEqual([
			['NEACD', 'Northeast Asia\nCooperation Dialogue', []],
			['NCAFP', 'National Committee on\nAmerican Foreign Policy', []],
			['IAEA', 'International Atomic Energy Agency', []]
		]);
	});

	it('detects a ; separator in a .csv without #separator', () => {
		expect(qa(importFile('semicolon.csv', fixture('semicolon.csv'), { now }))).toEqual([
			['Frage', 'Antwort', []],
			['Hauptstadt von Nordkorea?', 'Pjöngjang', []],
			['Wer leitet das NCAFP; seit wann?', 'George Schwab', []]
		]);
		// A comma file keeps commas even when a field holds a ;.
		expect(qa(importFile('x.csv', 'q;1,a;2\n', { now }))).toEqual([['q;1', 'a;2', []]]);
	});

	it('skips a duplicate or empty row and reports its line, instead of refusing the file', () => {
		const result = importFile('dupes.csv', fixture('duplicates.csv'), { now });
		expect(qa(result)).toEqual([
			['Who leads the NCAFP?', 'George Schwab', ['person']],
			['When was the NCAFP founded?', '1974', ['date']],
			['#MeToo began in which year?', '2017', ['date']]
		]);
		expect(result.ok && result.warnings).toEqual([
			'Skipped line 4: empty row',
			'Skipped line 5: duplicate of line 2',
			'Skipped line 8: duplicate of line 3'
		]);
	});

	it('refuses a file whose every row is skipped, saying why', () => {
		expect(qa(importFile('x.csv', 'question,answer\n,\n', { now }))).toBe('The file has no cards: Skipped line 2: empty row');
	});
});

describe('CSV injection (OWASP): exported cells are never formulas', () => {
	const risky = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tleading tab', '\rleading return', "'=already quoted", "''+twice"];

	it('guards a cell that starts with = + - @ tab or carriage return with a quote', () => {
		expect(risky.map(guardFormula)).toEqual([
			`'=HYPERLINK("http://x","y")`,
			"'+1+1",
			"'-2+3",
			"'@SUM(A1)",
			"'\tleading tab",
			"'\rleading return",
			"''=already quoted",
			"'''+twice"
		]);
		expect(['plain', "'quoted", 'a=b', '1-2'].map(guardFormula)).toEqual(['plain', "'quoted", 'a=b', '1-2']);
		expect([...risky, 'plain', "'quoted"].map((s) => unguardFormula(guardFormula(s)))).toEqual([...risky, 'plain', "'quoted"]);
	});

	const deck = (): DeckFile => {
		const d = goodDeck();
		d.cards[0] = { ...d.cards[0]!, question: '=1+1 is what?', answer: '-40', tags: ['@risk'] };
		return d;
	};

	it('in the CSV, Anki TSV and Quizlet exports', () => {
		expect(writeCsv(deck()).split('\r\n')[1]).toBe("'=1+1 is what?,'-40,basic,,'@risk");
		expect(writeTsv(deck()).split('\n')[4]).toBe("'=1+1 is what?\t'-40\tbasic\t\t'@risk");
		expect(writeTsv(deck(), 'quizlet').split('\n')[0]).toBe("'=1+1 is what?\t'-40");
	});

	it('re-importing a Factdeck export gives the original text back', () => {
		for (const [name, text] of [['deck.csv', writeCsv(deck())], ['deck.tsv', writeTsv(deck())]] as const) {
			const result = importFile(name, text, { now });
			expect(result.ok && [result.deck.cards[0]!.question, result.deck.cards[0]!.answer, result.deck.cards[0]!.tags]).toEqual([
				'=1+1 is what?',
				'-40',
				['@risk']
			]);
		}
	});

	it('keeps the quote of a file that is not a Factdeck export (it may be meant)', () => {
		expect(qa(importFile('x.csv', "front,back\n'=1+1,'-40\n", { now }))).toEqual([["'=1+1", "'-40", []]]);
	});
});
