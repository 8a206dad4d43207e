import type { RealtimePart, RealtimePartOf, RealtimePartType } from './realtime-part.js';

type Listener = (part: RealtimePart) => void;

/**
Delivers a session's parts three ways: to listeners (`on`), to an `onPart` callback, and to a
`ReadableStream` that also backs async iteration.

The stream buffers parts for a reader that comes later, from creation when `bufferFromStart` is
true, else from the first access to `stream`, so a session used only through callbacks never
piles parts up: for the same reason, subscribing with `on` before the stream was ever accessed
drops what was buffered and stops buffering (a later access starts a stream from that moment).
A reader that cancels the stream stops the buffering too.

@internal
*/
export class PartChannel {
  readonly #listeners = new Map<RealtimePartType | '*', Set<Listener>>();
  #stream: ReadableStream<RealtimePart> | undefined;
  #controller: ReadableStreamDefaultController<RealtimePart> | undefined;
  #streaming = false;
  #accessed = false;
  #closed = false;

  constructor(bufferFromStart: boolean) {
    if (bufferFromStart) this.#open();
  }

  /** The parts as a stream; it closes after the last part. Only one reader can hold it. */
  get stream(): ReadableStream<RealtimePart> {
    this.#accessed = true;
    return this.#stream ?? this.#open();
  }

  /** Calls `listener` with every part of type `type` (`*` for all); returns an unsubscribe function. */
  on<T extends RealtimePartType | '*'>(
    type: T,
    listener: (part: T extends RealtimePartType ? RealtimePartOf<T> : RealtimePart) => void,
  ): () => void {
    if (!this.#accessed && this.#stream !== undefined) {
      this.#streaming = false;
      this.#stream = undefined;
      this.#controller = undefined;
    }
    let set = this.#listeners.get(type);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(type, set);
    }
    const entry = listener as Listener;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  /** Delivers one part everywhere. Ignored once closed. */
  emit(part: RealtimePart): void {
    if (this.#closed) return;
    if (this.#streaming) this.#controller?.enqueue(part);
    for (const key of [part.type, '*'] as const) {
      for (const listener of [...(this.#listeners.get(key) ?? [])]) {
        try {
          listener(part);
        } catch (error) {
          reportListenerError(error);
        }
      }
    }
  }

  /** Ends the stream after the parts already emitted. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#streaming) this.#controller?.close();
    this.#streaming = false;
  }

  /** Iterates the stream; `break` cancels it. */
  async *iterate(): AsyncGenerator<RealtimePart, void, undefined> {
    const reader = this.stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      await reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }

  #open(): ReadableStream<RealtimePart> {
    // The queue is unbounded on purpose: a live session cannot be paused, so parts wait for the reader.
    this.#stream = new ReadableStream<RealtimePart>({
      start: (controller) => {
        this.#controller = controller;
        if (this.#closed) controller.close();
        else this.#streaming = true;
      },
      cancel: () => {
        this.#streaming = false;
      },
    });
    return this.#stream;
  }
}

/** A throwing listener must not break the session: its error is reported the way `EventTarget` reports one. */
function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') {
    report(error);
    return;
  }
  setTimeout(() => {
    throw error;
  }, 0);
}
