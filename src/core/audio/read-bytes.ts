/** Bytes that can be read by range: a `Blob` (or `File`), an `ArrayBuffer` or a `Uint8Array`. */
export type ByteSource = Blob | ArrayBuffer | Uint8Array;

/**
Reads byte ranges from a {@link ByteSource} without loading all of it.

Reads of a `Blob` go through `blob.slice()`, so only the requested ranges (rounded up to
`minimumRead`) are ever loaded.
*/
export interface ByteReader {
  /** The size of the source in bytes. */
  readonly size: number;
  /**
  The bytes in `[start, end)`.

  The range is clamped to the source, so a read past the end returns fewer bytes (or none)
  rather than failing. Rejects with the signal's reason once it is aborted.
  */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** Options of {@link createByteReader}. */
export interface ByteReaderOptions {
  /** Aborts pending and later reads. */
  signal?: AbortSignal | undefined;
  /**
  The fewest bytes fetched from a `Blob` at once (default 64 KiB).

  The fetched span is kept, so the small header reads that follow are answered from memory.
  */
  minimumRead?: number | undefined;
}

const defaultMinimumRead = 64 * 1024;
// A handful of windows covers the head, the tail and a box or two in between.
const cachedWindows = 4;

interface Window {
  readonly start: number;
  readonly bytes: Uint8Array;
}

/**
Creates a {@link ByteReader} over a `Blob`, `ArrayBuffer` or `Uint8Array`.

An `ArrayBuffer` or `Uint8Array` is read in place, without copying. A `Blob` is read in windows
of at least `minimumRead` bytes, the last few of which are kept in memory.
*/
export function createByteReader(source: ByteSource, options: ByteReaderOptions = {}): ByteReader {
  const { signal } = options;
  const bytes =
    source instanceof Uint8Array ? source : isArrayBuffer(source) ? new Uint8Array(source) : undefined;
  if (bytes !== undefined) {
    return {
      size: bytes.length,
      async read(start, end) {
        signal?.throwIfAborted();
        const [from, to] = clamp(start, end, bytes.length);
        return bytes.subarray(from, to);
      },
    };
  }
  return blobReader(source as Blob, signal, Math.max(1, options.minimumRead ?? defaultMinimumRead));
}

function blobReader(blob: Blob, signal: AbortSignal | undefined, minimumRead: number): ByteReader {
  const size = blob.size;
  const windows: Window[] = [];
  return {
    size,
    async read(start, end) {
      signal?.throwIfAborted();
      const [from, to] = clamp(start, end, size);
      if (from === to) return new Uint8Array(0);
      for (const span of windows) {
        if (from >= span.start && to <= span.start + span.bytes.length) {
          return span.bytes.subarray(from - span.start, to - span.start);
        }
      }
      const windowEnd = Math.min(size, Math.max(to, from + minimumRead));
      const fetched = new Uint8Array(await blob.slice(from, windowEnd).arrayBuffer());
      signal?.throwIfAborted();
      windows.unshift({ start: from, bytes: fetched });
      if (windows.length > cachedWindows) windows.pop();
      return fetched.subarray(0, to - from);
    },
  };
}

function clamp(start: number, end: number, size: number): [number, number] {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return [0, 0];
  const from = Math.min(Math.max(Math.floor(start), 0), size);
  const to = Math.min(Math.max(Math.floor(end), from), size);
  return [from, to];
}

/** Whether `value` is an `ArrayBuffer`, from this realm or another. */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // The tag check also accepts an ArrayBuffer from another realm (an iframe, a vm context).
  return value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

/** Whether `value` is a `Blob` (or `File`), from this realm, another, or a polyfill with the same shape. */
export function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const candidate = value as Partial<Blob> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.size === 'number' &&
    typeof candidate.type === 'string' &&
    typeof candidate.slice === 'function' &&
    typeof candidate.arrayBuffer === 'function'
  );
}
