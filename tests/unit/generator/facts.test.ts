import { describe, expect, it } from 'vitest';
import { buildModel, extractFacts } from '../../../src/lib/generator/core/index';
import { seed } from './seeds';

const facts = (which: 'talks' | 'exchanges') => extractFacts(buildModel('d', seed(which).text));
const pairs = (which: 'talks' | 'exchanges', group: 'role' | 'acronym') =>
	facts(which).flatMap((f) => (f.pair?.group === group ? [[f.pair.left, f.pair.right]] : []));

describe('facts of the seeds', () => {
	it('finds acronyms with their expansions', () => {
		expect(pairs('talks', 'acronym')).toContainEqual(['NCAFP', 'National Committee on American Foreign Policy']);
		const exchanges = pairs('exchanges', 'acronym');
		expect(exchanges).toContainEqual(['NEACD', 'Northeast Asia Cooperative Dialogue']);
		expect(exchanges).toContainEqual(['DPRK', 'Democratic People’s Republic of Korea']);
		expect(exchanges).toContainEqual(['BDA', 'Banco Delta Asia']);
		// "Council for Security Cooperation in Northeast Asia (CSCAP)": the letters do not fit, so no fact.
		expect(exchanges.find(([short]) => short === 'CSCAP')?.[1]).toBe('Council for Security Cooperation in the Asia Pacific');
	});

	it('finds people with their roles from appositives and titles', () => {
		const talks = pairs('talks', 'role');
		expect(talks).toContainEqual(['George Schwab', 'President of NCAFP']);
		expect(talks).toContainEqual(['Henry Kissinger', 'co-chairman of the NCAFP']);
		expect(talks).toContainEqual(['Donald Zagoria', 'Senior Vice President of the NCAFP']);
		const exchanges = pairs('exchanges', 'role');
		expect(exchanges).toContainEqual(['Kim Gye-gwan', 'DPRK Vice Minister of Foreign Affairs']);
		expect(exchanges).toContainEqual(['Christopher Hill', 'Assistant Secretary of State']);
		expect(exchanges).toContainEqual(['Ri Gun', 'director general of the DPRKs Foreign Ministry’s American Affairs Bureau']);
	});

	it('finds affiliations, definitions and quotations', () => {
		const talks = facts('talks');
		expect(talks.find((f) => f.question === 'Which organisation is Evans Revere from?')?.answer).toBe('Korea Society');
		expect(talks.find((f) => f.key === 'define|Strategic patience')?.question).toBe('Which term means an unwillingness to engage in dialogue for whatever reason?');
		expect(talks.find((f) => f.tags.includes('quotation'))?.answer).toBe('Schwab');
		const exchanges = facts('exchanges');
		expect(exchanges.find((f) => f.key === 'define|Track I')?.answer).toBe('Track I');
		expect(exchanges.find((f) => f.question === 'In which year was CSCAP founded?')?.answer).toBe('1993');
	});

	it('counts with their noun: experts from 21 countries', () => {
		const f = facts('exchanges').find((x) => x.answer === '21');
		expect(f?.cloze).toBe('Experts from _____ countries, drawn primarily from think tanks and including some members of government, convene for unofficial dialogue on security issues on a regular basis.');
	});
});
