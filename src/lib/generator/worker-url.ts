/**
 * The built generator worker's address. Its own module, so the app shell can warm the worker's cache
 * (src/lib/pwa/warm.ts) without loading the generator client.
 */
export { default as generatorWorkerUrl } from './worker?worker&url';
