/**
 * Custom study as a study page address (issue 10, §2), so the deck page, the knowledge map and the browser can all
 * link to one: `/deck/<id>/study?cards=a,b,c`, `?ahead=7`, `?tag=person`, `?failed`, each with `&count` when the
 * answers should change the FSRS schedule (by default they do not: docs/quiz-and-readiness.md, "Custom study").
 */
import { MAX_AHEAD_DAYS, type CustomChoice } from '$lib/scheduler/custom';

export interface CustomStudy {
	choice: CustomChoice;
	/** Whether grades are recorded as reviews (changing the schedule), or only practice. */
	counts: boolean;
}

export type CustomParse = { ok: true; custom: CustomStudy | null } | { ok: false; error: string };

/** Reads the study page's query; `custom: null` for an ordinary session. */
export function parseCustomStudy(params: URLSearchParams): CustomParse {
	const counts = params.has('count');
	const cards = params.get('cards');
	if (cards !== null) {
		const ids = cards.split(',').map((id) => id.trim()).filter((id) => id !== '');
		if (ids.length === 0) return { ok: false, error: 'The address names no cards to study (?cards= is empty).' };
		return { ok: true, custom: { choice: { kind: 'cards', ids }, counts } };
	}
	const ahead = params.get('ahead');
	if (ahead !== null) {
		const days = Number(ahead);
		if (!/^\d+$/.test(ahead) || days < 1 || days > MAX_AHEAD_DAYS) {
			return { ok: false, error: `Study ahead takes a whole number of days from 1 to ${MAX_AHEAD_DAYS} (the address says "${ahead}").` };
		}
		return { ok: true, custom: { choice: { kind: 'ahead', days }, counts } };
	}
	const tag = params.get('tag');
	if (tag !== null) {
		if (tag.trim() === '') return { ok: false, error: 'The address names no tag to study (?tag= is empty).' };
		return { ok: true, custom: { choice: { kind: 'tag', tag: tag.trim() }, counts } };
	}
	if (params.has('failed')) return { ok: true, custom: { choice: { kind: 'failed' }, counts } };
	return { ok: true, custom: null };
}

/** The query string for a custom study (without "?"). */
export function customStudyQuery(custom: CustomStudy): string {
	const params = new URLSearchParams();
	const { choice } = custom;
	if (choice.kind === 'cards') params.set('cards', choice.ids.join(','));
	else if (choice.kind === 'ahead') params.set('ahead', String(choice.days));
	else if (choice.kind === 'tag') params.set('tag', choice.tag);
	else params.set('failed', '');
	if (custom.counts) params.set('count', '');
	return params.toString().replace(/=(&|$)/g, '$1');
}

/** What the session studies, in words, for its heading. */
export function describeCustom(choice: CustomChoice): string {
	switch (choice.kind) {
		case 'cards':
			return choice.ids.length === 1 ? 'one chosen card' : `${choice.ids.length} chosen cards`;
		case 'ahead':
			return `cards due in the next ${choice.days === 1 ? 'day' : `${choice.days} days`}`;
		case 'tag':
			return `cards tagged “${choice.tag}”`;
		case 'failed':
			return 'cards failed today';
	}
}
