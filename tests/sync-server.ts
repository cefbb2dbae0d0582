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
	/** Creates a database and returns its URL. */
	createDatabase(name: string): Promise<string>;
	stop(): Promise<void>;
}

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
	return {
		origin,
		async createDatabase(name) {
			const response = await fetch(`${origin}/${name}`, { method: 'PUT' });
			if (!response.ok) throw new Error(`could not create ${name}: ${response.status}`);
			return `${origin}/${name}`;
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
