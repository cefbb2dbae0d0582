// Anki and Quizlet files on /import (issue 12 §2.4): an Anki text export (.txt, HTML fields) imports as text,
// and a duplicate or empty row is skipped and reported with its line instead of refusing the file.
import { join } from 'node:path';
import { expect, test } from './fixtures';

const fixtures = join(process.cwd(), 'tests/fixtures/formats');

test('a CSV with a duplicate and an empty row imports, and the skipped lines are reported', async ({ page }) => {
	await page.goto('/import');
	await page.getByLabel('Import deck').setInputFiles(join(fixtures, 'duplicates.csv'));
	await expect(page.getByText('3 cards from 1 document')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Skipped' })).toHaveText([
		'Skipped line 4: empty row',
		'Skipped line 5: duplicate of line 2',
		'Skipped line 8: duplicate of line 3'
	]);
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await expect(page.getByRole('link', { name: 'Study', exact: true })).toBeVisible();
});

test("Anki's Notes in Plain Text export shows its HTML fields as text", async ({ page }) => {
	await page.goto('/import');
	await expect(page.getByLabel('Import deck')).toHaveAttribute('accept', '.json,.csv,.tsv,.txt');
	await page.getByLabel('Import deck').setInputFiles(join(fixtures, 'anki-notes.txt'));
	await expect(page.getByRole('heading', { name: 'Track II' })).toBeVisible();
	await expect(page.getByText('4 cards from 1 document')).toBeVisible();
	await page.getByRole('button', { name: 'Add to my decks' }).click();
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	await expect(page.getByText('Which talks are "Track II"?')).toBeVisible();
	await expect(page.getByText('Unofficial talks & dialogues')).toBeVisible();
	await expect(page.getByText(/<b>|&amp;|<script>/)).toHaveCount(0);
});
