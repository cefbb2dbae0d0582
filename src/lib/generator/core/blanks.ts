/**
 * Facts from typed mentions (people, organisations, places, dates, counts) in a clean clause: the cloze of
 * the clause, and a wh-question where a template needs no syntactic surgery:
 *  - the answer is the clause's subject: "Rollo agreed to …" → "Who agreed to …?"
 *  - a passive event with its date: "CSCAP was founded in 1993" → "In which year was CSCAP founded?"
 * Dated clauses also become events for ordering cards.
 */
import type { DocModel, SentenceInfo } from './entities';
import type { AnswerKind, Fact } from './fact';
import { blankOut, clauseAround, occurrences, resolveStart, tidy } from './clause';
import type { Mention } from './mentions';
import { digest } from './rng';

const WH: Partial<Record<AnswerKind, string>> = { person: 'Who', org: 'Which organisation', place: 'Which place' };
const BASE: Partial<Record<AnswerKind, number>> = { person: 0.74, date: 0.72, year: 0.72, number: 0.66, org: 0.64, place: 0.62, name: 0.5 };
const VERBISH = /^(?:\p{Ll}+ly\s+)?(?:is|was|are|were|has|had|have|will|would|can|could|did|does|do|may|might|must|\p{Ll}+ed|\p{Ll}{3,}s|led|won|took|made|gave|built|founded|became|began|wrote|held|brought|fought|ruled|went|saw|met|set|got|lost|left|sent|came|ran|told|said|found|kept|spent|grew|drew|chose|rose|fell|became)\b/u;
const FOUNDED = /\b(was|were)\s+((?:\p{Ll}+ly\s+)?(?:founded|established|created|formed|built|born|signed|launched|opened|completed|introduced|elected|appointed|published|released|discovered|invented|adopted|held|killed|crowned|conquered|abolished|dissolved|named|renamed)),?\s+(in|on)\s+$/u;

export function yearOf(m: Mention): number | null {
	const y = /\b(1\d{3}|20\d{2})\b/.exec(m.text)?.[1];
	if (y) return Number(y);
	const c = /(\d{1,2})(?:st|nd|rd|th)\s+centur/i.exec(m.text)?.[1];
	return c ? (Number(c) - 1) * 100 + 50 : null;
}

function answerKind(m: Mention): AnswerKind {
	return m.kind;
}

/** Mentions worth asking about: typed, not a bare surname-less title, not a role phrase. */
function askable(model: DocModel, m: Mention): boolean {
	if (m.kind === 'name') return (model.entities.get(m.text.toLowerCase())?.count ?? 0) >= 3 && !/\s(of|for)\s/.test(m.text);
	if (m.kind === 'number') return true;
	if ((m.kind === 'date' || m.kind === 'year') && !/\d/.test(m.text) && !/centur/i.test(m.text)) return false;
	return m.text.length >= 2;
}

export function blankFacts(model: DocModel, info: SentenceInfo, previous: SentenceInfo[]): Fact[] {
	const resolved = resolveStart(tidy(info.s.text), info, previous);
	if (!resolved) return [];
	const out: Fact[] = [];
	const salience = (m: Mention) => Math.min(0.12, 0.03 * Math.log2(1 + (model.entities.get(m.text.toLowerCase())?.count ?? 1)));
	for (const m of info.mentions) {
		if (!askable(model, m)) continue;
		const answer = m.text.replace(/^the\s+/i, '');
		const clause = clauseAround(resolved, answer);
		if (occurrences(info.s.text, answer) !== 1) continue;
		const cloze = blankOut(clause, answer);
		if (!cloze) continue;
		const kind = answerKind(m);
		const fact: Fact = {
			key: `blank|${answer}|${digest(clause)}`,
			answer,
			answerKind: kind,
			info,
			cloze,
			statement: clause.split(/\s+/).length <= 30 ? clause : undefined,
			weight: (BASE[kind] ?? 0.5) + salience(m) - (clause.split(/\s+/).length > 30 ? 0.06 : 0),
			tags: [kind]
		};
		const question = subjectQuestion(clause, answer, kind) ?? dateQuestion(clause, m, answer);
		if (question) {
			fact.question = question;
			fact.weight += 0.04;
		}
		const when = m.kind === 'date' || m.kind === 'year' ? yearOf(m) : null;
		const label = when !== null ? eventLabel(clause, answer) : null;
		if (when !== null && label) fact.event = { label, when: when + monthFraction(m.text) };
		out.push(fact);
	}
	return out;
}

/** "Rollo agreed to swear fealty …" → "Who agreed to swear fealty …?" */
function subjectQuestion(clause: string, answer: string, kind: AnswerKind): string | null {
	const wh = WH[kind];
	if (!wh) return null;
	const m = /^(?:the\s+)?/i.exec(clause);
	const rest = clause.slice((m?.[0].length ?? 0));
	if (!rest.startsWith(answer)) return null;
	const tail = rest.slice(answer.length).replace(/^\s*,[^,]{1,80},\s*/, ' ').trimStart();
	if (!VERBISH.test(tail)) return null;
	return `${wh} ${tail.replace(/[.!]["”’]?$/, '')}?`;
}

/** "CSCAP was founded in 1993 to …" → "In which year was CSCAP founded?" */
function dateQuestion(clause: string, m: Mention, answer: string): string | null {
	if (m.kind !== 'year' && m.kind !== 'date') return null;
	const at = clause.indexOf(answer);
	const head = clause.slice(0, at);
	const f = FOUNDED.exec(head);
	if (!f) return null;
	const subject = head.slice(0, f.index).trim().replace(/,$/, '');
	if (subject.split(/\s+/).length > 8 || !/^\p{Lu}/u.test(subject)) return null;
	const wh = m.kind === 'year' ? 'In which year' : 'When';
	return `${wh} ${f[1]} ${subject.charAt(0) === subject.charAt(0).toUpperCase() && /^The\s/.test(subject) ? `the${subject.slice(3)}` : subject} ${f[2]}?`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
function monthFraction(text: string): number {
	const i = MONTHS.findIndex((mo) => new RegExp(`\\b${mo}`, 'i').test(text));
	const day = /\b(\d{1,2})\b(?!\d)/.exec(text.replace(/\b\d{4}\b/, ''))?.[1];
	return i < 0 ? 0 : (i + (day ? Number(day) / 31 : 0)) / 12;
}

/** A short event description: the clause without its date, at most 14 words. */
function eventLabel(clause: string, answer: string): string | null {
	const without = clause
		.replace(new RegExp(`,?\\s*(?:in|on|during|since|by|of|from)?\\s*(?:the\\s+)?${answer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},?`), ' ')
		.replace(/\s+/g, ' ')
		.replace(/\s+([.,;:])/g, '$1')
		.trim()
		.replace(/[.!?]["”’]?$/, '');
	const words = without.split(' ');
	if (words.length < 4 || words.length > 14) return null;
	return without;
}
