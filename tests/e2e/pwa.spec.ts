// Installability: the manifest is linked from the page and describes an installable app whose icons load.
import { expect, test } from './fixtures';

interface ManifestIcon {
	src: string;
	sizes: string;
	type?: string;
	purpose?: string;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, after the 8-byte signature and chunk header). */
function pngSize(body: Buffer): string {
	expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
	return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

test('the manifest is linked and describes an installable app', async ({ page }) => {
	await page.goto('/');
	const link = page.locator('head link[rel="manifest"]');
	await expect(link).toHaveCount(1);
	const href = await link.getAttribute('href');
	expect(href).toBe('/manifest.webmanifest');

	const response = await page.request.get(new URL(href ?? '', page.url()).href);
	expect(response.ok()).toBe(true);
	const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };

	expect(manifest.name).toBe('Factdeck');
	expect(manifest.short_name).toBe('Factdeck');
	expect(manifest.display).toBe('standalone');
	expect(manifest.start_url).toBe('/');
	expect(manifest.theme_color).toBe('#1f4e79');
	expect(manifest.background_color).toEqual(expect.stringMatching(/^#[0-9a-f]{6}$/i));

	const described = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort();
	expect(described).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

	for (const icon of manifest.icons) {
		const image = await page.request.get(new URL(icon.src, page.url()).href);
		expect(image.ok(), `${icon.src} loads`).toBe(true);
		expect(image.headers()['content-type']).toContain('image/png');
		expect(pngSize(await image.body()), `${icon.src} has the size the manifest says`).toBe(icon.sizes);
	}
});

test('the page links an SVG favicon and a touch icon that load', async ({ page }) => {
	await page.goto('/');
	for (const selector of ['link[rel="icon"]', 'link[rel="apple-touch-icon"]']) {
		const href = await page.locator(`head ${selector}`).getAttribute('href');
		const response = await page.request.get(new URL(href ?? '', page.url()).href);
		expect(response.ok(), `${selector} ${href} loads`).toBe(true);
	}
});
