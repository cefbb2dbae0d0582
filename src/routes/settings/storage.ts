// How much this device stores for Factdeck and whether the browser may evict it (navigator.storage), for the
// settings page. Browsers without the Storage API report "unknown" rather than failing.
import { formatSize } from '$lib/formats/json';

export interface StorageState {
	/** e.g. "1.2 MB of 300 MB", or null when the browser does not say. */
	usage: string | null;
	/** true: kept under storage pressure; false: may be evicted; null: unknown. */
	persisted: boolean | null;
}

export async function readStorageState(): Promise<StorageState> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	const [estimate, persisted] = await Promise.all([
		storage?.estimate ? storage.estimate().catch(() => null) : null,
		storage?.persisted ? storage.persisted().catch(() => null) : null
	]);
	const usage =
		estimate && typeof estimate.usage === 'number'
			? `${formatSize(estimate.usage)}${typeof estimate.quota === 'number' ? ` of ${formatSize(estimate.quota)}` : ''}`
			: null;
	return { usage, persisted };
}
