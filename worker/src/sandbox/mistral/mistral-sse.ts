/** One server-sent event: its type (the `event:` line, repeated as `type` in the data) and payload. */
export interface MistralSseEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The default wait between two events, in ms: enough for a page to show text arriving. */
export const MISTRAL_STREAM_EVENT_DELAY_MS = 40;

// A long recording would otherwise stream for minutes; the whole stream is paced within this.
const MAX_STREAM_PACING_MS = 8_000;

const encoder = new TextEncoder();

/**
A `text/event-stream` response that sends `events` one by one, `delayMs` apart (less for a long
stream, so it lasts at most 8 s), as `event: <type>` and `data: <json with type>` lines followed by
a blank line. Cancelling the body (the client went away) stops it.
*/
export function sseResponse(events: readonly MistralSseEvent[], delayMs: number): Response {
  const delay = events.length === 0 ? 0 : Math.min(delayMs, MAX_STREAM_PACING_MS / events.length);
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const event = events[index];
        if (event === undefined) {
          controller.close();
          return;
        }
        if (index > 0 && delay > 0) {
          await new Promise<void>((resolve) => {
            timer = setTimeout(resolve, delay);
          });
        }
        index += 1;
        controller.enqueue(
          encoder.encode(
            `event: ${event.type}\ndata: ${JSON.stringify({ ...event.data, type: event.type })}\n\n`,
          ),
        );
      },
      cancel() {
        if (timer !== undefined) clearTimeout(timer);
        index = events.length;
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
