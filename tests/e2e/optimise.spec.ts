// Optimise on /settings (issue 10 §1): a restored collection with a simulated learner's review log is fitted in
// the optimiser's worker, both sets of figures are shown, and the fitted parameters are kept only when better.
// The backup is made here from a seeded simulation (tests/fixtures/simulate-reviews.ts), so it is the same every run.
import { default_w } from 'ts-fsrs';
import { simulateReviews } from '../fixtures/simulate-reviews';
import { expectNoAxeViolations } from './axe';
import { inDays } from './builtins';
import { expect, test, waitForServiceWorkerControl } from './fixtures';
import type { Page } from '@playwright/test';

const START = Date.UTC(2026, 0, 1);

/** A backup holding one deck of `cards` cards and the simulated learner's reviews of them over `days` days. */
function simulatedBackup(cards: number, days: number) {
	const deckId = 'sim-deck';
	const log = simulateReviews({ seed: 3, deckId, cards, newPerDay: 10, days, start: START });
	const sentences = log.cards.map((_, i) => `Item ${i + 1} has the code Q${i + 1}X.`);
	const text = sentences.join(' ');
	let at = 0;
	const deckCards = log.cards.map((card, i) => {
		const sentence = sentences[i] as string;
		const start = text.indexOf(sentence, at);
		at = start + sentence.length;
		return {
			id: card.id,
			type: 'basic',
			question: `Which code does item ${i + 1} have?`,
			answer: `Q${i + 1}X`,
			tags: [],
			score: 1,
			source: { doc: 'doc-1', sentence, start, end: start + sentence.length },
			progress: card.progress
		};
	});
	const backup = {
		format: 'factdeck-backup',
		version: 1,
		exportedAt: new Date(START + days * 86_400_000).toISOString(),
		decks: [
			{
				format: 'factdeck',
				version: 1,
				id: deckId,
				title: 'Simulated learner',
				createdAt: new Date(START).toISOString(),
				sources: [{ id: 'doc-1', title: 'Codes', text }],
				cards: deckCards
			}
		],
		reviews: log.reviews,
		settings: {}
	};
	return { reviews: log.reviews.length, file: { name: 'simulated.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) } };
}

async function restore(page: Page, backup: ReturnType<typeof simulatedBackup>) {
	await page.getByLabel('Restore from backup').setInputFiles(backup.file);
	const confirm = page.getByRole('group', { name: 'Replace everything with this backup?' });
	await confirm.getByRole('button', { name: 'Replace everything' }).click();
	await expect(page.getByRole('status').filter({ hasText: `and ${backup.reviews} reviews.` })).toBeVisible();
}

const panel = (page: Page) => page.getByRole('region', { name: 'FSRS parameters' });

test('Optimise fits parameters on 400+ reviews, shows both figures, applies better ones, and works again offline keeping the old when not better', async ({
	page,
	context
}) => {
	const backup = simulatedBackup(120, 40);
	expect(backup.reviews).toBe(612);
	// The WebAssembly is compiled in the worker under the served policy: Chromium logs any CSP violation, the
	// worker's included, as a console error (docs/architecture.md, "Security headers").
	const violations: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.goto('/settings');
	await waitForServiceWorkerControl(page);
	await restore(page, backup);
	const section = panel(page);
	await expect(section).toContainText('Scheduling with the FSRS-6 default parameters.');

	await section.getByRole('button', { name: 'Optimise' }).click();
	const table = section.getByRole('table', { name: /How well each set of parameters predicts your \d+ reviews/ });
	await expect(table).toBeVisible({ timeout: 60_000 });
	await expect(table.getByRole('row', { name: /^In use 0\.\d{4} \d+\.\d{2}%$/ })).toBeVisible();
	await expect(table.getByRole('row', { name: /^Fitted 0\.\d{4} \d+\.\d{2}%$/ })).toBeVisible();
	await expect(section.getByRole('status').filter({ hasText: 'The fitted parameters predict your reviews better: they are now used for scheduling.' })).toBeVisible();
	await expect(section).toContainText(/Scheduling with your own parameters, fitted on .+ from 612\s+reviews \(log loss 0\.4272 → 0\.4050, RMSE \(bins\) 11\.52% → 10\.30%\)/);
	await expectNoAxeViolations(page, 'settings after Optimise');

	// Offline, the worker and its WebAssembly come from the service worker's caches (the browser's HTTP cache is
	// emptied first: it would otherwise answer these immutable files by itself). The same log fits the same
	// parameters, which are not better than themselves: the old ones are kept.
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
		return urls.filter((url) => /optimiser-worker-.+\.js$|fsrs_browser_bg-.+\.wasm$/.test(url)).map((url) => url.replace(/^.*\/workers\//, '').replace(/-[\w-]{8}\.(js|wasm)$/, '.$1'));
	});
	expect(cached.sort()).toEqual(['assets/fsrs_browser_bg.wasm', 'optimiser-worker.js']);
	await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
	await context.setOffline(true);
	await page.reload();
	await panel(page).getByRole('button', { name: 'Optimise' }).click();
	await expect(panel(page).getByRole('status').filter({ hasText: 'The fitted parameters are not better than the ones in use, so the old ones are kept.' })).toBeVisible({
		timeout: 60_000
	});
	await expect(panel(page)).toContainText(/from 612\s+reviews/);
	expect(violations).toEqual([]);
});

test('with fewer than 400 reviews, Optimise says how many more are needed', async ({ page }) => {
	const backup = simulatedBackup(40, 12);
	expect(backup.reviews).toBe(128);
	await page.goto('/settings');
	await restore(page, backup);
	await panel(page).getByRole('button', { name: 'Optimise' }).click();
	await expect(panel(page).getByRole('status')).toHaveText(
		'272 more reviews needed: Optimise fits your parameters from at least 400 reviews, and your review log has 128.'
	);
	await expect(panel(page)).toContainText('Scheduling with the FSRS-6 default parameters.');
});

/**
 * A backup of one deck with one card, last reviewed 299 days ago with a stability of 100 days, and a seminar
 * tomorrow: about 300 study days after the review, t = 3S. With `w`, the backup carries fitted parameters.
 */
function seminarBackup(w?: number[]) {
	const DAY = 86_400_000;
	const now = Date.now();
	const progress = { due: now - 199 * DAY, stability: 100, difficulty: 5, elapsed_days: 0, scheduled_days: 100, learning_steps: 0, reps: 4, lapses: 0, state: 2, last_review: now - 299 * DAY };
	const sentence = 'Item 1 has the code Q1X.';
	const card = { id: 'c-1', type: 'basic', question: 'Which code does item 1 have?', answer: 'Q1X', tags: [], score: 1, source: { doc: 'doc-1', sentence, start: 0, end: sentence.length }, progress };
	const deck = { format: 'factdeck', version: 1, id: 'seminar', title: 'Seminar reading', createdAt: new Date(now).toISOString(), seminarDate: inDays(1), sources: [{ id: 'doc-1', title: 'Codes', text: sentence }], cards: [card] };
	const figures = { logLoss: 0.3, rmseBins: 0.05, count: 500 };
	const parameters = w ? [{ key: 'fsrs', w, fittedAt: now, reviews: 500, before: figures, after: figures }] : [];
	const backup = { format: 'factdeck-backup', version: 1, exportedAt: new Date(now).toISOString(), decks: [deck], reviews: [], settings: {}, parameters };
	return { reviews: 0, file: { name: 'seminar.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) } };
}

test('seminar readiness uses the fitted parameters: R(3S) is 81% with the defaults, 77% with a fitted decay of 0.5', async ({ page }) => {
	// R(t, S) = (1 + F·t/S)^−decay, F = 0.9^(−1/decay) − 1: with the default decay 0.1542, R(3S) = 3.9412^−0.1542
	// = 0.809; with 0.5, F = 19/81 and R(3S) = (1 + 57/81)^−0.5 = 0.766. One study day more or less moves neither.
	for (const [w, percent] of [[undefined, 81], [[...default_w.slice(0, 20), 0.5], 77]] as const) {
		await page.goto('/settings');
		await restore(page, seminarBackup(w ? [...w] : undefined));
		await page.goto('/deck/seminar');
		await expect(page.getByText(`Readiness ${percent}%`, { exact: true })).toBeVisible();
	}
});
