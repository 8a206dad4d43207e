import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: '../../worker/wrangler.jsonc' },
      // A webhook secret, so the Durable Object job-events path runs through the real Worker.
      miniflare: { bindings: { SONIOX_WEBHOOK_SECRET: 'workerd-test-secret' } },
    }),
  ],
  test: {
    name: 'workerd',
    include: ['**/*.test.ts'],
  },
});
