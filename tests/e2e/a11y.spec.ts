// Accessibility: an axe-core scan of each page, in the light and the dark theme, must find no serious or
// critical violations. Add a page by adding its path (and how to reach it, if it needs set-up) to `pages`.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { inDays, seedTitles } from './builtins';
import { expect, mainHeading, test } from './fixtures';

interface ScannedPage {
	name: string;
	path: string;
	/** Steps after loading `path`, e.g. opening a deck; ends when the page is ready to scan. */
	prepare?: (page: Page) => Promise<void>;
}

/** Opens the second built-in deck from home (its cards open with basic ones). */
async function openDeck(page: Page): Promise<void> {
	await page.getByRole('link', { name: seedTitles()[1]!, exact: true }).click();
	await expect(page.getByRole('link', { name: 'Study', exact: true })).toBeVisible();
}

const pages: ScannedPage[] = [
	{ name: 'home', path: '/' },
	{
		name: 'deck',
		path: '/',
		prepare: async (page) => {
			await openDeck(page);
			// With a seminar date: readiness, the plan and its chart are scanned too.
			await page.getByLabel('Seminar date').fill(inDays(10));
			await expect(page.getByRole('heading', { name: 'Daily plan' })).toBeVisible();
		}
	},
	{
		name: 'study',
		path: '/',
		prepare: async (page) => {
			await openDeck(page);
			await page.getByRole('link', { name: 'Study', exact: true }).click();
			// The answer, the grade buttons and the source panel showing.
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Show source' }).click();
			await expect(page.getByRole('button', { name: 'Good', exact: true })).toBeVisible();
		}
	},
	{
		name: 'quiz question',
		path: '/',
		prepare: async (page) => {
			await openDeck(page);
			await page.getByRole('link', { name: 'Quiz', exact: true }).click();
			await page.getByRole('button', { name: 'Start quiz' }).click();
			// The first question answered and checked: the verdict, the expected answer and the source showing.
			await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible();
			const radio = page.getByRole('radio').first();
			if ((await radio.count()) > 0) await radio.check();
			await page.getByRole('button', { name: 'Check', exact: true }).click();
			await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
		}
	},
	{
		name: 'quiz set-up',
		path: '/',
		prepare: async (page) => {
			await openDeck(page);
			await page.getByRole('link', { name: 'Quiz', exact: true }).click();
			await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
		}
	},
	{ name: 'settings', path: '/settings' },
	{
		name: 'stats',
		path: '/',
		prepare: async (page) => {
			// One review first, so the charts (not the empty state) are scanned.
			await openDeck(page);
			await page.getByRole('link', { name: 'Study', exact: true }).click();
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Good', exact: true }).click();
			await page.getByRole('link', { name: 'Stats' }).click();
			await expect(page.getByRole('img', { name: /^Retention per week/ })).toBeVisible();
		}
	},
	{ name: 'create', path: '/create' },
	{
		name: 'create preview',
		path: '/create',
		prepare: async (page) => {
			await page.getByLabel('Document text').fill(
				'Track II Talks\n\nGeorge Schwab was the President of the NCAFP. The NCAFP was founded in 1974. ' +
					'Track II talks are unofficial meetings between former officials and scholars. Henry Kissinger was co-chairman of the NCAFP.'
			);
			await page.getByRole('button', { name: 'Generate deck' }).click();
			await expect(page.getByRole('button', { name: 'Save deck' })).toBeVisible();
		}
	},
	{ name: 'import', path: '/import' },
	{
		name: 'deck editor',
		path: '/',
		prepare: async (page) => {
			await openDeck(page);
			await page.getByRole('link', { name: 'Edit', exact: true }).click();
			await page.getByRole('button', { name: 'Add card' }).click();
			await expect(page.getByRole('region', { name: 'New card' })).toBeVisible();
		}
	},
];

const schemes = ['light', 'dark'] as const;

for (const { name, path, prepare } of pages) {
	for (const colorScheme of schemes) {
		test(`${name} (${path}) has no serious or critical axe violations in the ${colorScheme} theme`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto(path);
			await expect(mainHeading(page)).toBeVisible();
			await prepare?.(page);

			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			const serious = results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			expect(serious).toEqual([]);
		});
	}
}
