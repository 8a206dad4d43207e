import { createSandbox, type SandboxOptions } from '../../../../worker/src/sandbox/index.js';

/** The instant every Scriptivox sandbox test starts at. */
export const START = Date.parse('2026-11-22T09:00:00.000Z');
/** Job delays: a second queued, two processing. */
export const DELAYS = { queuedMs: 1000, processingMs: 2000 };

/** A Scriptivox sandbox on a clock the test moves, with helpers that speak its raw HTTP API. */
export function scriptivoxHarness(options: SandboxOptions = {}) {
  let now = START;
  const sandbox = createSandbox({ now: () => now, jobDelays: DELAYS, ...options });
  const call = async (
    method: string,
    path: string,
    init: { json?: unknown; headers?: Record<string, string>; body?: BodyInit } = {},
  ) => {
    const headers: Record<string, string> = { Authorization: 'sk_live_test', ...init.headers };
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await sandbox.fetch(
      new Request(`https://api.scriptivox.com${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      }),
    );
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Exports are text.
    }
    return { status: response.status, headers: response.headers, body: parsed as Record<string, unknown> };
  };
  const create = async (json: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await call('POST', '/v1/transcribe', { json, headers });
    if (response.status !== 200)
      throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
    return String(response.body.id);
  };
  const get = async (id: string) => (await call('GET', `/v1/transcribe/${id}`)).body;
  return {
    sandbox,
    call,
    create,
    get,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}
