import { describe, expect, it, vi } from 'vitest';

describe('<scribe-transcript> registration', () => {
  it('is not registered by the class module, only by define', async () => {
    const define = vi.spyOn(customElements, 'define');
    const { ScribeTranscript } = await import('../../src/elements/transcript/transcript.js');
    expect(define).not.toHaveBeenCalled();
    expect(customElements.get('scribe-transcript')).toBeUndefined();

    await import('../../src/elements/transcript/define.js');
    expect(customElements.get('scribe-transcript')).toBe(ScribeTranscript);
    expect(document.createElement('scribe-transcript')).toBeInstanceOf(ScribeTranscript);
  });

  it('leaves an existing definition in place when define runs again', async () => {
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = customElements.get('scribe-transcript');
    await expect(import('../../src/elements/transcript/define.js')).resolves.toBeDefined();
    expect(customElements.get('scribe-transcript')).toBe(first);
    expect(warn).toHaveBeenCalledOnce();
  });
});
