// Shared geometry and wording for the page's hand-drawn SVG charts (no chart library: three small charts do not
// need 40-100 KB of one; see docs/data.md).

export const WIDTH = 320;
export const HEIGHT = 140;
/** Room on the left for the y-axis labels and at the bottom for the x-axis labels. */
export const PAD = { left: 28, right: 6, top: 8, bottom: 20 } as const;
export const PLOT = { width: WIDTH - PAD.left - PAD.right, height: HEIGHT - PAD.top - PAD.bottom } as const;

const dateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** "2026-03-10" → "Mar 10" in the reader's locale (parsed as a local day, not UTC midnight). */
export function shortDate(day: string): string {
	const [y, m, d] = day.split('-').map(Number);
	return dateFormat.format(new Date(y!, m! - 1, d!));
}

/** A round top for the y axis: the smallest of 1, 2, 5 × 10^k at or above `max` (at least 1). */
export function niceMax(max: number): number {
	if (max <= 1) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
	return 10 * power;
}

export function percent(share: number | null): string {
	return share === null ? '—' : `${Math.round(share * 100)}%`;
}

interface Counted {
	day: string;
	count: number;
}

/** The busiest day, as "Mar 12 (8)", or null when every day is 0. */
function peak(data: readonly Counted[]): string | null {
	const best = data.reduce<Counted | null>((top, d) => (d.count > (top?.count ?? 0) ? d : top), null);
	return best ? `${shortDate(best.day)} (${best.count})` : null;
}

/** Text alternative of the reviews-per-day chart. */
export function reviewsSummary(data: readonly Counted[]): string {
	const total = data.reduce((sum, d) => sum + d.count, 0);
	const most = peak(data);
	return `Reviews per day over the last ${data.length} days: ${total} in total${most ? `, most on ${most}` : ''}, ${data.at(-1)?.count ?? 0} today.`;
}

/** Text alternative of the due-forecast chart. */
export function forecastSummary(data: readonly Counted[]): string {
	const total = data.reduce((sum, d) => sum + d.count, 0);
	const most = peak(data);
	return `Cards due in the next ${data.length} days: ${total} in total${most ? `, most on ${most}` : ''}, ${data[0]?.count ?? 0} today or overdue.`;
}

/** Text alternative of the retention chart. */
export function retentionSummary(
	weeks: readonly { retention: number | null }[],
	overall: { reviews: number; retention: number | null },
	target: number
): string {
	const measured = weeks.filter((w) => w.retention !== null).length;
	return `Retention per week over the last ${weeks.length} weeks (${measured} with reviews); this week ${percent(weeks.at(-1)?.retention ?? null)}; overall ${percent(overall.retention)} of ${overall.reviews} reviews; target ${percent(target)}.`;
}

const longFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short' });

/** "2026-03-10" → "Tue, Mar 10, 2026" in the reader's locale. */
export function longDate(day: string): string {
	const [y, m, d] = day.split('-').map(Number);
	return longFormat.format(new Date(y!, m! - 1, d!));
}

/** "2026-03" → "Mar 2026"; with `short`, "Mar". */
export function monthLabel(month: string, short = false): string {
	const [y, m] = month.split('-').map(Number);
	return (short ? monthShort : monthFormat).format(new Date(y!, m! - 1, 1));
}

/** "1 review", "3 reviews". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** A duration for people: "45 s", "12 min", "1 h 5 min". */
export function duration(ms: number): string {
	if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
	const m = Math.round(ms / 60_000);
	return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Days as a short stability label: "0", "12 h", "3 d", "30 d", "4 mo", "1.5 y". */
export function span(value: number): string {
	if (value === 0) return '0';
	if (value < 1) return `${Math.round(value * 24)} h`;
	if (value < 60) return `${trimmed(value)} d`;
	if (value < 365) return `${trimmed(value / 30)} mo`;
	return `${trimmed(value / 365)} y`;
}

/** Per-day values in ms as minutes, to one decimal, for a bar chart. */
export function inMinutes(data: readonly Counted[]): Counted[] {
	return data.map(({ day, count }) => ({ day, count: Math.round(count / 6_000) / 10 }));
}

function trimmed(value: number): string {
	return (Math.round(value * 10) / 10).toString();
}

/** A histogram bin's range for a table row: "1 d – 3 d", "90% – 100%", "1 y or more". */
export function binRange(bin: { from: number; to: number | null }, format: (value: number) => string, top?: number): string {
	const to = bin.to ?? top;
	return to === undefined ? `${format(bin.from)} or more` : `${format(bin.from)} – ${format(to)}`;
}

/** The card states in the order the statistics list them, each with its colour (both themes: app.css pairs). */
export const STATE_NAMES = [
	{ key: 'new', name: 'New', fill: 'var(--accent)' },
	{ key: 'learning', name: 'Learning', fill: 'var(--focus)' },
	{ key: 'review', name: 'Review', fill: 'var(--success)' },
	{ key: 'relearning', name: 'Relearning', fill: 'var(--danger)' },
	{ key: 'suspended', name: 'Suspended', fill: 'var(--muted)' }
] as const;

/** The answer buttons in order (Again … Easy), as the grade counts are stored. */
export const GRADE_LABELS = [
	{ name: 'Again', fill: 'var(--danger)' },
	{ name: 'Hard', fill: 'var(--focus)' },
	{ name: 'Good', fill: 'var(--success)' },
	{ name: 'Easy', fill: 'var(--accent)' }
] as const;

/** Text alternative of the calendar heatmap. */
export function heatmapSummary(
	heatmap: { days: readonly Counted[]; total: number; studied: number },
	streak: { current: number; longest: number }
): string {
	const most = peak(heatmap.days);
	return (
		`Reviews over the last ${heatmap.days.length} days: ${heatmap.total} on ${plural(heatmap.studied, 'day')}` +
		`${most ? `, most on ${most}` : ''}; today ${heatmap.days.at(-1)?.count ?? 0}; ` +
		`current streak ${plural(streak.current, 'day')}, longest ${plural(streak.longest, 'day')}.`
	);
}

/** Text alternative of the time-per-day chart (values in ms). */
export function timeSummary(data: readonly Counted[]): string {
	const total = data.reduce((sum, d) => sum + d.count, 0);
	return `Time spent answering over the last ${data.length} days: ${duration(total)} in total, ${duration(data.at(-1)?.count ?? 0)} today.`;
}

/** Text alternative of the card counts by state. */
export function statesSummary(counts: { total: number } & Record<(typeof STATE_NAMES)[number]['key'], number>): string {
	const parts = STATE_NAMES.map(({ key, name }) => `${counts[key]} ${name.toLowerCase()}`);
	return `${plural(counts.total, 'card')}: ${parts.join(', ')}.`;
}

/** Text alternative of a histogram: how many cards, their mean, and the fullest bin. */
export function distributionSummary(
	what: string,
	d: { bins: readonly { from: number; to: number | null; count: number }[]; cards: number; mean: number | null },
	format: (value: number) => string,
	top?: number
): string {
	if (d.cards === 0) return `${what}: no studied cards yet.`;
	const fullest = d.bins.reduce((best, bin) => (bin.count > best.count ? bin : best));
	return `${what} of ${plural(d.cards, 'studied card')}: mean ${format(d.mean ?? 0)}; most (${fullest.count}) in ${binRange(fullest, format, top)}.`;
}

/** Text alternative of the answer buttons. */
export function buttonsSummary(buttons: Record<'learning' | 'review', { counts: readonly number[]; total: number; correct: number | null }>): string {
	const line = (c: { counts: readonly number[]; correct: number | null }) =>
		`${GRADE_LABELS.map((g, i) => `${g.name} ${c.counts[i]}`).join(', ')} (${percent(c.correct)} correct)`;
	return `Answers to learning cards: ${line(buttons.learning)}; to review cards: ${line(buttons.review)}.`;
}
