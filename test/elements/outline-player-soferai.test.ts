import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSoferAI } from '../../src/core/providers/soferai/index.js';
import type { ScribeErrorEvent } from '../../src/elements/events/scribe-error-event.js';
import '../../src/elements/outline-player/define.js';
import type { ScribeOutlinePlayer } from '../../src/elements/outline-player/outline-player.js';
import { createSandbox, type Sandbox } from '../../worker/src/sandbox/index.js';

const transcriptionId = '6f1c2a9e-3b7d-4c55-9a0e-2d8f4b1e7c30';

// SoferAI's wire format (https://docs.sofer.ai/api-reference/timestamps/outline): one topic it
// could not place (null start) and one it placed with little confidence.
const outline = [
  {
    title: 'Introduction',
    starting_phrase: 'welcome everyone to tonight’s shiur',
    start_time_sec: 0.4,
    matched_text: 'welcome everyone to tonight’s shiur',
    score_norm: 0.97,
    confidence: 'HIGH',
    token_span: [0, 5],
    matched_content: 3,
    content_coverage: 1,
    longest_content_run_soft: 3,
    longest_content_run_strict: 3,
  },
  {
    title: 'הלכות בישול בשבת',
    starting_phrase: 'now the laws of cooking on Shabbos',
    start_time_sec: 95.5,
    matched_text: 'now the laws of cooking on shabbos',
    score_norm: 0.62,
    confidence: 'MEDIUM',
    token_span: [240, 247],
    matched_content: 3,
    content_coverage: 0.75,
    longest_content_run_soft: 3,
    longest_content_run_strict: 2,
  },
  {
    title: 'A story',
    starting_phrase: 'there was once a man in Vilna',
    start_time_sec: null,
    matched_text: '',
    score_norm: 0.12,
    confidence: 'NONE',
    token_span: null,
    matched_content: 0,
    content_coverage: 0,
    longest_content_run_soft: 0,
    longest_content_run_strict: 0,
  },
  {
    title: 'Conclusion',
    starting_phrase: 'so to sum up',
    start_time_sec: 3000.25,
    matched_text: 'so to sum',
    score_norm: 0.41,
    confidence: 'LOW',
    token_span: [9001, 9004],
    matched_content: 1,
    content_coverage: 0.5,
    longest_content_run_soft: 1,
    longest_content_run_strict: 1,
  },
];

interface Call {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

// Stands in for the page's fetch: the Worker's /api/soferai proxy answering for SoferAI.
function workerFetch(respond: () => Response, calls: Call[]): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    calls.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('Authorization'),
      body: await request.json(),
    });
    return respond();
  };
}

// What the Worker's `/api/soferai/*` proxy does: the same call to SoferAI's origin, with the key the
// page never sees.
function throughWorker(sandbox: Sandbox, calls: Call[]): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = await request.text();
    calls.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('Authorization'),
      body: JSON.parse(body),
    });
    const upstream = new URL(
      url.pathname.replace(/^\/api\/soferai\//, '/') + url.search,
      'https://api.sofer.ai',
    );
    const headers = new Headers(request.headers);
    headers.set('Authorization', 'Bearer sandbox-key');
    return sandbox.fetch(new Request(upstream, { method: request.method, headers, body }));
  };
}

// A silent 8 kHz 8-bit mono WAV: audio the sandbox does not know, which it transcribes as
// placeholder speech of the same length.
function silentWav(seconds: number): Uint8Array<ArrayBuffer> {
  const samples = Math.round(seconds * 8000);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  bytes.fill(128, 44);
  return bytes;
}

function root(element: ScribeOutlinePlayer): ShadowRoot {
  if (element.shadowRoot === null) throw new Error('no shadow root');
  return element.shadowRoot;
}

function titles(element: ScribeOutlinePlayer): string[] {
  return [...root(element).querySelectorAll('[part~="chapter-title"]')].map(
    (title) => title.textContent ?? '',
  );
}

async function mount(
  fetch: typeof globalThis.fetch,
  { endpoint = '/api', id = transcriptionId }: { endpoint?: string; id?: string } = {},
): Promise<ScribeOutlinePlayer> {
  const element = document.createElement('scribe-outline-player');
  element.fetch = fetch;
  element.setAttribute('endpoint', endpoint);
  element.setAttribute('transcription-id', id);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('<scribe-outline-player> with SoferAI', () => {
  it('shows the outline of transcription-id, asked through the Worker at endpoint', async () => {
    const calls: Call[] = [];
    const element = await mount(workerFetch(() => Response.json(outline), calls));
    expect(root(element).querySelector('[part~="loading"]')?.textContent).toBe('Loading chapters…');

    await vi.waitFor(() => expect(titles(element)).toHaveLength(3));
    expect(calls).toEqual([
      {
        method: 'POST',
        url: new URL('/api/soferai/v1/timestamps/outline', document.baseURI).href,
        authorization: null,
        body: { transcription_id: transcriptionId, monotone: true, conclusion_bias: true },
      },
    ]);
    // The topic SoferAI could not place is left out.
    expect(titles(element)).toEqual(['Introduction', 'הלכות בישול בשבת', 'Conclusion']);
    expect(element.shownChapters).toEqual([
      { title: 'Introduction', start: 0.4, end: 95.5, confidence: 0.97 },
      { title: 'הלכות בישול בשבת', start: 95.5, end: 3000.25, confidence: 0.62 },
      { title: 'Conclusion', start: 3000.25, confidence: 0.41 },
    ]);
    const low = [...root(element).querySelectorAll('li[part~="low-confidence"]')];
    expect(low.map((chapter) => chapter.querySelector('bdi')?.textContent)).toEqual(['Conclusion']);
  });

  it('shows the outline of a transcription made in the sandbox, through a stand-in for the Worker', async () => {
    const sandbox = createSandbox({ jobDelays: { queuedMs: 0, processingMs: 0 } });
    const soferai = createSoferAI({
      apiKey: 'sandbox-key',
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    });
    const id = await soferai.transcribe.createTranscription({ audio: silentWav(60) });
    const calls: Call[] = [];
    const element = await mount(throughWorker(sandbox, calls), { id });

    await vi.waitFor(() => expect(element.shownChapters.length).toBeGreaterThanOrEqual(3));
    await element.updateComplete;
    expect(calls.map(({ url, authorization, body }) => ({ url, authorization, body }))).toEqual([
      {
        url: new URL('/api/soferai/v1/timestamps/outline', document.baseURI).href,
        authorization: null,
        body: { transcription_id: id, monotone: true, conclusion_bias: true },
      },
    ]);
    const starts = element.shownChapters.map((chapter) => chapter.start);
    expect(starts[0]).toBe(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(titles(element)).toEqual(element.shownChapters.map((chapter) => chapter.title));
    expect(titles(element).at(-1)).toMatch(/^Conclusion: /);
  });

  it('takes an absolute endpoint with a trailing slash', async () => {
    const calls: Call[] = [];
    const element = await mount(
      workerFetch(() => Response.json(outline), calls),
      { endpoint: 'https://scribe.example/api/' },
    );
    await vi.waitFor(() => expect(titles(element)).toHaveLength(3));
    expect(calls[0]?.url).toBe('https://scribe.example/api/soferai/v1/timestamps/outline');
  });

  it('dispatches scribe-error with the API error when the Worker refuses', async () => {
    const errors: ScribeErrorEvent[] = [];
    document.addEventListener('scribe-error', (event) => errors.push(event), { once: true });
    const element = await mount(
      workerFetch(() => Response.json({ detail: 'Invalid API key' }, { status: 401 }), []),
    );
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]?.detail.message).toBe('The chapters could not be loaded.');
    expect(errors[0]?.detail.error).toMatchObject({ name: 'ApiCallError', provider: 'soferai', status: 401 });
    await element.updateComplete;
    expect(root(element).querySelector('[part~="error"]')?.getAttribute('role')).toBe('alert');
    expect(titles(element)).toEqual([]);
  });

  it('aborts the outline request when the element leaves the page', async () => {
    let signal: AbortSignal | undefined;
    const element = await mount((input, init) => {
      signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      return new Promise<Response>(() => undefined);
    });
    await vi.waitFor(() => expect(signal).toBeDefined());
    element.remove();
    expect(signal?.aborted).toBe(true);
  });
});
