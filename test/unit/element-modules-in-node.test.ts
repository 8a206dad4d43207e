import { describe, expect, it } from 'vitest';

// Element class modules must import where there is no DOM (server rendering, tests, build tools)
// and must not register anything: registration is the define files' job.
describe('element modules in Node', () => {
  it('import without a DOM and register nothing', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const modules = await Promise.all([
      import('../../src/elements/upload/upload.js'),
      import('../../src/elements/transcript/transcript.js'),
      import('../../src/elements/outline-player/outline-player.js'),
      import('../../src/elements/capture/index.js'),
      import('../../src/elements/live/live.js'),
    ]);
    expect(modules.map((module) => Object.keys(module).length > 0)).toEqual([true, true, true, true, true]);
    const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
    expect(registry?.get('scribe-upload')).toBeUndefined();
    expect(registry?.get('scribe-transcript')).toBeUndefined();
    expect(registry?.get('scribe-outline-player')).toBeUndefined();
    expect(registry?.get('scribe-live')).toBeUndefined();
  });
});
