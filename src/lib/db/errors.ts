/**
 * Persistence failures become a message a person can act on (style: Excalidraw's LocalData), never a
 * silent loss. Callers show `message` in a role="alert" element.
 */
export type StorageErrorKind = 'quota' | 'blocked' | 'unavailable' | 'not-found' | 'conflict' | 'invalid' | 'unknown';

export class StorageError extends Error {
	override readonly name = 'StorageError';
	constructor(
		readonly kind: StorageErrorKind,
		message: string,
		cause?: unknown
	) {
		super(message, { cause });
	}
}

/**
 * The names on an error's cause chain, outermost first. Dexie wraps IndexedDB's errors: an AbortError hides the
 * QuotaExceededError that aborted the transaction, and once opening failed every call rejects with
 * DatabaseClosedError → OpenFailedError → the real cause (MissingAPIError, VersionError…), each in `inner`.
 */
function errorNames(error: unknown, depth = 0): string[] {
	if (typeof error !== 'object' || error === null || depth > 8) return [];
	const name = 'name' in error && typeof error.name === 'string' ? error.name : '';
	const inner = 'inner' in error ? error.inner : 'cause' in error ? error.cause : undefined;
	return [...(name ? [name] : []), ...errorNames(inner, depth + 1)];
}

/** What a cause means for the person: the kind, and what to do about it. */
const CAUSES: Record<string, Exclude<StorageErrorKind, 'not-found' | 'conflict' | 'invalid' | 'unknown'>> = {
	QuotaExceededError: 'quota',
	// This tab's schema is older than the stored database (a newer Factdeck upgraded it in another tab), or an
	// upgrade waits for another tab that still holds the old version open.
	VersionError: 'blocked',
	BlockedError: 'blocked',
	VersionChangeError: 'blocked',
	// No IndexedDB at all, or one that refuses to open: private windows (Firefox before 115, old Safari), site
	// data turned off, a sandboxed frame.
	MissingAPIError: 'unavailable',
	InvalidStateError: 'unavailable',
	SecurityError: 'unavailable'
};

/** Wrappers that say "the database did not open" when nothing more specific is on the chain. */
const WRAPPERS: Record<string, 'blocked' | 'unavailable'> = {
	// Closed under us: another tab upgraded the database (Dexie closes on `versionchange`).
	DatabaseClosedError: 'blocked',
	OpenFailedError: 'unavailable'
};

/** The kind of storage failure, from the most specific name on the error's cause chain. */
export function storageErrorKind(error: unknown): StorageErrorKind {
	if (error instanceof StorageError) return error.kind;
	const names = errorNames(error);
	const cause = names.map((name) => CAUSES[name]).find((kind) => kind !== undefined);
	return cause ?? names.map((name) => WRAPPERS[name]).find((kind) => kind !== undefined) ?? 'unknown';
}

/**
 * Wraps anything Dexie or IndexedDB throws into a StorageError that says what did not happen, why, and what
 * to do. The one place such failures are put into words: every write (through `guard`) and every page that
 * loads data (through `failureMessage` in src/lib/app/message.ts) uses it.
 */
export function toStorageError(error: unknown, action: string): StorageError {
	if (error instanceof StorageError) return error;
	switch (storageErrorKind(error)) {
		case 'quota':
			return new StorageError('quota', `Could not ${action}: this device's storage for Factdeck is full. Free some space (delete files or apps you no longer need, or decks in Factdeck), then try again. Nothing was changed.`, error);
		case 'blocked':
			return new StorageError('blocked', `Could not ${action}: Factdeck is open in another tab with a different version. Close the other Factdeck tabs, then reload this page. Nothing was changed.`, error);
		case 'unavailable':
			return new StorageError('unavailable', `Could not ${action}: this browser does not let Factdeck store data (a private window, or site data turned off). Open Factdeck in a normal window, or allow site data for it, then reload. Nothing was saved.`, error);
		default: {
			const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
			return new StorageError('unknown', `Could not ${action}${detail}. Nothing was changed.`, error);
		}
	}
}

/** Runs `work`, turning any failure into a StorageError for `action` ("save the deck", "record the review"). */
export async function guard<T>(action: string, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw toStorageError(error, action);
	}
}
