// Create a deck from a pasted document: generate, edit one card inline, save, and study it (issue 6).
import type { Route } from '@playwright/test';
import { builtInDeck, inDays } from './builtins';
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
	const seminar = inDays(10);
	await page.getByLabel('Seminar date').fill(seminar);
	await page.getByRole('button', { name: 'Save deck' }).click();

	await expect(page).toHaveURL(/\/deck\/marshall-plan-reading$/);
	await expect(mainHeading(page)).toHaveText('Marshall Plan reading');
	// Saved with the deck: nothing studied yet, so the predicted recall on that date is 0.
	await expect(page.getByLabel('Seminar date')).toHaveValue(seminar);
	await expect(page.getByText('Readiness 0%')).toBeVisible();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();

	await page.goto('/');
	await expect(page.getByRole('link', { name: /Marshall Plan reading/ })).toBeVisible();
});

test.describe('a generator worker that dies', () => {
	// The worker script is swapped with page.route; a service worker controlling the page would serve it from
	// its cache instead, depending on whether it took control before the first Generate. Blocked, so no race.
	test.use({ serviceWorkers: 'block' });

	test('ends in a message and Retry, not a spinner (regression: /create hung)', async ({ page }) => {
		// The worker script, swapped for one that dies on its first job as a worker out of memory does.
		const dying = async (route: Route) =>
			route.fulfill({
				status: 200,
				contentType: 'text/javascript',
				headers: { 'cache-control': 'no-store' },
				body: "self.addEventListener('message', () => { throw new RangeError('Array buffer allocation failed'); });"
			});
		await page.route('**/_app/immutable/workers/*.js', dying);
		await page.goto('/create');
		await page.getByLabel('Document text').fill(DOCUMENT);
		await page.getByRole('button', { name: 'Generate deck' }).click();
		const alert = page.getByRole('alert').filter({ hasText: 'The deck was not generated' });
		await expect(alert).toContainText(
			'The card generator stopped before it finished (the device may have run out of memory). Try again; if it stops again, generate from a shorter part of the document.'
		);
		await expect(page.getByRole('status').filter({ hasText: 'Generating cards…' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Generate deck' })).toBeEnabled();

		// Retry runs on a new worker (the real one now) and the preview shows.
		await page.unroute('**/_app/immutable/workers/*.js', dying);
		await alert.getByRole('button', { name: 'Retry' }).click();
		await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
		await expect(alert).toHaveCount(0);
	});
});

test('Generate deck without a document says what to do', async ({ page }) => {
	await page.goto('/create');
	await page.getByRole('button', { name: 'Generate deck' }).click();
	await expect(page.getByRole('alert')).toContainText('Paste the text of a document or open one first.');
});

test('the deck editor validates as you type, asks before resetting a studied card, and undoes the last edit', async ({ page }) => {
	// A long journey (study, search, add, delete, undo, edit) over a 110-card deck on an emulated phone.
	test.slow();
	const title = 'Track II Exchanges With The DPRK';
	await page.goto('/');
	await page.getByRole('link', { name: title, exact: true }).click();
	// Study one card so it has review history.
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	// The next card shows only once the grade is stored: wait for it before leaving the page.
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.goto('/');
	await page.getByRole('link', { name: title, exact: true }).click();
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	await expect(mainHeading(page)).toHaveText(`Edit “${title}”`);

	// Search.
	// How many cards mention him depends on the generator, so the expectation is read from the built deck, with
	// the editor's search rule (card-form.ts cardMatches: question, answer, options, pairs, items, tags; any case).
	const deck = builtInDeck(title);
	const mentioning = deck.deck.cards.filter((card) =>
		[card.question, card.answer, ...(card.choices ?? []), ...(card.pairs ?? []).flat(), ...(card.items ?? []), ...(card.tags ?? [])].some(
			(text) => text.toLowerCase().includes('leon sigal')
		)
	).length;
	expect(mentioning).toBeGreaterThan(0);
	await page.getByLabel('Search cards').fill('Leon Sigal');
	await expect(page.getByText(`${mentioning} of ${deck.cards} cards match`)).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(mentioning);
	await page.getByLabel('Search cards').fill('');

	// A new multiple-choice card: each rule is checked as the person types.
	await page.getByRole('button', { name: 'Add card' }).click();
	const form = page.getByRole('region', { name: 'New card' });
	await form.getByLabel('Card type').selectOption('mcq');
	await form.getByLabel('Question', { exact: true }).fill('Which city hosted the August 1 talks?');
	await form.getByLabel('Option 1', { exact: true }).fill('New York');
	await expect(form.getByText('Fill in every option or remove the empty ones.')).toBeVisible();
	await form.getByLabel('Option 2', { exact: true }).fill('Geneva');
	await form.getByLabel('Option 3', { exact: true }).fill('new york');
	await expect(form.getByText('Options must differ: "new york" appears twice.')).toBeVisible();
	await form.getByLabel('Option 3', { exact: true }).fill('Beijing');
	await form.getByLabel('Option 1 is correct').check();
	await form.getByRole('button', { name: 'Add card' }).click();
	await expect(page.getByRole('status').getByText('Card added.')).toBeVisible();
	const added = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Which city hosted the August 1 talks?' }) });
	await expect(added).toContainText('Answer: New York');

	// Delete it, then Undo.
	await added.getByRole('button', { name: 'Delete' }).click();
	await expect(added).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(added).toHaveCount(1);

	// Changing a studied card's answer asks whether to reset its history.
	const studied = page.getByRole('article').filter({ hasText: 'studied 1×' });
	await expect(studied).toHaveCount(1);
	await studied.getByRole('button', { name: 'Edit', exact: true }).click();
	await page.getByLabel('Answer', { exact: true }).fill('A new answer');
	await page.getByRole('button', { name: 'Save card' }).click();
	await expect(page.getByRole('heading', { name: 'Reset this card’s review history?' })).toBeVisible();
	await page.getByRole('button', { name: 'Keep history' }).click();
	await expect(page.getByRole('status').getByText('Card saved; its review history was kept.')).toBeVisible();
	await expect(studied).toContainText('Answer: A new answer');
	await expect(studied).toContainText('studied 1×');
});

test('a long document shows a progress bar while it is generated, and Cancel stops it', async ({ page }) => {
	await page.goto('/create');
	// About 1 MB, opened as a file: the seed-style paragraph repeated with a different year each time.
	const paragraphs = Array.from({ length: 12_000 }, (_, i) => `Committee ${i} was founded in ${1900 + (i % 120)} by George Schwab in New York. It met ${i % 12} times.`);
	const text = `A long reading\n\n${paragraphs.join('\n\n')}`;
	await page.getByLabel('Open document').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
	await expect(page.getByRole('button', { name: 'Remove long.txt' })).toBeVisible();
	await page.getByRole('button', { name: 'Generate deck' }).click();
	await expect(page.getByRole('progressbar', { name: 'Generating cards' })).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('progressbar', { name: 'Generating cards' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Generate deck' })).toBeEnabled();
	await expect(page.getByRole('heading', { name: 'Preview' })).toHaveCount(0);
});
