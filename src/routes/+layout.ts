// Factdeck is a client-side app: all data lives in IndexedDB on the device, so nothing renders on a server.
// The adapter's fallback page serves every route (svelte.config.js).
export const ssr = false;
export const prerender = false;
