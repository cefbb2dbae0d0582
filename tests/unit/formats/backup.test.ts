import { describe, expect, it } from 'vitest';
import { BackupReader, type BackupPiece } from '$lib/formats/backup';
import { DeckFileError } from '$lib/domain/deck-file';
import { goodDeck } from './decks';

const progress = { due: 1_790_000_000_000, stability: 3.2, difficulty: 5.1, elapsed_days: 2, scheduled_days: 3, learning_steps: 0, reps: 4, lapses: 1, state: 2, last_review: 1_789_000_000_000 };

function backup() {
	const deck = { ...goodDeck(), seminarDate: '2026-12-01' };
	deck.cards[0] = { ...deck.cards[0]!, progress };
	return {
		format: 'factdeck-backup',
		version: 1,
		exportedAt: '2026-11-24T10:00:00.000Z',
		decks: [deck],
		reviews: [{ id: 1, deckId: 'ncafp', cardId: 'c-basic', origin: 'study', at: 1_789_000_000_000, durationMs: 5000, log: { rating: 3 } }],
		settings: { key: 'app', desiredRetention: 0.9, newPerDay: 20, theme: 'dark' },
		quizzes: [{ id: 1, deckId: 'ncafp', startedAt: 1, finishedAt: 2, score: { correct: 1, total: 2 } }]
	};
}

/** A whole backup text through the reader, in chunks of 17 characters, as the sections it checked. */
function parseBackup(text: string) {
	const reader = new BackupReader();
	try {
		const pieces: BackupPiece[] = [];
		for (let i = 0; i < text.length; i += 17) pieces.push(...reader.push(text.slice(i, i + 17)));
		const end = reader.end();
		pieces.push(...end.pieces);
		const of = <K extends BackupPiece['kind']>(kind: K) =>
			pieces.filter((p): p is Extract<BackupPiece, { kind: K }> => p.kind === kind);
		return {
			ok: true as const,
			backup: {
				...end.header,
				decks: of('deck').map((p) => p.deck),
				reviews: of('review').map((p) => p.review),
				settings: end.header.settings,
				quizzes: of('quiz').map((p) => p.quiz)
			}
		};
	} catch (error) {
		if (error instanceof DeckFileError) return { ok: false as const, error };
		throw error;
	}
}

describe('BackupReader', () => {
	it('reads a full backup and keeps every field of every row', () => {
		const { format, version, exportedAt, decks, reviews, settings, quizzes } = backup();
		expect(parseBackup(JSON.stringify(backup()))).toEqual({ ok: true, backup: { format, version, exportedAt, settings, decks, reviews, quizzes } });
	});

	it('defaults missing reviews, settings and quizzes to empty', () => {
		const { reviews: _r, settings: _s, quizzes: _q, ...rest } = backup();
		const result = parseBackup(JSON.stringify(rest));
		expect(result.ok && [result.backup.reviews, result.backup.settings, result.backup.quizzes]).toEqual([[], {}, []]);
	});

	const bad: [string, () => unknown, string][] = [
		['a single deck', () => goodDeck(), 'This is a single deck, not a backup; open it with Import deck'],
		['another format', () => ({ format: 'anki' }), 'Not a Factdeck backup: "format" must be "factdeck-backup"'],
		['a newer version', () => ({ ...backup(), version: 2 }), 'This backup was made by a newer Factdeck (version 2); update the app to restore it'],
		['a deck with a bad mcq', () => {
			const b = backup();
			b.decks[0]!.cards[2]!.choices = ['1974', '1984'];
			return b;
		}, 'Deck 1 ("ncafp"): Card 3 ("c-mcq"): mcq needs 3-5 distinct choices, got 2'],
		['a deck without a title', () => {
			const b = backup();
			delete (b.decks[0] as { title?: string }).title;
			return b;
		}, 'Deck 1 ("ncafp"): "title" is missing'],
		['a deck with a negative source offset', () => {
			const b = backup();
			b.decks[0]!.cards[1]!.source.start = -1;
			return b;
		}, 'Deck 1 ("ncafp"): Card 2 ("c-cloze"): "source.start" must be at least 0, got -1'],
		['bad progress', () => {
			const b = backup();
			b.decks[0]!.cards[0] = { ...b.decks[0]!.cards[0]!, progress: { ...progress, state: 7 } };
			return b;
		}, 'Deck 1 ("ncafp"): Card 1 ("c-basic"): "progress.state" is not a valid scheduling state'],
		['a review without a card id', () => {
			const b = backup();
			delete (b.reviews[0] as { cardId?: string }).cardId;
			return b;
		}, 'Review 1: "cardId" is missing or not valid'],
		['settings with a retention of 2', () => ({ ...backup(), settings: { desiredRetention: 2 } }), 'Backup: "settings.desiredRetention" is missing or not valid']
	];
	it.each(bad)('refuses %s', (_label, make, message) => {
		const result = parseBackup(JSON.stringify(make()));
		expect(result.ok ? '' : result.error.message).toBe(message);
	});

	it('anchors a deck whose cards cite text it no longer has, as an earlier version could write it (regression: whole backup refused)', () => {
		const broken = backup();
		const cited = broken.decks[0]!.cards[1]!.source;
		broken.decks[0]!.cards[1]!.source = { ...cited, start: cited.start + 1, end: cited.end + 1 };
		broken.decks[0]!.cards[2]!.source = { ...broken.decks[0]!.cards[2]!.source, doc: 'doc-gone' };
		const result = parseBackup(JSON.stringify(broken));
		const expected = backup();
		expected.decks[0]!.cards[2]!.source = { ...expected.decks[0]!.cards[2]!.source, doc: 'doc-1' };
		expect(result).toEqual({ ok: true, backup: expected });
	});

	it('refuses text that is not JSON with its position', () => {
		const result = parseBackup('{"format": "factdeck-backup"\n,]');
		expect(result.ok ? '' : result.error.message).toBe('Not JSON: expected a "quoted" property name, found "]" at line 2, column 2');
	});
});
