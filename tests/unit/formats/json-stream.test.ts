import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '$lib/formats/json';
import { JsonSections, JsonStreamError, type JsonPiece } from '$lib/formats/json-stream';

/** All pieces of `text` read in chunks of `size` characters. */
function read(text: string, size: number, maxRecord?: number): JsonPiece[] {
	const reader = new JsonSections(maxRecord);
	const pieces: JsonPiece[] = [];
	for (let i = 0; i < text.length; i += size) pieces.push(...reader.push(text.slice(i, i + size)));
	pieces.push(...reader.end());
	return pieces;
}

function problem(text: string, size: number): string {
	try {
		read(text, size);
		return 'read without a problem';
	} catch (error) {
		expect(error).toBeInstanceOf(JsonStreamError);
		return (error as Error).message;
	}
}

const backup = {
	format: 'factdeck-backup',
	version: 1,
	exportedAt: '2026-03-05T09:00:00.000Z',
	settings: { desiredRetention: 0.85, theme: 'dark' },
	decks: [{ id: 'a', title: 'Quote " and \\ backslash, {braces} and [brackets]', cards: [{ id: 'c-1', tags: [] }] }, { id: 'b', cards: [] }],
	reviews: [{ id: 1, at: 1.5e12, ok: true, none: null }, { id: 2, at: -3 }],
	quizzes: [],
	count: 12,
	flag: false
};

const expected: JsonPiece[] = [
	{ kind: 'field', key: 'format', value: 'factdeck-backup' },
	{ kind: 'field', key: 'version', value: 1 },
	{ kind: 'field', key: 'exportedAt', value: '2026-03-05T09:00:00.000Z' },
	{ kind: 'field', key: 'settings', value: backup.settings },
	{ kind: 'list', key: 'decks' },
	{ kind: 'item', key: 'decks', index: 0, value: backup.decks[0] },
	{ kind: 'item', key: 'decks', index: 1, value: backup.decks[1] },
	{ kind: 'list', key: 'reviews' },
	{ kind: 'item', key: 'reviews', index: 0, value: backup.reviews[0] },
	{ kind: 'item', key: 'reviews', index: 1, value: backup.reviews[1] },
	{ kind: 'list', key: 'quizzes' },
	{ kind: 'field', key: 'count', value: 12 },
	{ kind: 'field', key: 'flag', value: false }
];

describe('JsonSections', () => {
	it('gives the top-level fields, lists element by element, whatever the chunk boundaries and layout', () => {
		for (const text of [JSON.stringify(backup), JSON.stringify(backup, null, '\t'), `\ufeff ${JSON.stringify(backup, null, 2)}\n`]) {
			for (const size of [1, 2, 3, 7, 64, text.length]) expect(read(text, size)).toEqual(expected);
		}
	});

	it('refuses broken text with the same message and position as a whole-file check', () => {
		const broken = [
			'{"format": "factdeck-backup",',
			'{"format": "factdeck-backup"\n,]',
			'{"format": "factdeck-backup", "version": 1, "decks": [',
			'{"decks": [{"id": "a"}, {"id": "b",\n  "cards": [1, 2,]}]}',
			'{"decks": [{"id": "a"} {"id": "b"}]}',
			'{"a": 1} x',
			'{"a" 1}',
			'{"a": tru}',
			'{"reviews": [1, 2',
			'{"a": "never closed',
			'{"a": {"b": [1, 2}}',
			'  '
		];
		for (const text of broken) {
			for (const size of [1, 5, text.length]) expect([text, problem(text, size)]).toEqual([text, jsonSyntaxError(text)]);
		}
	});

	it('refuses one record larger than the cap, naming it', () => {
		const text = JSON.stringify({ decks: [{ id: 'a' }, { id: 'b', text: 'x'.repeat(100) }] });
		expect(() => read(text, 10, 64)).toThrow('"decks" item 2 is larger than 0 MB, too large to read');
	});
});
