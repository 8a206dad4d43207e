import { isTerminal, type JobState } from './job-state.js';

/** Where job states are recorded and from which Server-Sent Event streams are served. */
export interface JobHub {
  /** Records a state and pushes it to every open stream for that job. */
  record(state: JobState): Promise<void>;
  /** The last recorded state of a job, if any. */
  get(id: string): Promise<JobState | undefined>;
  /** An SSE response: the current state (if known), then each new one, closing after a terminal state. */
  events(id: string, signal?: AbortSignal): Promise<Response>;
}

const encoder = new TextEncoder();
const keepaliveMs = 15_000;

/** Formats one SSE message. */
export function sseMessage(state: JobState): Uint8Array {
  return encoder.encode(`event: status\ndata: ${JSON.stringify(state)}\n\n`);
}

/**
A hub in this isolate's memory: used inside the `JobEventsObject` Durable Object (one per job, so
webhook and browser meet there), and on its own where no Durable Object binding is configured —
in `wrangler dev` one isolate serves every request, so that works locally too.
*/
export function createMemoryJobHub(options: { onRecord?: (state: JobState) => Promise<void> } = {}): JobHub {
  const states = new Map<string, JobState>();
  const listeners = new Map<string, Set<(state: JobState) => void>>();

  return {
    async record(state) {
      states.set(state.id, state);
      await options.onRecord?.(state);
      for (const listener of listeners.get(state.id) ?? []) listener(state);
    },
    async get(id) {
      return states.get(id);
    },
    async events(id, signal) {
      let cleanup = () => {};
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          let closed = false;
          const close = () => {
            if (closed) return;
            closed = true;
            cleanup();
            controller.close();
          };
          const push = (state: JobState) => {
            if (closed) return;
            controller.enqueue(sseMessage(state));
            if (isTerminal(state)) close();
          };
          const keepalive = setInterval(() => {
            if (!closed) controller.enqueue(encoder.encode(': keepalive\n\n'));
          }, keepaliveMs);
          const set = listeners.get(id) ?? new Set();
          listeners.set(id, set);
          set.add(push);
          cleanup = () => {
            clearInterval(keepalive);
            set.delete(push);
            if (set.size === 0) listeners.delete(id);
          };
          signal?.addEventListener('abort', close, { once: true });
          // Tell the browser how long to wait before reconnecting, then the state so far.
          controller.enqueue(encoder.encode('retry: 3000\n\n'));
          const known = states.get(id);
          if (known !== undefined) push(known);
        },
        cancel() {
          cleanup();
        },
      });
      return new Response(stream, {
        headers: {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          'X-Accel-Buffering': 'no',
        },
      });
    },
  };
}
