import { describe, expect, it } from 'vitest';
import {
	applyIfBetter,
	commitStaged,
	exportAll,
	exportBackupFile,
	FactdeckDB,
	getFsrsParameters,
	importDeck,
	restoreBackup,
	schedulingWeights,
	stageBackup,
	StorageError,
	undoRestore,
	type ParametersRow
} from '$lib/db';
import { readTextChunks } from '$lib/formats/backup-file';
import { DEFAULT_PARAMETERS } from '$lib/optimiser/fit';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress } from '$lib/scheduler/progress';
import { deckFile } from './deck-fixture';
import { useFreshDb } from './fresh-db';

const now = new Date('2026-03-02T09:00:00Z');
/** Fitted-looking parameters: the defaults with a first-Easy stability of 20 days. */
const FITTED = DEFAULT_PARAMETERS.map((w, i) => (i === 3 ? 20 : w));
const figures = (logLoss: number, rmseBins: number) => ({ logLoss, rmseBins, count: 812 });
const better = { fitted: FITTED, current: figures(0.3393, 0.061), after: figures(0.3214, 0.044) };

let db: FactdeckDB;
useFreshDb('parameters', (fresh) => (db = fresh));

describe('storing fitted FSRS parameters', () => {
	it('stores better parameters with their date and figures, and the scheduler uses them', async () => {
		expect(await getFsrsParameters(db)).toBeNull();
		expect(await schedulingWeights(db)).toBeUndefined();
		expect(await applyIfBetter(db, better, 1203, now)).toBe(true);
		expect(await getFsrsParameters(db)).toEqual({
			key: 'fsrs',
			w: FITTED,
			fittedAt: now.getTime(),
			reviews: 1203,
			before: figures(0.3393, 0.061),
			after: figures(0.3214, 0.044)
		});
		// A new card answered Easy is first due after its initial stability (at 90% retention): w3 days.
		const easy = (w?: readonly number[]) =>
			new Scheduler({ desiredRetention: 0.9, enableFuzz: false, w }).preview(newProgress(now), now).find((p) => p.grade === Rating.Easy)?.label;
		expect(easy(await schedulingWeights(db))).toBe('20d');
		expect(easy(undefined)).toBe('8d');
	});

	it('not better: keeps the old parameters and changes nothing', async () => {
		await applyIfBetter(db, better, 1203, now);
		const old = await getFsrsParameters(db);
		const worse = { fitted: DEFAULT_PARAMETERS.map((w) => w * 1.1), current: figures(0.3214, 0.044), after: figures(0.3301, 0.039) };
		expect(await applyIfBetter(db, worse, 1500, new Date('2026-04-01T09:00:00Z'))).toBe(false);
		expect(await getFsrsParameters(db)).toEqual(old);
		expect(await schedulingWeights(db)).toEqual(FITTED);
	});

	it('a stored row that does not read back as 21 numbers is ignored: the defaults apply', async () => {
		await db.parameters.put({ key: 'fsrs', w: [1, 2, 3], fittedAt: 0, reviews: 0, before: figures(1, 1), after: figures(1, 1) });
		expect(await schedulingWeights(db)).toBeUndefined();
	});
});

describe('fitted parameters in backups', () => {
	async function withParameters(target: FactdeckDB) {
		await importDeck(target, deckFile('a', [['c-1', 'Who is the President of NCAFP?', 'George Schwab']]), 'add', now);
		await applyIfBetter(target, better, 1203, now);
	}

	it('round trip: the backup file carries the parameters and a restore puts them back', async () => {
		await withParameters(db);
		const backup = await exportAll(db, now);
		expect(backup.parameters).toEqual([await getFsrsParameters(db)]);
		const other = new FactdeckDB('parameters-other');
		try {
			const file = await exportBackupFile(db, now);
			const staged = await stageBackup(other, readTextChunks(file));
			expect(staged.parameters).toEqual(backup.parameters);
			await commitStaged(other, staged, now);
			expect(await getFsrsParameters(other)).toEqual(await getFsrsParameters(db));
		} finally {
			await other.delete();
		}
	});

	it('a backup made before parameters existed is still valid; restoring it brings back the defaults, and Undo restore the parameters', async () => {
		await withParameters(db);
		const { parameters: _none, ...old } = await exportAll(db, now);
		expect(JSON.stringify(old)).not.toContain('"parameters"');
		await restoreBackup(db, JSON.stringify(old), now);
		expect(await getFsrsParameters(db)).toBeNull();
		await undoRestore(db);
		expect(await schedulingWeights(db)).toEqual(FITTED);
	});

	it('refuses a backup whose parameters are not valid, naming them, and changes nothing', async () => {
		await withParameters(db);
		const backup = await exportAll(db, now);
		const bad = { ...backup, parameters: [{ ...(backup.parameters[0] as ParametersRow), w: [0.2, 1.2] }] };
		const failure = await restoreBackup(db, JSON.stringify(bad), now).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageError);
		expect((failure as StorageError).message).toBe('Parameters 1: "w" is missing or not valid');
		expect(await schedulingWeights(db)).toEqual(FITTED);
	});
});
