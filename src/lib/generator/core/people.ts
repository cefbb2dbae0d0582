/**
 * Facts about people, from structures that state them outright:
 *  - appositive roles: "George Schwab, President of NCAFP", "Henry Kissinger, co-chairman of the NCAFP,"
 *  - titles before a name: "DPRK Vice Minister of Foreign Affairs Kim Gye-gwan", "NEACD founder Susan Shirk"
 *  - affiliations: "Evans Revere of the Korea Society", "Ronald Fisher from American University"
 *  - quotations with their speaker: "Lautz … believes that "…"", "… said Schwab", "“…,” said X".
 */
import { pieceCount } from './clause';
import { orgPrefix, type DocModel, type SentenceInfo } from './entities';
import type { Fact } from './fact';
import { GIVEN_NAMES, ORG_HEADS, ROLE_NOUNS, SPEECH_VERBS } from './lexicon';
import type { Mention } from './mentions';
import { digest } from './rng';

// Role nouns match in either case at their first letter ("President", "co-chairman"); names must be capitalised.
const ROLE_WORD = `(?:${[...ROLE_NOUNS].map((w) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})`;
// "Director of the History Studies Institute": "of the" inside the run, as at its start.
const NAME_RUN = String.raw`(?:the\s+)?(?:[\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s+(?:of|for|on|and|the|de)(?:\s+the)?\s+|\s+|(?=[,.;)]|$)))+`;
/**
 * ", [former|previously] <role words> of|at|for <Name>" right after a person; not a relative clause or "as well as"
 * ("John Houghton, who was a co-chair of …": no role "who was a co-chair").
 */
const APPOSITIVE = new RegExp(
	String.raw`^,\s+((?:(?:a|an|the|former|previously|then|currently|now)\s+)?(?:(?!(?:who|whom|whose|which|that|as|well|was|were|is|are|has|had|became|becomes|later|being)\s)[\p{L}-]+\s+){0,3}?${ROLE_WORD}(?:\s+[\p{L}-]+){0,2}?\s+(?:of|at|for|from)\s+${NAME_RUN})`,
	'u'
);

/**
 * "Holy Cross Father John O'Hara", "the Notre Dame Fighting Irish": a title that ends in a form of address names an
 * order or a place before it, not a role ("Who is the Holy Cross Father?"); so does a peer's ("British Ambassador to
 * the United States Lord Cromer": no "Who is the United States Lord?").
 */
const FORM_OF_ADDRESS = /\b(?:mr|mrs|ms|miss|dr|sir|dame|father|fr|brother|sister|reverend|rev|saint|st|lord|lady|duke|duchess|earl|baron|count|countess)\.?$/i;

function trimRole(role: string): string {
	return role.replace(/[\s,.;]+$/, '').replace(/\s+(and|of|for|on|the|de)$/i, '').trim();
}

function roleQuestion(role: string): string {
	const past = /^(former|previously|then)\b/i.test(role);
	const body = /^(a|an|the|former|previously|then|currently|now)\b/i.test(role) ? role : `the ${role}`;
	return `Who ${past && /^previously/i.test(role) ? 'was' : 'is'} ${body}?`;
}

/**
 * A role that many hold has no one answer: an appositive that says "a" or "former" ("Turrell V. Wylie, a former
 * professor of the University of Szohod": "Who is a former professor of …?"). Such a role asks no question; its
 * statement and its place among the roles to match stay. (A title before a name held in turn, "Territorial Governor
 * Thomas Meagher", still asks "Who is the Territorial Governor?": the seed's "Special Envoy Joseph DeTrani" is asked
 * the same way, and nothing in the words tells the two apart.)
 */
const ONE_OF_MANY = /^(?:a|an|former)\b/i;
/**
 * … and so does a military rank ("Major General", "Vice Admiral": many hold it at once) and an office that names no
 * country or body ("Vice President", "the Prime Minister", "Secretary of State": of what, and when?). "Egyptian
 * President", "President of NCAFP" and "Special Envoy" name whose or are the reading's own, and stay questions.
 */
const RANK = /^(?:the\s+)?(?:(?:major|lieutenant|lt\.?|brigadier|rear|vice|field|lance|staff|first|second)\s+)?(?:general|colonel|col\.?|admiral|commander|captain|marshal|sergeant|corporal|major|lieutenant)$/i;
const BARE_OFFICE = /^(?:the\s+)?(?:(?:vice|deputy|prime|first|chief|acting|interim)\s+)?(?:president|minister|secretary of state|secretary|lady|chancellor|governor|mayor|premier|speaker|justice|king|queen|emperor|empress)$/i;

function roleFact(info: SentenceInfo, person: Mention, role: string, weight: number, how: string): Fact {
	const clean = trimRole(role);
	return {
		key: `role|${person.text}|${clean}`,
		answer: person.text,
		answerKind: 'person',
		info,
		question: ONE_OF_MANY.test(clean) || RANK.test(clean) || BARE_OFFICE.test(clean) ? undefined : roleQuestion(clean),
		statement: `${person.text} is ${/^(a|an|the|former|previously)\b/i.test(clean) ? '' : 'the '}${clean}.`,
		pair: { group: 'role', left: person.text, right: clean.replace(/^(a|an|the)\s+/i, '') },
		weight,
		tags: ['person', 'role', how]
	};
}

/** "Prime Minister of Canada William Lyon Mackenzie King": capitalised words after the place, from a given name to the end, are a name. */
function endsInName(role: string): boolean {
	const words = role.split(/\s+/);
	const capital = (w: string | undefined) => /^\p{Lu}/u.test(w ?? '');
	return words.some((w, j) => j > 0 && j < words.length - 1 && GIVEN_NAMES.has(w.toLowerCase()) && capital(words[j - 1]) && words.slice(j).every(capital));
}

/**
 * The role an appositive gives a person right after the name ("Terry Lautz, previously vice president at the Henry
 * Luce Foundation,"), or null. In a list of people ("…, Mayor of Szohod Karel Denk, Governor of the Borduran Bank
 * Petra Holm, and the founder of …") the words after a comma are the next member: a role that a name follows before
 * the next comma, or one that opens with "and"/"or", belongs to someone else.
 */
function appositiveRole(info: SentenceInfo, p: Mention): string | null {
	const t = info.s.text;
	const after = t.slice(p.end);
	const app = after.startsWith(',') ? APPOSITIVE.exec(after) : null;
	const role = app?.[1];
	if (!role || pieceCount(role) > 16 || /^(and|or)\s/i.test(role)) return null;
	const comma = after.slice(1).search(/[,;]/);
	const end = comma < 0 ? t.length : p.end + 1 + comma;
	// A name after the role ("Mayor of Szohod and 2016 Presidential Candidate Robert Novak") or a person's inside it.
	const roleEnd = p.end + after.indexOf(role) + role.length;
	const next = info.mentions.some((m) => m.start > p.end && m.start < end && (m.kind === 'person' || (m.kind === 'name' && m.start >= roleEnd)));
	return next || endsInName(role) ? null : role;
}

/**
 * The appositive roles of a sentence too long to quote: the question ("Who was previously vice president at the
 * Henry Luce Foundation?") needs only the name and its role, not the quotation the sentence goes on with.
 */
export function appositiveRoles(info: SentenceInfo): Fact[] {
	return info.mentions.flatMap((p) => {
		const role = p.kind === 'person' ? appositiveRole(info, p) : null;
		return role ? [roleFact(info, p, role, 0.92, 'appositive')] : [];
	});
}

export function peopleFacts(model: DocModel, info: SentenceInfo): Fact[] {
	const out: Fact[] = [];
	const t = info.s.text;
	const people = info.mentions.filter((m) => m.kind === 'person');
	for (const p of people) {
		const after = t.slice(p.end);
		const role = appositiveRole(info, p);
		if (role) out.push(roleFact(info, p, role, 0.92, 'appositive'));
		else if (p.title && /\s/.test(p.title) && !/^(participant|u\.s\.|the)$/i.test(p.title) && !FORM_OF_ADDRESS.test(p.title)) {
			out.push(roleFact(info, p, p.title.replace(/^participant\s+/i, ''), 0.85, 'title'));
		} else {
			// "NEACD founder Susan Shirk": an organisation, a lower-case role noun, the name.
			const words = t.slice(Math.max(0, p.start - 60), p.start).trimEnd().split(' ');
			const role = words[words.length - 1] ?? '';
			const org = words[words.length - 2] ?? '';
			if (ROLE_NOUNS.has(role) && role !== 'member' && model.entities.get(org.toLowerCase())?.kind === 'org') {
				out.push(roleFact(info, p, `${role} of ${org}`, 0.85, 'title'));
			}
		}
		const aff = /^\s+(of|from)\s+(?:the\s+)?/u.exec(after);
		if (aff) {
			const org = info.mentions.find((m) => m.start === p.end + aff[0].length && m.kind === 'org');
			if (org) out.push(affiliation(info, p, org));
			// "Mark Minton and Evans Revere of the Korea Society": the organisation belongs to both.
			const prev = people.find((q) => q.end < p.start && /^\s+and\s+$/.test(t.slice(q.end, p.start)));
			if (org && prev) out.push(affiliation(info, prev, org));
		}
	}
	out.push(...quoteFacts(info, people));
	return out;
}

/**
 * "Carnegie Corporation Track 2 program": the name phrase ran past the organisation into the name of its
 * programme. An organisation ends at its last head word ("Corporation") when words follow it in the phrase.
 */
export function orgSpan(text: string): string {
	return ORG_HEADS.has((text.split(' ').pop() ?? '').toLowerCase()) ? text : (orgPrefix(text) ?? text);
}

function affiliation(info: SentenceInfo, p: Mention, found: Mention): Fact {
	const org = { ...found, text: orgSpan(found.text) };
	return {
		key: `affiliation|${p.text}|${org.text}`,
		answer: org.text,
		answerKind: 'org',
		info,
		question: `Which organisation is ${p.text} from?`,
		statement: `${p.text} is from ${/^the\b/i.test(org.text) ? '' : 'the '}${org.text}.`,
		weight: 0.78,
		tags: ['person', 'affiliation', 'org']
	};
}

const QUOTE = /[“"]([^”"]{12,400})[”"]/gu;

function quoteFacts(info: SentenceInfo, people: Mention[]): Fact[] {
	const t = info.s.text;
	const out: Fact[] = [];
	if (!/[“"]/.test(t)) return out;
	for (const q of t.matchAll(QUOTE)) {
		const body = (q[1] ?? '').trim().replace(/[,.;:!?]+$/, '');
		const words = body.split(/\s+/);
		if (words.length < 5) continue;
		const at = q.index ?? 0;
		let speaker: Mention | undefined;
		let verb = 'said';
		for (const p of people) {
			const between = t.slice(p.end, at);
			const m = /^,?\s+(?:[\p{L}\s,-]{0,80}?\s)?(\p{Ll}+)(?:\s+that)?[,:]?\s*$/u.exec(between);
			const saidBy = /\bby\s*$/.test(t.slice(0, p.start)) && /^\s+when\s+(?:he|she)\s+(said|wrote)[,:]?\s*$/.exec(between);
			if (p.end <= at && saidBy) {
				speaker = p;
				verb = saidBy[1] ?? 'said';
			} else if (p.end <= at && m?.[1] && SPEECH_VERBS.has(m[1]) && between.length < 120) {
				speaker = p;
				verb = m[1] + (/\bthat[,:]?\s*$/.test(between) ? ' that' : '');
			} else if (p.start >= at + q[0].length && SPEECH_VERBS.has(t.slice(at + q[0].length, p.start).replace(/^,?\s*/, '').trim())) {
				speaker = p;
			}
		}
		if (!speaker) continue;
		const shown = words.length > 30 ? `${words.slice(0, 24).join(' ')} …` : body;
		out.push({
			key: `quote|${speaker.text}|${digest(body)}`,
			answer: speaker.text,
			answerKind: 'person',
			info,
			question: `Who ${verb} “${shown}”?`,
			weight: 0.8,
			tags: ['person', 'quotation']
		});
	}
	return out;
}
