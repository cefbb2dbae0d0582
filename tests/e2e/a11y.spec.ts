// Accessibility: an axe-core scan of each page, in the light and the dark theme, must find no serious or
// critical violations. Add a page by adding its path (and how to reach it, if it needs set-up) to `pages`.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, mainHeading, test } from './fixtures';

interface ScannedPage {
	name: string;
	path: string;
	/** Steps after loading `path`, e.g. opening a deck; ends when the page is ready to scan. */
	prepare?: (page: Page) => Promise<void>;
}

const pages: ScannedPage[] = [{ name: 'home', path: '/' }];

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
