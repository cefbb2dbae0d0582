// fsrs-browser in Node, for tests: the same library the app's worker loads, initialised from node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as lib from 'fsrs-browser';
import { fitParameters } from '$lib/optimiser/fit';
import type { FsrsItem } from '$lib/optimiser/convert';

const wasm = readFileSync(createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm'));
const output = lib.initSync({ module: wasm });

export function fitInNode(items: readonly FsrsItem[], onProgress?: (p: { done: number; total: number }) => void): number[] {
	return fitParameters(lib, () => output.memory.buffer as ArrayBuffer, items, onProgress);
}
