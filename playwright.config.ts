import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4317);
/** A separate build folder (FACTDECK_OUT) gets its own results folder, so parallel runs never delete each other's. */
const run = process.env.FACTDECK_OUT ? `-${process.env.FACTDECK_OUT}` : '';

/** Debian's Chromium: browsers cannot be downloaded on these machines (see README). */
const chromium = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	outputDir: `test-results${run}`,
	reporter: [['list'], ['json', { outputFile: `tests/.output/e2e${run}.json` }]],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: chromium
	},
	projects: [
		{ name: 'phone', use: { ...devices['Pixel 7'], launchOptions: chromium } }
	],
	webServer: {
		// The same server as `npm start`; the suite runner builds first so this never builds by itself.
		command: `node src/cli/serve.mjs`,
		env: { PORT: String(port) },
		url: `http://localhost:${port}/`,
		reuseExistingServer: false,
		timeout: 180_000
	}
});
