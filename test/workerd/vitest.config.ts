import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: '../../worker/wrangler.jsonc' } })],
  test: {
    name: 'workerd',
    include: ['**/*.test.ts'],
  },
});
