import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build` (npm test builds first): every public specifier must resolve to
// built files, and every module must import in plain Node with no DOM.
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
};

describe('the package exports map', () => {
  for (const [specifier, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'string') {
      it(`resolves ${specifier}`, () => expect(existsSync(target)).toBe(true));
      continue;
    }
    it(`lists types first for ${specifier}`, () => expect(Object.keys(target)[0]).toBe('types'));
    it(`has built files for ${specifier}`, () => {
      expect(existsSync(target.types), target.types).toBe(true);
      expect(existsSync(target.default), target.default).toBe(true);
    });
    // The elements bundle registers custom elements: it is for browsers, and runs in the Chromium suite.
    if (!target.default.endsWith('.js') || specifier === './elements') continue;
    it(`imports ${specifier} in Node without a DOM`, async () => {
      expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
      const module = (await import(`../../${target.default}`)) as Record<string, unknown>;
      expect(Object.keys(module).length).toBeGreaterThan(0);
    });
  }
});
