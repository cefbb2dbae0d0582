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
