/** Small display formats for the study pages. */
import { CALENDAR, daysBetween } from '$lib/domain/days';

/** "45 s", "3 min 20 s", "1 h 5 min". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(Math.max(0, ms) / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** A whole percentage: 0.666 → "67%". */
export function formatPercent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** When something is next due, relative to `now`: "now", "in 10 min", "tomorrow", or a date. */
export function formatDue(due: number, now: Date, locale?: string): string {
	const ms = due - now.getTime();
	if (ms <= 0) return 'now';
	if (ms < 3_600_000) return `in ${Math.max(1, Math.round(ms / 60_000))} min`;
	const days = daysBetween(now, due, CALENDAR);
	if (days === 0) return `today at ${new Date(due).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })}`;
	if (days === 1) return 'tomorrow';
	return new Date(due).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' });
}
