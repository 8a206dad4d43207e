/**
The frames of one capture, waiting for one reader: an async iterator that yields them in order,
ends when capture stops, and throws if capture failed.

Frames wait until read, at most `limit` of them; beyond that the oldest are dropped, so a capture
nobody reads (one used only through `onFrame`) holds a bounded amount of memory.

@internal
*/
export class FrameQueue implements AsyncIterableIterator<Uint8Array> {
  readonly #limit: number;
  readonly #frames: Uint8Array[] = [];
  #waiting: ((result: IteratorResult<Uint8Array>) => void) | undefined;
  #waitingFailure: ((error: unknown) => void) | undefined;
  #isEnded = false;
  #isTaken = false;
  #failure: { error: unknown } | undefined;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Whether a reader has already taken this queue. */
  get isTaken(): boolean {
    return this.#isTaken;
  }

  /** Marks the queue as taken by its one reader. */
  take(): this {
    this.#isTaken = true;
    return this;
  }

  push(frame: Uint8Array): void {
    if (this.#isEnded) return;
    const waiting = this.#waiting;
    if (waiting !== undefined) {
      this.#settle();
      waiting({ value: frame, done: false });
      return;
    }
    this.#frames.push(frame);
    if (this.#frames.length > this.#limit) this.#frames.shift();
  }

  /** Ends the iteration once the waiting frames are read. */
  end(): void {
    if (this.#isEnded) return;
    this.#isEnded = true;
    const waiting = this.#waiting;
    this.#settle();
    waiting?.({ value: undefined, done: true });
  }

  /** Ends the iteration with `error` once the waiting frames are read. */
  fail(error: unknown): void {
    if (this.#isEnded) return;
    this.#failure = { error };
    this.#isEnded = true;
    const waitingFailure = this.#waitingFailure;
    this.#settle();
    waitingFailure?.(error);
  }

  next(): Promise<IteratorResult<Uint8Array>> {
    const frame = this.#frames.shift();
    if (frame !== undefined) return Promise.resolve({ value: frame, done: false });
    if (this.#failure !== undefined) {
      const { error } = this.#failure;
      this.#failure = undefined;
      return Promise.reject(error);
    }
    if (this.#isEnded) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.#waiting = resolve;
      this.#waitingFailure = reject;
    });
  }

  /** Stops reading: the waiting frames are dropped and later ones are ignored. */
  return(): Promise<IteratorResult<Uint8Array>> {
    this.#frames.length = 0;
    this.#failure = undefined;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #settle(): void {
    this.#waiting = undefined;
    this.#waitingFailure = undefined;
  }
}
