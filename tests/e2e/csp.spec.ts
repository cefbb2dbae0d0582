// Content-Security-Policy (issue 12 §3): every route works under the enforced policy with no violation, the
// policy is really enforced (an injected inline script does not run), `npm start` sends it with nosniff and a
// Referrer-Policy, and the pages the service worker serves offline still carry it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { inlineScriptHashes, serializeCsp, withScriptHashes } from '../../src/cli/csp.js';
import { builtInIndex } from './builtins';
import { expect, mainHeading, test, waitForServiceWorkerControl } from './fixtures';

const buildDir = join(process.cwd(), process.env.FACTDECK_OUT ?? 'build');
const fixtures = join(process.cwd(), 'tests/fixtures/formats');

/**
 * Collects every CSP violation the page reports: `securitypolicyviolation` events (a listener injected before
 * any page script runs, on every navigation) and console errors that mention the policy (what Chromium logs
 * for a violation in a worker, where the page's listener cannot hear it).
 */
async function watchViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
			// Which policy: the header's names the inline scripts of every page, a page's <meta> only its own.
			const hashes = e.originalPolicy.match(/'sha256-/g)?.length ?? 0;
			void report(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${hashes} hashes) ${e.sample}`);
		});
	});
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
			violations.push(`console: ${message.text()}`);
		}
	});
	return violations;
}

/** The violation events (not the console lines that repeat them), in a stable order. */
const events = (violations: readonly string[]) => violations.filter((v) => !v.startsWith('console: ')).sort();

/** Whether an inline script added to the page runs: it must not under the policy (and does without one). */
async function inlineScriptRuns(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__inlineRan = true;';
		document.head.append(script);
		script.remove();
		return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
	});
}

const firstDeck = () => builtInIndex()[0]!.title;

test('every route works under the policy with no violation', async ({ page }) => {
	test.slow();
	const violations = await watchViolations(page);

	await page.goto('/');
	await page.getByRole('link', { name: firstDeck(), exact: true }).click();
	await expect(page.getByRole('link', { name: 'Study', exact: true })).toBeVisible();

	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await page.getByRole('button', { name: 'Show source' }).click();
	await expect(page.locator('#source-panel')).toBeVisible();

	await page.goBack();
	await page.getByRole('link', { name: 'Quiz', exact: true }).click();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible();

	await page.goBack();
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	await expect(mainHeading(page)).toHaveText(`Edit “${firstDeck()}”`);

	// A PDF is read by pdf.js in its worker; the deck is generated in the generator's worker.
	await page.goto('/create');
	await page.getByLabel('Open document').setInputFiles(join(fixtures, 'sample.pdf'));
	await expect(page.getByRole('button', { name: 'Remove sample.pdf' })).toBeVisible();
	await page.getByRole('button', { name: 'Generate deck' }).click();
	await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
	await page.getByRole('button', { name: 'Save deck' }).click();
	await expect(page.getByRole('link', { name: 'Study', exact: true })).toBeVisible();

	await page.goto('/import');
	await page.getByLabel('Import deck').setInputFiles({
		name: 'cards.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('question,answer\nWho leads the NCAFP?,George Schwab\n')
	});
	await expect(page.getByText('1 card from 1 document')).toBeVisible();

	await page.goto('/stats');
	await expect(page.getByRole('img', { name: /^Reviews per day over the last 30 days: 1 in total/ })).toBeVisible();

	await page.goto('/settings');
	await page.getByRole('radio', { name: 'Dark' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	// The stored theme is applied by app.html's inline script before the first paint: allowed by its hash.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

	expect(violations).toEqual([]);
});

/**
 * Opens each path and injects an inline script there: it must not run, and each injection must be reported
 * twice, by the header policy (every page's script hashes: 3) and by the page's own <meta> policy (its 2).
 */
async function expectInjectedScriptsBlocked(page: Page, violations: string[], paths: string[], fromServiceWorker: boolean) {
	for (const path of paths) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker()).toBe(fromServiceWorker);
		await expect(mainHeading(page)).toBeVisible();
		expect(await inlineScriptRuns(page)).toBe(false);
	}
	await expect
		.poll(() => events(violations))
		.toEqual(paths.flatMap((path) => [2, 3].map((n) => `${path}: script-src-elem blocked inline (${n} hashes) `)));
}

test.describe('pages the server sends', () => {
	// The service worker installed on the first page may take control before the second is opened (how soon depends
	// on the machine's load), and would serve it: here both must come from `npm start`.
	test.use({ serviceWorkers: 'block' });

	test('the policy is enforced: an injected inline script does not run, and is reported', async ({ page }) => {
		const violations = await watchViolations(page);
		// `/` is the prerendered home page, `/stats` the SPA fallback page: both carry the policy.
		await expectInjectedScriptsBlocked(page, violations, ['/', '/stats'], false);
	});
});

test('npm start sends the policy, nosniff and a Referrer-Policy with the page', async ({ request }) => {
	const response = await request.get('/');
	const pages = ['index.html', '200.html'].map((file) => readFileSync(join(buildDir, file), 'utf8'));
	const hashes = pages.flatMap(inlineScriptHashes).sort();
	expect(hashes).toHaveLength(4);
	expect(response.headers()['content-security-policy']).toBe(serializeCsp(withScriptHashes(hashes)));
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['referrer-policy']).toBe('no-referrer');
	// A deep link is answered with the fallback page, under the same policy.
	const deep = await request.get('/deck/anything/study');
	expect(deep.headers()['content-security-policy']).toBe(serializeCsp(withScriptHashes(hashes)));
});

test('pages served offline by the service worker still carry the policy', async ({ page, context }) => {
	const violations = await watchViolations(page);
	await page.goto('/');
	await expect(mainHeading(page)).toBeVisible();
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	// The precached response keeps its header, and the page its <meta>: both policies still apply.
	await expectInjectedScriptsBlocked(page, violations, ['/', '/settings'], true);
});
