import { describe, expect, it, vi } from 'vitest';

describe('<scribe-upload> registration', () => {
  it('is not registered by importing the class module', async () => {
    const { ScribeUpload } = await import('../../src/elements/upload/upload.js');

    expect(ScribeUpload).toBeTypeOf('function');
    expect(customElements.get('scribe-upload')).toBeUndefined();
  });

  it('is registered by define.js, and a second copy keeps the first definition', async () => {
    const { ScribeUpload } = await import('../../src/elements/upload/upload.js');
    const define = vi.spyOn(customElements, 'define');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await import('../../src/elements/upload/define.js');
    vi.resetModules();
    await import('../../src/elements/upload/define.js');

    expect(customElements.get('scribe-upload')).toBe(ScribeUpload);
    expect(define).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('<scribe-upload> is already defined'));
    expect(document.createElement('scribe-upload')).toBeInstanceOf(ScribeUpload);
  });
});
