import { describe, expect, it } from 'vitest';
import {
	checkChoice,
	checkMatching,
	checkOrdering,
	checkTypedAnswer,
	osaDistance,
	surnameOf,
	typoAllowance,
	type AnswerContext
} from '../../../src/lib/quiz/answer-check';

const basic: AnswerContext = { type: 'basic' };
const cloze: AnswerContext = { type: 'cloze' };
const uniqueSchwab: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: new Set(['schwab']) };
const sharedSchwab: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: new Set(['clinton']) };
const byFunction: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: (s) => s === 'kim' };
/** Every surname unique: what is refused below is refused for what it is, not for a shared surname. */
const anyoneUnique: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: () => true };
const sharedKim: AnswerContext = { type: 'basic', kind: 'person', surnamesUniqueInDeck: (s) => s !== 'kim' };

/** [given, expected, context, correct, reason] */
const table: [string, string, AnswerContext, boolean, string][] = [
	// Identical, or identical once case, accents, punctuation, articles and spacing are ignored.
	['George Schwab', 'George Schwab', basic, true, 'Exact match'],
	['george schwab', 'George Schwab', basic, true, 'Exact match'],
	['  George   Schwab  ', 'George Schwab', basic, true, 'Exact match'],
	['George Schwab.', 'George Schwab', basic, true, 'Exact match'],
	['Kim Jong-un', 'Kim Jong Un', basic, true, 'Exact match'],
	['Pyongyang', 'Pyŏngyang', cloze, true, 'Exact match'],
	['Ecole normale superieure', 'École Normale Supérieure', basic, true, 'Exact match'],
	['Hague', 'The Hague', basic, true, 'Exact match'],
	['the Northeast Asia Cooperation Dialogue', 'Northeast Asia Cooperation Dialogue', basic, true, 'Exact match'],
	['an embargo', 'embargo', basic, true, 'Exact match'],
	['O’Brien', "O'Brien", basic, true, 'Exact match'],
	['1,000', '1000', basic, true, 'Exact match'],
	// Numbers as values.
	['twenty-one', '21', basic, true, 'Accepted: same number'],
	['twenty one', '21', cloze, true, 'Accepted: same number'],
	['21', 'twenty-one', basic, true, 'Accepted: same number'],
	['one thousand', '1,000', basic, true, 'Accepted: same number'],
	['two thousand and five', '2005', basic, true, 'Accepted: same number'],
	['one hundred twenty-five', '125', basic, true, 'Accepted: same number'],
	['21st', 'twenty-first', basic, true, 'Accepted: same number'],
	['three members', '3 members', basic, true, 'Accepted: same number'],
	['22', '21', basic, false, 'Not accepted: expected “21”'],
	['twenty-two', '21', basic, false, 'Not accepted: expected “21”'],
	['1996', '1995', basic, false, 'Not accepted: expected “1995”'],
	['4 members', '3 members', basic, false, 'Not accepted: expected “3 members”'],
	['10000', '1,000', basic, false, 'Not accepted: expected “1,000”'],
	// Dates as values.
	['6/2005', 'June 2005', basic, true, 'Accepted: same date'],
	['2005-06', 'June 2005', basic, true, 'Accepted: same date'],
	['Jun 2005', 'June 2005', basic, true, 'Accepted: same date'],
	['28 July 2005', 'July 28, 2005', basic, true, 'Accepted: same date'],
	['2005-07-28', 'July 28, 2005', basic, true, 'Accepted: same date'],
	['28th July 2005', 'July 28, 2005', basic, true, 'Accepted: same date'],
	['7/28/2005', '28 July 2005', basic, true, 'Accepted: same date'],
	['July 2005', 'June 2005', basic, false, 'Not accepted: expected “June 2005”'],
	['2005-07-29', 'July 28, 2005', basic, false, 'Not accepted: expected “July 28, 2005”'],
	['June 2006', 'June 2005', basic, false, 'Not accepted: expected “June 2005”'],
	['Juen 2005', 'June 2005', basic, true, 'Accepted: small typo (1 letter)'],
	// Typos scaled to length: none up to 3 characters, 1 up to 7, 2 up to 14, then 15%.
	['Schwb', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Shcwab', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Schwabb', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Schwob', 'Schwab', basic, true, 'Accepted: small typo (1 letter)'],
	['Schoob', 'Schwab', basic, false, 'Not accepted: expected “Schwab”'],
	['Georg Shwab', 'George Schwab', basic, true, 'Accepted: small typo (2 letters)'],
	['Gorg Shwab', 'George Schwab', basic, false, 'Not accepted: expected “George Schwab”'],
	['NCAF', 'NCAFP', basic, true, 'Accepted: small typo (1 letter)'],
	['UM', 'UN', basic, false, 'Not accepted: expected “UN”'],
	['IAEE', 'IAEA', basic, true, 'Accepted: small typo (1 letter)'],
	['Northeast Asia Coperation Dialog', 'Northeast Asia Cooperation Dialogue', basic, true, 'Accepted: small typo (3 letters)'],
	['Northeast Asia Dialogue', 'Northeast Asia Cooperation Dialogue', basic, false, 'Not accepted: expected “Northeast Asia Cooperation Dialogue”'],
	['Iraq', 'Iran', { type: 'basic', confusables: ['Iraq', 'Iran', 'Syria'] }, false, 'Not accepted: “iraq” is another country than “iran”; expected “Iran”'],
	['Irn', 'Iran', { type: 'basic', confusables: ['Iraq', 'Iran'] }, true, 'Accepted: small typo (1 letter)'],
	['Kim Jongun', 'Kim Jong Un', basic, true, 'Accepted: small typo (1 letter)'],
	['Kim Jung Un', 'Kim Jong Un', basic, true, 'Accepted: small typo (1 letter)'],
	['Nuclear Non-Proliferaton Treaty', 'Nuclear Non-Proliferation Treaty', basic, true, 'Accepted: small typo (1 letter)'],
	['Yonbyon', 'Yongbyon', { type: 'basic', confusables: ['Yongban', 'Sohae'] }, true, 'Accepted: small typo (1 letter)'],
	['Easten Europe', 'Eastern Europe', basic, true, 'Accepted: small typo (1 letter)'],
	['increse', 'increase', basic, true, 'Accepted: small typo (1 letter)'],
	// People: the surname alone when it is unique in the deck.
	['Schwab', 'George Schwab', uniqueSchwab, true, 'Accepted: surname is enough here'],
	['schwab', 'George Schwab', uniqueSchwab, true, 'Accepted: surname is enough here'],
	['Schwabb', 'George Schwab', uniqueSchwab, true, 'Accepted: surname is enough here (small typo, 1 letter)'],
	['Schwab', 'George Schwab', sharedSchwab, false, 'Not accepted: more than one person in this deck has that surname; expected “George Schwab”'],
	['Schwab', 'George Schwab', basic, false, 'Not accepted: expected “George Schwab”'],
	// Korean and Chinese names are written surname first: "Kim" is the surname of Kim Jong Un, "Un" is not.
	['Kim', 'Kim Jong Un', byFunction, true, 'Accepted: surname is enough here'],
	['Xi', 'Xi Jinping', anyoneUnique, true, 'Accepted: surname is enough here'],
	['Lee', 'Lee Myung-bak', anyoneUnique, true, 'Accepted: surname is enough here'],
	['Oswald', 'Lee Harvey Oswald', anyoneUnique, true, 'Accepted: surname is enough here'],
	['Kardashian', 'Kim Kardashian', anyoneUnique, true, 'Accepted: surname is enough here'],
	['Jong Un Kim', 'Kim Jong Un', anyoneUnique, true, 'Accepted: same name'],
	['Schwab', 'Schwab', byFunction, true, 'Exact match'],
	['Schwab, George', 'George Schwab', uniqueSchwab, true, 'Accepted: same name'],
	['George', 'George Schwab', uniqueSchwab, false, 'Not accepted: expected “George Schwab”'],
	['Martin Luther King', 'Martin Luther King Jr.', uniqueSchwab, true, 'Accepted: same name'],
	['Martin Luther King', 'Martin Luther King Jr.', basic, false, 'Not accepted: expected “Martin Luther King Jr.”'],
	// Blank, true/false typed.
	['', 'George Schwab', basic, false, 'Not accepted: expected “George Schwab”'],
	['   ', '21', basic, false, 'Not accepted: expected “21”'],
	['true', 'True', { type: 'truefalse' }, true, 'Exact match'],
	['yes', 'True', { type: 'truefalse' }, true, 'Exact match'],
	['f', 'False', { type: 'truefalse' }, true, 'Exact match'],
	['false', 'True', { type: 'truefalse' }, false, 'Not accepted: expected “True”'],
	// A pair of common-noun phrases the generator asks whole names the same two in either order; names and titles
	// keep theirs, and the joining word must be the same.
	['foreign tourism and copper exports', 'copper exports and foreign tourism', basic, true, 'Accepted: the same two, in another order'],
	['A version and an operator.', 'an operator and a version', cloze, true, 'Accepted: the same two, in another order'],
	['foreign turism and copper exports', 'copper exports and foreign tourism', basic, true, 'Accepted: small typo (1 letter)'],
	['Juliet and Romeo', 'Romeo and Juliet', basic, false, 'Not accepted: expected “Romeo and Juliet”'],
	['foreign tourism or copper exports', 'copper exports and foreign tourism', basic, false, 'Not accepted: expected “copper exports and foreign tourism”'],
	['foreign tourism and copper imports', 'copper exports and foreign tourism', basic, false, 'Not accepted: “imports” is the opposite of “exports”; expected “copper exports and foreign tourism”'],
	// A list of three or more the generator asks whole names the same members in any order, with a serial comma or
	// not, "and" or commas alone; each member is judged on its own, typos by its own length. Names make a list too.
	['timber, copper ore and wool', 'wool, timber and copper ore', basic, true, 'Accepted: the same three, in another order'],
	['Copper ore, wool, and timber.', 'wool, timber and copper ore', basic, true, 'Accepted: the same three, in another order'],
	['timber, wool, copper ore', 'wool, timber and copper ore', basic, true, 'Accepted: the same three, in another order'],
	['wool, timber, and copper ore', 'wool, timber and copper ore', cloze, true, 'Exact match'],
	['timbre, wool and copper ore', 'wool, timber and copper ore', basic, true, 'Accepted: small typo (1 letter)'],
	['timbr, wol and coper ore', 'wool, timber and copper ore', basic, true, 'Accepted: small typo (3 letters)'],
	['Croydon, Ashford, Bexley and Dartford', 'Ashford, Bexley, Croydon, and Dartford', basic, true, 'Accepted: the same four, in another order'],
	['the Lowlands, Fife and Argyll', 'Fife, Argyll and the Lowlands', basic, true, 'Accepted: the same three, in another order'],
	// A member missing, one too many, one wrong, a typo beyond a member's own allowance, or "or" for "and": wrong.
	['timber and wool', 'wool, timber and copper ore', basic, false, 'Not accepted: 2 named where the list has 3; expected “wool, timber and copper ore”'],
	['timber, wool, flax and copper ore', 'wool, timber and copper ore', basic, false, 'Not accepted: 4 named where the list has 3; expected “wool, timber and copper ore”'],
	['timber, wool and iron ore', 'wool, timber and copper ore', basic, false, 'Not accepted: “iron ore” is none of the members; expected “wool, timber and copper ore”'],
	['wl, timber and copper ore', 'wool, timber and copper ore', basic, false, 'Not accepted: “wl” is none of the members; expected “wool, timber and copper ore”'],
	['timber, wool or copper ore', 'wool, timber and copper ore', basic, false, 'Not accepted: “or” is not “and”; expected “wool, timber and copper ore”'],
	['wages, imports and prices', 'wages, prices and exports', basic, false, 'Not accepted: “imports” is none of the members; expected “wages, prices and exports”'],
	// A member alone is not the list; "and" in an earlier gap or a digit makes no list (judged as one string).
	['timber', 'wool, timber and copper ore', basic, false, 'Not accepted: expected “wool, timber and copper ore”'],
	['cheese and wine, bread and butter', 'bread and butter, cheese and wine', basic, false, 'Not accepted: expected “bread and butter, cheese and wine”'],
	['1990, 1980 and 1970', '1970, 1980 and 1990', basic, false, 'Not accepted: expected “1970, 1980 and 1990”']
];

/**
 * Near misses (issue 12): each is within the typo allowance of the expected answer, or a surname-only answer,
 * but changes a name, a direction, a number or a meaning, or is as close to another answer of the deck.
 * [given, expected, context, reason]; every one is refused.
 */
const nearMisses: [string, string, AnswerContext, string][] = [
	// A short word or name part changed: each word must be within its own allowance (none up to 3 letters).
	['Kim Jong Il', 'Kim Jong Un', basic, 'Not accepted: “il” is another word than “un”; expected “Kim Jong Un”'],
	['Kim Jong Un', 'Kim Jong Il', basic, 'Not accepted: “un” is another word than “il”; expected “Kim Jong Il”'],
	['Kim Jong Il', 'Kim Jong Un', anyoneUnique, 'Not accepted: “il” is another word than “un”; expected “Kim Jong Un”'],
	['Park Geun-hee', 'Park Geun-hye', basic, 'Not accepted: “hee” is another word than “hye”; expected “Park Geun-hye”'],
	['Xu Jinping', 'Xi Jinping', basic, 'Not accepted: “xu” is another word than “xi”; expected “Xi Jinping”'],
	['Ri Yong Ha', 'Ri Yong Ho', basic, 'Not accepted: “ha” is another word than “ho”; expected “Ri Yong Ho”'],
	['Moon Jae-un', 'Moon Jae-in', basic, 'Not accepted: “un” is another word than “in”; expected “Moon Jae-in”'],
	// Directions and opposites.
	['South Korea', 'North Korea', basic, 'Not accepted: “south” is the opposite of “north”; expected “North Korea”'],
	['North Korea', 'South Korea', basic, 'Not accepted: “north” is the opposite of “south”; expected “South Korea”'],
	['East Germany', 'West Germany', basic, 'Not accepted: “east” is the opposite of “west”; expected “West Germany”'],
	['West Germany', 'East Germany', basic, 'Not accepted: “west” is the opposite of “east”; expected “East Germany”'],
	['Southeast Asia', 'Northeast Asia', basic, 'Not accepted: “southeast” is the opposite of “northeast”; expected “Northeast Asia”'],
	['Western Europe', 'Eastern Europe', basic, 'Not accepted: “western” is the opposite of “eastern”; expected “Eastern Europe”'],
	['Southern Limit Line', 'Northern Limit Line', basic, 'Not accepted: “southern” is the opposite of “northern”; expected “Northern Limit Line”'],
	['decrease', 'increase', basic, 'Not accepted: “decrease” is the opposite of “increase”; expected “increase”'],
	['increase', 'decrease', basic, 'Not accepted: “increase” is the opposite of “decrease”; expected “decrease”'],
	['a sharp decrease', 'a sharp increase', basic, 'Not accepted: “decrease” is the opposite of “increase”; expected “a sharp increase”'],
	['deflation', 'inflation', basic, 'Not accepted: “deflation” is the opposite of “inflation”; expected “inflation”'],
	['exportation', 'importation', basic, 'Not accepted: “exportation” is the opposite of “importation”; expected “importation”'],
	['minority', 'majority', basic, 'Not accepted: “minority” is the opposite of “majority”; expected “majority”'],
	['unilateral', 'bilateral', basic, 'Not accepted: “unilateral” is the opposite of “bilateral”; expected “bilateral”'],
	['unofficial talks', 'official talks', basic, 'Not accepted: “unofficial” is the opposite of “official”; expected “official talks”'],
	['official', 'unofficial', basic, 'Not accepted: “official” is the opposite of “unofficial”; expected “unofficial”'],
	['informal talks', 'formal talks', basic, 'Not accepted: “informal” is the opposite of “formal”; expected “formal talks”'],
	['indirect talks', 'direct talks', basic, 'Not accepted: “indirect” is the opposite of “direct”; expected “direct talks”'],
	['nuclearization', 'denuclearization', basic, 'Not accepted: “nuclearization” is the opposite of “denuclearization”; expected “denuclearization”'],
	['Treaty on the Proliferation of Nuclear Weapons', 'Treaty on the Non-Proliferation of Nuclear Weapons', basic, 'Not accepted: “non” reverses the meaning; expected “Treaty on the Non-Proliferation of Nuclear Weapons”'],
	['before the war', 'after the war', basic, 'Not accepted: expected “after the war”'],
	['more than half', 'less than half', basic, 'Not accepted: expected “less than half”'],
	// Numbers, roman numerals included.
	['Henry VII', 'Henry VIII', basic, 'Not accepted: “vii” is another number than “viii”; expected “Henry VIII”'],
	['World War I', 'World War II', basic, 'Not accepted: “i” is another number than “ii”; expected “World War II”'],
	['G7', 'G8', basic, 'Not accepted: expected “G8”'],
	['Hwasong-14', 'Hwasong-15', basic, 'Not accepted: expected “Hwasong-15”'],
	['Six-Party Talks', 'Four-Party Talks', basic, 'Not accepted: expected “Four-Party Talks”'],
	['39th parallel', '38th parallel', basic, 'Not accepted: expected “38th parallel”'],
	// Another country.
	['Iraq', 'Iran', basic, 'Not accepted: “iraq” is another country than “iran”; expected “Iran”'],
	['Iran', 'Iraq', basic, 'Not accepted: “iran” is another country than “iraq”; expected “Iraq”'],
	['Austria', 'Australia', basic, 'Not accepted: “austria” is another country than “australia”; expected “Australia”'],
	['Slovenia', 'Slovakia', basic, 'Not accepted: “slovenia” is another country than “slovakia”; expected “Slovakia”'],
	['Gambia', 'Zambia', basic, 'Not accepted: “gambia” is another country than “zambia”; expected “Zambia”'],
	// As close to another answer of the deck (or an option of the card) as to the expected one.
	['Cliton', 'Clinton', { type: 'basic', confusables: ['Clifton'] }, 'Not accepted: as close to “Clifton”, another answer in this deck; expected “Clinton”'],
	['Yongbon', 'Yongbyon', { type: 'basic', confusables: ['Yongban', 'Sohae'] }, 'Not accepted: as close to “Yongban”, another answer in this deck; expected “Yongbyon”'],
	['Clifton', 'Clinton', { type: 'basic', confusables: ['Clifton'] }, 'Not accepted: as close to “Clifton”, another answer in this deck; expected “Clinton”'],
	// A surname alone: the right word of the name, and only when no one else in the deck has it.
	['Un', 'Kim Jong Un', anyoneUnique, 'Not accepted: expected “Kim Jong Un”'],
	['Jong Un', 'Kim Jong Un', anyoneUnique, 'Not accepted: expected “Kim Jong Un”'],
	['Jinping', 'Xi Jinping', anyoneUnique, 'Not accepted: expected “Xi Jinping”'],
	['Bak', 'Lee Myung-bak', anyoneUnique, 'Not accepted: expected “Lee Myung-bak”'],
	['Lee', 'Lee Harvey Oswald', anyoneUnique, 'Not accepted: expected “Lee Harvey Oswald”'],
	['Kin', 'Kim Jong Un', anyoneUnique, 'Not accepted: expected “Kim Jong Un”'],
	['Kim', 'Kim Jong Un', sharedKim, 'Not accepted: more than one person in this deck has that surname; expected “Kim Jong Un”']
];

describe('checkTypedAnswer', () => {
	it.each(table)('%j for %j', (given, expected, context, correct, reason) => {
		expect(checkTypedAnswer(given, expected, context)).toEqual({ correct, reason });
	});

	it.each(nearMisses)('refuses the near miss %j for %j', (given, expected, context, reason) => {
		expect(checkTypedAnswer(given, expected, context)).toEqual({ correct: false, reason });
	});

	it('has a near-miss table of at least 40 refused cases', () => {
		expect(nearMisses.length).toBeGreaterThanOrEqual(40);
	});

	it('has a table of at least 40 cases, both accepted and refused', () => {
		expect(table.length).toBeGreaterThanOrEqual(40);
		expect(table.filter((row) => row[3]).length).toBeGreaterThanOrEqual(15);
		expect(table.filter((row) => !row[3]).length).toBeGreaterThanOrEqual(15);
	});
});

describe('typo maths', () => {
	it('counts an adjacent transposition as one edit (optimal string alignment)', () => {
		expect(osaDistance('schwab', 'shcwab')).toBe(1);
		expect(osaDistance('ca', 'abc')).toBe(3);
		expect(osaDistance('', 'abc')).toBe(3);
		expect(osaDistance('kitten', 'sitting')).toBe(3);
	});

	it('scales the allowance with the length of the answer', () => {
		expect([1, 3, 4, 7, 8, 14, 15, 20, 33].map(typoAllowance)).toEqual([0, 0, 1, 1, 2, 2, 2, 3, 4]);
	});

	it('files a person under the last word of the name, suffixes aside', () => {
		expect(surnameOf('George Schwab')).toBe('schwab');
		expect(surnameOf('Martin Luther King Jr.')).toBe('king');
		expect(surnameOf('Gaston Julia')).toBe('julia');
	});

	it('files a Korean or Chinese name under its first word, the surname', () => {
		const names = ['Kim Jong Un', 'Kim Jong-un', 'Xi Jinping', 'Moon Jae-in', 'Ban Ki-moon', 'Lee Myung-bak', 'Park Chung-hee', 'Choe Ryong-hae', 'Ma Ying-jeou', 'Sun Yat-sen', 'Lee Hsien Loong', 'Han Kang'];
		expect(names.map(surnameOf)).toEqual(['kim', 'kim', 'xi', 'moon', 'ban', 'lee', 'park', 'choe', 'ma', 'sun', 'lee', 'han']);
		// A Korean or Chinese surname followed by a Western given name is a Western name.
		expect(['Lee Harvey Oswald', 'Kim Kardashian', 'Lee Marvin', 'Young Kim'].map(surnameOf)).toEqual([
			'oswald',
			'kardashian',
			'marvin',
			'kim'
		]);
	});
});

describe('checkChoice', () => {
	it('accepts exactly the answer', () => {
		expect(checkChoice('Seoul', 'Seoul')).toEqual({ correct: true, reason: 'Correct' });
		expect(checkChoice('Tokyo', 'Seoul')).toEqual({ correct: false, reason: 'Not accepted: expected “Seoul”' });
		expect(checkChoice('False', 'True')).toEqual({ correct: false, reason: 'Not accepted: expected “True”' });
	});
});

describe('checkMatching', () => {
	const pairs: [string, string][] = [
		['NEACD', 'Northeast Asia Cooperation Dialogue'],
		['NCAFP', 'National Committee on American Foreign Policy'],
		['IAEA', 'International Atomic Energy Agency']
	];

	it('is right when every pair is', () => {
		const given = Object.fromEntries(pairs);
		expect(checkMatching(given, pairs)).toMatchObject({
			correct: true,
			reason: 'All 3 pairs matched',
			correctCount: 3,
			total: 3
		});
	});

	it('judges pair by pair, a missing pair counting as wrong', () => {
		const verdict = checkMatching(
			{ NEACD: 'Northeast Asia Cooperation Dialogue', NCAFP: 'International Atomic Energy Agency' },
			pairs
		);
		expect(verdict.correct).toBe(false);
		expect(verdict.reason).toBe('Not accepted: 1 of 3 pairs matched');
		expect(verdict.pairs.map((p) => [p.left, p.given, p.correct])).toEqual([
			['NEACD', 'Northeast Asia Cooperation Dialogue', true],
			['NCAFP', 'International Atomic Energy Agency', false],
			['IAEA', undefined, false]
		]);
	});
});

describe('checkOrdering', () => {
	const items = ['1994 Agreed Framework', '2003 Six-Party Talks', '2005 Joint Statement', '2018 Singapore summit'];

	it('is right only in exactly the expected order', () => {
		expect(checkOrdering(items, items)).toEqual({ correct: true, reason: 'All 4 in order', inPlace: 4, total: 4 });
	});

	it('reports how many items are in their place', () => {
		const swapped = [items[0], items[2], items[1], items[3]] as string[];
		expect(checkOrdering(swapped, items)).toEqual({
			correct: false,
			reason: 'Not accepted: 2 of 4 in the right place',
			inPlace: 2,
			total: 4
		});
		expect(checkOrdering(items.slice(0, 3), items)).toMatchObject({ correct: false, inPlace: 3 });
	});
});
