import { describe, expect, it } from 'vitest';
import { cleanText, parseDocument, segment } from '../../../src/lib/generator/core/index';
import { seed } from './seeds';

const sentences = (text: string) => segment('d', text).map((s) => s.text);

describe('segment', () => {
	it('keeps abbreviations, initials and dates inside one sentence', () => {
		expect(sentences('Karin J. Lee met Prof. Smith at St. Paul’s on Jan. 5. She said the U.S. Special Envoy agreed. Dr. Hill left.')).toEqual([
			'Karin J. Lee met Prof. Smith at St. Paul’s on Jan. 5.',
			'She said the U.S. Special Envoy agreed.',
			'Dr. Hill left.'
		]);
	});

	it('ends a sentence after "U.S." when a new sentence clearly starts', () => {
		expect(sentences('They flew to the U.S. The talks began.')).toEqual(['They flew to the U.S.', 'The talks began.']);
	});

	it('does not split inside a quotation and keeps footnote markers with their sentence', () => {
		const { text } = seed('exchanges');
		const all = sentences(text);
		expect(all).toContain(
			'Alexander T. J. Lennon’s useful paper “Why Do We Do Track Two? Transnational Security Policy Networks and U.S. Nuclear Nonproliferation Policy” reviews two of the Track II processes mentioned below, the Northeast Asia Cooperative Dialogue (NEACD) and the Council for Security Cooperation in Northeast Asia (CSCAP).¹'
		);
		expect(all).toContain(
			'Participant U.S. Special Envoy Joseph DeTrani told the organizers that "You truly played a decisive role in getting this process back in motion. Our sincere thanks."⁶'
		);
		expect(all).toContain('Henry Kissinger and perhaps Dr. William Perry will attend the meeting on the 7th.');
		expect(all.some((s) => s.startsWith('Lennon reports that although'))).toBe(true);
	});

	it('keeps a numbered note as its own sentence', () => {
		const all = sentences(seed('talks').text);
		expect(all).toContain('(1) Strategic patience is an unwillingness to engage in dialogue for whatever reason.');
		expect(all).toContain('Professor George Schwab, President of NCAFP opened the briefing.');
	});

	it('gives exact offsets', () => {
		const { text } = seed('exchanges');
		for (const s of segment('d', text)) expect(text.slice(s.start, s.end)).toBe(s.text);
	});
});

describe('read', () => {
	it('drops boilerplate, bylines and the notes section, and rejoins a sentence split by a running head', () => {
		const talks = seed('talks');
		expect(talks.title).toBe('Track 2 Informal Talks Between DPRK (North Korea) and US Held by NCAFP in New York');
		expect(talks.text).not.toMatch(/Sharing is caring|Leave a Reply|By Ronda Hauben|originally appeared/);
		const exchanges = seed('exchanges').text;
		expect(exchanges).not.toContain('NCNK NEWSLETTER');
		expect(exchanges).not.toContain('op. cited');
		expect(exchanges).toContain('between secret and public.');
	});

	it('reads HTML and Markdown to clean paragraphs', () => {
		const html = parseDocument('a.html', '<html><head><title>T &amp; Co</title><script>var x = "<p>no</p>";</script></head><body><p>One &ldquo;two&rdquo;.</p><p>Three.</p></body></html>');
		expect(html).toEqual({ title: 'T & Co', text: 'One “two”.\n\nThree.' });
		const md = parseDocument('a.md', '# Title\n\nSome **bold** [link](http://x.org) text.\n\n- item one\n');
		expect(md).toEqual({ title: 'Title', text: 'Some bold link text.\n\nitem one' });
	});

	it('drops footnote and cleanup marks copied with an encyclopedia page, and keeps words put in brackets', () => {
		const raw = 'Glaciers shape valleys.[12] The glacier[3][4] formed in 1950.[citation needed] It is a theoretical[according to whom?] model [vague] of ice.[note 2] Ice is white.[b]\n\nHistory[edit]\n\n[1] Smith, Glaciers.\n\nHe said "[the ice] is going [a trader] away" in 1990.[original research?][unreliable source?] Read items[0] and a[i] first.';
		expect(cleanText(raw)).toBe('Glaciers shape valleys. The glacier formed in 1950. It is a theoretical model of ice. Ice is white.\n\nHistory\n\n[1] Smith, Glaciers.\n\nHe said "[the ice] is going [a trader] away" in 1990. Read items[0] and a[i] first.');
		expect(cleanText(cleanText(raw))).toBe(cleanText(raw));
	});

	it('drops the furniture of an encyclopedia page copied with its text', () => {
		const raw = 'Glacier\n\nFrom Wikipedia, the free encyclopedia\n\nJump to navigation\n\nJump to search\n\nThis article is about moving ice. For other uses, see Glacier (disambiguation).\n\nA glacier is a persistent body of dense ice that moves under its own weight.\n\nContents\n\nRetrieved from "https://en.wikipedia.org/w/index.php?title=Glacier"';
		expect(cleanText(raw)).toBe('Glacier\n\nA glacier is a persistent body of dense ice that moves under its own weight.');
	});

	it('is idempotent', () => {
		const { text } = seed('exchanges');
		expect(cleanText(text)).toBe(text);
	});
});

describe('a paragraph that stops on a comma (session 19)', () => {
	it('goes on into the next paragraph, whatever its first letter', () => {
		const raw = 'Most delegates arrived on time for the spring meeting in Oslo. According to forum founder Anna Berg,\n\nNorway\'s delegation left early.\n\nThe talks ended in May.';
		expect(cleanText(raw)).toBe("Most delegates arrived on time for the spring meeting in Oslo. According to forum founder Anna Berg, Norway's delegation left early.\n\nThe talks ended in May.");
		// A short line that ends on a comma (a salutation) stays a paragraph of its own.
		expect(cleanText('Dear members,\n\nThe meeting is on Friday.')).toBe('Dear members,\n\nThe meeting is on Friday.');
	});
});

describe('case names (thirteenth pass)', () => {
	it('does not split a case name at "v."', () => {
		expect(sentences('The court cited Smith v. Jones, which held that a tenant may withhold rent. The ruling still stands.')).toEqual([
			'The court cited Smith v. Jones, which held that a tenant may withhold rent.',
			'The ruling still stands.'
		]);
	});
});
