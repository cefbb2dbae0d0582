/**
 * A CouchDB-compatible server for the sync tests: pouchdb-server, in memory, on a free loopback port, started and
 * stopped by the test itself (unit integration tests and the sync e2e spec). pouchdb-server answers CORS
 * requests from any origin with credentials, as a CouchDB set up for the app must (README, "Sync between devices").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SyncServer {
	/** e.g. http://127.0.0.1:41234 */
	origin: string;
	/** Creates a database and returns its URL; with accounts on, only `owner` may use it (README, "Sync"). */
	createDatabase(name: string, owner?: string): Promise<string>;
	/**
	 * Turns on accounts (README, "A class"): a server admin (pouchdb-server then ends its "admin party", so reading
	 * and writing need a member's user and password), then these users, with their roles.
	 */
	createUsers(users: readonly { name: string; password: string; roles?: string[] }[]): Promise<void>;
	/**
	 * A class database set up as the README says: `members` (names) and the `instructor` role may read it, and a
	 * validation function lets only the instructor role (and server admins) write. Returns its URL.
	 */
	createClassDatabase(name: string, members: readonly string[]): Promise<string>;
	stop(): Promise<void>;
}

const ADMIN = 'Basic ' + Buffer.from('admin:admin-password').toString('base64');

/** The validation function the README gives for a class database. */
export const CLASS_VALIDATION =
	"function (doc, old, user) { if (user.roles.indexOf('_admin') === -1 && user.roles.indexOf('instructor') === -1) throw({ forbidden: 'Only the instructor publishes to this class database.' }); }";

const BIN = resolve(import.meta.dirname, '..', 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

/** A port the OS says is free now (the server binds it right after). */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	await new Promise((ok) => server.close(ok));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

/** Waits for the server's "has started" line, or fails when the process exits first. */
async function started(child: ChildProcess): Promise<void> {
	await new Promise<void>((ok, fail) => {
		let seen = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			// Request logs follow on the same stream: keep reading it, but only look until the start.
			if (seen.includes('has started')) return;
			seen += chunk.toString();
			if (seen.includes('has started')) ok();
		});
		child.once('exit', (code) => fail(new Error(`pouchdb-server exited with code ${code}: ${seen}`)));
	});
}

export async function startSyncServer(): Promise<SyncServer> {
	const port = await freePort();
	// pouchdb-server writes config.json and log.txt into its working directory.
	const dir = await mkdtemp(join(tmpdir(), 'factdeck-couch-'));
	const child = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-color'], {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'ignore']
	});
	const origin = `http://127.0.0.1:${port}`;
	await started(child);
	let secured = false;
	const request = async (method: string, path: string, body?: unknown) => {
		const headers: Record<string, string> = { 'content-type': 'application/json', ...(secured ? { authorization: ADMIN } : {}) };
		const response = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
	};
	const createDatabase = async (name: string, owner?: string) => {
		await request('PUT', `/${name}`);
		if (owner !== undefined) await request('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: [owner], roles: [] } });
		return `${origin}/${name}`;
	};
	return {
		origin,
		createDatabase,
		async createUsers(users) {
			if (!secured) await request('PUT', '/_config/admins/admin', 'admin-password');
			secured = true;
			for (const { name, password, roles = [] } of users) {
				await request('PUT', `/_users/org.couchdb.user:${name}`, { name, password, roles, type: 'user' });
			}
		},
		async createClassDatabase(name, members) {
			const url = await createDatabase(name);
			await request('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: ['instructor'] } });
			await request('PUT', `/${name}/_design/readonly`, { validate_doc_update: CLASS_VALIDATION });
			return url;
		},
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((ok) => child.once('exit', ok));
				child.kill();
				await exited;
			}
			await rm(dir, { recursive: true, force: true });
		}
	};
}
