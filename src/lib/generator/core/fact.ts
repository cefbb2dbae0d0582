/**
 * A fact is one thing the document states, tied to its sentence, with the wordings a card can use.
 * Extractors (people.ts, terms.ts, blanks.ts) produce facts; cards.ts turns them into cards.
 */
import type { SentenceInfo } from './entities';
import type { Kind } from './mentions';
import type { Person } from './context';

export type AnswerKind = Kind | 'term' | 'acronym' | 'expansion' | 'role' | 'concept' | 'cause' | 'purpose' | 'means' | 'quality';

export interface Fact {
	/** Identity of the fact, independent of where the sentence sits: card ids hash it. */
	key: string;
	answer: string;
	answerKind: AnswerKind;
	info: SentenceInfo;
	/** A wh-question whose answer is `answer`. */
	question?: string;
	/** The clause with the answer blanked. */
	cloze?: string;
	/** A self-contained statement holding `answer` exactly once, for true/false. */
	statement?: string;
	pair?: { group: 'role' | 'acronym'; left: string; right: string };
	event?: { label: string; when: number };
	/** 0..1: how likely people are to ask this (features.ts); extractors set their cue strength here first */
	weight: number;
	/** the extractor's cue strength, kept when the ranker replaces `weight` */
	cue?: number;
	/**
	 * How good a card the fact makes, whatever people ask (0..1, default 1): half of a range, a long clause, a
	 * lone common word. The ranker's probability is multiplied by it.
	 */
	quality?: number;
	/** the answer is its clause's subject */
	subject?: boolean;
	/** the answer is the object of its clause's main verb */
	object?: boolean;
	tags: string[];
	/**
	 * The members of a list asked whole ("dioxygen, ozone and tetraoxygen": lists.ts `wholeListFact`): no
	 * distractor has the answer's shape, so the fact makes no multiple choice and no true/false swap.
	 */
	members?: string[];
	/** Answers that must not be offered as distractors (everyone the document gives this role). */
	exclude?: string[];
	/** The person the reading is about (context.ts `documentPerson`): their pronouns in a stem that names them stand for them. */
	person?: Person;
}
