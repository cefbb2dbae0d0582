// `npm test`: the whole suite, in the order a failure is cheapest to find.
// 1. type-check (svelte-check), 2. unit tests (vitest), 3. build, 4. end-to-end tests (Playwright on the
// built app served as by `npm start`). After each test suite it prints one plain `N passed, N failed` line
// read from the runner's JSON report, which is what CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = join('tests', '.output');
mkdirSync(outDir, { recursive: true });

/** Runs a command with inherited output; returns its exit code. */
function run(label, command, args, env = {}) {
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status ?? 1;
}

function readJson(path) {
	if (!existsSync(path)) return null;
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

let failedSteps = 0;

if (run('type-check', 'npm', ['run', '--silent', 'check']) !== 0) failedSteps++;

const unitReport = join(outDir, 'unit.json');
rmSync(unitReport, { force: true });
const unitCode = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]);
const unit = readJson(unitReport);
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests + (unit.numRuntimeErrorTestSuites ?? 0) : 1;
console.log(`unit: ${unitPassed} passed, ${unitFailed} failed`);
if (unitCode !== 0) failedSteps++;

if (run('build', 'npm', ['run', '--silent', 'build']) !== 0) {
	failedSteps++;
	console.log('e2e: 0 passed, 1 failed');
} else {
	const e2eReport = join(outDir, 'e2e.json');
	rmSync(e2eReport, { force: true });
	const e2eCode = run('end-to-end tests', 'npx', ['playwright', 'test'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
	const e2e = readJson(e2eReport);
	const stats = e2e?.stats;
	const e2ePassed = stats ? stats.expected + (stats.flaky ?? 0) : 0;
	const e2eFailed = stats ? stats.unexpected : 1;
	console.log(`e2e: ${e2ePassed} passed, ${e2eFailed} failed`);
	if (e2eCode !== 0) failedSteps++;
}

if (failedSteps > 0) {
	console.error(`\n${failedSteps} step(s) failed.`);
	process.exit(1);
}
console.log('\nAll steps passed.');
