import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnsupportedFeatureError } from '../../../src/core/errors/index.js';
import {
  connectSonioxRealtime,
  createSonioxRealtime,
} from '../../../src/core/providers/soniox/soniox-realtime.js';
import { fakeWebSockets, type FakeWebSocket } from './fake-websocket.js';

const pcm = { audioFormat: 'pcm_s16le', sampleRate: 16000, numChannels: 1 } as const;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('Soniox realtime options', () => {
  it.each([
    [{ model: '' }, 'model'],
    [{ audioFormat: 'mp4' }, 'audioFormat'],
    [{ audioFormat: 'pcm_s16le', numChannels: 1 }, 'sampleRate'],
    [{ audioFormat: 'pcm_f32le', sampleRate: 48000 }, 'numChannels'],
    [{ audioFormat: 'auto', sampleRate: 16000 }, 'sampleRate'],
    [{ audioFormat: 'webm', numChannels: 1 }, 'numChannels'],
    [{ ...pcm, sampleRate: 100 }, 'sampleRate'],
    [{ ...pcm, sampleRate: 16000.5 }, 'sampleRate'],
    [{ ...pcm, numChannels: 9 }, 'numChannels'],
    [{ languageHints: 'en' }, 'languageHints'],
    [{ languageHints: ['en', 42] }, 'languageHints[1]'],
    [{ languageHintsStrict: 'yes' }, 'languageHintsStrict'],
    [{ context: 'x'.repeat(10_001) }, 'context'],
    [{ enableSpeakerDiarization: 1 }, 'enableSpeakerDiarization'],
    [{ enableEndpointDetection: 'true' }, 'enableEndpointDetection'],
    [{ maxEndpointDelayMs: 400 }, 'maxEndpointDelayMs'],
    [{ maxEndpointDelayMs: 3001 }, 'maxEndpointDelayMs'],
    [{ endpointSensitivity: 1.5 }, 'endpointSensitivity'],
    [{ endpointLatencyAdjustmentLevel: 4 }, 'endpointLatencyAdjustmentLevel'],
    [{ endpointLatencyAdjustmentLevel: 1.5 }, 'endpointLatencyAdjustmentLevel'],
    [{ translation: { type: 'one_way' } }, 'translation.targetLanguage'],
    [{ translation: { type: 'two_way', languageA: 'en', languageB: 'spanish' } }, 'translation.languageB'],
    [{ clientReferenceId: 'x'.repeat(257) }, 'clientReferenceId'],
    [{ url: 'ftp://example.com' }, 'url'],
    [{ authentication: 'cookie' }, 'authentication'],
    [{ keepaliveIntervalMs: 30_000 }, 'keepaliveIntervalMs'],
    [{ highWaterMark: -1 }, 'highWaterMark'],
    [{ reconnect: true }, 'reconnect'],
    [{ reconnect: { maxAttempts: 0 } }, 'reconnect.maxAttempts'],
    [{ reconnect: { bufferSeconds: 0.5 } }, 'reconnect.bufferSeconds'],
    [{ onPart: 'log' }, 'onPart'],
    [{ languageHint: ['en'] }, 'languageHint'],
  ])('rejects %j naming %s, before opening a socket', async (options, argument) => {
    const fake = fakeWebSockets();
    const error = await rejection(
      createSonioxRealtime({ apiKey: 'k', WebSocket: fake.WebSocket }).connect(options as never),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(fake.sockets).toHaveLength(0);
  });

  it('sends every documented field, snake_case, in the first frame', async () => {
    const fake = fakeWebSockets();
    const session = await createSonioxRealtime({
      apiKey: 'temp:OLDSTYLE',
      WebSocket: fake.WebSocket,
    }).connect({
      model: 'stt-rt-v4',
      audioFormat: 'pcm_s16le',
      sampleRate: 48000,
      numChannels: 2,
      languageHints: ['he', 'en'],
      languageHintsStrict: true,
      context: {
        general: [{ key: 'domain', value: 'medicine' }],
        text: 'A consultation.',
        terms: ['Celebrex'],
        translationTerms: [{ source: 'stroke', target: 'ictus' }],
      },
      enableSpeakerDiarization: true,
      enableLanguageIdentification: true,
      enableEndpointDetection: true,
      maxEndpointDelayMs: 1500,
      endpointSensitivity: -0.5,
      endpointLatencyAdjustmentLevel: 2,
      translation: { type: 'two_way', languageA: 'he', languageB: 'en' },
      clientReferenceId: 'order-7',
    });
    expect(JSON.parse((fake.sockets[0] as FakeWebSocket).sent[0] as string)).toEqual({
      api_key: 'temp:OLDSTYLE',
      model: 'stt-rt-v4',
      audio_format: 'pcm_s16le',
      sample_rate: 48000,
      num_channels: 2,
      language_hints: ['he', 'en'],
      language_hints_strict: true,
      enable_speaker_diarization: true,
      enable_language_identification: true,
      context: {
        general: [{ key: 'domain', value: 'medicine' }],
        text: 'A consultation.',
        terms: ['Celebrex'],
        translation_terms: [{ source: 'stroke', target: 'ictus' }],
      },
      translation: { type: 'two_way', language_a: 'he', language_b: 'en' },
      enable_endpoint_detection: true,
      max_endpoint_delay_ms: 1500,
      endpoint_sensitivity: -0.5,
      endpoint_latency_adjustment_level: 2,
      client_reference_id: 'order-7',
    });
    session.cancel();
  });

  it('defaults to stt-rt-v5 and audio_format auto', async () => {
    const fake = fakeWebSockets();
    const session = await createSonioxRealtime({ apiKey: 'k', WebSocket: fake.WebSocket }).connect();
    expect(JSON.parse((fake.sockets[0] as FakeWebSocket).sent[0] as string)).toEqual({
      model: 'stt-rt-v5',
      audio_format: 'auto',
    });
    session.cancel();
  });

  it('needs a key', async () => {
    const error = await rejection(
      createSonioxRealtime({ WebSocket: fakeWebSockets().WebSocket }).connect(pcm),
    );
    expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'apiKey' });
  });

  it('picks the region host, or the URL given, turning http(s) into ws(s)', async () => {
    expect(createSonioxRealtime().url).toBe('wss://stt-rt.soniox.com/transcribe-websocket');
    expect(createSonioxRealtime({ region: 'eu' }).url).toBe(
      'wss://stt-rt.eu.soniox.com/transcribe-websocket',
    );
    expect(createSonioxRealtime({ region: 'jp' }).url).toBe(
      'wss://stt-rt.jp.soniox.com/transcribe-websocket',
    );
    expect(createSonioxRealtime({ realtimeUrl: 'http://127.0.0.1:8787/rt' }).url).toBe(
      'ws://127.0.0.1:8787/rt',
    );
    expect(() => createSonioxRealtime({ region: 'mars' as 'us' })).toThrow(InvalidArgumentError);
    expect(() => createSonioxRealtime({ realtimeUrl: '/relative' })).toThrow(InvalidArgumentError);
    const fake = fakeWebSockets();
    const session = await createSonioxRealtime({ apiKey: 'k', WebSocket: fake.WebSocket }).connect({
      url: 'https://proxy.example/soniox-rt',
    });
    expect((fake.sockets[0] as FakeWebSocket).url).toBe('wss://proxy.example/soniox-rt');
    session.cancel();
  });
});

describe('Soniox realtime authentication', () => {
  it('sends an Authorization header where the WebSocket can (Node ws), and nothing else', async () => {
    const fake = fakeWebSockets({ headers: true });
    const session = await createSonioxRealtime({
      apiKey: 'temp:X',
      WebSocket: fake.WebSocket,
      headers: { 'X-Trace': '1' },
    }).connect(pcm);
    const socket = fake.sockets[0] as FakeWebSocket;
    expect(socket.options).toEqual({ headers: { 'X-Trace': '1', Authorization: 'Bearer temp:X' } });
    expect(socket.protocols).toEqual([]);
    expect(JSON.parse(socket.sent[0] as string)).not.toHaveProperty('api_key');
    session.cancel();
  });

  it('uses the soniox-api-key subprotocol for a token-safe key where headers are impossible', async () => {
    const fake = fakeWebSockets();
    const parts: string[] = [];
    const session = await createSonioxRealtime({
      apiKey: async () => 'snx_temp_abc123',
      WebSocket: fake.WebSocket,
    }).connect({
      ...pcm,
      onPart: (part) => parts.push(part.type === 'session-start' ? part.authentication : part.type),
    });
    const socket = fake.sockets[0] as FakeWebSocket;
    expect(socket.protocols).toEqual(['soniox-api-key', 'snx_temp_abc123']);
    expect(socket.options).toBeUndefined();
    expect(JSON.parse(socket.sent[0] as string)).not.toHaveProperty('api_key');
    expect(parts[0]).toBe('subprotocol');
    session.cancel();
  });

  it('falls back to the deprecated api_key field for a key a subprotocol cannot carry', async () => {
    const fake = fakeWebSockets();
    const session = await createSonioxRealtime({
      apiKey: 'temp:WYJ67RBEFUWQXXPKYPD2UGXKWB',
      WebSocket: fake.WebSocket,
    }).connect(pcm);
    const socket = fake.sockets[0] as FakeWebSocket;
    expect(socket.protocols).toEqual([]);
    expect(JSON.parse(socket.sent[0] as string)).toMatchObject({
      api_key: 'temp:WYJ67RBEFUWQXXPKYPD2UGXKWB',
    });
    session.cancel();
  });

  it('refuses a forced method the runtime or the key cannot use, before connecting', async () => {
    const browserLike = fakeWebSockets();
    const header = await rejection(
      createSonioxRealtime({ apiKey: 'k', WebSocket: browserLike.WebSocket }).connect({
        ...pcm,
        authentication: 'header',
      }),
    );
    expect(UnsupportedFeatureError.isInstance(header)).toBe(true);
    const subprotocol = await rejection(
      createSonioxRealtime({ apiKey: 'temp:X', WebSocket: browserLike.WebSocket }).connect({
        ...pcm,
        authentication: 'subprotocol',
      }),
    );
    expect(subprotocol).toMatchObject({ name: 'InvalidArgumentError', argument: 'apiKey' });
    expect(browserLike.sockets).toHaveLength(0);
  });

  it('forced message authentication puts the key in the first frame even where headers work', async () => {
    const fake = fakeWebSockets({ headers: true });
    const session = await connectSonioxRealtime({
      apiKey: 'k1',
      WebSocket: fake.WebSocket,
      ...pcm,
      authentication: 'message',
    });
    const socket = fake.sockets[0] as FakeWebSocket;
    expect(socket.options).toBeUndefined();
    expect(JSON.parse(socket.sent[0] as string)).toMatchObject({ api_key: 'k1' });
    session.cancel();
  });

  it('reports an apiKey function that fails, naming apiKey and never the key', async () => {
    const error = await rejection(
      createSonioxRealtime({
        apiKey: async () => {
          throw new Error('key server down');
        },
        WebSocket: fakeWebSockets().WebSocket,
      }).connect(pcm),
    );
    expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'apiKey' });
    expect((error as Error).message).toContain('key server down');
  });
});
