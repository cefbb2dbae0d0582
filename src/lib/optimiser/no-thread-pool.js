// Stands in for fsrs-browser's wasm-bindgen-rayon helper (aliased in vite.config.ts). The real one starts a
// thread pool of Web Workers sharing the WebAssembly memory, which needs a cross-origin-isolated page, and
// spawns itself as a worker bundle of its own. Factdeck never calls `initThreadPool`: fsrs-rs then runs on the
// optimiser's own worker thread (src/lib/optimiser/fit.ts).
export function startWorkers() {
	throw new Error('fsrs-browser thread pool is not used by Factdeck');
}
