import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocxText, extractPdfText, itemsToLines, joinLines, removeRunningLines } from '$lib/formats/documents';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url)));

describe('joinLines', () => {
	it('repairs a word hyphenated at a line end', () => {
		expect(joinLines(['It was an exam-', 'ple of diplomacy.'])).toBe('It was an example of diplomacy.');
	});

	it('keeps a line-end hyphen before a capital or number (a compound), without a space', () => {
		expect(joinLines(['The Franco-', 'Prussian war and the pre-', '1990 talks went on and on and on.'])).toBe(
			'The Franco-Prussian war and the pre-1990 talks went on and on and on.'
		);
	});

	it('joins the lines of a paragraph and breaks at blank lines and short sentence-final lines', () => {
		const lines = ['The first paragraph runs over two lines of', 'text and ends here.', 'A second paragraph starts on the next line and', 'goes on.', '', 'Third.'];
		expect(joinLines(lines)).toBe('The first paragraph runs over two lines of text and ends here.\n\nA second paragraph starts on the next line and goes on.\n\nThird.');
	});
});

describe('removeRunningLines', () => {
	it('drops headers and page numbers repeated across pages, and keeps the body', () => {
		const pages = [
			['Course Reader', 'Body one.', 'Page 1 of 3'],
			['Course Reader', 'Body two.', 'Page 2 of 3'],
			['Course Reader', 'Body three.', '3']
		];
		expect(removeRunningLines(pages)).toEqual([['Body one.'], ['Body two.'], ['Body three.']]);
	});

	it('keeps everything on a single page except a bare page number', () => {
		expect(removeRunningLines([['Title', 'Body.', '7']])).toEqual([['Title', 'Body.']]);
	});

	it('keeps a line that repeats in the middle of pages', () => {
		const pages = [
			['A', 'B', 'Refrain', 'C', 'D'],
			['E', 'F', 'Refrain', 'G', 'H']
		];
		expect(removeRunningLines(pages)).toEqual(pages);
	});
});

describe('itemsToLines', () => {
	it('breaks at end-of-line marks and baseline moves', () => {
		const t = (y: number) => [11, 0, 0, 11, 72, y];
		expect(
			itemsToLines([
				{ str: 'Header', transform: t(760) },
				{ str: 'First ', transform: t(700) },
				{ str: 'line', transform: t(700), hasEOL: true },
				{ str: 'Second line', transform: t(686) }
			])
		).toEqual(['Header', 'First line', 'Second line']);
	});
});

describe('document fixtures', () => {
	it('extracts the PDF text layer as paragraphs, without running headers and footers', async () => {
		expect(await extractPdfText(fixture('sample.pdf'))).toBe(
			'The Northeast Asia Cooperation Dialogue was founded in 1993 as an example of Track II diplomacy. It brings together officials and scholars from six countries.\n\n' +
				'George Schwab was the president of the National Committee on American Foreign Policy.\n\n' +
				'Track II meetings let participants speak frankly because nothing said there is official. The talks continued through the late 1990s and were well-known among diplomats.'
		);
	});

	it('extracts the .docx paragraphs', async () => {
		expect(await extractDocxText(fixture('sample.docx'))).toBe(
			'Track II Diplomacy\n\nThe National Committee on American Foreign Policy was founded in 1974.\n\nGeorge Schwab was its president & a historian of "political realism".\n\nTrack II talks do not bind governments.'
		);
	});

	it('refuses a file that is not a PDF', async () => {
		await expect(extractPdfText(new TextEncoder().encode('not a pdf'))).rejects.toThrow('This PDF could not be read; it may be damaged');
	});

	it('refuses a file that is not a .docx', async () => {
		await expect(extractDocxText(new TextEncoder().encode('not a zip'))).rejects.toThrow('This .docx file could not be read; it may be damaged');
	});
});
