import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureBudgetedSizes, targets, type BudgetedSize } from '../../bench/size-budget.mjs';

// A ratchet, not the budget: today's bundles are far over their targets (bench/README.md
// says where the bytes go and what would bring them down), so this fails on growth beyond the
// tolerance over the recorded baseline, and the baseline is lowered as the bundles shrink.
interface Baseline {
  tolerance: number;
  bundles: Record<string, { label: string; gzipBytes: number; minifiedBytes: number; target: number }>;
}

const baseline = JSON.parse(
  readFileSync(new URL('../../bench/size-baseline.json', import.meta.url), 'utf8'),
) as Baseline;

describe('bundle sizes (min+gzip, esbuild browser build) against bench/size-baseline.json', () => {
  let sizes: Record<string, BudgetedSize>;

  beforeAll(async () => {
    sizes = await measureBudgetedSizes();
  }, 120_000);

  it.each(Object.keys(baseline.bundles))('%s grows at most by the tolerance over its baseline', (name) => {
    const recorded = baseline.bundles[name];
    const size = sizes[name];
    expect(size, `${name} could not be bundled`).toBeDefined();
    if (recorded === undefined || size === undefined) return;
    const limit = Math.floor(recorded.gzipBytes * (1 + baseline.tolerance));
    expect(
      size.gzipBytes,
      `${recorded.label}: ${size.gzipBytes} B min+gzip, over the ratchet's ${limit} B (baseline ${recorded.gzipBytes} B + ${baseline.tolerance * 100}%). ` +
        'Make it smaller, or if the growth is deliberate, run `node bench/update-size-baseline.mjs` and say why in the commit.',
    ).toBeLessThanOrEqual(limit);
  });

  it('records every bundle that exists, with the issue target beside it', () => {
    for (const name of Object.keys(sizes)) {
      expect(
        baseline.bundles[name],
        `${name} has no baseline: run node bench/update-size-baseline.mjs`,
      ).toBeDefined();
      expect(baseline.bundles[name]?.target).toBe(targets[name]);
    }
  });
});
