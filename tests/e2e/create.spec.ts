// Create a deck from a pasted document: generate, edit one card inline, save, and study it (issue 6).
import { expect, mainHeading, test } from './fixtures';

const DOCUMENT = `The Marshall Plan

The Marshall Plan was an American initiative to aid Western Europe after the Second World War.
George C. Marshall, the United States Secretary of State, announced the plan at Harvard University on June 5, 1947.
The Economic Cooperation Administration ran the program from 1948 to 1952.
Paul G. Hoffman was the administrator of the Economic Cooperation Administration.
The United States transferred over 13 billion dollars to European economies during the program.
The Organisation for European Economic Co-operation (OEEC) coordinated the requests of the receiving countries.
Robert Marjolin, a French economist, was the first Secretary-General of the OEEC.
Congress passed the Economic Cooperation Act in April 1948.
The Soviet Union refused to take part in the plan and pressed Poland and Czechoslovakia to refuse as well.`;

test('paste a document, generate, edit one card, save the deck and study it', async ({ page }) => {
	await page.goto('/create');
	await expect(mainHeading(page)).toHaveText('Create a deck');
	await page.getByLabel('Document text').fill(DOCUMENT);
	await page.getByRole('button', { name: 'Generate deck' }).click();

	await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
	// The title comes from the document's first line.
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('The Marshall Plan');

	const first = page.getByRole('article').first();
	await first.getByRole('button', { name: 'Edit', exact: true }).click();
	const question = first.getByLabel('Question', { exact: true });
	await question.fill('');
	// Validation as you type: an empty question is refused with its message.
	await expect(first.getByText('Write the question.')).toBeVisible();
	await question.fill('Which plan aided Western Europe after the Second World War (edited)?');
	await first.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { name: 'Which plan aided Western Europe after the Second World War (edited)?' })).toBeVisible();

	await page.getByLabel('Title', { exact: true }).fill('Marshall Plan reading');
	await page.getByRole('button', { name: 'Save deck' }).click();

	await expect(page).toHaveURL(/\/deck\/marshall-plan-reading$/);
	await expect(mainHeading(page)).toHaveText('Marshall Plan reading');
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();

	await page.goto('/');
	await expect(page.getByRole('link', { name: /Marshall Plan reading/ })).toBeVisible();
});

test('Generate deck without a document says what to do', async ({ page }) => {
	await page.goto('/create');
	await page.getByRole('button', { name: 'Generate deck' }).click();
	await expect(page.getByRole('alert')).toContainText('Paste the text of a document or open one first.');
});
