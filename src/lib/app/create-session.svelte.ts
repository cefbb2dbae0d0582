/**
 * The create page's state as runes, like the study and quiz sessions: the documents (pasted text and opened
 * files), generating (in the worker, with progress, `Cancel`, and `Retry` after a failure), the preview (kept,
 * filtered, edited cards) and saving. The pasted text is read (`parseDocument`) only when the deck is generated,
 * never on a keystroke. The generator, the store and the clock come in, so tests pin them.
 */
import type { DeckFile } from '$lib/domain/types';
import { GenerateAbortedError, GeneratorCrashedError, type GenerateJob } from '$lib/generator/client';
import type { GenerateDoc, GenerateProgress } from '$lib/generator/core/index';
import { parseDocument } from '$lib/generator/core/read';
import type { JobOptions } from '$lib/generator/protocol';
import { deckToSave, fromDeck, keptCount, NO_FILTER, type PreviewCard, type PreviewFilter } from './create-preview';
import type { OpenedDocument } from './documents';
import type { AddOutcome } from './import';
import { messageOf } from './message';

export interface CreateDeps {
	generate: (docs: GenerateDoc[], options: JobOptions, onProgress: (p: GenerateProgress) => void) => GenerateJob;
	addDeck: (deck: DeckFile, mode: 'add' | 'copy', now: Date, seminarDate: string | null) => Promise<AddOutcome>;
	clock?: () => Date;
}

/** Text longer than this shows a progress bar while the deck is generated. */
export const LONG_INPUT = 20_000;

export const NO_DOCUMENT = 'Paste the text of a document or open one first.';
export const NO_CARDS = 'No cards could be made from this text. Try a longer passage with names, dates or definitions.';

/** The generator's stages as one 0-100 bar: reading 0-10, facts 10-40, cards 40-100. */
export function progressValue(p: GenerateProgress): number {
	const [from, to] = ({ reading: [0, 10], facts: [10, 40], cards: [40, 100], done: [100, 100] } as const)[p.stage];
	return from + (to - from) * (p.total > 0 ? p.done / p.total : 0);
}

export class CreateSession {
	#pasted = $state('');
	#opened = $state.raw<OpenedDocument[]>([]);
	/** A message for role="alert": a document that could not be read, a failed save, nothing to generate. */
	error = $state<string | null>(null);
	/** Generating failed (the worker died, the generator threw): the message, shown with `Retry`. */
	failure = $state<string | null>(null);
	job = $state.raw<GenerateJob | null>(null);
	progress = $state.raw<GenerateProgress | null>(null);
	generated = $state.raw<DeckFile | null>(null);
	items = $state.raw<PreviewCard[]>([]);
	filter = $state<PreviewFilter>({ ...NO_FILTER });
	bestN = $state(20);
	title = $state('');
	description = $state('');
	seminarDate = $state('');
	saving = $state(false);

	readonly #deps: CreateDeps;
	readonly #clock: () => Date;
	/** Whether the person typed the title since the documents last changed (then regenerating keeps it). */
	#titleTyped = false;

	constructor(deps: CreateDeps) {
		this.#deps = deps;
		this.#clock = deps.clock ?? (() => new Date());
	}

	get pasted(): string {
		return this.#pasted;
	}

	set pasted(text: string) {
		this.#pasted = text;
		this.#titleTyped = false;
	}

	get opened(): readonly OpenedDocument[] {
		return this.#opened;
	}

	addDocument(doc: OpenedDocument): void {
		this.#opened = [...this.#opened, doc];
		this.#titleTyped = false;
	}

	removeDocument(index: number): void {
		this.#opened = this.#opened.filter((_, i) => i !== index);
		this.#titleTyped = false;
	}

	/** The `Title` input's handler: the person's title wins over the documents' until they change. */
	typeTitle(title: string): void {
		this.title = title;
		this.#titleTyped = true;
	}

	/** Characters to generate from, without reading the text: decides whether a progress bar shows. */
	get totalLength(): number {
		return this.#pasted.trim().length + this.#opened.reduce((n, doc) => n + doc.text.length, 0);
	}

	get kept(): number {
		return keptCount(this.items);
	}

	/** The documents as the generator takes them; the pasted text is read here, at `Generate deck`. */
	documents(): GenerateDoc[] {
		const pasted = this.#pasted.trim() ? parseDocument('pasted.txt', this.#pasted) : null;
		return [
			...(pasted ? [{ id: 'doc-1', title: pasted.title, text: pasted.text }] : []),
			...this.#opened.map((doc, i) => ({ id: `doc-${i + 2}`, title: doc.title, text: doc.text }))
		];
	}

	/** `Generate deck` (and `Retry`): runs the generator; every outcome ends the job (deck, message, or cancel). */
	async generate(): Promise<void> {
		this.error = null;
		this.failure = null;
		const documents = this.documents();
		if (documents.length === 0) {
			this.error = NO_DOCUMENT;
			return;
		}
		this.job?.abort();
		this.progress = null;
		const title = this.#titleTyped ? this.title.trim() : '';
		const job = this.#deps.generate(documents, { ...(title ? { title } : {}), now: this.#clock().toISOString() }, (p) => (this.progress = p));
		this.job = job;
		try {
			const deck = await job.promise;
			this.generated = deck;
			this.items = fromDeck(deck);
			this.filter = { ...NO_FILTER };
			this.bestN = Math.min(this.bestN, deck.cards.length) || deck.cards.length;
			this.title = deck.title;
			if (deck.cards.length === 0) this.error = NO_CARDS;
		} catch (error) {
			if (error instanceof GenerateAbortedError) return;
			this.failure = error instanceof GeneratorCrashedError ? error.message : `Could not generate the deck: ${messageOf(error)}`;
		} finally {
			if (this.job === job) {
				this.job = null;
				this.progress = null;
			}
		}
	}

	cancel(): void {
		this.job?.abort();
	}

	/**
	 * `Save deck`: stores the kept cards as a new deck (beside a deck with the same id, as a copy) with the seminar
	 * date, in one transaction. Returns the stored deck's id, or null with the reason in `error`.
	 */
	async save(): Promise<string | null> {
		const generated = this.generated;
		if (!generated || this.saving) return null;
		this.error = null;
		if (this.kept === 0) {
			this.error = 'Keep at least one card to save the deck.';
			return null;
		}
		this.saving = true;
		try {
			const deck = deckToSave(generated, this.items, { title: this.title, description: this.description });
			const day = this.seminarDate || null;
			const outcome = await this.#deps.addDeck(deck, 'add', this.#clock(), day);
			if (outcome.ok) return outcome.id;
			const copy = await this.#deps.addDeck(deck, 'copy', this.#clock(), day);
			return copy.ok ? copy.id : deck.id;
		} catch (error) {
			this.error = messageOf(error);
			return null;
		} finally {
			this.saving = false;
		}
	}
}
