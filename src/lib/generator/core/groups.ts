/**
 * Cards over several facts: matching (3-6 person ↔ role or acronym ↔ expansion pairs) and ordering
 * (3-5 dated events with distinct dates). Groups are cut from facts in document order, so a group's id
 * (hashed from its members' keys) survives edits elsewhere in the document.
 */
import { cardId } from '../../domain/ids';
import { ARROW, PAIR_SEPARATOR, type Card } from '../../domain/types';
import { sourceOf, TYPE_FACTOR } from './cards';
import type { Fact } from './fact';

function chunks<T>(items: T[], max: number, min: number): T[][] {
	const out: T[][] = [];
	const count = Math.ceil(items.length / max);
	if (items.length < min) return out;
	const size = Math.ceil(items.length / count);
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out.filter((c) => c.length >= min);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

export function matchingCards(facts: Fact[]): Card[] {
	const out: Card[] = [];
	for (const group of ['role', 'acronym'] as const) {
		const lefts = new Set<string>();
		const rights = new Set<string>();
		const members = facts.filter((f) => {
			if (f.pair?.group !== group || lefts.has(f.pair.left) || rights.has(f.pair.right)) return false;
			lefts.add(f.pair.left);
			rights.add(f.pair.right);
			return true;
		});
		for (const chunk of chunks(members, 6, 3)) {
			const pairs = chunk.map((f): [string, string] => [f.pair?.left ?? '', f.pair?.right ?? '']);
			const first = chunk[0];
			if (!first) continue;
			out.push({
				id: cardId('matching', chunk.map((f) => f.key).join('\u0001')),
				type: 'matching',
				question: group === 'role' ? 'Match each person to their role.' : 'Match each abbreviation to what it stands for.',
				answer: pairs.map(([l, r]) => `${l}${ARROW}${r}`).join(PAIR_SEPARATOR),
				pairs,
				tags: [group, 'matching'],
				score: mean(chunk.map((f) => f.weight)) * TYPE_FACTOR.matching,
				source: sourceOf(first)
			});
		}
	}
	return out;
}

export function orderingCards(facts: Fact[]): Card[] {
	const whens = new Set<number>();
	const labels = new Set<string>();
	const events = facts.filter((f) => {
		const e = f.event;
		if (!e || whens.has(e.when) || labels.has(e.label)) return false;
		whens.add(e.when);
		labels.add(e.label);
		return true;
	});
	const out: Card[] = [];
	for (const chunk of chunks(events, 5, 3)) {
		const sorted = [...chunk].sort((a, b) => (a.event?.when ?? 0) - (b.event?.when ?? 0));
		const items = sorted.map((f) => f.event?.label ?? '');
		const first = chunk[0];
		if (!first) continue;
		out.push({
			id: cardId('ordering', chunk.map((f) => f.key).join('\u0001')),
			type: 'ordering',
			question: 'Order the events from the earliest to the latest.',
			answer: items.join(ARROW),
			items,
			tags: ['event', 'ordering'],
			score: mean(chunk.map((f) => f.weight)) * TYPE_FACTOR.ordering,
			source: sourceOf(first)
		});
	}
	return out;
}
