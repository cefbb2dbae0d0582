import { describe, expect, it } from 'vitest';
import { onDemandFiles } from '../../../src/cli/reader-chunks';

const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], dynamicImports: string[] = []) => ({
	type: 'chunk' as const,
	fileName,
	moduleIds,
	imports,
	dynamicImports
});

describe('onDemandFiles (what the precache leaves out)', () => {
	it('the generator: its worker and the inline fallback chunk holding the language model', () => {
		const bundle = {
			create: chunk('_app/immutable/nodes/3.js', ['/src/routes/create/+page.svelte', '/src/lib/generator/client.ts'], [], ['_app/immutable/chunks/core.js']),
			core: chunk('_app/immutable/chunks/core.js', ['/src/lib/generator/core/index.ts', '/x/node_modules/wink-nlp/src/wink-nlp.js', '/x/node_modules/wink-eng-lite-web-model/dist/model.js']),
			worker: { type: 'asset' as const, fileName: '_app/immutable/workers/worker-abc.js' },
			deck: { type: 'asset' as const, fileName: 'seeds/talks.factdeck.json', originalFileNames: ['static/seeds/talks.factdeck.json'] }
		};
		expect(onDemandFiles(bundle)).toEqual(['_app/immutable/chunks/core.js', '_app/immutable/workers/worker-abc.js']);
	});


	it('the pdf.js and mammoth chunks, the pdf worker asset, and dependencies only they import', () => {
		const bundle = {
			app: chunk('_app/immutable/entry/app.js', ['/src/routes/+layout.svelte'], ['_app/immutable/chunks/shared.js'], ['_app/immutable/chunks/docs.js']),
			docs: chunk('_app/immutable/chunks/docs.js', ['/src/lib/formats/documents.ts'], [], ['_app/immutable/chunks/pdf.js', '_app/immutable/chunks/mammoth.js']),
			pdf: chunk('_app/immutable/chunks/pdf.js', ['/x/node_modules/pdfjs-dist/build/pdf.mjs']),
			mammoth: chunk('_app/immutable/chunks/mammoth.js', ['/x/node_modules/mammoth/lib/index.js'], ['_app/immutable/chunks/jszip.js', '_app/immutable/chunks/shared.js']),
			jszip: chunk('_app/immutable/chunks/jszip.js', ['/x/node_modules/jszip/lib/index.js'], ['_app/immutable/chunks/pako.js']),
			pako: chunk('_app/immutable/chunks/pako.js', ['/x/node_modules/pako/index.js']),
			// Used by the app as well: stays precached.
			shared: chunk('_app/immutable/chunks/shared.js', ['/x/node_modules/valibot/dist/index.js']),
			worker: { type: 'asset' as const, fileName: '_app/immutable/assets/pdf.worker.min.abc.mjs', originalFileNames: ['node_modules/pdfjs-dist/build/pdf.worker.min.mjs'] },
			icon: { type: 'asset' as const, fileName: 'icons/icon.svg', originalFileNames: ['static/icons/icon.svg'] }
		};
		expect(onDemandFiles(bundle)).toEqual([
			'_app/immutable/assets/pdf.worker.min.abc.mjs',
			'_app/immutable/chunks/jszip.js',
			'_app/immutable/chunks/mammoth.js',
			'_app/immutable/chunks/pako.js',
			'_app/immutable/chunks/pdf.js'
		]);
	});

	it('the CouchDB client (pouchdb-*), which only sync loads, and dependencies only it imports', () => {
		const bundle = {
			app: chunk('_app/immutable/entry/app.js', ['/src/routes/+layout.svelte'], [], ['_app/immutable/chunks/sync.js']),
			sync: chunk('_app/immutable/chunks/sync.js', ['/src/lib/app/sync.svelte.ts'], [], ['_app/immutable/chunks/core.js', '_app/immutable/chunks/http.js']),
			core: chunk('_app/immutable/chunks/core.js', ['/x/node_modules/pouchdb-core/lib/index.es.js'], ['_app/immutable/chunks/utils.js']),
			http: chunk('_app/immutable/chunks/http.js', ['/x/node_modules/pouchdb-adapter-http/lib/index.es.js'], ['_app/immutable/chunks/utils.js']),
			utils: chunk('_app/immutable/chunks/utils.js', ['/x/node_modules/spark-md5/spark-md5.js', '/x/node_modules/uuid/dist/index.js'])
		};
		expect(onDemandFiles(bundle)).toEqual(['_app/immutable/chunks/core.js', '_app/immutable/chunks/http.js', '_app/immutable/chunks/utils.js']);
	});
});
