// The one axe scan every accessibility check uses: WCAG 2.0-2.2 A/AA and best practice, and the exact
// expectation that the list of violations, of any impact, is empty.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Scans the page as it is now; `state` names it in the failure message. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const violations = results.violations.map((v) => `${state}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(violations).toEqual([]);
}
