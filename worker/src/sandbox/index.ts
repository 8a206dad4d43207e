import { createMistralEmulator } from './mistral/mistral-emulator.js';
import { createSandboxRouter } from './router.js';
import { createScriptivoxEmulator } from './scriptivox/scriptivox-emulator.js';
import { createJobClock } from './shared/job-clock.js';
import type { EmulatorContext, SandboxProviderName } from './shared/provider-emulator.js';
import { createSoferaiEmulator } from './soferai/soferai-emulator.js';
import { createSonioxEmulator, createSonioxState } from './soniox/soniox-emulator.js';
import {
  createSonioxRealtimeEmulator,
  type SandboxUpgrade,
  type SonioxRealtimeEmulatorOptions,
} from './soniox/soniox-realtime.js';

export type { SandboxProviderName } from './shared/provider-emulator.js';
export type {
  SandboxSocket,
  SandboxSocketHandlers,
  SandboxUpgrade,
  SonioxRealtimeEmulatorOptions,
  SonioxRealtimeSessionInfo,
} from './soniox/soniox-realtime.js';

/** What {@link createSandbox} accepts. */
export interface SandboxOptions {
  /** Clock in ms since epoch; tests pass a controllable one. Default `Date.now`. */
  now?: () => number;
  /**
  How long a job stays queued, then processing, in ms. Defaults 1000 and 2000; tests pass 0 or
  values they step through with `now`.
  */
  jobDelays?: { queuedMs?: number; processingMs?: number };
  /**
  The wait between two events of a streamed (server-sent events) response, in ms, so text arrives
  the way a real stream's does. Default 40; tests pass 0.
  */
  streamEventDelayMs?: number;
  /**
  Where the webhooks an emulated service sends are delivered, since the sandbox never reaches the
  network: it receives the signed `Request` addressed to the job's webhook URL. Default: webhooks
  are dropped.
  */
  deliverWebhook?: (request: Request) => Promise<Response>;
  /** The Soniox realtime emulator's limits and test hooks (idle time, session length, dropped sockets). */
  sonioxRealtime?: SonioxRealtimeEmulatorOptions;
}

/**
A local emulator of Soniox, SoferAI, Mistral and Scriptivox at their real URLs and wire formats.

It is a plain fetch handler: inject `sandbox.fetch` where a client takes `fetch`, route a Worker's
upstream calls to it, or serve it on 127.0.0.1 with the Node adapter for the official SDKs.
*/
export interface Sandbox {
  /**
  Handles a request addressed to a provider's real URL (`https://api.soniox.com/v1/...`).

  Never rejects. Unknown hosts get 502 JSON `{ error: { code: 'sandbox_unknown_host', message } }`.
  */
  fetch(request: Request): Promise<Response>;
  /** The real hosts this sandbox answers for. */
  readonly hosts: readonly string[];
  /** Which provider a host belongs to, or `undefined`. Case and a `:port` suffix are ignored. */
  providerForHost(host: string): SandboxProviderName | undefined;
  /**
  Judges a WebSocket upgrade request to a realtime URL (`wss://stt-rt.soniox.com/transcribe-websocket`)
  for a runtime without `WebSocketPair`: a Node adapter completes the upgrade itself and attaches the
  session to its socket. In workerd, `fetch` does all of this and answers 101. Every sandbox from
  `createSandbox` has it; it is optional so stand-ins written for `fetch` alone still type-check.
  */
  upgrade?(request: Request): SandboxUpgrade;
}

/**
Creates a sandbox with its own empty state: two sandboxes never share files, jobs or keys.

Throws a `RangeError` when a job delay is negative or not finite.

@example
```
import { createSandbox } from './sandbox/index.js';

const sandbox = createSandbox({ jobDelays: { queuedMs: 0, processingMs: 0 } });
const response = await sandbox.fetch(
  new Request('https://api.soniox.com/v1/models', { headers: { Authorization: 'Bearer k' } }),
);
```
*/
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const context: EmulatorContext = { clock: createJobClock({ now: options.now, delays: options.jobDelays }) };
  const sonioxState = createSonioxState();
  const sonioxRealtime = createSonioxRealtimeEmulator(sonioxState, context.clock, options.sonioxRealtime);
  const router = createSandboxRouter([
    createSonioxEmulator(context, sonioxState, sonioxRealtime),
    createSoferaiEmulator(context),
    createMistralEmulator(context, { streamEventDelayMs: options.streamEventDelayMs }),
    createScriptivoxEmulator(context, { deliverWebhook: options.deliverWebhook }),
  ]);
  return {
    fetch: (request) => router.fetch(request),
    hosts: router.hosts,
    providerForHost: (host) => router.providerForHost(host),
    upgrade: (request) => sonioxRealtime.upgrade(request),
  };
}
