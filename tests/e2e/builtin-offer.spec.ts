// A built-in deck the person edited is theirs (issue 12 §1.2; docs/data.md, "Built-in decks"): the next app
// version changes none of it, and offers its new cards, which the person adds or dismisses.
import { builtInDeck, builtInIndex, seedTitles } from './builtins';
import { expectNoAxeViolations } from './axe';
import { expect, mainHeading, test } from './fixtures';

// The built-in decks must be fetched from the network, where the test serves the "next version", not from the
// service worker's precache.
test.use({ serviceWorkers: 'block' });

test('an updated built-in deck leaves an edited deck alone and offers its new cards', async ({ page }) => {
	const title = seedTitles()[0]!;
	const entry = builtInDeck(title);
	const total = entry.cards;
	await page.goto('/');
	await page.getByRole('link', { name: title, exact: true }).click();
	await expect(mainHeading(page)).toHaveText(title);
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	await page.getByRole('article').first().getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(page.getByText(`${total - 1} cards`, { exact: true })).toBeVisible();

	// The next app version: the same deck, regenerated with two more cards.
	const extra = [1, 2].map((n) => ({ ...entry.deck.cards[0]!, id: `c-next-${n}`, question: `${entry.deck.cards[0]!.question} (next ${n})` }));
	await page.route('**/decks/index.json', (route) =>
		route.fulfill({ json: { decks: builtInIndex().map((e) => (e.id === entry.id ? { ...e, version: 'next', cards: total + 2 } : e)) } })
	);
	await page.route(`**/decks/${entry.file}`, (route) => route.fulfill({ json: { ...entry.deck, cards: [...entry.deck.cards, ...extra] } }));
	await page.goto(`/deck/${encodeURIComponent(entry.id)}`);

	const offer = page.getByRole('region', { name: 'Updated reading' });
	await expect(offer).toContainText('2 new cards from the updated reading.');
	// The offer passes the same axe scan as every page (tests/e2e/a11y.spec.ts), in both themes.
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoAxeViolations(page, `updated reading offer (${colorScheme})`);
	}
	// New, Due, Studied, Cards: the deleted card did not come back, and nothing was added by itself.
	await expect(page.getByRole('definition')).toHaveText([String(total - 1), '0', '0', String(total - 1)]);
	await offer.getByRole('button', { name: 'Add 2 new cards' }).click();
	await expect(page.getByRole('definition')).toHaveText([String(total + 1), '0', '0', String(total + 1)]);
	await expect(offer).toHaveCount(0);

	// Offered once: the next start offers nothing more.
	await page.reload();
	await expect(mainHeading(page)).toHaveText(title);
	await expect(page.getByRole('definition')).toHaveText([String(total + 1), '0', '0', String(total + 1)]);
	await expect(offer).toHaveCount(0);
});
