import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Chapter } from '../../core/index.js';

/**
Where `<scribe-outline-player>` loads chapters from: a WebVTT chapters file, or SoferAI's outline of
a transcription, asked through the scribekit Worker at `endpoint`.
*/
export type ChapterSource =
  | { readonly kind: 'vtt'; readonly url: string }
  | { readonly kind: 'soferai'; readonly endpoint: string; readonly transcriptionId: string };

/** Where a {@link ChapterLoader} is: nothing to load, loading, loaded, or failed. */
export type ChapterLoadStatus = 'idle' | 'loading' | 'complete' | 'error';

/** What a {@link ChapterLoader} needs from its host. */
export interface ChapterLoaderOptions {
  /** Loads one source; must give up when `signal` aborts. */
  load: (
    source: ChapterSource,
    options: { fetch: typeof globalThis.fetch; signal: AbortSignal },
  ) => Promise<Chapter[]>;
  /** A load failed (not called when it was aborted). */
  onError: (error: unknown) => void;
}

/**
Loads the chapters of the host's current source, like `@lit/task`: the host passes its source on
every update (`setSource`), and a load starts only when the source or the `fetch` changed. The load in
flight is aborted when the source changes or the host leaves the document (and started again when it
comes back); the host is asked to update when a load settles.
*/
export class ChapterLoader implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ChapterLoaderOptions;
  #connected = false;
  // The source loaded or loading (`''` for none); undefined when nothing was started or it was aborted.
  #key: string | undefined;
  // The source `chapters` came from, so reloading the same source keeps them on screen meanwhile.
  #loadedKey: string | undefined;
  #fetch: typeof globalThis.fetch | undefined;
  #abort: AbortController | undefined;
  #status: ChapterLoadStatus = 'idle';
  #chapters: readonly Chapter[] = [];
  #error: unknown;

  constructor(host: ReactiveControllerHost, options: ChapterLoaderOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Where the load is. */
  get status(): ChapterLoadStatus {
    return this.#status;
  }

  /** The chapters of the last load that completed; empty before one does and after the source goes. */
  get chapters(): readonly Chapter[] {
    return this.#chapters;
  }

  /** Why the last load failed, while `status` is `error`. */
  get error(): unknown {
    return this.#error;
  }

  hostConnected(): void {
    this.#connected = true;
    // A load aborted by disconnecting (or skipped while disconnected) starts with the next update.
    if (this.#key === undefined) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    if (this.#abort === undefined) return;
    this.#abort.abort();
    this.#abort = undefined;
    this.#key = undefined;
  }

  /**
  Loads `source` with `fetch` (`globalThis.fetch` when undefined) unless that is what is loaded or
  loading already; `undefined` clears the chapters. Call it from the host's `willUpdate`, so what
  the host renders next sees the new status.
  */
  setSource(source: ChapterSource | undefined, fetch: typeof globalThis.fetch | undefined): void {
    if (!this.#connected) return;
    const key = source === undefined ? '' : JSON.stringify(source);
    if (key === this.#key && fetch === this.#fetch) return;
    this.#key = key;
    this.#fetch = fetch;
    this.#abort?.abort();
    this.#abort = undefined;
    if (key !== this.#loadedKey) {
      this.#chapters = [];
      this.#loadedKey = undefined;
    }
    if (source === undefined) {
      this.#status = 'idle';
      this.#error = undefined;
      return;
    }
    void this.#run(key, source, fetch ?? ((input, init) => globalThis.fetch(input, init)));
  }

  async #run(key: string, source: ChapterSource, fetch: typeof globalThis.fetch): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.#status = 'loading';
    this.#error = undefined;
    let chapters: Chapter[];
    try {
      chapters = await this.#options.load(source, { fetch, signal: abort.signal });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#abort = undefined;
      this.#status = 'error';
      this.#chapters = [];
      this.#error = error;
      this.#host.requestUpdate();
      this.#options.onError(error);
      return;
    }
    if (abort.signal.aborted) return;
    this.#abort = undefined;
    this.#status = 'complete';
    this.#chapters = chapters;
    this.#loadedKey = key;
    this.#host.requestUpdate();
  }
}
