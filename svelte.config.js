import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The SPA fallback page; repeated in vite.config.ts because @vite-pwa/sveltekit does not read this file. */
export const FALLBACK = '200.html';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: FALLBACK, precompress: true, strict: true }),
		// We register the service worker ourselves (src/lib/pwa) so that an update waits for the user.
		serviceWorker: { register: false },
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../playwright.config.ts', '../tests/**/*.ts', '../src/cli/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
