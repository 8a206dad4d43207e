import { createParser, type EventSourceMessage } from 'eventsource-parser';

/**
Reads a `text/event-stream` body as its events, in order, with `eventsource-parser`: events split
across chunks are joined, CR, LF and CRLF line ends and comments are handled. Ends with the body;
an event cut off by the end of the body is dropped, as the SSE spec says.

Aborting `signal` cancels the body and rejects the pending read with the signal's reason. Leaving
a `for await` loop early cancels the body too.
*/
export async function* readEventStream(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<EventSourceMessage, void, undefined> {
  signal?.throwIfAborted();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event) });
  // A cancelled reader settles its pending read as done, which the loop then reports as the abort.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      while (pending.length > 0) {
        const event = pending.shift();
        if (event !== undefined) yield event;
      }
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
