/**
 * The persistence layer's public face. Only src/lib/db imports Dexie; pages and components use these
 * functions, passing the database from `getDb()` (tests pass their own `new FactdeckDB(name)`).
 * The home page imports `./connection` and `./decks` directly, to stay small.
 */
export { FactdeckDB, DEFAULT_SETTINGS } from './schema';
export type { CardRow, DeckRow, ReviewRow, SourceRow, SettingsRow, Theme, ReviewOrigin } from './schema';
export { StorageError, toStorageError, type StorageErrorKind } from './errors';
export { getDb, live } from './connection';
export * from './decks';
export * from './builtins';
export * from './cards';
export * from './card-state';
export * from './browse';
export * from './reviews';
export * from './settings';
export * from './backup';
export * from './restore';
export * from './reminder';
export { LAST_EXPORT_KEY } from './meta-keys';
export * from './quizzes';
export * from './parameters';
export * from './learner';
export type { QuizRow, QuizAnswerRow, ParametersRow } from './schema';
