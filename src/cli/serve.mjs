// Serves the built app from build/ the way a static host would: the SPA fallback page for unknown paths,
// precompressed (brotli/gzip) assets, `no-cache` for the service worker and HTML (so an update is seen),
// and long-lived caching for SvelteKit's content-hashed files. Builds first when build/ is missing.
// Every HTML response carries the Content-Security-Policy (src/cli/csp.js) as a header, with nosniff and a
// Referrer-Policy on every response (docs/architecture.md, "Security headers").
// `vite preview` is not used: it serves .svelte-kit/output, where the fallback page is a 404 and the
// service worker's precache install fails (toolchain notes, pitfall 3).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { inlineScriptHashes, SECURITY_HEADERS, serializeCsp, withScriptHashes } from './csp.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildDir = join(root, process.env.FACTDECK_OUT ?? 'build');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(join(buildDir, '200.html'))) {
	console.log(`${buildDir} is missing: building the app first (npm run build)…`);
	execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

/**
 * One policy for every HTML response: the directives plus the hashes of the inline scripts of every built page.
 * A prerendered page also carries its own <meta> policy with only its hashes, and a browser enforces both, so
 * such a page gets exactly its meta policy; the SPA fallback page is covered by the header either way.
 */
function htmlPolicy() {
	const pages = readdirSync(buildDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
	const hashes = pages.flatMap((page) => inlineScriptHashes(readFileSync(join(buildDir, page), 'utf8')));
	return serializeCsp(withScriptHashes(hashes.sort()));
}
const policy = htmlPolicy();

const assets = sirv(buildDir, {
	single: '200.html',
	brotli: true,
	gzip: true,
	etag: true,
	setHeaders(res, pathname) {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		// A path whose last segment has no extension is a page (or the SPA fallback page); `/` is index.html.
		const page = pathname.endsWith('.html') || !/\.[^/]*$/.test(pathname);
		if (page) res.setHeader('Content-Security-Policy', policy);
		if (pathname.startsWith('/_app/immutable/')) {
			res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
		} else if (pathname === '/sw.js' || page) {
			res.setHeader('Cache-Control', 'no-cache');
		} else {
			res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
		}
	}
});

const server = createServer((req, res) => {
	assets(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => {
	console.log(`Factdeck is running at http://localhost:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
