// The Content-Security-Policy, in one place for the two that apply it (docs/architecture.md, "Security headers"):
// svelte.config.js gives it to SvelteKit (`kit.csp`, hash mode), which writes it into every built page as a
// <meta http-equiv> with the hashes of that page's inline scripts; src/cli/serve.mjs (`npm start`) sends it
// as a header with every HTML response. Plain JavaScript, so both can import it without a build step.
import { createHash } from 'node:crypto';

/**
 * The directives in Kit's form: keywords without quotes ('self' → `'self'` when written out), schemes and hosts
 * as they are. What each source is for:
 * - script-src: the app's own files, plus the hashes of the inline scripts (the theme script in src/app.html,
 *   Kit's start-up script), added per page by Kit and by `inlineScriptHashes`;
 * - style-src 'unsafe-inline': Svelte's `style:` directives and style attributes (`style="display: contents"`
 *   in app.html, the progress bars' widths, the charts), which no hash covers without 'unsafe-hashes';
 * - connect-src https:: a share link may name a deck hosted elsewhere (Open shared deck), and the sync server
 *   (Settings → Sync) is any CouchDB; http://localhost:* and http://127.0.0.1:*: a CouchDB on this very machine
 *   (a docker container while trying sync out, the sync tests' server), the one place plain http is allowed;
 * - worker-src 'self': the generator's Web Worker, pdf.js's worker and the service worker are our own files.
 * @type {Record<string, string[]>}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'font-src': ['self'],
	'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** The other two headers `npm start` sends with every response. */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer'
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes', 'strict-dynamic', 'wasm-unsafe-eval']);

/** The policy as a header value, quoting keywords and hashes as Kit does. */
export function serializeCsp(/** @type {Record<string, string[]>} */ directives) {
	return Object.entries(directives)
		.map(([name, sources]) =>
			[name, ...sources.map((s) => (KEYWORDS.has(s) || /^(sha\d{3}|nonce)-/.test(s) ? `'${s}'` : s))].join(' ')
		)
		.join('; ');
}

/** `sha256-…` of the text of each inline `<script>` (one without `src`) in an HTML page, in order. */
export function inlineScriptHashes(/** @type {string} */ html) {
	const hashes = [];
	for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
		if (/\ssrc\s*=/i.test(match[1] ?? '')) continue;
		hashes.push(`sha256-${createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64')}`);
	}
	return hashes;
}

/** The directives with extra script hashes added to `script-src`. */
export function withScriptHashes(/** @type {Iterable<string>} */ hashes) {
	return { ...CSP_DIRECTIVES, 'script-src': [...(CSP_DIRECTIVES['script-src'] ?? []), ...new Set(hashes)] };
}
