/**
 * The CouchDB client (docs/data.md, "Sync"): `pouchdb-core` with only its HTTP adapter, loaded by a dynamic
 * import the first time sync runs, so a person who never turns sync on never downloads it. Entries are pushed
 * with `bulkDocs` (a 409 conflict means the entry is already there, so a retry is safe) and pulled from
 * `_changes` from a sequence number on.
 */
import type { PouchDatabase, PouchStatic } from 'pouchdb-core';
import { parseEntry, type Entry } from './entries';

export interface ServerConfig {
	url: string;
	username: string;
	/** A password with `username`; without a user, a token sent as `Authorization: Bearer` (CouchDB JWT). */
	password: string;
}

/** What went wrong, in words a person can act on. */
export class SyncError extends Error {
	constructor(
		readonly kind: 'unreachable' | 'unauthorised' | 'cors' | 'not-couchdb' | 'missing' | 'forbidden' | 'read-only' | 'invalid-url' | 'server',
		message: string
	) {
		super(message);
		this.name = 'SyncError';
	}
}

export interface PulledPage {
	entries: Entry[];
	/** Documents that are not change-log entries (skipped, counted for the status). */
	skipped: number;
	lastSeq: string | number;
}

/** A page of the `_changes` feed without the documents: each change's id and sequence, in feed order. */
export interface ChangeIds {
	changes: { id: string; seq: string | number }[];
	lastSeq: string | number;
}

export interface Remote {
	push(entries: readonly Entry[]): Promise<void>;
	pull(since: string | number, limit: number): Promise<PulledPage>;
	/** The ids in the feed from `since` on, without downloading the documents. */
	peek(since: string | number, limit: number): Promise<ChangeIds>;
}

let pouch: Promise<PouchStatic> | undefined;

async function loadPouch(): Promise<PouchStatic> {
	pouch ??= Promise.all([import('pouchdb-core'), import('pouchdb-adapter-http')]).then(([core, http]) => core.default.plugin(http.default));
	return pouch;
}

/** The hosts the app's Content-Security-Policy lets it reach over plain http (src/cli/csp.js). */
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/** Opens the database at `config.url` and checks that it is a CouchDB database this person may use. */
export async function connect(config: ServerConfig): Promise<Remote> {
	let url: URL;
	try {
		url = new URL(config.url.trim());
	} catch {
		throw new SyncError('invalid-url', 'The sync server address is not a valid URL (it looks like https://couch.example.org/my-database).');
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname))) {
		throw new SyncError('invalid-url', 'The sync server address must start with https:// (plain http:// only for a server on this device, at localhost or 127.0.0.1).');
	}
	if (url.pathname.replace(/\/+$/, '') === '') throw new SyncError('invalid-url', 'The sync server address must name a database, e.g. https://couch.example.org/my-database.');
	const PouchDB = await loadPouch();
	const token = config.username === '' ? config.password : '';
	const db: PouchDatabase = new PouchDB(url.href.replace(/\/+$/, ''), {
		adapter: 'http',
		skip_setup: true,
		auth: config.username === '' ? undefined : { username: config.username, password: config.password },
		fetch: token === '' ? undefined : (input, init) => {
			const headers = new Headers(init?.headers);
			headers.set('Authorization', `Bearer ${token}`);
			return PouchDB.fetch(input, { ...init, headers });
		}
	});
	const info = await call(url, () => db.info());
	// PouchDB's info() resolves with CouchDB's error body (plus its own db_name) rather than rejecting.
	const failure = typeof info === 'object' && info !== null && 'error' in info ? info.error : undefined;
	if (failure !== undefined) throw fromStatus(url, ERROR_STATUS[String(failure)]);
	if (typeof info !== 'object' || info === null || !('update_seq' in info)) {
		throw new SyncError('not-couchdb', `${url.origin}${url.pathname} answered, but not as a CouchDB database.`);
	}
	return {
		async push(entries) {
			if (entries.length === 0) return;
			const docs = entries.map(({ id, ...rest }) => ({ _id: id, ...rest }));
			const results = await call(url, () => db.bulkDocs(docs));
			for (const result of results) {
				if (!('error' in result) || !result.error) continue;
				// CouchDB names the error per document (`forbidden` when a validation function refuses it).
				const name = typeof result.error === 'string' ? result.error : result.name;
				// 409: the entry is already on the server (an earlier push that was cut off): that is success.
				if (result.status === 409 || name === 'conflict') continue;
				// (PouchDB gives such a result status 500 and keeps the name: the name says more.)
				throw fromStatus(url, ERROR_STATUS[String(name)] ?? result.status, result.reason ?? result.message);
			}
		},
		async pull(since, limit) {
			const changes = await call(url, () => db.changes({ since, limit, include_docs: true }));
			const entries: Entry[] = [];
			let skipped = 0;
			for (const change of changes.results) {
				const entry = change.deleted ? undefined : parseEntry(change.doc);
				if (entry) entries.push(entry);
				else skipped++;
			}
			return { entries, skipped, lastSeq: changes.last_seq };
		},
		async peek(since, limit) {
			const changes = await call(url, () => db.changes({ since, limit, include_docs: false }));
			return { changes: changes.results.map(({ id, seq }) => ({ id, seq })), lastSeq: changes.last_seq };
		}
	};
}

/** Runs a request, turning PouchDB's and fetch's errors into a SyncError that says what to do. */
async function call<T>(url: URL, request: () => Promise<T>): Promise<T> {
	try {
		return await request();
	} catch (error) {
		if (error instanceof SyncError) throw error;
		const status = (error as { status?: number }).status;
		if (typeof status === 'number' && status > 0) throw fromStatus(url, status, (error as { message?: string }).message);
		throw await unreachable(url);
	}
}

const ERROR_STATUS: Record<string, number> = { not_found: 404, unauthorized: 401, forbidden: 403 };

function fromStatus(url: URL, status: number | undefined, message?: string): SyncError {
	const where = `${url.origin}${url.pathname}`;
	switch (status) {
		case 401:
			return new SyncError('unauthorised', `The sync server refused the user name and password (or token) for ${where}. Check them in Settings.`);
		case 403:
			return new SyncError('forbidden', `This account may not write to ${where} (a read-only database?). Ask its administrator for write access, or use your own database.`);
		case 404:
			return new SyncError('missing', `There is no database at ${where}. Create it on the server first (see the README, "Sync").`);
		default:
			return new SyncError('server', `The sync server answered with an error (${status ?? 'unknown'}${message ? `: ${message}` : ''}).`);
	}
}

/**
 * A request that got no answer at all. In a browser a server that answers without CORS headers for this app's
 * origin fails exactly like one that is down; a `no-cors` request tells them apart (it succeeds, opaquely, when
 * the server is there).
 */
async function unreachable(url: URL): Promise<SyncError> {
	const inBrowser = typeof window !== 'undefined';
	if (inBrowser) {
		try {
			await fetch(url.origin + '/', { mode: 'no-cors', cache: 'no-store' });
			return new SyncError('cors', `${url.origin} answered, but does not allow this app (${window.location.origin}) to read its answers: enable CORS for this origin on the server (see the README, "Sync").`);
		} catch {
			// Falls through: the server is not reachable at all.
		}
	}
	return new SyncError('unreachable', `Could not reach the sync server at ${url.origin} (offline, or the server is down). Your changes are kept and will sync later.`);
}
