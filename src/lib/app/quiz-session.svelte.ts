/**
 * A quiz's state (issue 5) as runes: set-up → questions → end. Builds the quiz with src/lib/quiz/build.ts,
 * judges answers with src/lib/quiz/answer-check.ts, keeps time (and the optional time limit), takes the
 * student's "I was right", and saves the result (with its reviews, when the quiz counts as review) in one
 * transaction through src/lib/db. The clock and the seed source come in, so tests pin them.
 */
import { attemptLoad, messageOf } from './message';
import {
	cardsOf,
	exportDeck,
	learnerScheduler,
	missedLastTime,
	quizzesOf,
	saveQuizResult,
	type CardRow,
	type FactdeckDB,
	type QuizRow
} from '$lib/db';
import { CALENDAR, deviceZone, isDueToday, type DayRule, type TimeZone } from '$lib/domain/days';
import { ARROW, CARD_TYPES, PAIR_SEPARATOR, type Card, type CardType, type DeckFile } from '$lib/domain/types';
import {
	checkChoice,
	checkMatching,
	checkOrdering,
	checkTypedAnswer,
	surnameOf,
	type AnswerContext,
	type AnswerKind,
	type Verdict
} from '$lib/quiz/answer-check';
import {
	buildQuiz,
	QUIZ_DEFAULT_QUESTIONS,
	QuizSetupError,
	retryMistakes,
	scoreQuiz,
	type Quiz,
	type QuizAnswer,
	type QuizCandidate,
	type QuizQuestion,
	type QuizScore,
	type QuizSelection
} from '$lib/quiz/build';
import { Scheduler } from '$lib/scheduler/fsrs';
import { isNew } from '$lib/scheduler/progress';

export interface QuizDeps {
	db: FactdeckDB;
	/** The one clock of the quiz: every "now" comes from here. */
	clock?: () => Date;
	/** A new quiz's seed (shuffles of questions and options). */
	seed?: () => number;
	/** On in the app; off in tests for exact intervals. */
	enableFuzz?: boolean;
	/** The time zone study days are counted in (the "due" choice); this device's by default. */
	zone?: TimeZone;
}

/** 'missing': the deck is not on this device; 'failed': reading it failed (`loadError` says why). */
export type QuizPhase = 'loading' | 'missing' | 'failed' | 'setup' | 'question' | 'checked' | 'end';

export type WhichCards = 'all' | 'due' | 'new' | 'missed' | 'tag';

/** The set-up form's fields, bound by the page. */
export interface QuizSetupForm {
	count: number;
	types: CardType[];
	which: WhichCards;
	tag: string;
	/** Minutes; null or 0 for no limit. */
	timeLimitMin: number | null;
	countAsReview: boolean;
}

/** What the student gave, by how the question is presented. */
export type QuizResponse =
	| { kind: 'choice'; option: string }
	| { kind: 'typed'; text: string }
	| { kind: 'matching'; given: Readonly<Record<string, string | undefined>> }
	| { kind: 'ordering'; order: readonly string[] };

export interface AnsweredQuestion extends QuizAnswer {
	/** Why the answer was accepted or not (the checker's reason, or the override). */
	reason: string;
	answeredAt: Date;
	durationMs: number;
}

/** Anki's "maximum answer seconds": a question left on screen while away counts as 60 s in the review log. */
const MAX_ANSWER_MS = 60_000;

/** Tags whose cards have a person's name as their answer, a date, or a number. */
const PERSON_TAGS = new Set(['person']);
const DATE_TAGS = new Set(['date', 'year']);
const NUMBER_TAGS = new Set(['number']);
/** "George Schwab", "Martin Luther King Jr.": two to four capitalised words. */
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

function answerKind(card: Card): AnswerKind {
	const tags = card.tags.map((t) => t.toLowerCase());
	if (tags.some((t) => PERSON_TAGS.has(t)) && NAME.test(card.answer.trim())) return 'person';
	if (tags.some((t) => DATE_TAGS.has(t))) return 'date';
	if (tags.some((t) => NUMBER_TAGS.has(t))) return 'number';
	return 'other';
}

/**
 * What the checker needs to know about the deck for a typed answer: whether the answer is a person (and whose
 * surnames are unique among the deck's people), and its confusables (issue 12): the deck's other answers of
 * the same kind and the options of its multiple-choice cards of that kind (the options of a card with this
 * answer among them), none of which is ever taken for a typo of this answer.
 */
export function answerContexts(cards: readonly Card[]): (card: Card) => AnswerContext {
	const people = new Map<string, Set<string>>();
	const byKind = new Map<AnswerKind, Set<string>>();
	for (const card of cards) {
		const kind = answerKind(card);
		if (kind === 'person') {
			const name = card.answer.trim();
			const surname = surnameOf(name);
			people.set(surname, (people.get(surname) ?? new Set()).add(name.toLowerCase()));
		}
		const answers = byKind.get(kind) ?? new Set<string>();
		if (card.type === 'basic' || card.type === 'cloze') answers.add(card.answer);
		if (card.type === 'mcq') for (const choice of card.choices ?? []) answers.add(choice);
		byKind.set(kind, answers);
	}
	const unique = (surname: string) => (people.get(surname)?.size ?? 0) === 1;
	return (card) => {
		const kind = answerKind(card);
		const own = card.type === 'mcq' ? (card.choices ?? []) : [];
		const others = new Set([...(byKind.get(kind) ?? []), ...own]);
		others.delete(card.answer);
		return { type: card.type, kind, surnamesUniqueInDeck: unique, confusables: [...others] };
	};
}

/** Judges a response to a question; the text kept as the student's answer goes with the verdict. */
export function judge(question: QuizQuestion, response: QuizResponse, context: AnswerContext): { verdict: Verdict; given: string } {
	const { card } = question;
	switch (response.kind) {
		case 'choice':
			return { verdict: checkChoice(response.option, card.answer), given: response.option };
		case 'typed':
			return { verdict: checkTypedAnswer(response.text, card.answer, context), given: response.text };
		case 'matching': {
			const pairs = card.pairs ?? [];
			const given = pairs.map(([left]) => `${left}${ARROW}${response.given[left] ?? '…'}`).join(PAIR_SEPARATOR);
			return { verdict: checkMatching(response.given, pairs), given };
		}
		case 'ordering':
			return { verdict: checkOrdering(response.order, card.items ?? []), given: response.order.join(ARROW) };
	}
}

/** The set-up form's choice of cards as the builder's selection. */
export function selectionOf(form: Pick<QuizSetupForm, 'which' | 'tag'>): QuizSelection {
	return form.which === 'tag' ? { tag: form.tag } : form.which;
}

export function defaultSetup(types: readonly CardType[] = CARD_TYPES): QuizSetupForm {
	return { count: QUIZ_DEFAULT_QUESTIONS, types: [...types], which: 'all', tag: '', timeLimitMin: null, countAsReview: true };
}

export class QuizSession {
	phase = $state<QuizPhase>('loading');
	deck = $state.raw<DeckFile | null>(null);
	setup = $state<QuizSetupForm>(defaultSetup());
	/** Card types in this deck, and its tags, most used first: the set-up form's choices. */
	types = $state.raw<CardType[]>([]);
	tags = $state.raw<string[]>([]);
	/** A set-up that gives no quiz, for a role="alert" next to the form. */
	setupError = $state<string | null>(null);
	/** The last failed save, for a role="alert" element; `Save again` retries. */
	error = $state<string | null>(null);
	/** Why the deck could not be read (phase 'failed'), with what to do, for a role="alert" element. */
	loadError = $state<string | null>(null);
	quiz = $state.raw<Quiz | null>(null);
	index = $state(0);
	answers = $state.raw<AnsweredQuestion[]>([]);
	/** After the last question or when time ran out. */
	score = $state.raw<QuizScore | null>(null);
	durationMs = $state(0);
	timedOut = $state(false);
	/** Time left with a time limit, updated by `tick`; null without one. */
	remainingMs = $state<number | null>(null);
	saving = $state(false);
	saved = $state(false);
	/** The deck's earlier quizzes, newest first. */
	history = $state.raw<QuizRow[]>([]);

	readonly #db: FactdeckDB;
	readonly #clock: () => Date;
	readonly #seed: () => number;
	readonly #fuzz: boolean;
	readonly #zone: TimeZone;
	#days: DayRule = CALENDAR;
	#rows: CardRow[] = [];
	#missed = new Set<string>();
	#context: (card: Card) => AnswerContext = answerContexts([]);
	#scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
	#startedAt = new Date(0);
	#finishedAt = new Date(0);
	#shownAt = 0;

	constructor(
		readonly deckId: string,
		deps: QuizDeps
	) {
		this.#db = deps.db;
		this.#clock = deps.clock ?? (() => new Date());
		this.#seed = deps.seed ?? (() => Math.floor(Math.random() * 2 ** 32));
		this.#fuzz = deps.enableFuzz ?? true;
		this.#zone = deps.zone ?? deviceZone;
	}

	get question(): QuizQuestion | null {
		return this.quiz?.questions[this.index] ?? null;
	}

	/** The current question's answer once checked. */
	get current(): AnsweredQuestion | null {
		const question = this.question;
		if (this.phase !== 'checked' || !question) return null;
		return this.answers.find((a) => a.cardId === question.card.id) ?? null;
	}

	get total(): number {
		return this.quiz?.questions.length ?? 0;
	}

	/**
	 * Loads the deck and what the set-up form offers. Any failure ends the loading: "missing" only when the deck
	 * is not stored, otherwise "failed" with the cause in `loadError`; `load()` again retries.
	 */
	async load(): Promise<void> {
		this.phase = 'loading';
		const failure = await attemptLoad(() => this.#load(), 'open this deck');
		this.loadError = failure?.kind === 'failed' ? failure.message : null;
		if (failure) this.phase = failure.kind;
	}

	async #load(): Promise<void> {
		const deck = await exportDeck(this.#db, this.deckId);
		const [rows, missed, { scheduler, days }, history] = await Promise.all([
			cardsOf(this.#db, this.deckId),
			missedLastTime(this.#db, this.deckId),
			learnerScheduler(this.#db, { enableFuzz: this.#fuzz, zone: this.#zone }),
			quizzesOf(this.#db, this.deckId)
		]);
		this.history = history.reverse();
		this.#rows = rows.filter((row) => !row.suspended);
		this.#missed = missed;
		this.#days = days;
		this.#scheduler = scheduler;
		this.#context = answerContexts(deck.cards);
		const present = new Set(this.#rows.map((row) => row.card.type));
		this.types = CARD_TYPES.filter((type) => present.has(type));
		const counts = new Map<string, number>();
		for (const row of this.#rows) for (const tag of row.card.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
		this.tags = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
		this.setup = { ...defaultSetup(this.types), tag: this.tags[0] ?? '' };
		this.deck = deck;
		this.phase = 'setup';
	}

	/** `Start quiz`: builds the quiz from the set-up form; a set-up that gives none says why in `setupError`. */
	start(): void {
		if (this.phase !== 'setup') return;
		const now = this.#clock();
		const candidates: QuizCandidate[] = this.#rows.map((row) => ({
			card: row.card,
			isNew: isNew(row.progress),
			// Due as the home page and the study queue count it: on today's study day (src/lib/domain/days.ts).
			isDue: !isNew(row.progress) && isDueToday(row.progress.due, now, this.#days),
			missedLastQuiz: this.#missed.has(row.id)
		}));
		const { count, types, timeLimitMin, countAsReview } = this.setup;
		const minutes = timeLimitMin ?? 0;
		try {
			const quiz = buildQuiz(candidates, {
				count: Number(count),
				types: [...types],
				which: selectionOf(this.setup),
				countAsReview,
				seed: this.#seed() >>> 0,
				...(minutes > 0 ? { timeLimitSec: Math.round(minutes * 60) } : {})
			});
			this.setupError = null;
			this.#begin(quiz, now);
		} catch (error) {
			if (!(error instanceof QuizSetupError)) throw error;
			this.setupError = error.message;
		}
	}

	/** `Check`: judges the current question. */
	check(response: QuizResponse): void {
		const question = this.question;
		if (this.phase !== 'question' || !question) return;
		if (this.#expired()) {
			void this.tick();
			return;
		}
		const now = this.#clock();
		const { verdict, given } = judge(question, response, this.#context(question.card));
		const answer: AnsweredQuestion = {
			cardId: question.card.id,
			correct: verdict.correct,
			given,
			overridden: false,
			reason: verdict.reason,
			answeredAt: now,
			durationMs: Math.min(MAX_ANSWER_MS, Math.max(0, now.getTime() - this.#shownAt))
		};
		this.answers = [...this.answers, answer];
		this.phase = 'checked';
	}

	/** "I was right": the student overrides a refusal of the current answer. */
	override(): void {
		const current = this.current;
		if (!current || current.correct) return;
		const changed: AnsweredQuestion = { ...current, correct: true, overridden: true, reason: 'Counted as right: you said you were right' };
		this.answers = this.answers.map((a) => (a === current ? changed : a));
	}

	/** `Next`: the next question, or the end of the quiz after the last one. */
	async next(): Promise<void> {
		if (this.phase !== 'checked') return;
		if (this.#expired()) return this.tick();
		if (this.index + 1 < this.total) {
			this.index += 1;
			this.#shownAt = this.#clock().getTime();
			this.phase = 'question';
			return;
		}
		await this.#finish(this.#clock(), false);
	}

	/** Called every second by the page with a time limit: updates the time left and ends the quiz at zero. */
	async tick(): Promise<void> {
		if (this.#expired()) await this.#finish(this.#clock(), true);
	}

	/** `Retry mistakes`: a new quiz of exactly the questions missed in this one. */
	retry(): void {
		const quiz = this.quiz;
		if (this.phase !== 'end' || !quiz || !this.score || this.score.missed.length === 0) return;
		this.#begin(retryMistakes(quiz, this.answers, this.#seed() >>> 0), this.#clock());
	}

	/** `New quiz`: back to the set-up form, which keeps its choices. */
	async newQuiz(): Promise<void> {
		const [missed, history] = await Promise.all([missedLastTime(this.#db, this.deckId), quizzesOf(this.#db, this.deckId)]);
		this.#missed = missed;
		this.history = history.reverse();
		this.quiz = null;
		this.score = null;
		this.phase = 'setup';
	}

	/** `Save again` after a failed save. */
	async save(): Promise<void> {
		const quiz = this.quiz;
		if (this.phase !== 'end' || !quiz || this.saved || this.saving) return;
		this.saving = true;
		try {
			await saveQuizResult(this.#db, this.#scheduler, {
				deckId: this.deckId,
				startedAt: this.#startedAt,
				finishedAt: this.#finishedAt,
				cardIds: quiz.questions.map((q) => q.card.id),
				answers: this.answers,
				countAsReview: quiz.options.countAsReview
			});
			this.saved = true;
			this.error = null;
		} catch (error) {
			// The result stays on screen; nothing was stored, so `Save again` cannot count anything twice.
			this.error = messageOf(error);
		} finally {
			this.saving = false;
		}
	}

	dismissError(): void {
		this.error = null;
	}

	#begin(quiz: Quiz, now: Date): void {
		this.quiz = quiz;
		this.index = 0;
		this.answers = [];
		this.score = null;
		this.timedOut = false;
		this.saved = false;
		this.error = null;
		this.durationMs = 0;
		this.#startedAt = now;
		this.#shownAt = now.getTime();
		this.remainingMs = quiz.options.timeLimitSec === undefined ? null : quiz.options.timeLimitSec * 1000;
		this.phase = 'question';
	}

	/** Whether the time limit has run out (and the time left, as a side effect for the page's countdown). */
	#expired(): boolean {
		const limit = this.quiz?.options.timeLimitSec;
		if (limit === undefined || (this.phase !== 'question' && this.phase !== 'checked')) return false;
		const left = this.#startedAt.getTime() + limit * 1000 - this.#clock().getTime();
		this.remainingMs = Math.max(0, left);
		return left <= 0;
	}

	async #finish(now: Date, timedOut: boolean): Promise<void> {
		const quiz = this.quiz;
		if (!quiz) return;
		const limit = quiz.options.timeLimitSec;
		// A quiz that ran out of time took exactly its limit, however late the page noticed.
		this.#finishedAt = timedOut && limit !== undefined ? new Date(this.#startedAt.getTime() + limit * 1000) : now;
		this.durationMs = this.#finishedAt.getTime() - this.#startedAt.getTime();
		this.timedOut = timedOut;
		this.score = scoreQuiz(quiz, this.answers);
		this.phase = 'end';
		await this.save();
	}
}
