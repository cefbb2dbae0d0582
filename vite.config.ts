import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';
import svelteConfig, { BUILD_VERSION, FALLBACK } from './svelte.config.js';
import { leaveOnDemandOutOfPrecache, sharedGlobIgnores } from './src/cli/reader-chunks';

const KIT_OUT = svelteConfig.kit?.outDir ?? '.svelte-kit';

/**
 * Files the precache leaves out. The document readers' files (pdf.js and its worker, mammoth) are added once the
 * client build knows their names (src/cli/reader-chunks.ts); the PWA plugin reads this same array when it writes
 * sw.js after that build. Kept on globalThis: Kit runs the client build with this config file loaded a second
 * time, and both loads must share one array.
 */
const GLOB_IGNORES = sharedGlobIgnores(['server/**', 'prerendered/**']);

/**
 * fsrs-browser's thread-pool helper, replaced by a stub (src/lib/optimiser/no-thread-pool.js): the pool needs a
 * cross-origin-isolated page, and the helper would be bundled as a second worker that imports the whole package.
 */
const FSRS_THREAD_POOL = /^\.\/snippets\/wasm-bindgen-rayon-[0-9a-f]+\/src\/workerHelpers\.js$/;

export default defineConfig({
	resolve: {
		alias: [{ find: FSRS_THREAD_POOL, replacement: resolve('src/lib/optimiser/no-thread-pool.js') }]
	},
	plugins: [
		leaveOnDemandOutOfPrecache(GLOB_IGNORES),
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			registerType: 'prompt',
			// Registered from the root layout with virtual:pwa-register, so we control when an update applies.
			injectRegister: false,
			// Kit's outDir moves with FACTDECK_OUT; without these three settings the worker would be built from the
			// default .svelte-kit/output and never copied into the build folder (they repeat the plugin's defaults
			// for a different folder: it reads `outDir` for client/ and server/, vite-plugin-pwa `swDest`).
			outDir: resolve(KIT_OUT, 'output'),
			manifest: {
				name: 'Factdeck',
				short_name: 'Factdeck',
				description: 'Study any reading offline: generated flashcards and quizzes with spaced repetition.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#fbfaf7',
				theme_color: '#1f4e79',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			kit: { adapterFallback: FALLBACK, spa: true, outDir: KIT_OUT },
			workbox: {
				swDest: resolve(KIT_OUT, 'output', 'server', 'sw.js'),
				// The defaults skip fonts, text and JSON; the built-in decks are JSON and must work offline.
				// Only the client output: the plugin writes the worker before Kit prerenders, so a prerendered page
				// cannot be globbed (it would be the previous build's); the home page is listed below instead.
				globPatterns: ['client/**/*.{js,mjs,css,ico,png,svg,webp,woff2,txt,json,webmanifest}'],
				globIgnores: GLOB_IGNORES,
				// The files /create loads on demand (document readers, the generator worker), left out of the precache, are
				// cached when first loaded (the generator's right after install: src/lib/pwa/warm.ts). Hashed
				// immutable files, so cache-first is always right. Precached files never reach this route (the
				// precache route answers them first).
				runtimeCaching: [
					{
						// The optimiser's WebAssembly (fsrs-browser, ≈ 440 KB gzip; no glob pattern lists .wasm, so it is never
						// precached), cached the first time Optimise is used, so it works offline from then on (issue 10 §1).
						// Its worker is a worker asset, left out of the precache and cached by the next route.
						urlPattern: /\/_app\/immutable\/.+\.wasm$/,
						handler: 'CacheFirst',
						options: { cacheName: 'factdeck-optimiser', expiration: { maxEntries: 4 } }
					},
					{
						urlPattern: /\/_app\/immutable\/.+\.m?js$/,
						handler: 'CacheFirst',
						options: { cacheName: 'factdeck-document-readers', expiration: { maxEntries: 40 } }
					}
				],
				additionalManifestEntries: [{ url: '/', revision: BUILD_VERSION }],
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
				cleanupOutdatedCaches: true,
				// The first worker takes control of the page that installed it, so the first visit already works
				// offline. Updates still wait: skipWaiting stays off until the person presses Reload (src/lib/pwa).
				clientsClaim: true
			},
			devOptions: { enabled: false }
		})
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/unit/setup.ts'],
		// Through Vite, so the alias above also applies to fsrs-browser in Node.
		server: { deps: { inline: ['fsrs-browser'] } }
	}
});
