/**
 * The build's files that only the document readers use (pdf.js with its worker, mammoth and its dependencies),
 * so the service worker leaves them out of the precache: a first install caches the app alone (≤ 1 MB), and
 * these are cached at run time when /create first loads them (vite.config.ts, docs/architecture.md).
 */
import type { Plugin } from 'vite';

/** Packages whose code is only the document readers'. */
const READER_PACKAGES = /[\\/]node_modules[\\/](pdfjs-dist|mammoth)[\\/]/;
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

/** The file names (relative to the client output) of the chunks and assets only the readers need. */
export function readerFiles(bundle: Record<string, ChunkLike | AssetLike | { type: string; fileName: string }>): string[] {
	const items = Object.values(bundle);
	const chunks = items.filter((item): item is ChunkLike => item.type === 'chunk');
	const reader = new Set(chunks.filter((chunk) => chunk.moduleIds.some((id) => READER_PACKAGES.test(id))).map((c) => c.fileName));
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
		(item): item is AssetLike => item.type === 'asset' && ((item as AssetLike).originalFileNames ?? []).some((name) => READER_PACKAGES.test(`/${name}`))
	);
	return [...reader, ...assets.map((asset) => asset.fileName)].sort();
}

/** Adds the reader files of the client build to `globIgnores` (the array the PWA plugin reads when it writes sw.js). */
export function leaveReadersOutOfPrecache(globIgnores: string[]): Plugin {
	return {
		name: 'factdeck-readers-out-of-precache',
		apply: 'build',
		generateBundle(options, bundle) {
			// Kit builds the server, then the client (into …/output/client); only the client's files are precached.
			if (!/[\\/]client$/.test(options.dir ?? '')) return;
			const files = readerFiles(bundle as never);
			for (const file of files) globIgnores.push(`client/${file}`);
			this.info(`document readers left out of the precache: ${files.join(', ')}`);
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
