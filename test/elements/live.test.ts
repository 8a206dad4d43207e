import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealtimeError, type Transcript } from '../../src/core/index.js';
import { createSoniox, createSonioxRealtime } from '../../src/core/providers/soniox/index.js';
import { CaptureError, type CaptureAudioFormat } from '../../src/elements/capture/index.js';
import type { LiveEndEvent } from '../../src/elements/events/live-end-event.js';
import type { LiveStartEvent } from '../../src/elements/events/live-start-event.js';
import type { ScribeErrorEvent } from '../../src/elements/events/scribe-error-event.js';
import type { TranscriptFinalEvent } from '../../src/elements/events/transcript-final-event.js';
import type { TranscriptPartialEvent } from '../../src/elements/events/transcript-partial-event.js';
import { AudioFileSource } from '../../src/elements/live/audio-file-source.js';
import '../../src/elements/live/define.js';
import type {
  LiveAudioSource,
  LiveAudioSourceStartOptions,
} from '../../src/elements/live/live-audio-source.js';
import type { ScribeLive } from '../../src/elements/live/live.js';
import { readWavPcm16 } from '../../src/elements/live/wav.js';
import { fakeWebSockets, token, until, type FakeWebSocket } from '../unit/realtime/fake-websocket.js';

// Paths, not URLs: the URL global is happy-dom's here, which node:fs does not take.
const speechBytes = readFileSync(join(fileURLToPath(import.meta.url), '../../fixtures/audio/speech.wav'));

/**
A microphone stand-in: `start()` can be held (to see `requesting-permission`) or refused, and the
test pushes frames into it.
*/
class FakeCapture implements LiveAudioSource {
  audioFormat: CaptureAudioFormat = { format: 'pcm_s16le', sampleRate: 16000, numChannels: 1 };
  options: LiveAudioSourceStartOptions = {};
  starts = 0;
  stops = 0;
  muted = false;
  refuseWith: unknown;
  hold: Promise<void> | undefined;
  readonly #frames: Uint8Array[] = [];
  #wake: (() => void) | undefined;
  #stopped = false;

  async start(options: LiveAudioSourceStartOptions = {}): Promise<void> {
    this.starts++;
    this.options = options;
    this.#stopped = false;
    await this.hold;
    if (this.refuseWith !== undefined) throw this.refuseWith;
  }

  stop(): Promise<void> {
    this.stops++;
    this.#stopped = true;
    this.#wake?.();
    return Promise.resolve();
  }

  mute(): void {
    this.muted = true;
    this.options.onMuteChange?.(true);
  }

  unmute(): void {
    this.muted = false;
    this.options.onMuteChange?.(false);
  }

  /** Captures a frame: the element reads it next. */
  push(frame: Uint8Array, level = 0.1): void {
    this.options.onLevel?.(level, level);
    this.#frames.push(this.muted ? new Uint8Array(frame.byteLength) : frame);
    this.#wake?.();
  }

  /** The microphone fails after it started, as an unplugged one does. */
  fail(error: CaptureError): void {
    this.options.onError?.(error);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const frame = this.#frames.shift();
      if (frame !== undefined) {
        yield frame;
        continue;
      }
      if (this.#stopped) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}

const mounted: Element[] = [];

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

async function mount(attributes: Record<string, string> = {}, lang?: string): Promise<ScribeLive> {
  const element = document.createElement('scribe-live');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const container = document.createElement('div');
  if (lang !== undefined) container.lang = lang;
  container.append(element);
  document.body.append(container);
  mounted.push(container);
  await element.updateComplete;
  return element;
}

interface Connected {
  element: ScribeLive;
  capture: FakeCapture;
  socket: FakeWebSocket;
  sockets: FakeWebSocket[];
}

/** Mounts the element with a fake microphone and the real Soniox client over a fake socket, and starts it. */
async function startLive(attributes: Record<string, string> = {}, lang?: string): Promise<Connected> {
  const element = await mount(attributes, lang);
  const capture = new FakeCapture();
  const fake = fakeWebSockets();
  element.source = capture;
  element.realtime = createSonioxRealtime({ apiKey: 'key_1', WebSocket: fake.WebSocket });
  await element.start();
  await element.updateComplete;
  return { element, capture, socket: fake.sockets[0] as FakeWebSocket, sockets: fake.sockets };
}

/** Stops the element and plays the server's side of the end of the session. */
async function stopLive({ element, socket }: Connected): Promise<Transcript | undefined> {
  const stopped = element.stop();
  await until(() => socket.sent.at(-1) === '');
  socket.receive({ tokens: [], finished: true });
  const transcript = await stopped;
  await element.updateComplete;
  return transcript;
}

function root(element: ScribeLive): ShadowRoot {
  if (element.shadowRoot === null) throw new Error('no shadow root');
  return element.shadowRoot;
}

function parts(element: ScribeLive, name: string): HTMLElement[] {
  return [...root(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function part(element: ScribeLive, name: string): HTMLElement {
  const found = root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (found === null) throw new Error(`no part ${name}`);
  return found;
}

/** What the transcript shows, paragraph by paragraph, final text and provisional tail apart. */
function paragraphs(element: ScribeLive): { final: string; partial: string }[] {
  return parts(element, 'segment').map((segment) => {
    const text = segment.querySelector('[part~="text"]');
    const partial = text?.querySelector('[part~="partial"]')?.textContent ?? '';
    const runs = [...(text?.querySelectorAll('[part~="run"]') ?? [])].map((run) => run.textContent).join('');
    return { final: runs, partial };
  });
}

function announcements(element: ScribeLive): string[] {
  const log = root(element).querySelector('[role="log"]');
  return [...(log?.children ?? [])].map((child) => child.textContent ?? '');
}

/** Lets the session's message chain and the element's updates run. */
async function settle(element: ScribeLive): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

/** Tokens of `text`, one per word, `stepMs` apart from `startMs`, all final or all provisional. */
function words(text: string, startMs: number, isFinal: boolean, extra: Record<string, unknown> = {}) {
  return text.split(' ').map((word, index) => {
    const start = startMs + index * 300;
    return token(`${index === 0 && startMs === 0 ? '' : ' '}${word}`, start, start + 250, isFinal, extra);
  });
}

const end = (atMs: number) => token('<end>', atMs, atMs, true);

describe('<scribe-live>', () => {
  it('goes from idle through requesting-permission and connecting to live, and back to idle when stopped', async () => {
    const element = await mount();
    expect(element.getAttribute('state')).toBe('idle');
    expect(part(element, 'start-button').textContent?.trim()).toBe('Start');

    const capture = new FakeCapture();
    let grant!: () => void;
    capture.hold = new Promise((resolve) => (grant = resolve));
    const fake = fakeWebSockets({ autoOpen: false });
    element.source = capture;
    element.realtime = createSonioxRealtime({ apiKey: 'key_1', WebSocket: fake.WebSocket });
    const started: LiveStartEvent[] = [];
    element.addEventListener('scribe-live-start', (event) => started.push(event));

    const starting = element.start();
    await until(() => capture.starts === 1);
    await element.updateComplete;
    expect(element.state).toBe('requesting-permission');
    expect(element.getAttribute('state')).toBe('requesting-permission');
    expect(part(element, 'status').textContent).toBe('Waiting for microphone permission…');

    grant();
    await until(() => fake.sockets.length === 1);
    await element.updateComplete;
    expect(element.getAttribute('state')).toBe('connecting');
    fake.sockets[0]?.open();
    await starting;
    await element.updateComplete;
    expect(element.getAttribute('state')).toBe('live');
    expect(part(element, 'stop-button').textContent?.trim()).toBe('Stop');
    await settle(element);
    expect(started.map((event) => event.detail)).toEqual([
      {
        provider: 'soniox',
        source: 'microphone',
        audioFormat: { format: 'pcm_s16le', sampleRate: 16000, numChannels: 1 },
      },
    ]);

    const socket = fake.sockets[0] as FakeWebSocket;
    const stopped = element.stop();
    await element.updateComplete;
    expect(element.getAttribute('state')).toBe('stopping');
    await until(() => socket.sent.at(-1) === '');
    socket.receive({ tokens: [], finished: true });
    await stopped;
    await element.updateComplete;
    expect(element.getAttribute('state')).toBe('idle');
    expect(capture.stops).toBeGreaterThan(0);
  });

  it('names every control and region for assistive technology', async () => {
    const { element, socket } = await startLive();
    socket.receive({ tokens: [...words('Hello.', 0, true), end(300)] });
    await settle(element);
    const buttons = [...root(element).querySelectorAll('button')].filter((button) => !button.hidden);
    expect(buttons.map((button) => button.textContent?.trim())).toEqual(['Stop', 'Pause', 'Mute']);
    expect(part(element, 'controls').getAttribute('role')).toBe('group');
    expect(part(element, 'controls').getAttribute('aria-label')).toBe('Live transcription');
    expect(part(element, 'level').getAttribute('aria-label')).toBe('Input level');
    const list = part(element, 'transcript');
    expect([list.getAttribute('role'), list.getAttribute('aria-label'), list.tabIndex]).toEqual([
      'region',
      'Live transcript',
      0,
    ]);
    expect(part(element, 'status').getAttribute('role')).toBe('status');
    element.cancel();
  });

  it('reports its state as custom states where ElementInternals has them', async () => {
    const states = new Set<string>();
    const prototype = HTMLElement.prototype as unknown as Record<string, unknown>;
    const had = Object.hasOwn(prototype, 'attachInternals');
    // happy-dom has no ElementInternals: a minimal one stands in, for this element only.
    Object.defineProperty(prototype, 'attachInternals', {
      configurable: true,
      value: () => ({ states }),
    });
    try {
      const { element, socket } = await startLive();
      expect([...states]).toEqual(['live']);
      element.pause();
      await element.updateComplete;
      expect([...states].sort()).toEqual(['live', 'paused']);
      element.resume();
      element.mute();
      await element.updateComplete;
      expect([...states].sort()).toEqual(['live', 'muted']);
      await stopLive({ element, socket } as Connected);
      expect([...states]).toEqual(['idle']);
    } finally {
      if (!had) delete prototype.attachInternals;
    }
  });

  it('configures the session from its attributes and the source, then streams the frames', async () => {
    const { element, capture, socket } = await startLive({
      'language-hints': 'en, he',
      diarize: '',
      'translate-to': 'he',
      model: 'stt-rt-v4',
      'client-reference-id': 'speech.wav',
    });
    expect(JSON.parse(socket.sent[0] as string)).toEqual({
      model: 'stt-rt-v4',
      audio_format: 'pcm_s16le',
      sample_rate: 16000,
      num_channels: 1,
      language_hints: ['en', 'he'],
      enable_speaker_diarization: true,
      enable_language_identification: true,
      enable_endpoint_detection: true,
      translation: { type: 'one_way', target_language: 'he' },
      client_reference_id: 'speech.wav',
    });
    capture.push(new Uint8Array(1280).fill(1));
    capture.push(new Uint8Array(1280).fill(2));
    await until(() => socket.audioBytes === 2560);
    expect(socket.sent.slice(1)).toEqual([new Uint8Array(1280).fill(1), new Uint8Array(1280).fill(2)]);
    element.cancel();
  });

  it('translates both ways between two languages of translate-to', async () => {
    const { element, socket } = await startLive({ 'translate-to': 'en he' });
    expect(JSON.parse(socket.sent[0] as string)).toMatchObject({
      translation: { type: 'two_way', language_a: 'en', language_b: 'he' },
    });
    element.cancel();
  });

  it('takes a whole Soniox client as its realtime client', async () => {
    const element = await mount();
    const fake = fakeWebSockets();
    element.source = new FakeCapture();
    element.realtime = createSoniox({ apiKey: 'key_1', WebSocket: fake.WebSocket });
    await element.start();
    expect(element.state).toBe('live');
    expect(fake.sockets[0]?.url).toBe('wss://stt-rt.soniox.com/transcribe-websocket');
    element.cancel();
  });

  it('shows the provisional tail apart from the final words, and appends each final word once', async () => {
    const { element, socket } = await startLive();
    socket.receive({ tokens: words('The quick', 0, false) });
    await settle(element);
    expect(paragraphs(element)).toEqual([{ final: '', partial: 'The quick' }]);
    expect(part(element, 'partial').textContent).toBe('The quick');

    socket.receive({ tokens: [...words('The quick', 0, true), ...words('brown fox', 600, false)] });
    await settle(element);
    expect(paragraphs(element)).toEqual([{ final: 'The quick', partial: ' brown fox' }]);

    socket.receive({ tokens: [...words('brown fox', 600, true), ...words('jumps', 1200, false)] });
    socket.receive({ tokens: [...words('jumps', 1200, true), token('.', 1450, 1460, true), end(1500)] });
    await settle(element);
    expect(paragraphs(element)).toEqual([{ final: 'The quick brown fox jumps.', partial: '' }]);
    // Each final part added its own text node; none was rewritten.
    const run = part(element, 'run');
    expect([...run.childNodes].map((node) => node.textContent)).toEqual([
      'The quick',
      ' brown fox',
      ' jumps.',
    ]);
    expect(root(element).querySelectorAll('[part~="partial"]')).toHaveLength(1);
    await stopLive({ element, socket } as Connected);
  });

  it('begins a paragraph at each endpoint', async () => {
    const { element, socket } = await startLive();
    socket.receive({ tokens: [...words('Hello there.', 0, true), end(700)] });
    socket.receive({ tokens: words('How are', 1000, false) });
    await settle(element);
    expect(paragraphs(element)).toEqual([
      { final: 'Hello there.', partial: '' },
      { final: '', partial: 'How are' },
    ]);
    socket.receive({ tokens: [...words('How are you?', 1000, true), end(1900)] });
    await settle(element);
    expect(paragraphs(element)).toEqual([
      { final: 'Hello there.', partial: '' },
      { final: 'How are you?', partial: '' },
    ]);
    await stopLive({ element, socket } as Connected);
  });

  it('labels speaker changes and language changes, each run isolated in its own language', async () => {
    const { element, socket } = await startLive({ diarize: '', 'language-hints': 'en he' });
    socket.receive({
      tokens: [
        ...words('Hello everyone', 0, true, { speaker: '1', language: 'en' }),
        ...words('שלום לכולם', 700, true, { speaker: '1', language: 'he' }),
        ...words('Thanks', 1400, true, { speaker: '2', language: 'en' }),
        end(1700),
      ],
    });
    socket.receive({ tokens: words('Again', 2000, true, { speaker: '2', language: 'en' }) });
    socket.receive({ tokens: [end(2300)] });
    await settle(element);

    const segments = parts(element, 'segment');
    expect(segments.map((segment) => segment.dataset.speaker)).toEqual(['1', '2', '2']);
    // A label where the speaker changes, not on every paragraph.
    expect(parts(element, 'speaker').map((label) => label.textContent)).toEqual(['Speaker 1', 'Speaker 2']);
    expect(parts(element, 'language').map((label) => label.textContent)).toEqual(['Hebrew', 'English']);
    const runs = parts(element, 'run');
    expect(runs.map((run) => [run.lang, run.dir, run.textContent])).toEqual([
      ['en', 'auto', 'Hello everyone'],
      ['he', 'auto', ' שלום לכולם'],
      ['en', 'auto', 'Thanks'],
      ['en', 'auto', 'Again'],
    ]);
    expect(parts(element, 'text').every((text) => text.dir === 'auto')).toBe(true);
    await stopLive({ element, socket } as Connected);
  });

  it('names speakers and languages in the page language', async () => {
    const { element, socket } = await startLive({ diarize: '', 'identify-language': '' }, 'he');
    socket.receive({
      tokens: [
        ...words('Hello', 0, true, { speaker: '1', language: 'en' }),
        ...words('שלום', 400, true, { speaker: '1', language: 'he' }),
        end(800),
      ],
    });
    await settle(element);
    expect(parts(element, 'speaker').map((label) => label.textContent)).toEqual(['דובר 1']);
    expect(parts(element, 'language').map((label) => label.textContent)).toEqual(['עברית']);
    expect(part(element, 'stop-button').textContent?.trim()).toBe('עצירה');
    element.cancel();
  });

  it('puts each translation under the paragraph it translates', async () => {
    const { element, socket } = await startLive({ 'translate-to': 'es' });
    const translation = (text: string, isFinal: boolean) => ({
      text,
      is_final: isFinal,
      translation_status: 'translation',
      language: 'es',
      source_language: 'en',
    });
    socket.receive({
      tokens: [
        ...words('Good morning.', 0, true, { translation_status: 'original', language: 'en' }),
        end(600),
        translation('Buenos', true),
        translation(' días.', false),
      ],
    });
    await settle(element);
    const first = parts(element, 'segment')[0] as HTMLElement;
    expect(first.querySelector('[part~="translation"]')?.textContent).toBe('Buenos días.');
    expect(first.querySelector('[part~="translation-partial"]')?.textContent).toBe(' días.');
    expect(first.querySelector('[part~="translation"]')?.getAttribute('lang')).toBe('es');

    socket.receive({ tokens: [translation(' días.', true)] });
    socket.receive({
      tokens: [
        ...words('See you.', 1000, true, { translation_status: 'original', language: 'en' }),
        end(1600),
      ],
    });
    socket.receive({ tokens: [translation('Hasta luego.', true)] });
    await settle(element);
    const lines = parts(element, 'segment').map((segment) => [
      segment.querySelector('[part~="text"]')?.textContent,
      segment.querySelector('[part~="translation"]')?.textContent,
    ]);
    expect(lines).toEqual([
      ['Good morning.', 'Buenos días.'],
      ['See you.', 'Hasta luego.'],
    ]);
    await stopLive({ element, socket } as Connected);
  });

  it('dispatches scribe-transcript-partial and scribe-transcript-final with their words', async () => {
    const { element, socket } = await startLive();
    const partials: TranscriptPartialEvent[] = [];
    const finals: TranscriptFinalEvent[] = [];
    element.addEventListener('scribe-transcript-partial', (event) => partials.push(event));
    element.addEventListener('scribe-transcript-final', (event) => finals.push(event));
    socket.receive({ tokens: words('Hello wor', 0, false) });
    socket.receive({ tokens: [...words('Hello', 0, true), ...words('world', 300, false)] });
    socket.receive({ tokens: [...words('world', 300, true), end(600)] });
    await settle(element);
    expect(partials.map((event) => event.detail.text)).toEqual(['Hello wor', 'world', '']);
    expect(finals.map((event) => event.detail.text)).toEqual(['Hello', 'world']);
    expect(finals[0]?.detail.words).toEqual([
      expect.objectContaining({ text: 'Hello', start: 0, end: 0.25 }),
    ]);
    expect(finals[0]?.bubbles && finals[0].composed).toBe(true);
    await stopLive({ element, socket } as Connected);
  });

  it('announces each finished sentence once through a polite log, never the provisional words', async () => {
    const { element, socket } = await startLive();
    const log = root(element).querySelector('[role="log"]') as HTMLElement;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(part(element, 'transcript').getAttribute('aria-live')).toBe('off');

    socket.receive({ tokens: words('The quick brown', 0, false) });
    socket.receive({ tokens: [...words('The quick', 0, true), ...words('brown', 600, false)] });
    await settle(element);
    expect(announcements(element)).toEqual([]);

    socket.receive({ tokens: [...words('brown fox.', 600, true), ...words('It jumps', 1300, false)] });
    await settle(element);
    expect(announcements(element)).toEqual(['The quick brown fox.']);

    socket.receive({ tokens: [...words('It jumps', 1300, true), end(1900)] });
    await settle(element);
    // The speaker paused: what was said is announced although it has no full stop.
    expect(announcements(element)).toEqual(['The quick brown fox.', 'It jumps']);
    await stopLive({ element, socket } as Connected);
  });

  it('follows the newest words until the reader scrolls up, and again once back at the bottom', async () => {
    const { element, socket } = await startLive();
    socket.receive({ tokens: [...words('One two three.', 0, true), end(900)] });
    await settle(element);
    const list = part(element, 'transcript');
    let scrollHeight = 1000;
    Object.defineProperty(list, 'scrollHeight', { configurable: true, get: () => scrollHeight });
    Object.defineProperty(list, 'clientHeight', { configurable: true, get: () => 200 });
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

    socket.receive({ tokens: words('four', 1000, false) });
    await settle(element);
    await frame();
    expect(list.scrollTop).toBe(1000);
    expect(part(element, 'jump-button').hidden).toBe(true);

    list.scrollTop = 300;
    list.dispatchEvent(new Event('scroll'));
    await element.updateComplete;
    expect(part(element, 'jump-button').hidden).toBe(false);
    scrollHeight = 1200;
    socket.receive({ tokens: words('four five', 1000, false) });
    await settle(element);
    await frame();
    expect(list.scrollTop).toBe(300);

    list.scrollTop = 1000;
    list.dispatchEvent(new Event('scroll'));
    await element.updateComplete;
    expect(part(element, 'jump-button').hidden).toBe(true);
    scrollHeight = 1400;
    socket.receive({ tokens: words('four five six', 1000, false) });
    await settle(element);
    await frame();
    expect(list.scrollTop).toBe(1400);

    list.scrollTop = 100;
    list.dispatchEvent(new Event('scroll'));
    await element.updateComplete;
    part(element, 'jump-button').click();
    await element.updateComplete;
    expect(list.scrollTop).toBe(1400);
    expect(part(element, 'jump-button').hidden).toBe(true);
    element.cancel();
  });

  it('ends with scribe-live-end carrying the transcript, and offers it for download once stopped', async () => {
    const { element, socket } = await startLive({ diarize: '' });
    const ends: LiveEndEvent[] = [];
    element.addEventListener('scribe-live-end', (event) => ends.push(event));
    socket.receive({ tokens: [...words('Hello world.', 0, true, { speaker: '1' }), end(600)] });
    await settle(element);
    expect(parts(element, 'download')).toHaveLength(0);

    const transcript = await stopLive({ element, socket } as Connected);
    await settle(element);
    expect(transcript?.text).toBe('Hello world.');
    expect(ends.map((event) => [event.detail.reason, event.detail.transcript.text])).toEqual([
      ['finished', 'Hello world.'],
    ]);
    expect(element.transcript).toBe(transcript);
    expect(parts(element, 'download').map((button) => button.textContent?.trim())).toEqual([
      'SRT',
      'VTT',
      'TXT',
      'JSON',
    ]);
    // The transcript stays on screen after the session.
    expect(paragraphs(element)).toEqual([{ final: 'Hello world.', partial: '' }]);

    const saved: { name: string; text: string }[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:live');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, text: '' });
    });
    try {
      part(element, 'download-srt').click();
      expect(saved.map((file) => file.name)).toEqual(['transcript.srt']);
      const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
      const srt = await blob.text();
      expect(srt).toContain('00:00:00,000 --> ');
      expect(srt).toContain('Speaker 1: Hello world.');
    } finally {
      createObjectURL.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });

  it('pauses by holding audio back and finalizing, and mutes by silencing the source', async () => {
    const { element, capture, socket } = await startLive();
    capture.push(new Uint8Array(640).fill(1));
    await until(() => socket.audioBytes === 640);

    part(element, 'pause-button').click();
    await element.updateComplete;
    expect(element.paused).toBe(true);
    expect(part(element, 'status').textContent).toBe('Paused');
    expect(part(element, 'pause-button').textContent?.trim()).toBe('Resume');
    await until(() => socket.textFrames.includes('{"type":"finalize"}'));
    capture.push(new Uint8Array(640).fill(2));
    await settle(element);
    expect(socket.audioBytes).toBe(640);

    part(element, 'pause-button').click();
    part(element, 'mute-button').click();
    await element.updateComplete;
    expect(element.paused).toBe(false);
    expect(capture.muted).toBe(true);
    expect(part(element, 'mute-button').textContent?.trim()).toBe('Unmute');
    capture.push(new Uint8Array(640).fill(3));
    await until(() => socket.audioBytes === 1280);
    expect(socket.sent.at(-1)).toEqual(new Uint8Array(640));
    element.cancel();
  });

  it('meters the input level from the capture', async () => {
    const { element, capture } = await startLive();
    const meter = part(element, 'level');
    expect(meter.getAttribute('role')).toBe('meter');
    capture.push(new Uint8Array(640), 0.1);
    // -20 dBFS on a -60…0 dB scale.
    expect(meter.getAttribute('aria-valuenow')).toBe('67');
    expect(meter.style.getPropertyValue('--_level')).toBe('0.67');
    element.cancel();
  });

  it('reports a refused microphone: error state, a message, and scribe-error', async () => {
    const element = await mount();
    const capture = new FakeCapture();
    const refusal = new CaptureError({ reason: 'permission-denied', message: 'NotAllowedError' });
    capture.refuseWith = refusal;
    element.source = capture;
    const connect = vi.fn();
    element.realtime = { connect };
    const errors: ScribeErrorEvent[] = [];
    element.addEventListener('scribe-error', (event) => errors.push(event));
    await element.start();
    await settle(element);
    expect(element.getAttribute('state')).toBe('error');
    expect(element.error).toBe(refusal);
    expect(connect).not.toHaveBeenCalled();
    const message =
      'Microphone access was blocked. Allow it in the browser’s site settings, then press Start again.';
    expect(part(element, 'error').textContent).toBe(message);
    expect(part(element, 'error').getAttribute('role')).toBe('alert');
    expect(errors.map((event) => event.detail)).toEqual([{ error: refusal, message }]);
    expect(part(element, 'start-button').textContent?.trim()).toBe('Start');
  });

  it('reports a failed connection and releases the microphone', async () => {
    const element = await mount();
    const capture = new FakeCapture();
    element.source = capture;
    const failure = new RealtimeError({ provider: 'soniox', message: 'refused', closeCode: 1006 });
    element.realtime = { connect: () => Promise.reject(failure) };
    const errors: ScribeErrorEvent[] = [];
    element.addEventListener('scribe-error', (event) => errors.push(event));
    await element.start();
    await settle(element);
    expect(element.state).toBe('error');
    expect(capture.stops).toBe(1);
    expect(errors.map((event) => event.detail.message)).toEqual([
      'The connection to the transcription service failed.',
    ]);
  });

  it('says so when neither endpoint nor a realtime client is set', async () => {
    const element = await mount();
    element.source = new FakeCapture();
    const errors: ScribeErrorEvent[] = [];
    element.addEventListener('scribe-error', (event) => errors.push(event));
    await element.start();
    await settle(element);
    expect(element.state).toBe('error');
    expect(errors[0]?.detail.message).toBe(
      'No server is configured: set the endpoint attribute or a realtime client.',
    );
  });

  it('keeps the final words when the provider fails mid-session, and ends with reason failed', async () => {
    const { element, capture, socket } = await startLive();
    const ends: LiveEndEvent[] = [];
    const errors: ScribeErrorEvent[] = [];
    element.addEventListener('scribe-live-end', (event) => ends.push(event));
    element.addEventListener('scribe-error', (event) => errors.push(event));
    socket.receive({ tokens: [...words('Kept words.', 0, true), end(600)] });
    socket.receive({ error_code: 401, error_message: 'Invalid API key.' });
    await settle(element);
    expect(element.state).toBe('error');
    expect(capture.stops).toBeGreaterThan(0);
    expect(errors).toHaveLength(1);
    expect(ends.map((event) => [event.detail.reason, event.detail.transcript.text])).toEqual([
      ['failed', 'Kept words.'],
    ]);
    expect(parts(element, 'download')).toHaveLength(4);
  });

  it('ends the session when the microphone goes away', async () => {
    const { element, capture } = await startLive();
    const errors: ScribeErrorEvent[] = [];
    element.addEventListener('scribe-error', (event) => errors.push(event));
    capture.fail(new CaptureError({ reason: 'device-lost', message: 'unplugged' }));
    await settle(element);
    expect(element.state).toBe('error');
    expect(errors[0]?.detail.message).toBe('The microphone was disconnected.');
  });

  it('cancels the session and releases the microphone when it leaves the page', async () => {
    const { element, capture, socket } = await startLive();
    element.remove();
    await settle(element);
    expect(capture.stops).toBeGreaterThan(0);
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'cancelled' });
    expect(element.state).toBe('idle');
  });

  it('costs O(1) DOM mutations per partial update and O(new words) per final one, after 50,000 words', async () => {
    const { element, socket } = await startLive();
    // 500 paragraphs of 100 words, in messages of 50 words each.
    for (let message = 0; message < 1000; message++) {
      const startMs = message * 50 * 300;
      const tokens = [];
      for (let index = 0; index < 50; index++) {
        const start = startMs + index * 300;
        tokens.push(token(message === 0 && index === 0 ? 'w' : ' w', start, start + 250, true));
      }
      if (message % 2 === 1) tokens.push(end(startMs + 50 * 300));
      socket.receive({ tokens });
    }
    await until(() => element.session?.finalWords.length === 50_000, 20_000);
    await settle(element);
    expect(parts(element, 'segment')).toHaveLength(500);

    const list = part(element, 'transcript');
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(root(element), {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const touched = async (): Promise<number> => {
      await settle(element);
      records.push(...observer.takeRecords());
      const count = records.length;
      records.length = 0;
      return count;
    };

    socket.receive({ tokens: words('one more', 15_000_000, false) });
    // The tail moves into the new paragraph once, then only its text changes.
    expect(await touched()).toBeLessThanOrEqual(4);
    socket.receive({ tokens: words('one more time', 15_000_000, false) });
    expect(await touched()).toBeLessThanOrEqual(1);
    socket.receive({ tokens: [...words('one more time', 15_000_000, true), end(15_001_000)] });
    expect(await touched()).toBeLessThanOrEqual(6);
    expect(list.childElementCount).toBe(501);
    observer.disconnect();
    element.cancel();
  }, 60_000);

  it('plays a recording as the microphone: its PCM byte for byte, then ends the session when it ends', async () => {
    const element = await mount();
    const fake = fakeWebSockets();
    element.realtime = createSonioxRealtime({ apiKey: 'key_1', WebSocket: fake.WebSocket });
    element.source = new AudioFileSource(new Uint8Array(speechBytes), { realtime: false });
    const started: LiveStartEvent[] = [];
    const ended = new Promise<LiveEndEvent>((resolve) =>
      element.addEventListener('scribe-live-end', resolve, { once: true }),
    );
    element.addEventListener('scribe-live-start', (event) => started.push(event));
    await element.start();
    const socket = fake.sockets[0] as FakeWebSocket;
    // The recording ends by itself, and so does the session: the end of audio is sent.
    await until(() => socket.sent.at(-1) === '');
    socket.receive({ tokens: [...words('The quick brown fox.', 0, true), end(1300)], finished: true });
    const finished = await ended;
    expect(finished.detail.reason).toBe('finished');
    expect(finished.detail.transcript.text).toBe('The quick brown fox.');
    expect(started[0]?.detail.source).toBe('audio');
    expect(JSON.parse(socket.sent[0] as string)).toMatchObject({
      audio_format: 'pcm_s16le',
      sample_rate: 16000,
      num_channels: 1,
    });
    // Exactly the WAV's data chunk, from its first byte: what the sandbox recognises the sample by.
    const audio = Buffer.concat(
      socket.sent.filter((frame): frame is Uint8Array => typeof frame !== 'string'),
    );
    const wav = readWavPcm16(new Uint8Array(speechBytes));
    expect(wav).toMatchObject({ sampleRate: 16000, channels: 1 });
    expect(Buffer.compare(audio, Buffer.from(wav?.data ?? []))).toBe(0);
    expect(socket.sent[1]).toHaveLength(1280);
    await element.updateComplete;
    expect(element.state).toBe('idle');
  });
});
