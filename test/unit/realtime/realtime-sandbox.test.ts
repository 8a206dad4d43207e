import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { RealtimeError } from '../../../src/core/errors/index.js';
import { createSonioxRealtime } from '../../../src/core/providers/soniox/soniox-realtime.js';
import type { RealtimePart } from '../../../src/core/realtime/realtime-part.js';
import {
  createSandbox,
  type SandboxOptions,
  type SonioxRealtimeSessionInfo,
} from '../../../worker/src/sandbox/index.js';
import { serveRealtimeSandbox, type RealtimeSandboxServer } from '../../helpers/serve-realtime-sandbox.js';
import { chunks, foxPcm } from './pcm.js';

const pcm = { audioFormat: 'pcm_s16le', sampleRate: 16000, numChannels: 1 } as const;
let server: RealtimeSandboxServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  options: SandboxOptions = {},
): Promise<{ url: string; sessions: SonioxRealtimeSessionInfo[] }> {
  const sessions: SonioxRealtimeSessionInfo[] = [];
  server = await serveRealtimeSandbox(
    createSandbox({
      ...options,
      sonioxRealtime: { ...options.sonioxRealtime, onSessionEnd: (info) => sessions.push(info) },
    }),
  );
  return { url: server.urlFor(), sessions };
}

describe('the realtime client against the sandbox over real sockets', () => {
  it.each([
    ['auto', 'snx_temp_abc', 'header'],
    ['subprotocol', 'snx_temp_abc', 'subprotocol'],
    ['message', 'live-key', 'message'],
  ] as const)('authenticates with %s (%s) as %s', async (authentication, apiKey, expected) => {
    const { url, sessions } = await serve();
    const parts: RealtimePart[] = [];
    const session = await createSonioxRealtime({ apiKey, WebSocket, realtimeUrl: url }).connect({
      ...pcm,
      authentication,
      onPart: (part) => parts.push(part),
    });
    for (const chunk of chunks(foxPcm(), 3840)) await session.sendAudio(chunk);
    const transcript = await session.end();
    expect(transcript.text).toBe('The quick brown fox jumps over the lazy dog.');
    expect(parts[0]).toMatchObject({ type: 'session-start', authentication: expected });
    expect(sessions.map((info) => info.authentication)).toEqual([expected]);
  });

  it('reports a refused upgrade as a connection failure', async () => {
    const { url } = await serve();
    // Both a header (from ws) and the subprotocol: the sandbox answers 400 before upgrading.
    class BothWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, ['soniox-api-key', 'k2', ...(protocols ?? [])], {
          headers: { Authorization: 'Bearer k1' },
        });
      }
    }
    const error = await createSonioxRealtime({ apiKey: 'k1', WebSocket: BothWebSocket, realtimeUrl: url })
      .connect({ ...pcm, authentication: 'message' })
      .catch((reason: unknown) => reason);
    expect(RealtimeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'connection_failed' });
    expect((error as Error).message).toContain('400');
  });

  it('is kept alive by keepalives while no audio flows', async () => {
    const { url, sessions } = await serve({ sonioxRealtime: { idleTimeoutMs: 300 } });
    const parts: RealtimePart[] = [];
    const session = await createSonioxRealtime({ apiKey: 'k', WebSocket, realtimeUrl: url }).connect({
      ...pcm,
      keepaliveIntervalMs: 100,
      onPart: (part) => parts.push(part),
    });
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(parts.map((part) => part.type)).toEqual(['session-start']);
    await session.end();
    expect(sessions.map((info) => info.outcome)).toEqual(['finished']);
  });

  it('reconnects after the server closes an idle session with 408', async () => {
    const { url, sessions } = await serve({ sonioxRealtime: { idleTimeoutMs: 150 } });
    const parts: RealtimePart[] = [];
    const session = await createSonioxRealtime({ apiKey: 'k', WebSocket, realtimeUrl: url }).connect({
      ...pcm,
      keepaliveIntervalMs: 5000,
      reconnect: { initialDelayMs: 5 },
      onPart: (part) => parts.push(part),
    });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(parts.find((part) => part.type === 'reconnecting')).toMatchObject({
      attempt: 1,
      error: { code: 408 },
    });
    session.cancel();
    expect(sessions[0]).toMatchObject({ outcome: 'error', errorCode: 408 });
  });

  it('fails on a non-retryable error from the server, such as a refused key', async () => {
    const { url } = await serve();
    const session = await createSonioxRealtime({ apiKey: 'invalid', WebSocket, realtimeUrl: url }).connect(
      pcm,
    );
    const error = await session.end().catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'RealtimeError', code: 401 });
    expect((error as Error).message).toContain('Incorrect API key provided');
    expect((error as Error).message).not.toContain('invalid');
  });
});
