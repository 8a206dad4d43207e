// The three bundles the issue budgets, measured the way bench/size.mjs measures every bundle.
// Shared by `npm run bench` and test/unit/size-budget.test.ts (the ratchet).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSize, repoRoot } from './lib/bundle-size.mjs';

/** Where the realtime client is exported from: the public entry once it is there, else its own file. */
export function realtimeModule() {
  const index = 'src/core/providers/soniox/index.ts';
  const own = 'src/core/providers/soniox/soniox-realtime.ts';
  if (/\bcreateSonioxRealtime\b/.test(readFileSync(join(repoRoot, index), 'utf8'))) return `./${index}`;
  return existsSync(join(repoRoot, own)) ? `./${own}` : undefined;
}

/** The entries, as a user would start: `transcribe` plus one provider; the realtime client; every element. */
export function budgetEntries() {
  const realtime = realtimeModule();
  return {
    'core+soniox': {
      label: 'scribekit `transcribe` + `createSoniox`',
      source: `export { transcribe } from './src/core/index.ts';\nexport { createSoniox } from './src/core/providers/soniox/index.ts';`,
    },
    'realtime-session': {
      label: 'scribekit `createSonioxRealtime` (realtime session alone)',
      source: realtime === undefined ? undefined : `export { createSonioxRealtime } from '${realtime}';`,
    },
    'elements-iife': {
      label: 'scribekit elements, script-tag bundle (IIFE), Lit included',
      source: `export * from './src/elements/index.ts';`,
      options: { format: 'iife', globalName: 'Scribekit' },
    },
  };
}

/** The targets, in bytes of min+gzip (1 kB = 1000 B). */
export const targets = { 'core+soniox': 8000, 'realtime-session': 5000, 'elements-iife': 35000 };

/** Measures the budgeted bundles: `{ [name]: { label, minifiedBytes, gzipBytes, target } }`. */
export async function measureBudgetedSizes() {
  const sizes = {};
  for (const [name, entry] of Object.entries(budgetEntries())) {
    if (entry.source === undefined) continue;
    const { minifiedBytes, gzipBytes } = await bundleSize(entry.source, entry.options);
    sizes[name] = { label: entry.label, minifiedBytes, gzipBytes, target: targets[name] };
  }
  return sizes;
}
