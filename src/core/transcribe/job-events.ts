import { createParser } from 'eventsource-parser';
import { NetworkError } from '../errors/index.js';

/** A job state pushed by the scribekit Worker (from the provider's webhook). */
export interface JobEvent {
  /** The provider's job id. */
  id: string;
  /** The provider's status word, such as `processing`, `completed` or `error`. */
  status: string;
}

/** Where `transcribe()` can follow a job without polling: called with the job id once the job exists. */
export type JobEventSource = (jobId: string, signal: AbortSignal) => AsyncIterable<JobEvent>;

/**
Follows jobs through the scribekit Worker's `GET <endpoint>/jobs/<id>/events` stream of
Server-Sent Events, which its webhook receiver feeds. Pass the result as `transcribe({ jobEvents })`:
the provider's job is then awaited by push, with polling only as a fallback if the stream ends
early.

@example
```ts
import { followJobEvents, transcribe } from 'scribekit';
import { createSoniox } from 'scribekit/soniox';

const transcript = await transcribe({
  provider: createSoniox({ baseUrl: '/api/soniox' }),
  audio: file,
  jobEvents: followJobEvents('/api'),
});
```
*/
export function followJobEvents(
  endpoint: string,
  options: { fetch?: typeof globalThis.fetch } = {},
): JobEventSource {
  const base = endpoint.replace(/\/+$/, '');
  return (jobId, signal) => ({
    async *[Symbol.asyncIterator]() {
      const url = `${base}/jobs/${encodeURIComponent(jobId)}/events`;
      let response: Response;
      try {
        response = await (options.fetch ?? globalThis.fetch)(url, {
          headers: { Accept: 'text/event-stream' },
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new NetworkError({ provider: 'scribekit', method: 'GET', url, cause: error });
      }
      if (!response.ok || response.body === null) {
        await response.body?.cancel();
        return;
      }
      const pending: JobEvent[] = [];
      const parser = createParser({
        onEvent(message) {
          if (message.event !== 'status') return;
          try {
            const data = JSON.parse(message.data) as Partial<JobEvent>;
            if (typeof data.id === 'string' && typeof data.status === 'string')
              pending.push({ id: data.id, status: data.status });
          } catch {
            // A malformed message is skipped; the stream's next one, or polling, still tells the truth.
          }
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          parser.feed(value);
          while (pending.length > 0) yield pending.shift() as JobEvent;
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    },
  });
}
