import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	backupFileName,
	cardsOf,
	commitStaged,
	deckSummaries,
	discardStaged,
	exportBackupFile,
	RestoreCancelled,
	stageBackup,
	undoInfo,
	undoRestore,
	exportAll,
	exportDeck,
	FactdeckDB,
	getSettings,
	importDeck,
	recordReview,
	restoreBackup,
	saveSettings,
	setSeminarDate,
	type BackupFile
} from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { readTextChunks } from '$lib/formats/backup-file';
import { deckFile } from './deck-fixture';

const now = new Date('2026-03-02T09:00:00Z');
const later = new Date('2026-03-05T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
let db: FactdeckDB;
let other: FactdeckDB;
let n = 0;

beforeEach(async () => {
	db = new FactdeckDB(`backup-db-${++n}`);
	other = new FactdeckDB(`backup-other-${n}`);
	await Promise.all([db.open(), other.open()]);
});
afterEach(async () => {
	await Promise.all([db.delete(), other.delete()]);
});

const cards: [string, string, string][] = [
	['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
	['c-2', 'In which year was the NCAFP founded?', '1974'],
	['c-3', 'What kind of talks are Track II talks?', 'unofficial']
];

/** Two decks with progress, reviews, a suspended card, a seminar date and non-default settings. */
async function seed(target: FactdeckDB) {
	await importDeck(target, deckFile('a', cards, { course: 'POL 210' }), 'add', now);
	await importDeck(target, deckFile('b', cards.slice(0, 2)), 'add', now, { builtIn: { version: 'v7' } });
	const grade = (deckId: string, cardId: string, rating: Parameters<Scheduler['grade']>[1], at: Date) =>
		recordReview(target, scheduler, { deckId, cardId, grade: rating, now: at, durationMs: 1500, origin: 'study' });
	await grade('a', 'c-1', Rating.Good, now);
	await grade('a', 'c-1', Rating.Again, later);
	await grade('a', 'c-2', Rating.Easy, now);
	await grade('b', 'c-1', Rating.Hard, now);
	await target.cards.update(['a', 'c-3'], { suspended: true, flagged: true });
	await setSeminarDate(target, 'a', '2026-04-01', now);
	await saveSettings(target, { desiredRetention: 0.85, newPerDay: 7, theme: 'dark', rolloverHour: 6 });
	await target.meta.put({ key: 'removedBuiltIns', value: ['old-seed'] });
}

/** Everything stored, in a stable order, for "nothing changed" and "restored equal" comparisons. */
async function snapshot(target: FactdeckDB) {
	return {
		decks: await target.decks.orderBy('id').toArray(),
		cards: await target.cards.toArray(),
		sources: await target.sources.toArray(),
		reviews: await target.reviews.toArray(),
		settings: await target.settings.toArray(),
		meta: await target.meta.toArray()
	};
}

async function backupText(target: FactdeckDB): Promise<string> {
	return JSON.stringify(await exportAll(target, later));
}

describe('exportAll', () => {
	it('writes every deck as a deck file whose cards carry their progress, plus reviews and settings', async () => {
		await seed(db);
		const backup = await exportAll(db, later);
		expect(backup).toMatchObject({ format: 'factdeck-backup', version: 1, exportedAt: '2026-03-05T09:00:00.000Z' });
		expect(backup.decks.map((d) => d.id)).toEqual(['a', 'b']);
		const a = backup.decks[0]!;
		expect(a).toMatchObject({ format: 'factdeck', course: 'POL 210', seminarDate: '2026-04-01', builtIn: false });
		expect(backup.decks[1]).toMatchObject({ builtIn: true, builtInVersion: 'v7' });
		const c1 = (await db.cards.get(['a', 'c-1']))!;
		expect(a.cards[0]).toEqual({ ...c1.card, progress: c1.progress, suspended: false, flagged: false, addedAt: now.getTime() });
		expect(a.cards[2]).toMatchObject({ suspended: true, flagged: true });
		expect(backup.reviews).toHaveLength(4);
		expect(backup.settings).toEqual({ desiredRetention: 0.85, newPerDay: 7, theme: 'dark', rolloverHour: 6, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumInterval: 36500, burySiblings: true });
		expect(backup.meta).toEqual([{ key: 'removedBuiltIns', value: ['old-seed'] }]);
	});

	it('names the file by the local day', () => {
		expect(backupFileName(new Date(2026, 0, 9, 23, 30))).toBe('factdeck-backup-2026-01-09.json.gz');
	});
});

describe('restoreBackup', () => {
	it('round trip: another device restored from the export holds the same decks, cards, reviews and settings', async () => {
		await seed(db);
		await importDeck(other, deckFile('stale', cards), 'add', now);
		const summary = await restoreBackup(other, await backupText(db), later);
		expect(summary).toEqual({ exportedAt: '2026-03-05T09:00:00.000Z', decks: 2, cards: 5, reviews: 4, quizzes: 0 });
		expect(await snapshot(other)).toEqual(await snapshot(db));
		expect(await exportDeck(other, 'a')).toEqual(await exportDeck(db, 'a'));
		expect(await getSettings(other)).toEqual({ desiredRetention: 0.85, newPerDay: 7, theme: 'dark', rolloverHour: 6, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumInterval: 36500, burySiblings: true });
		// …and it exports to the same backup again.
		expect(await backupText(other)).toBe(await backupText(db));
	});

	it('quiz results round-trip too (read through db.tables: the table arrived in schema version 2)', async () => {
		await seed(db);
		const quiz = {
			deckId: 'a',
			startedAt: now.getTime(),
			finishedAt: now.getTime() + 60_000,
			durationMs: 60_000,
			cardIds: ['c-1', 'c-2'],
			answers: [{ cardId: 'c-1', correct: true, given: 'George Schwab', overridden: false }],
			score: { correct: 1, total: 2 },
			countedAsReviews: false
		};
		await db.table('quizzes').add(quiz);
		const summary = await restoreBackup(other, await backupText(db), later);
		expect(summary.quizzes).toBe(1);
		expect(await other.table('quizzes').toArray()).toEqual([{ ...quiz, id: 1 }]);
	});

	it('a card without progress in the backup is restored as new', async () => {
		await seed(db);
		const backup = JSON.parse(await backupText(db)) as BackupFile;
		delete (backup.decks[0]!.cards[2] as Partial<BackupFile['decks'][0]['cards'][0]>).progress;
		await restoreBackup(other, JSON.stringify(backup), later);
		const rows = await cardsOf(other, 'a');
		expect(rows[2]!.progress).toMatchObject({ state: 0, reps: 0, due: later.getTime() });
	});

	describe('a bad backup is refused with a message naming the problem, and nothing stored changes', () => {
		async function refused(text: string | ((b: BackupFile) => void), message: string) {
			await seed(db);
			const before = await snapshot(db);
			let body: string;
			if (typeof text === 'string') body = text;
			else {
				const backup = JSON.parse(await backupText(db)) as BackupFile;
				text(backup);
				body = JSON.stringify(backup);
			}
			await expect(restoreBackup(db, body, later)).rejects.toMatchObject({ name: 'StorageError', kind: 'invalid', message });
			expect(await snapshot(db)).toEqual(before);
		}

		it('not JSON', () => refused('{"format": "factdeck-backup",', 'Not JSON: expected a "quoted" property name, found the end of the file at line 1, column 30'));
		it('an empty file', () => refused('', 'The file is empty (0 bytes)'));
		it('a deck file instead of a backup', () =>
			refused(JSON.stringify(deckFile('x', cards)), 'This is a single deck, not a backup; open it with Import deck'));
		it('another format', () => refused('{"format": "anki"}', 'Not a Factdeck backup: "format" must be "factdeck-backup"'));
		it('a newer version', () =>
			refused(
				(b) => ((b as { version: number }).version = 2),
				'This backup was made by a newer Factdeck (version 2); update the app to restore it'
			));
		it('missing decks', () =>
			refused((b) => delete (b as Partial<BackupFile>).decks, 'Backup: "decks" is missing or not valid'));
		it('a review without its log', () =>
			refused((b) => delete (b.reviews[1] as Partial<BackupFile['reviews'][0]>).log, 'Review 2: "log" is missing or not valid'));
		it('a review graded 5', () =>
			refused((b) => ((b.reviews[0]!.log as { rating: number }).rating = 5), 'Review 1: "log.rating" is missing or not valid'));
		it('a review of a deck not in the backup', () =>
			refused((b) => (b.reviews[3]!.deckId = 'gone'), 'Review 4: deck "gone" is not in the backup'));
		it('a card whose progress lacks learning steps', () =>
			refused(
				(b) => delete (b.decks[1]!.cards[0]!.progress as Partial<BackupFile['decks'][0]['cards'][0]['progress']>).learning_steps,
				'Deck 2 ("b"), card 1 ("c-1"): "progress.learning_steps" is missing or not valid'
			));
		it('two decks with one id', () =>
			refused((b) => (b.decks[1]!.id = 'a'), 'Deck 2 ("a"): duplicate id; deck 1 has the same id'));
		it('desired retention out of range', () =>
			refused(
				(b) => (b.settings.desiredRetention = 0.6),
				'Settings: "desiredRetention" must be between 0.7 and 0.97'
			));
		it('a card that breaks the deck rules', () =>
			refused(
				(b) => (b.decks[0]!.cards[1]!.question = ''),
				'Deck 1 ("a"): Card 2 ("c-2"): "question" must not be empty'
			));
	});

	it('a restore that fails half-way writes nothing (one transaction)', async () => {
		await seed(db);
		const text = await backupText(db);
		await importDeck(other, deckFile('mine', cards), 'add', now);
		await saveSettings(other, { newPerDay: 3 });
		const before = await snapshot(other);
		// The last review write fails after the decks, cards and first reviews were written in the transaction.
		let added = 0;
		const fail = () => {
			if (++added === 4) throw new Error('disk unplugged');
		};
		other.reviews.hook('creating', fail);
		await expect(restoreBackup(other, text, later)).rejects.toMatchObject({
			name: 'StorageError',
			message: 'Could not restore the backup (disk unplugged). Nothing was changed.'
		});
		other.reviews.hook('creating').unsubscribe(fail);
		expect(await snapshot(other)).toEqual(before);
	});
});

/** Every row of every table, quiz results included: "exactly what was there". */
async function everything(target: FactdeckDB) {
	return { ...(await snapshot(target)), quizzes: await target.quizzes.toArray() };
}

/** A quiz result and a second device's data, so a restore replaces something worth getting back. */
async function seedOther(target: FactdeckDB) {
	await importDeck(target, deckFile('mine', cards, { course: 'HIS 101' }), 'add', now);
	await recordReview(target, scheduler, { deckId: 'mine', cardId: 'c-2', grade: Rating.Good, now, durationMs: 900, origin: 'study' });
	await target.quizzes.add({
		deckId: 'mine',
		startedAt: now.getTime(),
		finishedAt: now.getTime() + 1000,
		durationMs: 1000,
		cardIds: ['c-1'],
		answers: [{ cardId: 'c-1', correct: false, given: 'Schwartz', overridden: false }],
		score: { correct: 0, total: 1 },
		countedAsReviews: false
	});
	await saveSettings(target, { newPerDay: 3, theme: 'light' });
}

const inChunks = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe('Undo restore', () => {
	it('data → restore another backup → Undo restore: every row exactly as before, review ids included', async () => {
		await seed(db);
		await seedOther(other);
		const original = await everything(other);
		await restoreBackup(other, await backupText(db), later);
		expect(await everything(other)).not.toEqual(original);
		expect(await undoInfo(other)).toEqual({ restoredAt: later.getTime(), decks: 1, cards: 3, reviews: 1 });

		expect(await undoRestore(other)).toMatchObject({ decks: 1, cards: 3, reviews: 1 });
		expect(await everything(other)).toEqual(original);
		// Once: the way back is used up, and the stash holds nothing more.
		expect(await undoInfo(other)).toBeNull();
		await expect(undoRestore(other)).rejects.toMatchObject({ kind: 'not-found', message: 'There is no restore to undo.' });
		expect(await other.stash.count()).toBe(0);
		// The deck counts come back with the rows (the index is rebuilt as the rows are put back).
		expect((await deckSummaries(other, later)).map((s) => [s.deck.id, s.total, s.new, s.seen])).toEqual([['mine', 3, 2, 1]]);
	});

	it('keeps only the data the last restore replaced', async () => {
		await seed(db);
		await seedOther(other);
		const text = await backupText(db);
		await restoreBackup(other, text, later);
		const afterFirst = await everything(other);
		await restoreBackup(other, text, later);
		await undoRestore(other);
		expect(await everything(other)).toEqual(afterFirst);
	});

	it('a staged backup changes nothing until it is committed; Cancel drops it', async () => {
		await seed(db);
		await seedOther(other);
		const original = await everything(other);
		const staged = await stageBackup(other, inChunks(await backupText(db), 50));
		expect(staged.summary).toEqual({ exportedAt: '2026-03-05T09:00:00.000Z', decks: 2, cards: 5, reviews: 4, quizzes: 0 });
		expect(await everything(other)).toEqual(original);
		await discardStaged(other);
		expect(await other.stash.count()).toBe(0);

		const cancel = new AbortController();
		const chunks = (function* () {
			for (const [i, chunk] of inChunks(JSON.stringify(JSON.parse('{}')), 1).entries()) {
				if (i === 1) cancel.abort();
				yield chunk;
			}
		})();
		await expect(stageBackup(other, chunks, { signal: cancel.signal })).rejects.toBeInstanceOf(RestoreCancelled);
		expect(await other.stash.count()).toBe(0);
		expect(await everything(other)).toEqual(original);
		expect(await undoInfo(other)).toBeNull();
	});

	it('Cancel while the restore is being written rolls it all back, the old undo included', async () => {
		await seed(db);
		await seedOther(other);
		const text = await backupText(db);
		await restoreBackup(other, text, later);
		const before = await everything(other);
		const undoBefore = await other.stash.toArray();
		const staged = await stageBackup(other, [text]);
		const cancel = new AbortController();
		const committing = commitStaged(other, staged, later, { signal: cancel.signal, onStep: () => cancel.abort() });
		await expect(committing).rejects.toBeInstanceOf(RestoreCancelled);
		expect(await everything(other)).toEqual(before);
		expect((await other.stash.toArray()).filter((row) => row.area === 'undo')).toEqual(undoBefore);
	});
});

describe('backup files of any size', () => {
	it('Export all data writes gzip, one record per line inside, and Restore from backup reads it back equal', async () => {
		await seed(db);
		await seedOther(other);
		const [expected, stored] = [JSON.parse(await backupText(db)), await snapshot(db)];
		const file = await exportBackupFile(db, later);
		const bytes = new Uint8Array(await file.arrayBuffer());
		expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
		const json = await new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text();
		expect(JSON.parse(json)).toEqual(expected);
		// One line per deck and per review (so other tools can read it a record at a time), 20 lines in all (the
		// last list, `parameters`, is empty here).
		const lines = json.split('\n');
		const records = lines.slice(1).filter((line) => line.startsWith('{"')).map((line) => JSON.parse(line.replace(/,$/, '')) as Record<string, unknown>);
		expect(records.filter((record) => record.format === 'factdeck').map((deck) => deck.id)).toEqual(['a', 'b']);
		expect(records.filter((record) => 'log' in record).length).toBe(4);
		expect(lines.length).toBe(20);
		expect(await db.meta.get('lastExportAt')).toEqual({ key: 'lastExportAt', value: later.getTime() });

		await commitStaged(other, await stageBackup(other, readTextChunks(file)), later);
		expect(await snapshot(other)).toEqual(stored);
	});

	it('reads a pretty-printed plain JSON backup (an older version’s) in small chunks', async () => {
		await seed(db);
		const pretty = JSON.stringify(await exportAll(db, later), null, '\t');
		await commitStaged(other, await stageBackup(other, readTextChunks(new Blob(inChunks(pretty, 7)))), later);
		expect(await snapshot(other)).toEqual(await snapshot(db));
	});

	it('regression: a backup over 50 MB is restored (it was refused: "the limit is 50 MB")', async () => {
		await seed(db);
		const text = await backupText(db);
		// 51 MB of spaces between the last field and the closing brace: valid JSON, and cheap to build.
		const padding = new Blob(Array.from({ length: 51 }, () => ' '.repeat(1024 * 1024)));
		const big = new Blob([text.slice(0, -1), padding, '}']);
		expect(big.size).toBeGreaterThan(50 * 1024 * 1024);
		expect((await commitStaged(other, await stageBackup(other, readTextChunks(big)), later)).reviews).toBe(4);
		expect(await snapshot(other)).toEqual(await snapshot(db));
	});

	describe('a damaged gzip file is refused with a clear message, and nothing changes', () => {
		async function refusedGzip(damage: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>) {
			await seed(db);
			await seedOther(other);
			const before = await everything(other);
			const bytes = new Uint8Array(await (await exportBackupFile(db, later)).arrayBuffer());
			const staging = stageBackup(other, readTextChunks(new Blob([damage(bytes)])));
			await expect(staging).rejects.toMatchObject({
				name: 'StorageError',
				kind: 'invalid',
				message: 'This compressed backup is damaged or incomplete (its gzip data does not decompress); use another copy of the backup'
			});
			expect(await everything(other)).toEqual(before);
			expect(await other.stash.count()).toBe(0);
		}

		it('cut short', () => refusedGzip((bytes) => bytes.slice(0, Math.floor(bytes.length * 0.6))));
		it('corrupted in the middle', () =>
			refusedGzip((bytes) => {
				const copy = bytes.slice();
				for (let i = 20; i < 60; i++) copy[i] = copy[i]! ^ 0xff;
				return copy;
			}));
		it('only the magic bytes', () => refusedGzip(() => new Uint8Array([0x1f, 0x8b])));
	});
});
