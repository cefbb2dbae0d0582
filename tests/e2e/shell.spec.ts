// The app shell: skip link, navigation, tap-target size and the theme override.
import { expect, mainHeading, test } from './fixtures';

const navLabels = ['Decks', 'Create', 'Import', 'Browse', 'Stats', 'Settings'];

test('the skip link is the first tab stop and moves focus to the main content', async ({ page }) => {
	await page.goto('/');
	await expect(mainHeading(page)).toBeVisible();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
});

test('the header names the app and the navigation reaches every section with large tap targets', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('banner').getByRole('link', { name: 'Factdeck' })).toHaveAttribute('href', '/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link')).toHaveText(navLabels);
	await expect(nav.getByRole('link', { name: 'Decks' })).toHaveAttribute('aria-current', 'page');

	for (const link of await nav.getByRole('link').all()) {
		await expect(link).toBeInViewport();
		const box = await link.boundingBox();
		expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
		expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
	}

	await nav.getByRole('link', { name: 'Stats' }).click();
	await expect(page).toHaveURL(/\/stats$/);
	await expect(nav.getByRole('link', { name: 'Stats' })).toHaveAttribute('aria-current', 'page');
	await expect(nav.getByRole('link', { name: 'Decks' })).not.toHaveAttribute('aria-current', 'page');
});

test('a chosen theme overrides the system one and survives a reload', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/');
	await expect(mainHeading(page)).toBeVisible();
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const light = await background();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');

	// What the settings page does: applyTheme('dark') sets <html data-theme> and stores the choice.
	await page.evaluate(() => {
		document.documentElement.dataset.theme = 'dark';
		localStorage.setItem('factdeck.theme', 'dark');
	});
	await expect.poll(background).not.toBe(light);
	const dark = await background();

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect.poll(background).toBe(dark);

	await page.emulateMedia({ colorScheme: 'dark' });
	await page.evaluate(() => localStorage.setItem('factdeck.theme', 'system'));
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
	await expect.poll(background).toBe(dark);
});

test('a control reached with Tab is never hidden under the phone tab bar (regression: focus obscured)', async ({ page }) => {
	await page.goto('/settings');
	await expect(mainHeading(page)).toHaveText('Settings');
	const obscured: string[] = [];
	for (let step = 0; step < 30; step++) {
		await page.keyboard.press('Tab');
		const hidden = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body || el.closest('nav')) return null;
			const box = el.getBoundingClientRect();
			const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
			return top && (el.contains(top) || top.contains(el) || top.closest('label')) ? null : el.outerHTML.slice(0, 80);
		});
		if (hidden) obscured.push(hidden);
	}
	expect(obscured).toEqual([]);
});
