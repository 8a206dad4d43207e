import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiCallError, NetworkError, type RealtimePart, type Word } from '../../src/core/index.js';
import { CaptureError } from '../../src/elements/capture/index.js';
import { AudioFileSource } from '../../src/elements/live/audio-file-source.js';
import { AutoScroll } from '../../src/elements/live/auto-scroll.js';
import { createEndpointRealtime, fetchTemporaryKey } from '../../src/elements/live/endpoint-realtime.js';
import { pcm16Level, pcmFrameSource } from '../../src/elements/live/live-audio-source.js';
import { describeLiveError } from '../../src/elements/live/live-error-message.js';
import { liveStrings } from '../../src/elements/live/live.strings.js';
import { LiveTranscriptView } from '../../src/elements/live/live-view.js';
import { SentenceAnnouncer } from '../../src/elements/live/sentence-announcer.js';
import { appendWords, needsSpace } from '../../src/elements/live/spacing.js';
import { readWavPcm16 } from '../../src/elements/live/wav.js';
import { fakeWebSockets, token, until, type FakeWebSocket } from '../unit/realtime/fake-websocket.js';

const speechBytes = new Uint8Array(
  readFileSync(join(fileURLToPath(import.meta.url), '../../fixtures/audio/speech.wav')),
);
const extensibleBytes = new Uint8Array(
  readFileSync(join(fileURLToPath(import.meta.url), '../../fixtures/audio/speech-extensible.wav')),
);

const word = (text: string, extra: Partial<Word> = {}): Word => ({ text, start: 0, end: 0, ...extra });

describe('readWavPcm16', () => {
  it('finds the 16-bit PCM of a plain WAV', () => {
    const wav = readWavPcm16(speechBytes);
    expect(wav).toMatchObject({ sampleRate: 16000, channels: 1 });
    // speech.wav lasts 55,016 samples.
    expect(wav?.data.byteLength).toBe(55_016 * 2);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE and refuses what is not 16-bit PCM WAV', () => {
    // WAVE_FORMAT_EXTENSIBLE, 16-bit PCM, stereo 8 kHz, an odd-sized chunk before the data.
    const bytes = new Uint8Array(12 + 8 + 40 + 8 + 3 + 1 + 8 + 8);
    const view = new DataView(bytes.buffer);
    const ascii = (offset: number, text: string) =>
      [...text].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
    ascii(0, 'RIFF');
    ascii(8, 'WAVE');
    ascii(12, 'fmt ');
    view.setUint32(16, 40, true);
    view.setUint16(20, 0xfffe, true);
    view.setUint16(22, 2, true);
    view.setUint32(24, 8000, true);
    view.setUint16(34, 16, true);
    view.setUint16(44, 1, true);
    ascii(60, 'LIST');
    view.setUint32(64, 3, true);
    ascii(72, 'data');
    view.setUint32(76, 0xffffffff, true);
    expect(readWavPcm16(bytes)).toMatchObject({ sampleRate: 8000, channels: 2 });
    expect(readWavPcm16(bytes)?.data.byteLength).toBe(8);
    // The fixture is WAVE_FORMAT_EXTENSIBLE too, but 24-bit.
    expect(readWavPcm16(extensibleBytes)).toBeUndefined();
    expect(readWavPcm16(new TextEncoder().encode('OggS not a wav at all'))).toBeUndefined();
    const float = speechBytes.slice();
    new DataView(float.buffer).setUint16(20, 3, true);
    expect(readWavPcm16(float)).toBeUndefined();
  });
});

describe('spacing', () => {
  it('joins words with core’s rules, across calls', () => {
    expect(needsSpace('dog', '.')).toBe(false);
    expect(needsSpace('(', 'aside')).toBe(false);
    expect(needsSpace('中', '文')).toBe(false);
    expect(needsSpace('hello', 'world')).toBe(true);
    expect(needsSpace(undefined, 'world')).toBe(false);
    const first = appendWords(undefined, [word('Hello'), word(' ,')]);
    expect(first).toEqual({ text: 'Hello,', last: ',' });
    expect(appendWords(first.last, [word(' world'), word('.')])).toEqual({ text: ' world.', last: '.' });
  });
});

describe('SentenceAnnouncer', () => {
  it('announces whole sentences, flushes at a pause, and keeps only the last few', () => {
    const region = document.createElement('div');
    const announcer = new SentenceAnnouncer(region, 2);
    announcer.add([word('Hi'), word('there.'), word('How')]);
    expect(region.textContent).toBe('Hi there.');
    announcer.add([word('are'), word('you?'), word('שלום׃'), word('Fine')]);
    expect([...region.children].map((child) => child.textContent)).toEqual(['How are you?', 'שלום׃']);
    announcer.flush();
    expect([...region.children].map((child) => child.textContent)).toEqual(['שלום׃', 'Fine']);
    announcer.flush();
    expect(region.childElementCount).toBe(2);
    announcer.clear();
    expect(region.childElementCount).toBe(0);
  });
});

describe('LiveTranscriptView', () => {
  const labels = { speaker: (id: string) => `S${id}`, language: (code: string) => code.toUpperCase() };

  it('drops a paragraph begun for provisional words that never became final', () => {
    const root = document.createElement('div');
    const view = new LiveTranscriptView(root, labels);
    view.appendFinal([word('One.')]);
    view.endpoint();
    view.setPartial([word('Two')]);
    expect(view.paragraphCount).toBe(2);
    view.setPartial([]);
    expect(view.paragraphCount).toBe(1);
    expect(root.textContent).toBe('One.');
    view.appendFinal([word('Three')]);
    expect([...root.children].map((child) => child.textContent)).toEqual(['One.', 'Three']);
  });

  it('gives a paragraph begun for provisional words the speaker of its first final word', () => {
    const root = document.createElement('div');
    const view = new LiveTranscriptView(root, labels);
    view.setPartial([word('Hel', { speaker: '2' })]);
    view.appendFinal([word('Hello', { speaker: '2' })]);
    expect(root.children).toHaveLength(1);
    expect(root.querySelector('[part~="speaker"]')?.textContent).toBe('S2');
    expect(view.finalWordCount).toBe(1);
    view.clear();
    expect(view.isEmpty).toBe(true);
    expect(root.childElementCount).toBe(0);
  });
});

describe('AutoScroll', () => {
  it('pauses at once when the wheel turns upward', () => {
    const element = document.createElement('div');
    element.scrollTop = 50;
    const changes: boolean[] = [];
    const scroll = new AutoScroll(element, (following) => changes.push(following));
    scroll.onWheel(new WheelEvent('wheel', { deltaY: -10 }));
    expect(scroll.following).toBe(false);
    scroll.resume();
    expect(changes).toEqual([false, true]);
  });
});

describe('pcmFrameSource', () => {
  it('meters, mutes and stops an iterable of PCM frames', async () => {
    async function* frames() {
      const loud = new Uint8Array(4);
      new DataView(loud.buffer).setInt16(0, 16384, true);
      new DataView(loud.buffer).setInt16(2, -16384, true);
      for (;;) yield loud;
    }
    const source = pcmFrameSource(frames());
    const levels: number[] = [];
    await source.start({ onLevel: (level) => levels.push(level) });
    const seen: Uint8Array[] = [];
    for await (const frame of source) {
      seen.push(frame);
      if (seen.length === 1) source.mute?.();
      if (seen.length === 2) void source.stop();
    }
    expect(source.audioFormat).toEqual({ format: 'pcm_s16le', sampleRate: 16000, numChannels: 1 });
    expect(seen[1]).toEqual(new Uint8Array(4));
    expect(levels).toEqual([0.5, 0, 0]);
    expect(pcm16Level(new Uint8Array(0))).toEqual({ level: 0, peak: 0 });
  });
});

describe('AudioFileSource', () => {
  it('paces its frames at real time unless told not to', async () => {
    // 200 ms of PCM at 16 kHz: five frames of 40 ms.
    const header = speechBytes.slice(0, 44);
    const view = new DataView(header.buffer);
    view.setUint32(40, 6400, true);
    const wav = new Uint8Array(44 + 6400);
    wav.set(header);
    const source = new AudioFileSource(wav);
    await source.start();
    expect(source.durationInSeconds).toBeCloseTo(0.2, 5);
    const started = performance.now();
    let count = 0;
    for await (const frame of source) {
      expect(frame.byteLength).toBe(1280);
      count++;
    }
    expect(count).toBe(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('fetches a URL, and says so when it cannot', async () => {
    const fetched: string[] = [];
    const source = new AudioFileSource('https://example.test/fox.wav', {
      realtime: false,
      fetch: (input) => {
        fetched.push(String(input));
        return Promise.resolve(new Response(speechBytes.slice()));
      },
    });
    await source.start();
    expect(fetched).toEqual(['https://example.test/fox.wav']);
    expect(source.durationInSeconds).toBeCloseTo(3.4385, 3);
    const missing = new AudioFileSource('https://example.test/missing.wav', {
      fetch: () => Promise.resolve(new Response('no', { status: 404 })),
    });
    await expect(missing.start()).rejects.toThrow('status 404');
  });

  it('refuses audio it cannot decode where there is no OfflineAudioContext', async () => {
    const source = new AudioFileSource(new TextEncoder().encode('not audio'));
    const error = await source.start().catch((reason: unknown) => reason);
    expect(CaptureError.isInstance(error) && error.reason).toBe('unsupported');
  });
});

describe('fetchTemporaryKey', () => {
  it('posts to the Worker and reads the key, its expiry and its WebSocket URL', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const key = await fetchTemporaryKey('/api/', {
      clientReferenceId: 'speech.wav',
      fetch: (input, init) => {
        requests.push({ url: String(input), init });
        return Promise.resolve(
          Response.json({ apiKey: 'temp:1', expiresAt: '2026-01-01T00:00:00Z', websocketUrl: 'ws://x/y' }),
        );
      },
    });
    expect(key).toEqual({ apiKey: 'temp:1', expiresAt: '2026-01-01T00:00:00Z', websocketUrl: 'ws://x/y' });
    expect(requests[0]?.url).toBe('/api/soniox/temporary-api-key');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual({ clientReferenceId: 'speech.wav' });
  });

  it('turns refusals into ApiCallError and unreachable Workers into NetworkError', async () => {
    const refused = await fetchTemporaryKey('/api', {
      fetch: () =>
        Promise.resolve(
          Response.json({ error: { code: 'rate_limited', message: 'Too many' } }, { status: 429 }),
        ),
    }).catch((reason: unknown) => reason);
    expect(ApiCallError.isInstance(refused) && [refused.status, refused.code]).toEqual([429, 'rate_limited']);
    expect(describeLiveError(refused, liveStrings.en.errors)).toBe(liveStrings.en.errors.rateLimited);

    const unreachable = await fetchTemporaryKey('/api', {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    }).catch((reason: unknown) => reason);
    expect(NetworkError.isInstance(unreachable)).toBe(true);
    expect(describeLiveError(unreachable, liveStrings.he.errors)).toBe(liveStrings.he.errors.network);

    const empty = await fetchTemporaryKey('/api', { fetch: () => Promise.resolve(Response.json({})) }).catch(
      (reason: unknown) => reason,
    );
    expect((empty as Error).name).toBe('ResponseValidationError');
  });
});

describe('createEndpointRealtime', () => {
  it('connects to the WebSocket URL the key came with, and mints a fresh key for every reconnection', async () => {
    let minted = 0;
    const fake = fakeWebSockets();
    const realtime = createEndpointRealtime('https://site.test/api', {
      WebSocket: fake.WebSocket,
      fetch: () => {
        minted++;
        return Promise.resolve(
          Response.json({
            apiKey: `snx_temp_${minted}`,
            websocketUrl: 'wss://site.test/api/soniox/transcribe-websocket',
          }),
        );
      },
    });
    const parts: RealtimePart[] = [];
    const session = await realtime.connect({
      audioFormat: 'pcm_s16le',
      sampleRate: 16000,
      numChannels: 1,
      reconnect: { initialDelayMs: 0 },
      onPart: (part) => parts.push(part),
    });
    const first = fake.sockets[0] as FakeWebSocket;
    expect(first.url).toBe('wss://site.test/api/soniox/transcribe-websocket');
    expect(first.protocols).toEqual(['soniox-api-key', 'snx_temp_1']);
    expect(minted).toBe(1);

    first.receive({ tokens: [token('Hi', 0, 200, true)] });
    first.serverClose(1006);
    await until(() => parts.some((part) => part.type === 'reconnected'));
    expect(minted).toBe(2);
    expect((fake.sockets[1] as FakeWebSocket).protocols).toEqual(['soniox-api-key', 'snx_temp_2']);
    session.cancel();
  });
});
