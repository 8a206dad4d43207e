// `npm start`: builds the package and the demo, then runs the Worker locally with `wrangler dev`.
// Providers without a key in worker/.dev.vars run in the sandbox; nothing needs an account or network.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const port = process.env.PORT ?? '8787';
const secrets = ['SONIOX_API_KEY', 'SOFERAI_API_KEY', 'MISTRAL_API_KEY', 'SCRIPTIVOX_API_KEY'];
const devVars = existsSync('worker/.dev.vars') ? readFileSync('worker/.dev.vars', 'utf8') : '';
const configured = secrets.filter((name) => new RegExp(`^\\s*${name}\\s*=\\s*\\S`, 'm').test(devVars));

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const wrangler = spawn(
  'node_modules/.bin/wrangler',
  [
    'dev',
    '-c',
    'worker/wrangler.jsonc',
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--show-interactive-dev-session=false',
  ],
  {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  },
);

let announced = false;
wrangler.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready on/.test(String(chunk))) {
    announced = true;
    const live =
      configured.length === 0 ? 'none (every provider runs in the sandbox)' : configured.join(', ');
    process.stdout.write(`\n  scribekit demo: http://127.0.0.1:${port}/\n  keys configured: ${live}\n\n`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => wrangler.kill(signal));
wrangler.on('exit', (code) => process.exit(code ?? 0));
