import { readFileSync } from 'node:fs';
import type { ProviderId, TranscriptionProviderSource } from '../../../src/core/index.js';
import { createMistral } from '../../../src/core/providers/mistral/index.js';
import { createScriptivox } from '../../../src/core/providers/scriptivox/index.js';
import { createSoferAI } from '../../../src/core/providers/soferai/index.js';
import { createSoniox } from '../../../src/core/providers/soniox/index.js';
import { createSandbox } from '../../../worker/src/sandbox/index.js';

export const speech = readFileSync('test/fixtures/audio/speech.wav');
export const speechFile = (): File => new File([speech], 'speech.wav', { type: 'audio/wav' });
export const foxText = 'The quick brown fox jumps over the lazy dog.';
/** The fox sample's length, from test/fixtures/audio/durations.json. */
export const foxSeconds = (
  JSON.parse(readFileSync('test/fixtures/audio/durations.json', 'utf8')) as Record<string, number>
)['speech.wav'] as number;
/** A URL every sandbox resolves to the fox sample by its file name. */
export const foxUrl = 'https://cdn.example.com/speech.wav';

const start = Date.parse('2026-11-22T10:00:00Z');
const delays = { queuedMs: 1_000, processingMs: 1_000 };

/** What a test can do with one provider's client on its own fresh sandbox. */
export interface ProviderSandbox<Client extends TranscriptionProviderSource = TranscriptionProviderSource> {
  client: Client;
  /** A copy of every request the client sent, in order. */
  sent: Request[];
  /** `METHOD /path` of every request sent. */
  paths(): string[];
  /** Every request body sent, as text (multipart and base64 bodies included). */
  bodies(): Promise<string[]>;
  /**
  Holds requests matching `pattern` (`METHOD /path`) until their signal aborts, then rejects them
  with its reason as fetch does; `onHeld` runs when one is held.
  */
  hold(pattern: RegExp, onHeld: () => void): void;
}

export interface SandboxClockOptions {
  /**
  How far the sandbox clock moves on each job status poll, in ms. Jobs stay queued 1 s and
  processing 1 s, so 1000 shows every stage (one real poll interval per job) and 2000, the
  default, finishes a job at its first poll without waiting.
  */
  step?: number;
}

/**
A client on a fresh sandbox whose clock moves by `step` on every request that `isStatusPoll`
accepts, with every request recorded and optionally held.
*/
function onSandbox<Client extends TranscriptionProviderSource>(
  create: (fetch: typeof globalThis.fetch) => Client,
  isStatusPoll: (method: string, path: string) => boolean,
  options: SandboxClockOptions,
): ProviderSandbox<Client> {
  let now = start;
  const step = options.step ?? 2_000;
  const sandbox = createSandbox({ now: () => now, jobDelays: delays, streamEventDelayMs: 0 });
  const sent: Request[] = [];
  const held: { pattern: RegExp; onHeld: () => void }[] = [];
  const pathOf = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(request.clone());
    const path = pathOf(request);
    const hold = held.find((entry) => entry.pattern.test(path));
    if (hold !== undefined) {
      return new Promise<Response>((_resolve, reject) => {
        const signal = request.signal;
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        hold.onHeld();
      });
    }
    if (isStatusPoll(request.method, new URL(request.url).pathname)) now += step;
    return sandbox.fetch(request);
  };
  return {
    client: create(fetch),
    sent,
    paths: () => sent.map(pathOf),
    bodies: () => Promise.all(sent.map((request) => request.clone().text())),
    hold: (pattern, onHeld) => {
      held.push({ pattern, onHeld });
    },
  };
}

/** Soniox: status polls are `GET /v1/transcriptions/<id>`; the client polls every second. */
export function sonioxSandbox(options: SandboxClockOptions = {}) {
  return onSandbox(
    (fetch) => createSoniox({ apiKey: 'sandbox-key', retry: false, fetch }),
    (method, path) => method === 'GET' && /^\/v1\/transcriptions\/[^/]+$/.test(path),
    options,
  );
}

/** SoferAI: status polls are `GET /v1/transcriptions/<id>/status`; pass `waitIntervalMs` to poll fast. */
export function soferaiSandbox(options: SandboxClockOptions = {}) {
  return onSandbox(
    (fetch) => createSoferAI({ apiKey: 'sandbox-key', retry: false, fetch }),
    (method, path) => method === 'GET' && /^\/v1\/transcriptions\/[^/]+\/status$/.test(path),
    options,
  );
}

/** Mistral: one request, no job, nothing to poll. */
export function mistralSandbox(options: SandboxClockOptions = {}) {
  return onSandbox(
    (fetch) => createMistral({ apiKey: 'sandbox-key', retry: false, fetch }),
    () => false,
    options,
  );
}

/** Scriptivox: status polls are `GET /v1/transcribe/<id>`; the client polls every second at first. */
export function scriptivoxSandbox(options: SandboxClockOptions = {}) {
  return onSandbox(
    (fetch) => createScriptivox({ apiKey: 'sk_live_sandbox', retry: false, fetch }),
    (method, path) => method === 'GET' && /^\/v1\/transcribe\/[^/]+$/.test(path),
    options,
  );
}

/** Each provider's sandbox factory, by id. */
export const providerSandboxes = {
  soniox: sonioxSandbox,
  soferai: soferaiSandbox,
  mistral: mistralSandbox,
  scriptivox: scriptivoxSandbox,
} satisfies Record<ProviderId, (options?: SandboxClockOptions) => ProviderSandbox>;
