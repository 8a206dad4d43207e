// `npm test`: every suite in turn — lint, format, typecheck, build, the Worker's deploy bundle, the
// vitest projects (unit, elements, workerd, browser, conformance) and Deno — then one closing
// line `N passed, N failed` summed over all of them. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  DENO_NO_UPDATE_CHECK: '1',
  DENO_DIR: `${process.cwd()}/.deno-cache`,
  NO_COLOR: '1',
};
const only = process.argv.slice(2);
const results = [];
mkdirSync('test-results', { recursive: true });

function run(command, args) {
  process.stdout.write(`\n$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function check(name, command, args) {
  if (only.length > 0 && !only.includes(name)) return;
  const ok = run(command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

const bin = (name) => `node_modules/.bin/${name}`;

check('lint', bin('eslint'), ['.']);
check('format', bin('prettier'), ['--check', '.']);
check('typecheck:package', bin('tsc'), ['-p', 'tsconfig.json']);
check('typecheck:tests', bin('tsc'), ['-p', 'tsconfig.test.json']);
check('typecheck:worker', bin('tsc'), ['-p', 'worker/tsconfig.json']);
check('build', 'npm', ['run', '--silent', 'build']);
rmSync('build/deploy-dry-run', { recursive: true, force: true });
check('worker:deploy-dry-run', bin('wrangler'), [
  'deploy',
  '--dry-run',
  '-c',
  'worker/wrangler.jsonc',
  '--outdir',
  'build/deploy-dry-run',
]);

if (only.length === 0 || only.includes('vitest')) {
  const report = 'test-results/vitest.json';
  rmSync(report, { force: true });
  const ok = run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const failedSuites = json.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    ).length;
    results.push({
      name: 'vitest',
      passed: json.numPassedTests,
      failed: json.numFailedTests + failedSuites + (ok || json.numFailedTests + failedSuites > 0 ? 0 : 1),
    });
  } else {
    results.push({ name: 'vitest', passed: 0, failed: 1 });
  }
}

if (only.length === 0 || only.includes('deno')) {
  const report = 'test-results/deno.xml';
  rmSync(report, { force: true });
  const ok = run(bin('deno'), [
    'test',
    '--allow-net=127.0.0.1',
    '--allow-read=.',
    `--junit-path=${report}`,
    'test/deno/',
  ]);
  const xml = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const total = Number(/<testsuites[^>]*\btests="(\d+)"/.exec(xml)?.[1] ?? 0);
  const failures = Number(/<testsuites[^>]*\bfailures="(\d+)"/.exec(xml)?.[1] ?? 0);
  results.push({ name: 'deno', passed: total - failures, failed: failures + (ok || failures > 0 ? 0 : 1) });
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
process.stdout.write('\nSuites:\n');
for (const result of results)
  process.stdout.write(
    `  ${result.failed === 0 ? 'ok  ' : 'FAIL'} ${result.name}: ${result.passed} passed, ${result.failed} failed\n`,
  );
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
