// Storage failures in words (issue 12, 1.5): each error Dexie or IndexedDB raises, as it arrives (often wrapped:
// AbortError around QuotaExceededError, DatabaseClosedError → OpenFailedError → the cause), gets the message
// that says what happened and what to do.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageError, storageErrorKind, toStorageError } from '$lib/db/errors';
import { failureMessage, loadFailure } from '$lib/app/message';

const QUOTA = "Could not open this deck: this device's storage for Factdeck is full. Free some space (delete files or apps you no longer need, or decks in Factdeck), then try again. Nothing was changed.";
const BLOCKED = 'Could not open this deck: Factdeck is open in another tab with a different version. Close the other Factdeck tabs, then reload this page. Nothing was changed.';
const UNAVAILABLE = 'Could not open this deck: this browser does not let Factdeck store data (a private window, or site data turned off). Open Factdeck in a normal window, or allow site data for it, then reload. Nothing was saved.';

/** How Dexie opened in a private window fails: every call rejects with this chain. */
const closedBecause = (cause: Error) => new Dexie.DatabaseClosedError(new Dexie.OpenFailedError(cause));

const cases: [string, unknown, string, string][] = [
	['QuotaExceededError (DOMException)', new DOMException('quota', 'QuotaExceededError'), 'quota', QUOTA],
	['QuotaExceededError (Dexie)', new Dexie.QuotaExceededError('quota'), 'quota', QUOTA],
	['AbortError hiding a QuotaExceededError', new Dexie.AbortError('aborted', new DOMException('q', 'QuotaExceededError')), 'quota', QUOTA],
	['VersionError', new Dexie.VersionError('The requested version (10) is less than the existing version (20).'), 'blocked', BLOCKED],
	['DatabaseClosedError → OpenFailedError → VersionError', closedBecause(new Dexie.VersionError('older')), 'blocked', BLOCKED],
	['DatabaseClosedError alone (closed by another tab)', new Dexie.DatabaseClosedError('Database has been closed'), 'blocked', BLOCKED],
	['MissingAPIError', new Dexie.MissingAPIError('IndexedDB API missing'), 'unavailable', UNAVAILABLE],
	['DatabaseClosedError → OpenFailedError → MissingAPIError', closedBecause(new Dexie.MissingAPIError('missing')), 'unavailable', UNAVAILABLE],
	['InvalidStateError (Firefox private window)', new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'), 'unavailable', UNAVAILABLE],
	['OpenFailedError → InvalidStateError', new Dexie.OpenFailedError(new Dexie.InvalidStateError('no')), 'unavailable', UNAVAILABLE],
	['OpenFailedError → UnknownError', new Dexie.OpenFailedError(new Dexie.UnknownError('Internal error opening backing store')), 'unavailable', UNAVAILABLE],
	['SecurityError (site data turned off)', new DOMException('The operation is insecure.', 'SecurityError'), 'unavailable', UNAVAILABLE],
	['an error of no known kind', new Dexie.ConstraintError('Key already exists'), 'unknown', 'Could not open this deck (Key already exists). Nothing was changed.'],
	['a thrown string', 'disk on fire', 'unknown', 'Could not open this deck. Nothing was changed.']
];

describe('storage errors in words', () => {
	it.each(cases)('%s', (_label, error, kind, message) => {
		expect(storageErrorKind(error)).toBe(kind);
		const storage = toStorageError(error, 'open this deck');
		expect([storage.kind, storage.message, storage.cause]).toEqual([kind, message, error]);
		expect(failureMessage(error, 'open this deck')).toBe(message);
		expect(loadFailure(error, 'open this deck')).toEqual({ kind: 'failed', message });
	});

	it('keeps "not found" for a deck that is not stored, and a StorageError as it is', () => {
		const missing = new StorageError('not-found', 'That deck is not on this device.');
		expect(loadFailure(missing, 'open this deck')).toEqual({ kind: 'missing' });
		expect(toStorageError(missing, 'anything')).toBe(missing);
	});
});
