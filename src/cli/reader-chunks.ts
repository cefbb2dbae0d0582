/**
 * The build's files that only /create loads, on demand: the document readers (pdf.js with its worker, mammoth and
 * its dependencies) and the card generator (its Web Worker and the inline fallback chunk, both holding the
 * wink-nlp language model). The service worker leaves them out of the precache, so a first install caches the app
 * alone (≤ 1 MB); they are cached at run time when first loaded, and the app loads them in the background once it
 * works offline (src/lib/pwa/warm.ts; vite.config.ts, docs/architecture.md).
 */
import type { Plugin } from 'vite';

/**
 * Packages whose code only /create loads, or only sync (the CouchDB client, pouchdb-core and its HTTP adapter with
 * their pouchdb-* helpers: loaded once a sync server is set, docs/data.md "Sync").
 */
const ON_DEMAND_PACKAGES = /[\\/]node_modules[\\/](pdfjs-dist|mammoth|wink-nlp|wink-eng-lite-web-model|pouchdb-[a-z-]+)[\\/]/;
/** Web Workers are built as assets here; each runs a job /create starts (today: the generator). */
const WORKER_ASSET = /(^|\/)workers\//;
const DEPENDENCY = /[\\/]node_modules[\\/]/;

interface ChunkLike {
	type: 'chunk';
	fileName: string;
	moduleIds: string[];
	imports: string[];
	dynamicImports: string[];
}
interface AssetLike {
	type: 'asset';
	fileName: string;
	originalFileNames?: readonly string[];
}

/** The file names (relative to the client output) of the chunks and assets only /create loads. */
export function onDemandFiles(bundle: Record<string, ChunkLike | AssetLike | { type: string; fileName: string }>): string[] {
	const items = Object.values(bundle);
	const chunks = items.filter((item): item is ChunkLike => item.type === 'chunk');
	const reader = new Set(chunks.filter((chunk) => chunk.moduleIds.some((id) => ON_DEMAND_PACKAGES.test(id))).map((c) => c.fileName));
	// A dependency chunk joins when it is all third-party code and only reader chunks import it.
	for (let grew = true; grew; ) {
		grew = false;
		for (const chunk of chunks) {
			if (reader.has(chunk.fileName) || !chunk.moduleIds.every((id) => DEPENDENCY.test(id))) continue;
			const importers = chunks.filter((other) => other.imports.includes(chunk.fileName) || other.dynamicImports.includes(chunk.fileName));
			if (importers.length > 0 && importers.every((other) => reader.has(other.fileName))) {
				reader.add(chunk.fileName);
				grew = true;
			}
		}
	}
	const assets = items.filter(
		(item): item is AssetLike =>
			item.type === 'asset' &&
			(WORKER_ASSET.test(item.fileName) || ((item as AssetLike).originalFileNames ?? []).some((name) => ON_DEMAND_PACKAGES.test(`/${name}`)))
	);
	return [...reader, ...assets.map((asset) => asset.fileName)].sort();
}

/** Adds the on-demand files of the client build to `globIgnores` (the array the PWA plugin reads when it writes sw.js). */
export function leaveOnDemandOutOfPrecache(globIgnores: string[]): Plugin {
	return {
		name: 'factdeck-on-demand-out-of-precache',
		apply: 'build',
		generateBundle(options, bundle) {
			// Kit builds the server, then the client (into …/output/client); only the client's files are precached.
			if (!/[\\/]client$/.test(options.dir ?? '')) return;
			const files = onDemandFiles(bundle as never);
			for (const file of files) globIgnores.push(`client/${file}`);
			this.info(`on-demand files left out of the precache: ${files.join(', ')}`);
		}
	};
}

const SHARED = Symbol.for('factdeck.precache.globIgnores');

/** One array per build process, whichever load of vite.config.ts asks (see vite.config.ts). */
export function sharedGlobIgnores(initial: string[]): string[] {
	const store = globalThis as typeof globalThis & { [SHARED]?: string[] };
	store[SHARED] ??= initial;
	return store[SHARED];
}
