/** What an `Idempotency-Key` means for the request that carries it. */
export type IdempotencyVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly body: unknown }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'locked' };

interface Entry {
  readonly fingerprint: string;
  /** `undefined` while the first request is still being handled. */
  body: unknown;
  done: boolean;
}

/**
Scriptivox's idempotency for `POST /v1/transcribe` (reference/scriptivox.md §3): the same key with
the same body replays the first job (`Idempotent-Replay: true`), with another body is 422
`IDEMPOTENCY_KEY_CONFLICT`, and while the first request is still running is 409
`IDEMPOTENCY_KEY_LOCKED`.

Only a success is remembered: a request that failed releases its key, so a corrected retry can go
through (how long Scriptivox keeps keys, and whether it stores failures, is undocumented; the
sandbox keeps successes for its lifetime).
*/
export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();

  /** Claims `key` for a request whose body has this fingerprint, or says why it cannot. */
  begin(key: string, fingerprint: string): IdempotencyVerdict {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.#entries.set(key, { fingerprint, body: undefined, done: false });
      return { kind: 'new' };
    }
    if (entry.fingerprint !== fingerprint) {
      return { kind: 'conflict' };
    }
    return entry.done ? { kind: 'replay', body: entry.body } : { kind: 'locked' };
  }

  /** Records the success a claimed key's request answered with. */
  complete(key: string, body: unknown): void {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      entry.body = body;
      entry.done = true;
    }
  }

  /** Gives a claimed key back after its request failed. */
  release(key: string): void {
    if (this.#entries.get(key)?.done === false) {
      this.#entries.delete(key);
    }
  }
}

/** A body's fingerprint: its JSON with keys sorted, so key order and whitespace do not matter. */
export function fingerprintOf(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
