import type { MemoryStore, StoredEntry } from './memory-store.js';

/** The bounds a provider puts on a list endpoint's `limit` query parameter. */
export interface LimitBounds {
  /** The smallest accepted value. */
  readonly min: number;
  /** The largest accepted value. */
  readonly max: number;
  /** The value used when `limit` is absent. */
  readonly default: number;
}

/**
Why a `limit` was rejected, worded the way pydantic words it.

Soniox, SoferAI and Mistral validate query parameters with pydantic, so their validation errors
carry these `type` strings and messages; Scriptivox's emulator rewords them into its own envelope.
*/
export interface LimitIssue {
  /** `int_parsing`, `greater_than_equal` or `less_than_equal`. */
  readonly type: 'int_parsing' | 'greater_than_equal' | 'less_than_equal';
  /** A human-readable message, e.g. `Input should be less than or equal to 1000`. */
  readonly message: string;
  /** The raw query value. */
  readonly input: string;
  /** The bound that was crossed, for the range issues. */
  readonly bound?: number;
}

/** The outcome of {@link parseLimit}. */
export type LimitResult = { readonly ok: true; readonly limit: number } | { readonly ok: false; readonly issue: LimitIssue };

/** Reads a `limit` query value (`null` when absent) and checks it against the provider's bounds. */
export function parseLimit(raw: string | null, bounds: LimitBounds): LimitResult {
  if (raw === null) {
    return { ok: true, limit: bounds.default };
  }
  const trimmed = raw.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    return {
      ok: false,
      issue: { type: 'int_parsing', message: 'Input should be a valid integer, unable to parse string as an integer', input: raw },
    };
  }
  const limit = Number(trimmed);
  if (limit < bounds.min) {
    return {
      ok: false,
      issue: { type: 'greater_than_equal', message: `Input should be greater than or equal to ${bounds.min}`, input: raw, bound: bounds.min },
    };
  }
  if (limit > bounds.max) {
    return {
      ok: false,
      issue: { type: 'less_than_equal', message: `Input should be less than or equal to ${bounds.max}`, input: raw, bound: bounds.max },
    };
  }
  return { ok: true, limit };
}

/** Which way a list runs: oldest first or newest first. */
export type PageOrder = 'asc' | 'desc';

/** What a cursor remembers. Clients see it only as an opaque base64url string. */
export interface CursorState {
  /** The list it belongs to, e.g. `soniox.files`, so a cursor from one list is refused by another. */
  readonly scope: string;
  /** The order it was issued for; a cursor is refused when the order changes mid-listing. */
  readonly order: PageOrder;
  /** The sequence number of the last item already returned. */
  readonly after: number;
}

/** Encodes a cursor as unpadded base64url of its JSON. */
export function encodeCursor(state: CursorState): string {
  const json = JSON.stringify({ v: 1, s: state.scope, o: state.order, a: state.after });
  return toBase64Url(new TextEncoder().encode(json));
}

/** Decodes a cursor, or `undefined` when it is malformed or was not issued by {@link encodeCursor}. */
export function decodeCursor(cursor: string): CursorState | undefined {
  const bytes = fromBase64Url(cursor);
  if (bytes === undefined) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return undefined;
  }
  const { v, s, o, a } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof s !== 'string' || (o !== 'asc' && o !== 'desc') || !Number.isSafeInteger(a) || (a as number) < 0) {
    return undefined;
  }
  return { scope: s, order: o, after: a as number };
}

/** What {@link paginate} needs to cut one page out of a store. */
export interface PageRequest<T> {
  /** The list's name, baked into its cursors (see {@link CursorState.scope}). */
  readonly scope: string;
  /** A limit already checked with {@link parseLimit}. */
  readonly limit: number;
  /** The cursor the client sent; `null` or `undefined` for the first page. */
  readonly cursor?: string | null | undefined;
  /** Oldest first (`asc`, the default) or newest first (`desc`). */
  readonly order?: PageOrder | undefined;
  /** Keeps only matching items, e.g. a status filter. */
  readonly filter?: ((item: T) => boolean) | undefined;
}

/** One page of items and the cursor for the next. */
export interface Page<T> {
  /** At most `limit` items. */
  readonly items: T[];
  /** The cursor for the following page, or `null` when this page is the last. */
  readonly nextCursor: string | null;
}

/** The outcome of {@link paginate}: a page, or the one way a cursor can be wrong. */
export type PageResult<T> = ({ readonly ok: true } & Page<T>) | { readonly ok: false; readonly issue: 'invalid_cursor' };

/**
Cuts one page out of a store.

Cursors point past the last item returned by its sequence number, so deleting items between
requests neither skips nor repeats the others. An empty string is not a cursor: the services
reject `cursor=` rather than treat it as the first page.
*/
export function paginate<T extends { readonly id: string }>(store: MemoryStore<T>, request: PageRequest<T>): PageResult<T> {
  const order = request.order ?? 'asc';
  let after: number | undefined;
  if (request.cursor !== undefined && request.cursor !== null) {
    const state = decodeCursor(request.cursor);
    if (state === undefined || state.scope !== request.scope || state.order !== order) {
      return { ok: false, issue: 'invalid_cursor' };
    }
    after = state.after;
  }
  const entries = order === 'asc' ? store.entries() : store.entries().reverse();
  const remaining = entries.filter(
    (entry: StoredEntry<T>) =>
      (after === undefined || (order === 'asc' ? entry.sequence > after : entry.sequence < after)) &&
      (request.filter === undefined || request.filter(entry.value)),
  );
  const pageEntries = remaining.slice(0, request.limit);
  const last = pageEntries.at(-1);
  const nextCursor =
    remaining.length > pageEntries.length && last !== undefined
      ? encodeCursor({ scope: request.scope, order, after: last.sequence })
      : null;
  return { ok: true, items: pageEntries.map((entry) => entry.value), nextCursor };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length === 0 || !/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) {
    return undefined;
  }
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return undefined;
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
