import { describe, expect, it, vi } from 'vitest';

describe('<scribe-live> registration', () => {
  it('is not registered by importing the class module', async () => {
    const { ScribeLive } = await import('../../src/elements/live/live.js');

    expect(ScribeLive).toBeTypeOf('function');
    expect(customElements.get('scribe-live')).toBeUndefined();
  });

  it('is registered by define.js, and a second copy keeps the first definition', async () => {
    const { ScribeLive } = await import('../../src/elements/live/live.js');
    const define = vi.spyOn(customElements, 'define');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await import('../../src/elements/live/define.js');
    vi.resetModules();
    await import('../../src/elements/live/define.js');

    expect(customElements.get('scribe-live')).toBe(ScribeLive);
    expect(define).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('<scribe-live> is already defined'));
    expect(document.createElement('scribe-live')).toBeInstanceOf(ScribeLive);
  });
});
