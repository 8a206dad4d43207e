import { readFileSync } from 'node:fs';
import {
  AuthError,
  BadRequestError,
  SonioxClient,
  type AudioSource,
  type AudioSourceHandlers,
  type RealtimeResult,
} from '@soniox/client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createScribeWorker } from '../../worker/src/create-scribe-worker.js';
import { createSandbox, type SonioxRealtimeSessionInfo } from '../../worker/src/sandbox/index.js';
import { serveRealtimeSandbox, type RealtimeSandboxServer } from '../helpers/serve-realtime-sandbox.js';

/*
The official browser SDK, @soniox/client 2.3.0, unchanged, against the realtime sandbox on
127.0.0.1, with temporary keys minted by the scribekit Worker's `POST /api/soniox/temporary-api-key`, as a site's backend
would mint them. The SDK takes no WebSocket constructor: it uses the global one, which Node 20
lacks, so `ws` stands in as the global for these tests only. It authenticates with the
deprecated `api_key` field of the first message, which is what the sandbox sees.
*/

const FOX = 'The quick brown fox jumps over the lazy dog.';
const wav = readFileSync(new URL('../fixtures/audio/speech.wav', import.meta.url));
const foxPcm = new Uint8Array(wav.buffer, wav.byteOffset + 44, wav.byteLength - 44);

const sessions: SonioxRealtimeSessionInfo[] = [];
let realtime: RealtimeSandboxServer;
let mintKey: (options?: { maxSessionDurationSeconds?: number }) => Promise<string>;
/** Drops the next session to start after this many audio bytes (the sandbox's test hook), once. */
let dropNextAfter: number | undefined;

beforeAll(async () => {
  vi.stubGlobal('WebSocket', WebSocket);
  const sandbox = createSandbox({
    sonioxRealtime: {
      onSessionEnd: (info) => sessions.push(info),
      dropAfterAudioBytes: () => {
        const bytes = dropNextAfter;
        dropNextAfter = undefined;
        return bytes;
      },
    },
  });
  realtime = await serveRealtimeSandbox(sandbox);
  // Keys come from the scribekit Worker's own route, as a page would get them (sandbox mode: no key).
  const worker = createScribeWorker({ sandbox });
  mintKey = async (options = {}) => {
    const response = await worker.fetch(
      new Request('http://scribe.test/api/soniox/temporary-api-key', {
        method: 'POST',
        headers: { Origin: 'http://scribe.test', 'CF-Connecting-IP': '127.0.0.1' },
      }),
      options.maxSessionDurationSeconds === undefined
        ? {}
        : { TEMPORARY_KEY_MAX_SESSION_SECONDS: String(options.maxSessionDurationSeconds) },
    );
    if (!response.ok)
      throw new Error(`the Worker minted no key: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { apiKey: string }).apiKey;
  };
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await realtime.close();
});

/** An AudioSource that plays PCM in 120 ms chunks, a few ms apart, like a capture would. */
function pcmSource(pcm: Uint8Array): AudioSource & { done: Promise<void> } {
  let timer: ReturnType<typeof setInterval> | undefined;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    done,
    async start(handlers: AudioSourceHandlers) {
      let offset = 0;
      timer = setInterval(() => {
        if (offset >= pcm.byteLength) {
          clearInterval(timer);
          finish();
          return;
        }
        handlers.onData(pcm.slice(offset, offset + 3840).buffer);
        offset += 3840;
      }, 3);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

function finalText(results: readonly RealtimeResult[]): string {
  return results
    .flatMap((result) => result.tokens)
    .filter((token) => token.is_final)
    .map((token) => token.text)
    .join('');
}

describe('@soniox/client 2.3.0 against the realtime sandbox', () => {
  test('a recording with a temporary key from an async config finishes with the fox transcript', async () => {
    const usages: unknown[] = [];
    const client = new SonioxClient({
      config: async (context) => {
        usages.push(context?.usage);
        return { api_key: await mintKey(), stt_ws_url: realtime.urlFor() };
      },
    });
    const source = pcmSource(foxPcm);
    const results: RealtimeResult[] = [];
    let endpoints = 0;
    let finished = false;
    const recording = client.realtime.record({
      source,
      model: 'stt-rt-v5',
      audio_format: 'pcm_s16le',
      sample_rate: 16000,
      num_channels: 1,
      enable_endpoint_detection: true,
      enable_speaker_diarization: true,
    });
    recording.on('result', (result) => results.push(result));
    recording.on('endpoint', () => endpoints++);
    recording.on('finished', () => (finished = true));
    const errors: Error[] = [];
    recording.on('error', (error) => errors.push(error));
    await source.done;
    await recording.stop();

    expect(errors).toEqual([]);
    expect(finished).toBe(true);
    expect(finalText(results)).toBe(FOX);
    expect(endpoints).toBe(1);
    expect(results.flatMap((result) => result.tokens).every((token) => token.speaker === '1')).toBe(true);
    // One config call per session (2.3.0 passes no usage context to it).
    expect(usages).toHaveLength(1);
    expect(sessions.at(-1)).toMatchObject({
      authentication: 'message',
      sampleId: 'fox',
      audioBytes: foxPcm.byteLength,
      outcome: 'finished',
    });
  });

  test('a low-level session: finalize, then finish', async () => {
    const client = new SonioxClient({ api_key: 'unused', ws_base_url: realtime.urlFor() });
    const session = client.realtime.stt(
      { model: 'stt-rt-v5', audio_format: 'pcm_s16le', sample_rate: 16000, num_channels: 1 },
      { api_key: await mintKey() },
    );
    const results: RealtimeResult[] = [];
    let finalized = 0;
    session.on('result', (result) => results.push(result));
    session.on('finalized', () => finalized++);
    await session.connect();
    for (let offset = 0; offset < 40_000; offset += 3840)
      session.sendAudio(foxPcm.slice(offset, Math.min(40_000, offset + 3840)));
    const finalizedOnce = new Promise<void>((resolve) => session.once('finalized', resolve));
    session.finalize();
    await finalizedOnce;
    expect(finalText(results)).toBe('The quick brown fox');
    for (let offset = 40_000; offset < foxPcm.byteLength; offset += 3840)
      session.sendAudio(foxPcm.slice(offset, offset + 3840));
    await session.finish();
    expect(finalized).toBe(1);
    expect(finalText(results)).toBe(FOX);
    expect(session.state).toBe('finished');
  });

  test('a used single-use key is an AuthError, a bad configuration a BadRequestError', async () => {
    const client = new SonioxClient({ api_key: 'unused', ws_base_url: realtime.urlFor() });
    const key = await mintKey();
    const first = client.realtime.stt({ model: 'stt-rt-v5', audio_format: 'auto' }, { api_key: key });
    await first.connect();
    await first.finish();

    const reused = client.realtime.stt({ model: 'stt-rt-v5', audio_format: 'auto' }, { api_key: key });
    const authError = new Promise<Error>((resolve) => reused.on('error', resolve));
    await reused.connect();
    const error = await authError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('Temporary API key has already been used.');

    const badModel = client.realtime.stt(
      { model: 'stt-async-v5', audio_format: 'auto' },
      { api_key: await mintKey() },
    );
    const badRequest = new Promise<Error>((resolve) => badModel.on('error', resolve));
    await badModel.connect();
    expect(await badRequest).toBeInstanceOf(BadRequestError);
  });

  test('a recording with auto_reconnect survives a dropped socket, with a fresh key', async () => {
    let configs = 0;
    const client = new SonioxClient({
      config: async () => {
        configs++;
        return { api_key: await mintKey(), stt_ws_url: realtime.urlFor() };
      },
    });
    dropNextAfter = 30_000;
    const source = pcmSource(foxPcm);
    const recording = client.realtime.record({
      source,
      model: 'stt-rt-v5',
      audio_format: 'pcm_s16le',
      sample_rate: 16000,
      num_channels: 1,
      auto_reconnect: true,
      reconnect_base_delay_ms: 10,
    });
    const reconnected: number[] = [];
    recording.on('reconnected', (event) => reconnected.push(event.attempt));
    await source.done;
    await recording.stop();
    expect(reconnected).toEqual([1]);
    expect(configs).toBe(2);
    expect(sessions.slice(-2).map((info) => info.outcome)).toEqual(['dropped', 'finished']);
  });
});
