import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../../src/core/index.js';
import { createSoniox } from '../../../../src/core/providers/soniox/index.js';

describe('soniox.realtime', () => {
  it('knows its URL before its code is loaded', () => {
    expect(createSoniox({ apiKey: 'k' }).realtime.url).toBe('wss://stt-rt.soniox.com/transcribe-websocket');
    expect(createSoniox({ apiKey: 'k', region: 'eu' }).realtime.url).toBe(
      'wss://stt-rt.eu.soniox.com/transcribe-websocket',
    );
    expect(
      createSoniox({ apiKey: 'k', realtimeUrl: 'https://scribe.example/api/soniox/transcribe-websocket' })
        .realtime.url,
    ).toBe('wss://scribe.example/api/soniox/transcribe-websocket');
  });

  it('rejects a bad realtime URL at once', () => {
    expect(() => createSoniox({ apiKey: 'k', realtimeUrl: 'ftp://nowhere' })).toThrow(InvalidArgumentError);
  });

  it('loads the session engine on connect and checks options before any connection', async () => {
    let sockets = 0;
    const CountingWebSocket = function () {
      sockets++;
      throw new Error('no sockets in this test');
    };
    const soniox = createSoniox({ apiKey: 'k', WebSocket: CountingWebSocket as never });
    const error = await soniox.realtime
      .connect({ sampleRate: -1, audioFormat: 'pcm_s16le', numChannels: 1 })
      .catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('sampleRate');
    expect(sockets).toBe(0);
  });
});
