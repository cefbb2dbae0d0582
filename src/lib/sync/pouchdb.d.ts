// The little of pouchdb-core and pouchdb-adapter-http that transport.ts uses. Written here rather than taken
// from @types/pouchdb-core, which pulls the DOM library into every file of the project (Node tests included).
declare module 'pouchdb-core' {
	interface PouchFetch {
		(input: string | Request | URL, init?: RequestInit): Promise<Response>;
	}
	interface BulkResult {
		ok?: boolean;
		id?: string;
		error?: string | boolean;
		status?: number;
		name?: string;
		message?: string;
		reason?: string;
	}
	interface ChangesResult {
		results: { id: string; seq: string | number; deleted?: boolean; doc?: unknown }[];
		last_seq: string | number;
	}
	export interface PouchDatabase {
		info(): Promise<unknown>;
		bulkDocs(docs: object[]): Promise<BulkResult[]>;
		changes(options: { since: string | number; limit: number; include_docs: boolean }): Promise<ChangesResult>;
	}
	export interface PouchOptions {
		adapter: 'http';
		skip_setup: boolean;
		auth?: { username: string; password: string };
		fetch?: PouchFetch;
	}
	export interface PouchStatic {
		new (name: string, options: PouchOptions): PouchDatabase;
		plugin(plugin: unknown): PouchStatic;
		fetch: PouchFetch;
	}
	const PouchDB: PouchStatic;
	export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
	const plugin: unknown;
	export default plugin;
}
