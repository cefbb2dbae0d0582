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

/**
 * A value computed once per object (a document's candidate lists, a cached list): kept while the object lives, so
 * a memo never outlives its document.
 */
export function objectMemo<K extends object, T>(make: (key: K) => T): (key: K) => T {
	const store = new WeakMap<K, T>();
	return (key) => {
		if (store.has(key)) return store.get(key) as T;
		const value = make(key);
		store.set(key, value);
		return value;
	};
}

/** `text` as a literal inside a RegExp source. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
