// The colour theme: 'system' follows prefers-color-scheme, 'light' and 'dark' override it.
// app.css keys its colours off `<html data-theme>`. The choice is also kept in localStorage (not Dexie) so the
// root layout can apply it synchronously on start, before IndexedDB has opened, without a flash of the wrong theme.

export type Theme = 'light' | 'dark' | 'system';

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export const THEME_STORAGE_KEY = 'factdeck.theme';

export function isTheme(value: unknown): value is Theme {
	return value === 'light' || value === 'dark' || value === 'system';
}

/** The stored theme, or 'system' when none is stored or storage is unavailable (private mode, disabled). */
export function readStoredTheme(): Theme {
	try {
		const stored = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
		return isTheme(stored) ? stored : 'system';
	} catch {
		return 'system';
	}
}

/** Applies a theme to the document at once and remembers it for the next start. */
export function applyTheme(theme: Theme): void {
	if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
	try {
		globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
	} catch {
		// Storage full or disabled: the theme still applies for this session.
	}
}
