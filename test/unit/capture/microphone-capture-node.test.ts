import { describe, expect, it } from 'vitest';

describe('the capture module in Node', () => {
  it('imports and constructs without a DOM, touching no browser API', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const { MicrophoneCapture } = await import('../../../src/elements/capture/index.js');
    const capture = new MicrophoneCapture();
    expect(capture.state).toBe('idle');
    expect(capture.audioFormat).toEqual({ format: 'pcm_s16le', sampleRate: 16000, numChannels: 1 });
    expect(capture.level).toBe(0);
  });

  it('fails start() as unsupported where there is no navigator.mediaDevices', async () => {
    const { CaptureError, MicrophoneCapture } = await import('../../../src/elements/capture/index.js');
    const error: unknown = await new MicrophoneCapture().start().catch((caught: unknown) => caught);
    expect(CaptureError.isInstance(error) && error.reason).toBe('unsupported');
  });
});
