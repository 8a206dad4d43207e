// Records today's sizes as the ratchet's baseline (bench/size-baseline.json). Run it after a change
// that makes a bundle smaller, to lock the gain in; or, deliberately, after one that had to grow.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { measureBudgetedSizes } from './size-budget.mjs';

const sizes = await measureBudgetedSizes();
const baseline = {
  '//': 'test/unit/size-budget.test.ts fails when a bundle grows more than `tolerance` over `gzipBytes`. `target` is the issue budget to tighten toward. Update with `node bench/update-size-baseline.mjs`; see bench/README.md.',
  tolerance: 0.05,
  recordedAt: new Date().toISOString().slice(0, 10),
  recordedOn: `commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()} plus the uncommitted work in the tree`,
  bundles: Object.fromEntries(
    Object.entries(sizes).map(([name, size]) => [
      name,
      {
        label: size.label,
        gzipBytes: size.gzipBytes,
        minifiedBytes: size.minifiedBytes,
        target: size.target,
      },
    ]),
  ),
};
writeFileSync(new URL('./size-baseline.json', import.meta.url), `${JSON.stringify(baseline, null, 2)}\n`);
for (const [name, size] of Object.entries(sizes))
  console.log(`${name}: ${size.gzipBytes} B min+gzip (target ${size.target} B)`);
