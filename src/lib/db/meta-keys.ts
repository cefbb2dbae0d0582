/** Keys of the `meta` table's app-wide facts (kept in backups like every meta row). */

/** Epoch ms of the last `Export all data`, for the reminder to back up. */
export const LAST_EXPORT_KEY = 'lastExportAt';
