// The sync server's failures in words (src/lib/sync/transport.ts): a person sees what is wrong and what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { connect } from '$lib/sync/transport';
import { startSyncServer, type SyncServer } from '../../sync-server';

let couch: SyncServer;
let other: Server;
let otherOrigin = '';

beforeAll(async () => {
	couch = await startSyncServer();
	// A web server that is not CouchDB, and asks for a password on /private.
	other = createServer((request, response) => {
		if (request.url?.startsWith('/private')) {
			response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized","reason":"Name or password is incorrect."}');
		} else response.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
	});
	await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
	const address = other.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	otherOrigin = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
	await couch.stop();
	await new Promise((ok) => other.close(ok));
});

const attempt = (url: string, username = '', password = '') => connect({ url, username, password });

describe('connect', () => {
	it('accepts a CouchDB database', async () => {
		const url = await couch.createDatabase('ok');
		await expect(attempt(url)).resolves.toBeDefined();
	});

	it('says what is wrong: bad address, no database, not CouchDB, wrong password, nobody there', async () => {
		await expect(attempt('couch.example.org')).rejects.toMatchObject({ kind: 'invalid-url', message: 'The sync server address is not a valid URL (it looks like https://couch.example.org/my-database).' });
		await expect(attempt(couch.origin)).rejects.toMatchObject({ kind: 'invalid-url' });
		await expect(attempt('http://couch.example.org/decks')).rejects.toMatchObject({
			kind: 'invalid-url',
			message: 'The sync server address must start with https:// (plain http:// only for a server on this device, at localhost or 127.0.0.1).'
		});
		await expect(attempt(`${couch.origin}/nothing-here`)).rejects.toMatchObject({
			kind: 'missing',
			message: `There is no database at ${couch.origin}/nothing-here. Create it on the server first (see the README, "Sync").`
		});
		await expect(attempt(`${otherOrigin}/decks`)).rejects.toMatchObject({ kind: 'not-couchdb', message: `${otherOrigin}/decks answered, but not as a CouchDB database.` });
		await expect(attempt(`${otherOrigin}/private`, 'ana', 'wrong')).rejects.toMatchObject({
			kind: 'unauthorised',
			message: `The sync server refused the user name and password (or token) for ${otherOrigin}/private. Check them in Settings.`
		});
		// Port 9 (discard): nothing listens there.
		await expect(attempt('http://127.0.0.1:9/decks')).rejects.toMatchObject({
			kind: 'unreachable',
			message: 'Could not reach the sync server at http://127.0.0.1:9 (offline, or the server is down). Your changes are kept and will sync later.'
		});
	});
});
