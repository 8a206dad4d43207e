import { describe, expect, it } from 'vitest';
import { createSonioxRealtime } from '../../src/core/providers/soniox/soniox-realtime.js';
import type { RealtimePart } from '../../src/core/realtime/realtime-part.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../worker/src/sandbox/index.js';
// @ts-expect-error -- Vite inlines the asset as a data URL; the workerd tsconfig has no vite/client types.
import speechWavDataUrl from '../fixtures/audio/speech.wav?inline';

/** The fox sample (`test/fixtures/audio/speech.wav`): the whole file, and its PCM after the 44-byte header. */
const speechWav = Uint8Array.from(atob(String(speechWavDataUrl).split(',')[1] ?? ''), (char) =>
  char.charCodeAt(0),
);
const foxPcm = speechWav.subarray(44);
const FOX = 'The quick brown fox jumps over the lazy dog.';
const URL_US = 'https://stt-rt.soniox.com/transcribe-websocket';
const PCM_CONFIG = { model: 'stt-rt-v5', audio_format: 'pcm_s16le', sample_rate: 16000, num_channels: 1 };

interface Connection {
  readonly response: Response;
  readonly socket: WebSocket;
  readonly messages: Record<string, unknown>[];
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** Opens a socket to the sandbox the way a Worker would: a `fetch` with `Upgrade: websocket`. */
async function open(
  sandbox: Sandbox,
  headers: Record<string, string> = {},
  url = URL_US,
): Promise<Connection> {
  const response = await sandbox.fetch(new Request(url, { headers: { Upgrade: 'websocket', ...headers } }));
  const socket = response.webSocket;
  if (socket === null) throw new Error(`no WebSocket: HTTP ${response.status} ${await response.text()}`);
  socket.accept();
  const messages: Record<string, unknown>[] = [];
  socket.addEventListener('message', (event) =>
    messages.push(JSON.parse(String(event.data)) as Record<string, unknown>),
  );
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })),
  );
  return { response, socket, messages, closed };
}

async function mintKey(sandbox: Sandbox, body: Record<string, unknown>): Promise<string> {
  const response = await sandbox.fetch(
    new Request('https://api.soniox.com/v1/auth/temporary-api-key', {
      method: 'POST',
      headers: { Authorization: 'Bearer server-key', 'content-type': 'application/json' },
      body: JSON.stringify({ usage_type: 'transcribe_websocket', expires_in_seconds: 60, ...body }),
    }),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { api_key: string }).api_key;
}

/** Sends `audio` in 120 ms chunks (3,840 bytes, as Soniox's examples do). */
function sendAudio(socket: WebSocket, audio: Uint8Array, from = 0, to = audio.byteLength): void {
  for (let offset = from; offset < to; offset += 3840)
    socket.send(audio.slice(offset, Math.min(to, offset + 3840)));
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The text of the final tokens received, control tokens left out. */
function finalText(messages: readonly Record<string, unknown>[]): string {
  return messages
    .flatMap((message) => (message['tokens'] as { text: string; is_final: boolean }[] | undefined) ?? [])
    .filter((token) => token.is_final && !token.text.startsWith('<'))
    .map((token) => token.text)
    .join('');
}

function sandboxWith(options: SandboxOptions = {}): Sandbox {
  return createSandbox(options);
}

describe('the Soniox realtime sandbox in workerd', () => {
  it('accepts a key in the Authorization header and finishes a session', async () => {
    const sandbox = sandboxWith();
    const { response, socket, messages, closed } = await open(sandbox, { Authorization: 'Bearer live-key' });
    expect(response.status).toBe(101);
    socket.send(JSON.stringify(PCM_CONFIG));
    sendAudio(socket, foxPcm);
    socket.send('');
    expect(await closed).toEqual({ code: 1000, reason: '' });
    expect(finalText(messages)).toBe(FOX);
    expect(messages.at(-1)).toEqual({
      tokens: [],
      final_audio_proc_ms: 3439,
      total_audio_proc_ms: 3439,
      finished: true,
    });
  });

  it('accepts the soniox-api-key subprotocol and echoes it', async () => {
    const { response, socket, messages, closed } = await open(sandboxWith(), {
      'Sec-WebSocket-Protocol': 'soniox-api-key, snx_temp_abc',
    });
    expect(response.headers.get('Sec-WebSocket-Protocol')).toBe('soniox-api-key');
    socket.send(JSON.stringify(PCM_CONFIG));
    socket.send('');
    expect((await closed).code).toBe(1000);
    expect(messages.at(-1)).toMatchObject({ finished: true });
  });

  it('accepts the deprecated api_key field of the configuration', async () => {
    const { socket, messages, closed } = await open(sandboxWith());
    socket.send(JSON.stringify({ ...PCM_CONFIG, api_key: 'live-key' }));
    socket.send('');
    await closed;
    expect(messages.at(-1)).toMatchObject({ finished: true });
  });

  it('refuses a key sent both as a header and as a subprotocol, and anything but an upgrade', async () => {
    const sandbox = sandboxWith();
    const both = await sandbox.fetch(
      new Request(URL_US, {
        headers: {
          Upgrade: 'websocket',
          Authorization: 'Bearer a',
          'Sec-WebSocket-Protocol': 'soniox-api-key, b',
        },
      }),
    );
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error_type: 'invalid_request' });
    expect((await sandbox.fetch(new Request(URL_US))).status).toBe(426);
    const elsewhere = await sandbox.fetch(
      new Request('https://stt-rt.soniox.com/other', { headers: { Upgrade: 'websocket' } }),
    );
    expect(elsewhere.status).toBe(404);
  });

  it.each([
    [{}, 401, 'Missing API key'],
    [{ Authorization: 'Bearer invalid' }, 401, 'Incorrect API key provided'],
  ])('refuses a missing or wrong key in-band: %j', async (headers, code, message) => {
    const { socket, messages, closed } = await open(sandboxWith(), headers);
    socket.send(JSON.stringify(PCM_CONFIG));
    expect((await closed).code).toBe(1000);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ error_code: code, error_type: 'unauthenticated' });
    expect(String(messages[0]?.['error_message'])).toContain(message);
    expect(messages[0]?.['request_id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{ audio_format: 'auto' }, 'model: Field required'],
    [{ ...PCM_CONFIG, model: 'stt-async-v5' }, 'Invalid model specified.'],
    [{ ...PCM_CONFIG, audio_format: 'mp4' }, 'audio_format: Input should be'],
    [{ model: 'stt-rt-v5', audio_format: 'pcm_s16le', num_channels: 1 }, 'sample_rate: Field required'],
    [{ ...PCM_CONFIG, num_channels: 0 }, 'num_channels: Input should be greater than or equal to 1'],
    [
      { ...PCM_CONFIG, max_endpoint_delay_ms: 100 },
      'max_endpoint_delay_ms: Input should be greater than or equal to 500',
    ],
    [
      { ...PCM_CONFIG, endpoint_sensitivity: 3 },
      'endpoint_sensitivity: Input should be less than or equal to 1',
    ],
    [{ ...PCM_CONFIG, endpoint_latency_adjustment_level: 9 }, 'endpoint_latency_adjustment_level'],
    [{ ...PCM_CONFIG, language_hints: 'en' }, 'language_hints: Input should be a valid list'],
    [{ ...PCM_CONFIG, translation: { type: 'one_way' } }, 'target_language must be specified'],
    [{ ...PCM_CONFIG, context: 'x'.repeat(10_001) }, 'Context is too long'],
    [
      { ...PCM_CONFIG, client_reference_id: 'x'.repeat(300) },
      'client_reference_id: String should have at most 256',
    ],
  ])('answers an invalid configuration %j with 400 and closes', async (config, message) => {
    const { socket, messages, closed } = await open(sandboxWith(), { Authorization: 'Bearer live-key' });
    socket.send(JSON.stringify(config));
    expect((await closed).code).toBe(1000);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ error_code: 400, error_type: 'invalid_request' });
    expect(String(messages[0]?.['error_message'])).toContain(message);
  });

  it('refuses audio before the configuration', async () => {
    const { socket, messages, closed } = await open(sandboxWith(), { Authorization: 'Bearer live-key' });
    socket.send(new Uint8Array(320));
    await closed;
    expect(messages[0]).toMatchObject({ error_code: 400 });
  });

  it('opens one session per single-use temporary key, and refuses expired and TTS keys', async () => {
    let now = Date.parse('2026-08-01T10:00:00Z');
    const sandbox = sandboxWith({ now: () => now });
    const single = await mintKey(sandbox, { single_use: true });
    const first = await open(sandbox, { Authorization: `Bearer ${single}` });
    first.socket.send(JSON.stringify(PCM_CONFIG));
    first.socket.send('');
    await first.closed;
    expect(first.messages.at(-1)).toMatchObject({ finished: true });

    const again = await open(sandbox);
    again.socket.send(JSON.stringify({ ...PCM_CONFIG, api_key: single }));
    await again.closed;
    expect(again.messages[0]).toMatchObject({
      error_code: 401,
      error_message: 'Temporary API key has already been used.',
    });

    const shortLived = await mintKey(sandbox, { expires_in_seconds: 1 });
    now += 2000;
    const late = await open(sandbox, { 'Sec-WebSocket-Protocol': `soniox-api-key, ${shortLived}` });
    late.socket.send(JSON.stringify(PCM_CONFIG));
    await late.closed;
    expect(late.messages[0]).toMatchObject({
      error_code: 401,
      error_message: 'Temporary API key has expired.',
    });

    const tts = await mintKey(sandbox, { usage_type: 'tts_rt' });
    const wrong = await open(sandbox, { Authorization: `Bearer ${tts}` });
    wrong.socket.send(JSON.stringify(PCM_CONFIG));
    await wrong.closed;
    expect(wrong.messages[0]).toMatchObject({ error_code: 401 });
  });

  it('paces partial then final tokens by the audio received', async () => {
    const { socket, messages } = await open(sandboxWith(), { Authorization: 'Bearer live-key' });
    socket.send(JSON.stringify({ ...PCM_CONFIG, enable_speaker_diarization: true }));
    // 0.75 s of the fox, in 120 ms chunks: "The" (to 0.318 s) turns final at 0.6 s, when
    // "quick" (from 0.348 s) is already heard; "brown" (from 0.686 s) is not heard yet.
    sendAudio(socket, foxPcm, 0, 24_000);
    await until(() => finalText(messages) === 'The');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(messages.at(-1)).toEqual({
      tokens: [
        {
          text: 'The',
          start_ms: 10,
          end_ms: 318,
          confidence: expect.any(Number),
          speaker: '1',
          is_final: true,
        },
        // Sub-word pieces, as Soniox cuts them; the space opens the word.
        {
          text: ' qui',
          start_ms: 348,
          end_ms: 533,
          confidence: expect.any(Number),
          speaker: '1',
          is_final: false,
        },
        {
          text: 'ck',
          start_ms: 533,
          end_ms: 656,
          confidence: expect.any(Number),
          speaker: '1',
          is_final: false,
        },
      ],
      final_audio_proc_ms: 348,
      total_audio_proc_ms: 600,
    });
    // Before that, "The" was heard but not final.
    expect(messages[0]).toMatchObject({ tokens: [{ text: 'The', is_final: false }] });
    socket.close(1000);
  });

  it('honours finalize with a <fin> token, then keeps transcribing', async () => {
    const { socket, messages, closed } = await open(sandboxWith(), { Authorization: 'Bearer live-key' });
    socket.send(JSON.stringify(PCM_CONFIG));
    sendAudio(socket, foxPcm, 0, 40_000);
    socket.send(JSON.stringify({ type: 'finalize', trailing_silence_ms: 200 }));
    await until(() => messages.some((message) => JSON.stringify(message).includes('<fin>')));
    const withFin = messages.find((message) => JSON.stringify(message).includes('<fin>')) as {
      tokens: { text: string; is_final: boolean }[];
    };
    expect(withFin.tokens.every((token) => token.is_final)).toBe(true);
    expect(withFin.tokens.at(-1)?.text).toBe('<fin>');
    // 1.25 s heard: everything up to "fox" is final now.
    expect(finalText(messages)).toBe('The quick brown fox');
    sendAudio(socket, foxPcm, 40_000);
    socket.send('');
    await closed;
    expect(finalText(messages)).toBe(`The quick brown fox jumps over the lazy dog.`);
  });

  it('emits <end> after an utterance with endpoint detection, and translations after it', async () => {
    const { socket, messages, closed } = await open(sandboxWith(), { Authorization: 'Bearer live-key' });
    socket.send(
      JSON.stringify({
        ...PCM_CONFIG,
        enable_endpoint_detection: true,
        translation: { type: 'one_way', target_language: 'fr' },
      }),
    );
    sendAudio(socket, foxPcm);
    socket.send('');
    await closed;
    const tokens = messages.flatMap(
      (message) => (message['tokens'] as Record<string, unknown>[] | undefined) ?? [],
    );
    const end = tokens.findIndex((token) => token['text'] === '<end>');
    expect(end).toBeGreaterThan(0);
    expect(tokens[end - 1]).toMatchObject({ text: '.', is_final: true, translation_status: 'original' });
    const translated = tokens.filter((token) => token['translation_status'] === 'translation');
    expect(translated.map((token) => token['text']).join('')).toBe(
      ' [fr] The quick brown fox jumps over the lazy dog.',
    );
    expect(translated[0]).toMatchObject({ language: 'fr', source_language: 'en', is_final: true });
    expect(translated[0]).not.toHaveProperty('start_ms');
  });

  it('recognises the sample sent as a WAV file with audio_format auto', async () => {
    const { socket, messages, closed } = await open(sandboxWith(), { Authorization: 'Bearer live-key' });
    socket.send(JSON.stringify({ model: 'stt-rt-v5', audio_format: 'auto' }));
    sendAudio(socket, speechWav);
    socket.send('');
    await closed;
    expect(finalText(messages)).toBe(FOX);
  });

  it('fills voiced stretches of unknown audio with marked sandbox words', async () => {
    const { socket, messages, closed } = await open(sandboxWith(), { Authorization: 'Bearer live-key' });
    socket.send(JSON.stringify(PCM_CONFIG));
    // 0.5 s silence, 1.2 s of tone, 0.5 s silence.
    const tone = new Uint8Array(2.2 * 32_000);
    const view = new DataView(tone.buffer);
    for (let sample = 8000; sample < 27_200; sample++)
      view.setInt16(sample * 2, Math.round(8000 * Math.sin(sample / 5)), true);
    sendAudio(socket, tone);
    socket.send('');
    await closed;
    const finals = messages
      .flatMap(
        (message) =>
          (message['tokens'] as { text: string; start_ms: number; end_ms: number; is_final: boolean }[]) ??
          [],
      )
      .filter((token) => token.is_final);
    expect(finals.map((token) => token.text).join('')).toBe('This is a.');
    expect(finals[0]?.start_ms).toBe(500);
    expect(Math.max(...finals.map((token) => token.end_ms))).toBeLessThanOrEqual(1760);
  });

  it('keeps a session alive with keepalives and closes it with 408 when idle', async () => {
    const { socket, messages, closed } = await open(sandboxWith({ sonioxRealtime: { idleTimeoutMs: 150 } }), {
      Authorization: 'Bearer live-key',
    });
    socket.send(JSON.stringify(PCM_CONFIG));
    for (let index = 0; index < 5; index++) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      socket.send(JSON.stringify({ type: 'keepalive' }));
    }
    expect(messages).toEqual([]);
    expect((await closed).code).toBe(1000);
    expect(messages[0]).toMatchObject({ error_code: 408, error_type: 'request_timeout' });
  });

  it('ends a session at the temporary key’s maximum duration', async () => {
    const sandbox = sandboxWith();
    const key = await mintKey(sandbox, { max_session_duration_seconds: 1 });
    const { socket, messages, closed } = await open(sandbox, { Authorization: `Bearer ${key}` });
    const started = Date.now();
    socket.send(JSON.stringify(PCM_CONFIG));
    const keepalive = setInterval(() => socket.send(JSON.stringify({ type: 'keepalive' })), 200);
    await closed;
    clearInterval(keepalive);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(messages[0]).toMatchObject({
      error_code: 400,
      error_message: 'Maximum session duration of 1 seconds exceeded.',
    });
  });

  it('ends a session past the longest audio', async () => {
    const { socket, messages, closed } = await open(sandboxWith({ sonioxRealtime: { maxAudioMs: 1000 } }), {
      Authorization: 'Bearer live-key',
    });
    socket.send(JSON.stringify(PCM_CONFIG));
    sendAudio(socket, foxPcm);
    await closed;
    expect(messages.at(-1)).toMatchObject({ error_code: 400 });
  });

  it('answers on the EU and JP hosts too', async () => {
    for (const host of ['stt-rt.eu.soniox.com', 'stt-rt.jp.soniox.com']) {
      const { response, socket, closed } = await open(
        sandboxWith(),
        { Authorization: 'Bearer k' },
        `https://${host}/transcribe-websocket`,
      );
      expect(response.status).toBe(101);
      socket.send(JSON.stringify(PCM_CONFIG));
      socket.send('');
      expect((await closed).code).toBe(1000);
    }
  });
});

describe('the core realtime client inside workerd', () => {
  it('transcribes the fox sample through a fetch upgrade with a temporary key in the header', async () => {
    const sessions: unknown[] = [];
    const sandbox = sandboxWith({ sonioxRealtime: { onSessionEnd: (info) => sessions.push(info) } });
    const parts: RealtimePart[] = [];
    const realtime = createSonioxRealtime({
      apiKey: async () => mintKey(sandbox, { single_use: true }),
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    });
    const session = await realtime.connect({
      audioFormat: 'pcm_s16le',
      sampleRate: 16000,
      numChannels: 1,
      enableEndpointDetection: true,
      onPart: (part) => parts.push(part),
    });
    for (let offset = 0; offset < foxPcm.byteLength; offset += 3840)
      await session.sendAudio(foxPcm.slice(offset, offset + 3840));
    await session.finalize();
    const transcript = await session.end();
    expect(transcript.text).toBe(FOX);
    expect(transcript.words.map((word) => word.start)).toEqual([
      0.01, 0.348, 0.686, 1.023, 1.361, 1.699, 2.037, 2.374, 2.712,
    ]);
    expect(parts[0]).toMatchObject({ type: 'session-start', authentication: 'header' });
    expect(parts.map((part) => part.type)).toContain('finalized');
    expect(parts.map((part) => part.type)).toContain('endpoint');
    expect(parts.at(-1)).toMatchObject({ type: 'session-end', reason: 'finished', totalAudioProcMs: 3439 });
    expect(sessions).toMatchObject([
      { authentication: 'header', sampleId: 'fox', audioBytes: foxPcm.byteLength, outcome: 'finished' },
    ]);
  });

  it('reconnects after a dropped socket without losing a word', async () => {
    const sandbox = sandboxWith({
      sonioxRealtime: { dropAfterAudioBytes: (index) => (index === 1 ? 48_000 : undefined) },
    });
    const bursts = 6;
    const pcm = new Uint8Array((0.2 + bursts * 0.8) * 32_000);
    const view = new DataView(pcm.buffer);
    for (let burst = 0; burst < bursts; burst++) {
      const first = (0.2 + burst * 0.8) * 16_000;
      for (let sample = first; sample < first + 0.3 * 16_000; sample++)
        view.setInt16(sample * 2, Math.round(8000 * Math.sin(sample / 4)), true);
    }
    const parts: RealtimePart[] = [];
    const session = await createSonioxRealtime({
      apiKey: 'live-key',
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    }).connect({
      audioFormat: 'pcm_s16le',
      sampleRate: 16000,
      numChannels: 1,
      reconnect: { initialDelayMs: 5 },
      onPart: (part) => parts.push(part),
    });
    for (let offset = 0; offset < pcm.byteLength; offset += 3200) {
      await session.sendAudio(pcm.slice(offset, offset + 3200));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await session.end();
    expect(parts.filter((part) => part.type === 'reconnecting')[0]).toMatchObject({ closeCode: 1011 });
    expect(parts.filter((part) => part.type === 'reconnected')).toHaveLength(1);
    expect(session.finalWords).toHaveLength(bursts);
    session.finalWords.forEach((word, index) => expect(word.start).toBeCloseTo(0.2 + index * 0.8, 1));
  });
});
