import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { inlineScriptHashes, withScriptHashes } from './src/cli/csp.js';

/** The SPA fallback page; repeated in vite.config.ts because @vite-pwa/sveltekit does not read this file. */
export const FALLBACK = '200.html';

/**
 * Where the built app goes. FACTDECK_OUT lets parallel work on one machine build into separate folders
 * (e.g. FACTDECK_OUT=build-a); `npm start` and Playwright read the same variable.
 */
export const BUILD_DIR = process.env.FACTDECK_OUT ?? 'build';

/**
 * This build's version (SvelteKit's `version.name`). The service worker uses it as the precache revision of the
 * prerendered home page, whose content changes with every build (vite.config.ts). Kept in the environment:
 * Kit evaluates this file more than once per build (and prerenders in a child process), and every evaluation
 * must agree, or the prerendered page and the client disagree on the version-derived global names.
 */
process.env.FACTDECK_VERSION ??= Date.now().toString(36);
export const BUILD_VERSION = process.env.FACTDECK_VERSION;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: BUILD_DIR, assets: BUILD_DIR, fallback: FALLBACK, precompress: true, strict: true }),
		// We register the service worker ourselves (src/lib/pwa) so that an update waits for the user.
		serviceWorker: { register: false },
		version: { name: BUILD_VERSION },
		// Hash mode: Kit adds the hash of each page's start-up script; the theme script in app.html is hashed here,
		// because Kit does not hash the template's own scripts (src/cli/csp.js, docs/architecture.md).
		csp: {
			mode: 'hash',
			directives: /** @type {NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']} */ (
				withScriptHashes(inlineScriptHashes(readFileSync(new URL('./src/app.html', import.meta.url), 'utf8')))
			)
		},
		outDir: BUILD_DIR === 'build' ? '.svelte-kit' : `.svelte-kit-${BUILD_DIR}`,
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../playwright.config.ts', '../tests/**/*.ts', '../src/cli/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
