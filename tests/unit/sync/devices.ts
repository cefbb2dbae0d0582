// Simulated devices for the sync tests: each a FactdeckDB on its own fake-indexeddb factory (deleted after each
// test), and one clock for all of them: only Date is faked, so each step happens at the time `at` sets.
import { afterEach, beforeEach, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FactdeckDB } from '$lib/db';

const MINUTE = 60_000;

export function useDevices(t0: number): { device(name: string): FactdeckDB; at(minutes: number): Date } {
	const devices: FactdeckDB[] = [];
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(t0);
	});
	afterEach(async () => {
		vi.useRealTimers();
		for (const db of devices.splice(0)) await db.delete();
	});
	return {
		device(name) {
			const db = new FactdeckDB(name, { indexedDB: new IDBFactory(), IDBKeyRange });
			devices.push(db);
			return db;
		},
		at(minutes) {
			vi.setSystemTime(t0 + minutes * MINUTE);
			return new Date(t0 + minutes * MINUTE);
		}
	};
}
