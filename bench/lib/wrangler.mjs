// `wrangler dev` on 127.0.0.1, the way test/helpers/wrangler-dev.ts starts the real Worker, but on
// a snapshot: the entry is bundled once into a temporary folder and served with --no-bundle, so
// edits others make to worker/ while the bench runs cannot reload the server mid-measurement, and
// wrangler's .wrangler state stays out of the repository.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './bundle-size.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `wrangler dev` for `main` (a path from the repository root); resolves once it is ready. */
export async function startWranglerDev({ main, directory, name = 'scribekit-bench' }) {
  mkdirSync(directory, { recursive: true });
  const bundle = join(directory, 'worker.mjs');
  await build({
    entryPoints: [join(repoRoot, main)],
    bundle: true,
    outfile: bundle,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    target: 'es2022',
    external: ['cloudflare:*'],
    logLevel: 'silent',
  });
  const config = join(directory, 'wrangler.json');
  writeFileSync(config, JSON.stringify({ name, main: bundle, compatibility_date: '2026-04-01' }));
  const port = await freePort();
  const inspectorPort = await freePort();
  const args = ['dev', '--no-bundle', '-c', config, '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--inspector-port', String(inspectorPort));
  const child = spawn(join(repoRoot, 'node_modules/.bin/wrangler'), args, {
    cwd: directory,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 60_000;
  while (!/Ready on/.test(log)) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`wrangler dev did not start within 60 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
