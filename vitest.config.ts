import { defineConfig } from 'vitest/config';

// One project per runtime; `vitest --project <name>` runs one. `npm test` runs them all
// through scripts/test.mjs, which also runs the typecheck, lint and Deno suites.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'elements',
          environment: 'happy-dom',
          include: ['test/elements/**/*.test.ts'],
        },
      },
      './test/workerd/vitest.config.ts',
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium and one Worker at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'conformance',
          environment: 'node',
          include: ['test/conformance/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
