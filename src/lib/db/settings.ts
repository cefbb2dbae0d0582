import { deviceZone, studyDays, type DayRule, type TimeZone } from '$lib/domain/days';
import { RETENTION_RANGE } from '$lib/scheduler/grades';
import { isMaximumInterval, isSteps, MAXIMUM_INTERVAL_RANGE } from '$lib/scheduler/steps';
import { guard, StorageError } from './errors';
import { DEFAULT_SETTINGS, type FactdeckDB, type SettingsRow, type Theme } from './schema';

export type Settings = Omit<SettingsRow, 'key'>;

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** Settings as stored, with defaults for anything missing or out of range (a row read back is validated). */
export async function getSettings(db: FactdeckDB): Promise<Settings> {
	const row = await db.settings.get('app');
	return normalise(row ?? DEFAULT_SETTINGS);
}

function normalise(row: Partial<SettingsRow>): Settings {
	const retention = row.desiredRetention;
	const perDay = row.newPerDay;
	return {
		desiredRetention:
			typeof retention === 'number' && retention >= RETENTION_RANGE.min && retention <= RETENTION_RANGE.max
				? retention
				: DEFAULT_SETTINGS.desiredRetention,
		newPerDay: typeof perDay === 'number' && Number.isInteger(perDay) && perDay >= 0 && perDay <= 9999 ? perDay : DEFAULT_SETTINGS.newPerDay,
		theme: row.theme && THEMES.includes(row.theme) ? row.theme : DEFAULT_SETTINGS.theme,
		rolloverHour: isHour(row.rolloverHour) ? row.rolloverHour : DEFAULT_SETTINGS.rolloverHour,
		learningSteps: isSteps(row.learningSteps) ? row.learningSteps : DEFAULT_SETTINGS.learningSteps,
		relearningSteps: isSteps(row.relearningSteps) ? row.relearningSteps : DEFAULT_SETTINGS.relearningSteps,
		maximumInterval: isMaximumInterval(row.maximumInterval) ? row.maximumInterval : DEFAULT_SETTINGS.maximumInterval,
		burySiblings: typeof row.burySiblings === 'boolean' ? row.burySiblings : DEFAULT_SETTINGS.burySiblings
	};
}

function isHour(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 23;
}

/** How instants fall into study days under the stored "Next day starts at" hour, in `zone`. */
export async function getDayRule(db: FactdeckDB, zone: TimeZone = deviceZone): Promise<DayRule> {
	return studyDays((await getSettings(db)).rolloverHour, zone);
}

/** Saves a change to the settings; a value out of range is refused with a message, and nothing changes. */
export async function saveSettings(db: FactdeckDB, change: Partial<Settings>): Promise<Settings> {
	const { desiredRetention, newPerDay, theme, rolloverHour, learningSteps, relearningSteps, maximumInterval, burySiblings } = change;
	if (desiredRetention !== undefined && !(desiredRetention >= RETENTION_RANGE.min && desiredRetention <= RETENTION_RANGE.max)) {
		throw new StorageError('invalid', `Desired retention must be between ${RETENTION_RANGE.min} and ${RETENTION_RANGE.max}.`);
	}
	if (newPerDay !== undefined && !(Number.isInteger(newPerDay) && newPerDay >= 0 && newPerDay <= 9999)) {
		throw new StorageError('invalid', 'New cards per day must be a whole number from 0 to 9999.');
	}
	if (rolloverHour !== undefined && !isHour(rolloverHour)) {
		throw new StorageError('invalid', 'The next day must start at a whole hour from 0 to 23.');
	}
	if (learningSteps !== undefined && !isSteps(learningSteps)) throw new StorageError('invalid', 'Learning steps must be up to 10 steps like "1m 10m".');
	if (relearningSteps !== undefined && !isSteps(relearningSteps)) throw new StorageError('invalid', 'Relearning steps must be up to 10 steps like "10m".');
	if (maximumInterval !== undefined && !isMaximumInterval(maximumInterval)) {
		throw new StorageError('invalid', `The maximum interval must be a whole number of days from ${MAXIMUM_INTERVAL_RANGE.min} to ${MAXIMUM_INTERVAL_RANGE.max.toLocaleString('en-US')}.`);
	}
	if (burySiblings !== undefined && typeof burySiblings !== 'boolean') throw new StorageError('invalid', 'Bury siblings is on or off.');
	if (theme !== undefined && !THEMES.includes(theme)) {
		throw new StorageError('invalid', `Theme must be one of ${THEMES.join(', ')}.`);
	}
	return guard('save the settings', () =>
		db.transaction('rw', db.settings, async () => {
			const next = { ...(await getSettings(db)), ...change };
			await db.settings.put({ key: 'app', ...next });
			return next;
		})
	);
}
