import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  providerCapabilities,
  type ProviderId,
  type TranscriptionProviderSource,
} from '../../src/core/index.js';
import { createMistral } from '../../src/core/providers/mistral/index.js';
import { createScriptivox } from '../../src/core/providers/scriptivox/index.js';
import { createSoferAI } from '../../src/core/providers/soferai/index.js';
import { createSoniox } from '../../src/core/providers/soniox/index.js';
import type { TranscriptCompleteEvent } from '../../src/elements/events/transcript-complete-event.js';
import type { UploadProgressDetail } from '../../src/elements/events/upload-progress-event.js';
import { fallbackLanguages, languagesFor } from '../../src/elements/upload/languages.js';
import { estimateCostInUsd, transcriptionPrices } from '../../src/elements/upload/pricing.js';
import { createProviderClient, workerProviders } from '../../src/elements/upload/provider-clients.js';
import '../../src/elements/upload/define.js';
import type { ScribeUpload } from '../../src/elements/upload/upload.js';
import { createSandbox, type Sandbox } from '../../worker/src/sandbox/index.js';

// Paths, not URLs: the URL global is happy-dom's here, which node:fs does not take.
const fixtures = join(fileURLToPath(import.meta.url), '../../fixtures/audio');
const speechBytes = readFileSync(join(fixtures, 'speech.wav'));
const speechFile = () => new File([speechBytes], 'speech.wav', { type: 'audio/wav' });
const foxText = 'The quick brown fox jumps over the lazy dog.';

type SandboxFetch = (request: Request) => Promise<Response>;

interface Sent {
  method: string;
  path: string;
  body: string;
}

interface ProviderCase {
  id: ProviderId;
  origin: string;
  /** The client on `fetch`, as a page would configure it with a key. */
  create(fetch: SandboxFetch): TranscriptionProviderSource;
  /** Which requests are job status polls, on which the sandbox clock moves. */
  isStatusPoll(method: string, path: string): boolean;
  /** The speaker count field of the create request, where the provider takes one. */
  speakerCountSent?: (sent: Sent[]) => unknown;
  /** A native namespace only this provider's client has. */
  native: (client: TranscriptionProviderSource) => unknown;
  /** How many DELETEs clean up after a transcription (the job, its file). */
  deletesAfter: number;
}

const fetchOption = (fetch: SandboxFetch) => fetch as typeof globalThis.fetch;

const cases: ProviderCase[] = [
  {
    id: 'soniox',
    origin: 'https://api.soniox.com',
    create: (fetch) => createSoniox({ apiKey: 'sandbox', retry: false, fetch: fetchOption(fetch) }),
    isStatusPoll: (method, path) => method === 'GET' && /^\/v1\/transcriptions\/[^/]+$/.test(path),
    native: (client) => (client as ReturnType<typeof createSoniox>).stt,
    deletesAfter: 2,
  },
  {
    id: 'soferai',
    origin: 'https://api.sofer.ai',
    create: (fetch) => createSoferAI({ apiKey: 'sandbox', retry: false, fetch: fetchOption(fetch) }),
    isStatusPoll: (method, path) => method === 'GET' && /^\/v1\/transcriptions\/[^/]+\/status$/.test(path),
    speakerCountSent: (sent) =>
      (
        JSON.parse(sent.find((entry) => entry.path === 'POST /v1/transcriptions/')?.body ?? '{}') as {
          info?: { num_speakers?: number };
        }
      ).info?.num_speakers,
    native: (client) => (client as ReturnType<typeof createSoferAI>).transcribe.createTranscription,
    deletesAfter: 0,
  },
  {
    id: 'mistral',
    origin: 'https://api.mistral.ai',
    create: (fetch) => createMistral({ apiKey: 'sandbox', retry: false, fetch: fetchOption(fetch) }),
    isStatusPoll: () => false,
    native: (client) => (client as ReturnType<typeof createMistral>).audio.transcriptions,
    deletesAfter: 0,
  },
  {
    id: 'scriptivox',
    origin: 'https://api.scriptivox.com',
    create: (fetch) =>
      createScriptivox({ apiKey: 'sk_live_sandbox', retry: false, fetch: fetchOption(fetch) }),
    isStatusPoll: (method, path) => method === 'GET' && /^\/v1\/transcribe\/[^/]+$/.test(path),
    speakerCountSent: (sent) =>
      (
        JSON.parse(sent.find((entry) => entry.path === 'POST /v1/transcribe')?.body ?? '{}') as {
          speaker_count?: number;
        }
      ).speaker_count,
    native: (client) => (client as ReturnType<typeof createScriptivox>).uploads,
    deletesAfter: 1,
  },
];

/**
A client on a fresh sandbox whose clock moves by a second on each status poll, so a job is seen
queued, processing and completed; every request is recorded.
*/
function onSandbox(providerCase: ProviderCase): { client: TranscriptionProviderSource; sent: Sent[] } {
  const clock = { now: Date.parse('2026-11-22T10:00:00Z') };
  const sandbox = createSandbox({
    now: () => clock.now,
    jobDelays: { queuedMs: 1_000, processingMs: 1_000 },
    streamEventDelayMs: 0,
  });
  const sent: Sent[] = [];
  const client = providerCase.create(async (request) => {
    const path = `${request.method} ${new URL(request.url).pathname}`;
    sent.push({ method: request.method, path, body: await request.clone().text() });
    if (providerCase.isStatusPoll(request.method, new URL(request.url).pathname)) clock.now += 1_000;
    return sandbox.fetch(request);
  });
  return { client, sent };
}

const mounted: Element[] = [];

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  vi.unstubAllGlobals();
});

/** Answers the element's `GET <endpoint>/config` without the network, for endpoints no server is behind. */
function stubWorkerConfig(): void {
  vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'not_found' } }, { status: 404 }));
}

async function mount(
  options: { client?: TranscriptionProviderSource; attributes?: Record<string, string> } = {},
): Promise<ScribeUpload> {
  const element = document.createElement('scribe-upload');
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  if (options.client !== undefined) element.client = options.client;
  const container = document.createElement('div');
  container.append(element);
  document.body.append(container);
  mounted.push(container);
  await element.updateComplete;
  return element;
}

function part<T extends HTMLElement = HTMLElement>(element: ScribeUpload, name: string): T | null {
  return element.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

async function choose(element: ScribeUpload, file: File): Promise<void> {
  const input = element.shadowRoot?.querySelector<HTMLInputElement>('input[type="file"]');
  if (input == null) throw new Error('no file input');
  input.files = [file] as unknown as FileList;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(element.status).toBe('ready'));
  await element.updateComplete;
}

function fileInfo(element: ScribeUpload): Record<string, string> {
  const info = part(element, 'file-info');
  const terms = [...(info?.querySelectorAll('dt') ?? [])].map((term) => term.textContent?.trim() ?? '');
  const details = [...(info?.querySelectorAll('dd') ?? [])].map((detail) => detail.textContent?.trim() ?? '');
  return Object.fromEntries(terms.map((term, index) => [term, details[index] ?? '']));
}

/** What the element offers: the language options, whether "detect" is one, and which controls show. */
function offered(element: ScribeUpload) {
  const select = part<HTMLSelectElement>(element, 'language-select');
  const options = [...(select?.options ?? [])];
  return {
    detect: options[0]?.value === '',
    languages: options.map((option) => option.value).filter((value) => value !== ''),
    selected: select?.value,
    diarize: part(element, 'diarize-checkbox') !== null,
    speakerCount: part(element, 'speaker-count-input') !== null,
    url: part(element, 'url-form') !== null,
  };
}

/** Runs the selected file to the end and returns the transcript and the stages seen. */
async function run(element: ScribeUpload) {
  const stages: UploadProgressDetail[] = [];
  element.addEventListener('scribe-upload-progress', (event) => stages.push(event.detail));
  const complete = new Promise<TranscriptCompleteEvent>((resolve) =>
    element.addEventListener('scribe-transcript-complete', resolve, { once: true }),
  );
  part(element, 'start-button')?.click();
  const { detail } = await complete;
  return {
    transcript: detail.transcript,
    stages: stages.map((stage) => stage.stage).filter((stage, index, all) => stage !== all[index - 1]),
  };
}

describe.each(cases)('<scribe-upload> with $id', (providerCase) => {
  const { id } = providerCase;
  const row = providerCapabilities[id];

  it('offers exactly what the provider supports', async () => {
    const element = await mount({ client: onSandbox(providerCase).client, attributes: { diarize: '' } });
    const shown = offered(element);
    expect(shown.detect).toBe(row.languageDetection);
    expect([...shown.languages].sort()).toEqual(
      [...(row.languages === 'any' ? fallbackLanguages : row.languages)].sort(),
    );
    // A provider that cannot detect shows the language it will use.
    expect(shown.selected).toBe(row.languageDetection ? '' : row.defaultLanguage);
    expect(shown.diarize).toBe(row.diarization);
    expect(shown.speakerCount).toBe(row.speakerCount);
    expect(shown.url).toBe(row.audioUrl);
    element.diarize = false;
    await element.updateComplete;
    expect(offered(element).speakerCount).toBe(false);
  });

  it(
    'transcribes the sample against the sandbox with the options shown, showing its cost first',
    { timeout: 15_000 },
    async () => {
      const { client, sent } = onSandbox(providerCase);
      const attributes: Record<string, string> = { diarize: '', language: 'en' };
      if (row.speakerCount) attributes['speaker-count'] = '2';
      const element = await mount({ client, attributes });
      await choose(element, speechFile());
      expect(fileInfo(element)['Estimated cost']).toBe('< $0.01');

      const { transcript, stages } = await run(element);

      expect(transcript.provider).toBe(id);
      expect(transcript.text).toBe(foxText);
      expect(transcript.speakers.length).toBeGreaterThan(0);
      expect(element.status).toBe('completed');
      expect(stages).toEqual(
        id === 'mistral'
          ? ['uploading', 'processing', 'completed']
          : ['uploading', 'queued', 'processing', 'completed'],
      );
      if (providerCase.speakerCountSent !== undefined) expect(providerCase.speakerCountSent(sent)).toBe(2);
    },
  );

  it('creates this provider’s client behind the Worker for provider="' + id + '"', async () => {
    stubWorkerConfig();
    const client = createProviderClient(id, 'https://worker.example/api/');
    expect(client).toBeDefined();
    if (client === undefined) return;
    expect('transcriptionProvider' in client && client.transcriptionProvider.id).toBe(id);
    expect(providerCase.native(client)).toBeDefined();
    const element = await mount({
      attributes: { endpoint: 'https://worker.example/api', provider: id, diarize: '' },
    });
    expect(offered(element).speakerCount).toBe(row.speakerCount);
    expect(offered(element).detect).toBe(row.languageDetection);
  });
});

describe('<scribe-upload provider="…"> through a Worker, with XMLHttpRequest', () => {
  it.each(cases)(
    'transcribes with $id at <endpoint>/<provider>',
    { timeout: 15_000 },
    async ({ id, deletesAfter }) => {
      const worker = await serveWorker(createSandbox({ jobDelays: { queuedMs: 0, processingMs: 0 } }));
      try {
        const element = await mount({ attributes: { endpoint: `${worker.origin}/api`, provider: id } });
        await choose(element, speechFile());
        const { transcript, stages } = await run(element);
        expect(transcript.provider).toBe(id);
        expect(transcript.text).toBe(foxText);
        expect(stages[0]).toBe('uploading');
        expect(stages.at(-1)).toBe('completed');
        const api = worker.paths.filter((path) => !path.endsWith('/api/config'));
        expect(api.length).toBeGreaterThan(0);
        for (const path of api) expect(path).toMatch(new RegExp(`^[A-Z]+ /api/(${id}|${id}-storage)/`));
        // The clean-up after the transcript (deleting the job, its file) goes through the Worker too.
        await vi.waitFor(() =>
          expect(worker.paths.filter((path) => path.startsWith('DELETE '))).toHaveLength(deletesAfter),
        );
      } finally {
        await worker.close();
      }
    },
  );

  it('offers nothing for a provider the Worker does not know', async () => {
    stubWorkerConfig();
    expect(workerProviders).toEqual(['soniox', 'soferai', 'mistral', 'scriptivox']);
    expect(createProviderClient('whisper', '/api')).toBeUndefined();
    const element = await mount({ attributes: { endpoint: '/api', provider: 'whisper' } });
    expect(part(element, 'options')).toBeNull();
  });
});

describe('prices and languages by provider', () => {
  it('prices every provider per audio hour with a source, SoferAI’s speaker labels extra', () => {
    for (const id of workerProviders) {
      expect(transcriptionPrices[id]?.source).toMatch(/^https:\/\//);
      expect(transcriptionPrices[id]?.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(estimateCostInUsd('scriptivox', 3600)).toBeCloseTo(0.2);
    expect(estimateCostInUsd('soferai', 3600)).toBeCloseTo(1.2);
    expect(estimateCostInUsd('soferai', 3600, { diarize: true })).toBeCloseTo(1.5);
    expect(estimateCostInUsd('soniox', 3600, { diarize: true })).toBeCloseTo(0.1);
    expect(estimateCostInUsd('mistral', 3600)).toBeCloseTo(0.2088, 4);
  });

  it('lists each provider’s languages from the capability table, by id or by provider', () => {
    expect(languagesFor('soferai', 'en').map((language) => language.name)).toEqual([
      'English',
      'French',
      'Hebrew',
      'Yiddish',
    ]);
    expect(languagesFor('scriptivox', 'en')).toHaveLength(119);
    expect(
      languagesFor('mistral', 'en')
        .map((language) => language.code)
        .sort(),
    ).toEqual([...fallbackLanguages].sort());
    const custom = { id: 'custom', capabilities: { languages: ['he', 'yi'] } };
    expect(languagesFor(custom, 'he').map((language) => language.code)).toEqual(['yi', 'he']);
  });

  it('refuses a file over the provider’s documented limit', async () => {
    const provider = {
      id: 'tiny',
      name: 'Tiny',
      capabilities: { ...providerCapabilities.soniox, maxFileBytes: 1_000 },
      transcribe: () => Promise.reject(new Error('not reached')),
    };
    const element = await mount({ client: provider });
    await element.selectFile(speechFile());
    await element.updateComplete;
    expect(element.status).toBe('idle');
    expect(part(element, 'error')?.textContent?.trim()).toBe('This file is 110 kB; the limit is 1 kB.');
  });
});

/**
A stand-in for the scribekit Worker on 127.0.0.1: `/api/<provider>/<path>` goes to the sandbox at
the provider's origin with a key added, and Scriptivox's presigned upload URL is pointed at
`/api/scriptivox-storage/…` (as the Worker's sandbox relay does), which goes to the sandbox's
storage host. CORS answers the happy-dom page's origin.
*/
async function serveWorker(
  sandbox: Sandbox,
): Promise<{ origin: string; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const origins = Object.fromEntries(cases.map((providerCase) => [providerCase.id, providerCase.origin]));
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    void proxy(incoming, outgoing).catch((error: unknown) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    });
  });
  async function proxy(incoming: IncomingMessage, outgoing: ServerResponse) {
    outgoing.setHeader('access-control-allow-origin', 'http://localhost:3000');
    if (incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? '',
      });
      outgoing.end();
      return;
    }
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    paths.push(`${incoming.method} ${url.pathname}`);
    if (url.pathname === '/api/config') {
      // No webhooks here: the element polls.
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.end('{"webhooks":{}}');
      return;
    }
    const match = /^\/api\/([a-z]+)(-storage)?(\/.*)$/.exec(url.pathname);
    const provider = match?.[1];
    if (match === null || provider === undefined || !(provider in origins)) {
      outgoing.writeHead(404, { 'content-type': 'application/json' });
      outgoing.end('{"error":{"code":"not_found","message":"Not found"}}');
      return;
    }
    const storage = match[2] !== undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = new Headers();
    if (!storage)
      headers.set('authorization', provider === 'scriptivox' ? 'sk_live_sandbox' : 'Bearer sandbox');
    for (const name of ['content-type', 'idempotency-key']) {
      const value = incoming.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const upstream = storage ? 'https://scriptivoxsandboxref.supabase.co' : origins[provider];
    let response = await sandbox.fetch(
      new Request(`${upstream}${match[3]}${url.search}`, {
        method: incoming.method ?? 'GET',
        headers,
        ...(body.byteLength === 0 ? {} : { body: new Uint8Array(body) }),
      }),
    );
    if (provider === 'scriptivox' && !storage && match[3] === '/v1/upload' && response.ok) {
      const upload = (await response.json()) as { upload_url: string };
      const presigned = new URL(upload.upload_url);
      upload.upload_url = `${origin}/api/scriptivox-storage${presigned.pathname}${presigned.search}`;
      response = Response.json(upload);
    }
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'content-length') responseHeaders[name] = value;
    });
    outgoing.writeHead(response.status, responseHeaders);
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
