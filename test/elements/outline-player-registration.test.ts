import { describe, expect, it, vi } from 'vitest';

describe('<scribe-outline-player> registration', () => {
  it('is not registered by the class module, only by define', async () => {
    const define = vi.spyOn(customElements, 'define');
    const { ScribeOutlinePlayer } = await import('../../src/elements/outline-player/outline-player.js');
    expect(define).not.toHaveBeenCalled();
    expect(customElements.get('scribe-outline-player')).toBeUndefined();

    await import('../../src/elements/outline-player/define.js');
    expect(customElements.get('scribe-outline-player')).toBe(ScribeOutlinePlayer);
    expect(document.createElement('scribe-outline-player')).toBeInstanceOf(ScribeOutlinePlayer);
  });

  it('leaves an existing definition in place when define runs again', async () => {
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = customElements.get('scribe-outline-player');
    await expect(import('../../src/elements/outline-player/define.js')).resolves.toBeDefined();
    expect(customElements.get('scribe-outline-player')).toBe(first);
    expect(warn).toHaveBeenCalledOnce();
  });
});
