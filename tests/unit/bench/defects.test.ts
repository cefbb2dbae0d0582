import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/domain/types';
import { brokenStem, defects, foreignChoice, reverseAcronym } from '../../bench/defects';

const mcq = (answer: string, choices: string[]): Card => ({
	id: 'c',
	type: 'mcq',
	question: 'The GNU General _____ does not permit incorporating your program into proprietary programs.',
	answer,
	choices,
	tags: [],
	score: 0.5,
	source: { doc: 'd', sentence: '', start: 0, end: 0 }
});

describe('bench defect proxies', () => {
	it('flags a question that keeps a colon, a semicolon or a second clause', () => {
		expect(brokenStem('What is divided among three branches: the River Waal (6/9 of total discharge)?')).toBe(true);
		expect(brokenStem('What is doubtful; a placebo effect is a more likely explanation?')).toBe(true);
		expect(brokenStem('What dried up and the amount of forests on the flood plains decreased sharply?')).toBe(true);
		expect(brokenStem('What was designed entirely by Digital Equipment Corporation?')).toBe(false);
		expect(brokenStem('What linked any future policy changes to peace between the belligerents?')).toBe(false);
	});

	it('flags an mcq choice the document never mentions', () => {
		const doc = 'The GNU General Public License does not permit incorporating your program into proprietary programs. See the License.';
		expect(foreignChoice(mcq('Public License', ['Thomas Whitfield', 'Public License', 'License']), doc)).toBe(true);
		expect(foreignChoice(mcq('Public License', ['proprietary programs', 'Public License', 'License']), doc)).toBe(false);
	});

	it('flags the reverse acronym question', () => {
		expect(reverseAcronym('What is the abbreviation for the National Science Foundation?')).toBe(true);
		expect(reverseAcronym('What does NSF stand for?')).toBe(false);
	});

	it('reads only the card types each proxy is about', () => {
		expect(defects({ ...mcq('x', []), type: 'cloze', question: 'What is doubtful; a placebo effect is a more likely explanation?' }, '')).toEqual([]);
		expect(defects({ ...mcq('x', []), type: 'basic', question: 'What is doubtful; a placebo effect is a more likely explanation?' }, '')).toEqual(['broken stem']);
	});
});
