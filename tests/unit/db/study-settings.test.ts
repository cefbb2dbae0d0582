/** Study control settings (issue 10, §2): stored when valid, refused with a message and nothing changed when not. */
import { describe, expect, it } from 'vitest';
import { getSettings, saveSettings, type FactdeckDB } from '$lib/db';
import { useFreshDb } from './fresh-db';

let db: FactdeckDB;
useFreshDb('study-settings', (fresh) => (db = fresh));

describe('study control settings', () => {
	it('default to 1m 10m, 10m, 36,500 days and bury siblings on', async () => {
		expect(await getSettings(db)).toMatchObject({ learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumInterval: 36_500, burySiblings: true });
	});

	it('are stored when valid', async () => {
		await saveSettings(db, { learningSteps: ['5m', '1h'], relearningSteps: [], maximumInterval: 365, burySiblings: false });
		expect(await getSettings(db)).toMatchObject({ learningSteps: ['5m', '1h'], relearningSteps: [], maximumInterval: 365, burySiblings: false });
	});

	it('refuses bad values with a message and stores nothing', async () => {
		await saveSettings(db, { maximumInterval: 365 });
		await expect(saveSettings(db, { maximumInterval: 0 })).rejects.toThrow('The maximum interval must be a whole number of days from 1 to 36,500.');
		await expect(saveSettings(db, { maximumInterval: 2.5 })).rejects.toThrow('The maximum interval must be a whole number of days from 1 to 36,500.');
		await expect(saveSettings(db, { learningSteps: ['10x' as '10m'] })).rejects.toThrow('Learning steps must be up to 10 steps like "1m 10m".');
		expect(await getSettings(db)).toMatchObject({ learningSteps: ['1m', '10m'], maximumInterval: 365 });
	});

	it('a stored row with bad study values reads back with the defaults for them', async () => {
		await db.settings.put({ ...(await getSettings(db)), key: 'app', learningSteps: ['soon' as '1m'], maximumInterval: -3 });
		expect(await getSettings(db)).toMatchObject({ learningSteps: ['1m', '10m'], maximumInterval: 36_500 });
	});
});
