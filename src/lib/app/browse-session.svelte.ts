/**
 * The card browser's state (/browse): the query, the cards read for it, what the query selects, the person's
 * selection and the bulk actions on it, each with Undo. Reading goes through `browseCards` (an index when the
 * deck or due filter allows) as a live query, so a change made in another tab or by a bulk action shows at once;
 * searching and the other filters run in memory (browse-query.ts). Create during component initialisation.
 */
import { ensureBuiltIns } from './builtins';
import { liveState } from './live.svelte';
import { messageOf } from './message';
import { ALL_CARDS, keyOf, queryItems, readRange, toBrowseItem, type BrowseDay, type BrowseItem, type BrowseQuery } from './browse-query';
import { browseCards } from '$lib/db/browse';
import { restoreCardMarks, setCardMarks, type CardKey, type CardMarks } from '$lib/db/card-state';
import { changeTags, deleteCardsOfDecks, undoEdits } from '$lib/db/cards';
import { getDb } from '$lib/db/connection';
import { dayEnd, dayOf, dayStart, type DayRule } from '$lib/domain/days';

interface Loaded {
	decks: { id: string; title: string }[];
	items: BrowseItem[];
	day: BrowseDay;
}

/** The last bulk action, for the Undo button. */
interface LastAction {
	label: string;
	undo: () => Promise<void>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

async function load(query: BrowseQuery): Promise<Loaded> {
	// The clock is read here, at the edge; the day's bounds follow from the stored "Next day starts at" hour.
	const now = new Date();
	const dayOfRule = (days: DayRule): BrowseDay => ({ start: dayStart(dayOf(now, days), days), end: dayEnd(now, days) });
	const { days, decks, rows } = await browseCards(getDb(), (days) => readRange(query, dayOfRule(days)));
	const day = dayOfRule(days);
	const order = new Map(decks.map((deck, i) => [deck.id, { title: deck.title, order: i }]));
	const items: BrowseItem[] = [];
	for (const row of rows) {
		const deck = order.get(row.deckId);
		if (deck) items.push(toBrowseItem(row, deck));
	}
	return { decks, items, day };
}

export class BrowseSession {
	query = $state<BrowseQuery>({ ...ALL_CARDS });
	#selected = $state.raw<ReadonlySet<string>>(new Set());
	last = $state.raw<LastAction | null>(null);
	done = $state<string | null>(null);
	error = $state<string | null>(null);
	busy = $state(false);
	readonly #data = liveState(() => load($state.snapshot(this.query)), {
		ready: ensureBuiltIns,
		action: 'read your cards',
		// The read narrows by deck or due date (readRange): it starts over when those filters change.
		key: () => `${this.query.deckId}\u0000${this.query.due}`
	});

	readonly decks = $derived(this.#data.value?.decks ?? []);
	readonly results = $derived(this.#data.value ? queryItems(this.#data.value.items, this.query, this.#data.value.day) : []);
	/** The selected cards the query shows: actions never reach a card the person cannot see. */
	readonly selected = $derived(this.results.filter((item) => this.#selected.has(item.key)));

	get loading(): boolean {
		return this.#data.value === undefined && this.#data.error === null;
	}

	get loadError(): string | null {
		return this.#data.error;
	}

	retry(): void {
		this.#data.retry();
	}

	isSelected(item: BrowseItem): boolean {
		return this.#selected.has(item.key);
	}

	toggle(item: BrowseItem, on: boolean): void {
		const next = new Set(this.#selected);
		if (on) next.add(item.key);
		else next.delete(item.key);
		this.#selected = next;
	}

	/** Selects every card the query shows, or none. */
	selectAll(on: boolean): void {
		this.#selected = on ? new Set(this.results.map((item) => item.key)) : new Set();
	}

	/** Suspend/Unsuspend, Flag/Unflag the selection (or the given cards), with Undo. */
	mark(marks: CardMarks, items: readonly Pick<BrowseItem, 'deckId' | 'id'>[] = this.selected): Promise<void> {
		const keys = items.map(keyOf);
		return this.#run(async () => {
			const undo = await setCardMarks(getDb(), keys, marks);
			return { label: undo.label, undo: () => restoreCardMarks(getDb(), undo) };
		});
	}

	/** Adds (`add`) or removes tags on the selection, with Undo. */
	retag(tags: string[], add: boolean): Promise<void> {
		const keys = this.selected.map(keyOf);
		return this.#run(async () => {
			const undos = await changeTags(getDb(), keys, add ? { add: tags } : { remove: tags }, new Date());
			const changed = undos.reduce((n, undo) => n + undo.cardIds.length, 0);
			const what = `${add ? 'add' : 'remove'} ${tags.length === 1 ? `tag “${tags[0]}”` : `${tags.length} tags`} ${add ? 'to' : 'from'} ${plural(changed, 'card')}`;
			return { label: what, undo: () => undoEdits(getDb(), undos, new Date()) };
		});
	}

	/** Deletes the selected cards with their review history; Undo puts them back, history included. */
	remove(): Promise<void> {
		const keys: CardKey[] = this.selected.map(keyOf);
		return this.#run(async () => {
			const undos = await deleteCardsOfDecks(getDb(), keys, new Date());
			this.#selected = new Set();
			return { label: `delete ${plural(keys.length, 'card')}`, undo: () => undoEdits(getDb(), undos, new Date()) };
		});
	}

	undo(): Promise<void> {
		const action = this.last;
		if (!action) return Promise.resolve();
		return this.#write(async () => {
			await action.undo();
			this.last = null;
			this.done = `Undone: ${action.label}.`;
		});
	}

	#run(action: () => Promise<LastAction>): Promise<void> {
		return this.#write(async () => {
			const done = await action();
			this.last = done;
			this.done = `Done: ${done.label}.`;
		});
	}

	/** One write at a time; a failure becomes the page's alert. The live query shows the change. */
	async #write(work: () => Promise<void>): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.error = null;
		try {
			await work();
		} catch (e) {
			this.error = messageOf(e);
		} finally {
			this.busy = false;
		}
	}
}
