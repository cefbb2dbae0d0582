/**
 * Memos for work the generator repeats on the same input: a pattern built per answer (names and years recur
 * across a long document), a sentence resolved by each extractor in turn. Results are pure functions of their
 * key, so a memo never changes a card; it is bounded, so a 5 MB document does not keep every key.
 */
export function boundedMemo<T>(make: (key: string) => T, limit = 5000): (key: string) => T {
	const store = new Map<string, T>();
	return (key) => {
		let value = store.get(key);
		if (value === undefined) {
			value = make(key);
			if (store.size >= limit) store.clear();
			store.set(key, value);
		}
		return value;
	};
}

/** `text` as a literal inside a RegExp source. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
