/**
 * Saving a setting as the settings page and its study-control panel do (src/lib/app/settings-saver.svelte.ts):
 * stored with a status line, or refused with the message for role="alert" and nothing stored.
 */
import { describe, expect, it } from 'vitest';
import { SettingsSaver } from '$lib/app/settings-saver.svelte';
import { FactdeckDB, getSettings } from '$lib/db';
import { useFreshDb } from '../db/fresh-db';

let db: FactdeckDB;
useFreshDb('settings-saver', (fresh) => (db = fresh));

describe('SettingsSaver', () => {
	it('stores a change and says so, returning the settings now stored', async () => {
		const saver = new SettingsSaver(() => db);
		const settings = await saver.save({ maximumInterval: 365 }, 'Maximum interval');
		expect(settings?.maximumInterval).toBe(365);
		expect([saver.saved, saver.error]).toEqual(['Maximum interval saved.', '']);
		expect((await getSettings(db)).maximumInterval).toBe(365);
	});

	it('refuses a value out of range with the message, clears the status and stores nothing', async () => {
		const saver = new SettingsSaver(() => db);
		await saver.save({ newPerDay: 30 }, 'New cards per day');
		expect(await saver.save({ desiredRetention: Number.NaN }, 'Desired retention')).toBeNull();
		expect([saver.saved, saver.error]).toEqual(['', 'Desired retention must be between 0.7 and 0.97.']);
		expect(await getSettings(db)).toMatchObject({ desiredRetention: 0.9, newPerDay: 30 });
		// The next good change clears the message.
		await saver.save({ burySiblings: false }, 'Bury siblings');
		expect([saver.saved, saver.error]).toEqual(['Bury siblings saved.', '']);
	});

	it('refuse: input stopped before storage gets the same treatment', async () => {
		const saver = new SettingsSaver(() => db);
		await saver.save({ burySiblings: false }, 'Bury siblings');
		saver.refuse('Learning steps: "ten" is not a step.');
		expect([saver.saved, saver.error]).toEqual(['', 'Learning steps: "ten" is not a step.']);
	});
});
