import type { JobClock } from '../shared/job-clock.js';
import type { MemoryStore } from '../shared/memory-store.js';
import { costCents, jobState, type ScriptivoxJob } from './scriptivox-job.js';

/** Delivers one webhook `Request`; the sandbox never reaches the network itself. */
export type DeliverWebhook = (request: Request) => Promise<Response>;

const encoder = new TextEncoder();

// Scriptivox waits 30 s for an answer (reference/scriptivox.md §7).
const DELIVERY_TIMEOUT_MS = 30_000;

/**
Signs a webhook body as the sandbox's Scriptivox does: HMAC-SHA256 over `<timestamp>.<body>`,
keyed by the SHA-256 of the API key, hex out. Scriptivox leaves the encodings unconfirmed
(reference/scriptivox.md §7); the sandbox uses the key's hex digest as the HMAC key (what a service
that stores only hashed keys has at hand), a hex signature without prefix, and Unix seconds.
*/
export async function signScriptivoxWebhook(
  keyHashHex: string,
  timestampSeconds: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(keyHashHex),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestampSeconds}.${body}`));
  return Array.from(new Uint8Array(signature), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
Sends the webhooks that have come due: `transcription.processing` once a job is processing, then
exactly one of `transcription.completed` or `transcription.failed` (a cancelled job's failure
included). Each goes out once, is never retried, and a failed delivery is lost, as Scriptivox
documents. The status is computed from the clock, not driven by timers, so delivery happens on
the sandbox's next request after a job moves on.
*/
export async function deliverDueWebhooks(
  jobs: MemoryStore<ScriptivoxJob>,
  clock: JobClock,
  deliver: DeliverWebhook | undefined,
): Promise<void> {
  if (deliver === undefined) return;
  for (const job of jobs.values()) {
    if (job.request.webhookUrl === null) continue;
    const state = jobState(job, clock);
    const due: Record<string, unknown>[] = [];
    if (state.startedAtMs !== null && state.durationSeconds !== null && !job.webhooksSent.has('processing')) {
      job.webhooksSent.add('processing');
      due.push({
        event: 'transcription.processing',
        transcription_id: job.id,
        status: 'processing',
        duration_seconds: state.durationSeconds,
        cost_cents: costCents(state.durationSeconds),
      });
    }
    if ((state.status === 'completed' || state.status === 'failed') && !job.webhooksSent.has('finished')) {
      job.webhooksSent.add('finished');
      due.push(
        state.status === 'completed'
          ? {
              event: 'transcription.completed',
              transcription_id: job.id,
              status: 'completed',
              duration_seconds: state.durationSeconds,
              cost_cents: state.durationSeconds === null ? null : costCents(state.durationSeconds),
            }
          : { event: 'transcription.failed', transcription_id: job.id, status: 'failed', error: state.error },
      );
    }
    for (const payload of due) {
      await send(job, payload, clock, deliver);
    }
  }
}

async function send(
  job: ScriptivoxJob,
  payload: Record<string, unknown>,
  clock: JobClock,
  deliver: DeliverWebhook,
): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(clock.now() / 1000);
  const request = new Request(job.request.webhookUrl ?? '', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-scriptivox-signature': await signScriptivoxWebhook(job.keyHash, timestamp, body),
      'x-scriptivox-timestamp': String(timestamp),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  try {
    const response = await deliver(request);
    await response.body?.cancel().catch(() => {});
  } catch {
    // Delivered once, never retried: a failure loses the event, as with the real service.
  }
}
