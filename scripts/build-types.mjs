// Emits declarations, then assembles build/site (the Worker's assets): the demo pages plus the
// built package under /scribekit/, which is how the demo imports it, like a user would.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

for (const config of ['tsconfig.build.json', 'worker/tsconfig.build.json']) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { stdio: 'inherit' });
}
rmSync('build/site', { recursive: true, force: true });
mkdirSync('build/site', { recursive: true });
cpSync('demo', 'build/site', { recursive: true });
cpSync('dist', 'build/site/scribekit', { recursive: true, filter: (source) => !source.includes('/types') });
