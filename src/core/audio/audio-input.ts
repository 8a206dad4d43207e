import { InvalidArgumentError } from '../errors/index.js';
import type { AudioContainer } from './audio-container.js';
import { isArrayBuffer, isBlob } from './read-bytes.js';
import { sniffContainer } from './sniff-container.js';

/**
Audio scribekit accepts: a `File` or `Blob`, its bytes as an `ArrayBuffer` or `Uint8Array`, a
`ReadableStream` of bytes, or the `http(s)` URL of a file a provider fetches itself.
*/
export type AudioInput = Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array> | URL | string;

/** Audio held in memory or on disk as a `Blob`, ready to upload. */
export interface BlobAudioInput {
  readonly kind: 'blob';
  /** The audio, its `type` set to `mimeType`. */
  readonly blob: Blob;
  /** The name to upload it under: the option, the `File`'s name, or `audio.<extension>`. */
  readonly filename: string;
  /** The option, the `Blob`'s own type, the sniffed container's, or `application/octet-stream`. */
  readonly mimeType: string;
  /** The size in bytes, never 0. */
  readonly size: number;
  /** The container sniffed from the first bytes, when recognized. */
  readonly container?: AudioContainer;
}

/** Audio a provider fetches from a URL: scribekit does not fetch it. */
export interface UrlAudioInput {
  readonly kind: 'url';
  /** An absolute `http:` or `https:` URL. */
  readonly url: URL;
}

/** Audio arriving as a stream of bytes, to upload as it comes. */
export interface StreamAudioInput {
  readonly kind: 'stream';
  /** The whole stream, first bytes included: sniffing them does not consume them. */
  readonly stream: ReadableStream<Uint8Array>;
  /** The name to upload it under: the option or `audio.<extension>`. */
  readonly filename: string;
  /** The option, the sniffed container's, or `application/octet-stream`. */
  readonly mimeType: string;
  /** The size in bytes, when given as an option. */
  readonly size?: number;
  /** The container sniffed from the first bytes, when recognized. */
  readonly container?: AudioContainer;
}

/** An {@link AudioInput} in one of three shapes, told apart by `kind`. */
export type NormalizedAudioInput = BlobAudioInput | UrlAudioInput | StreamAudioInput;

/** Options of {@link normalizeAudioInput}. */
export interface NormalizeAudioInputOptions {
  /** The file name to upload under, overriding a `File`'s own. */
  filename?: string | undefined;
  /** The MIME type to upload as, overriding a `Blob`'s own type and the sniffed one. */
  mimeType?: string | undefined;
  /** The size in bytes of a stream, when known (from a `Content-Length`, say). Ignored for other inputs. */
  size?: number | undefined;
}

// Enough for sniffContainer to check a second MP3 or ADTS frame.
const sniffLength = 4096;
const defaultMimeType = 'application/octet-stream';

/**
Turns any accepted {@link AudioInput} into a `blob`, `url` or `stream` input with a file name and MIME type.

Bytes become a `Blob`; a `Blob` or `File` is kept (re-typed without copying when its type is
missing). The first 4 KiB are sniffed for the container, which supplies a missing type and the
default name's extension. A stream's first chunks are read for that and replayed, so the
returned `stream` is complete; a URL string or object is checked, never fetched.

Rejects with {@link InvalidArgumentError} (argument `audio`) for any other value, an empty file or
stream, a locked stream, a relative or non-`http(s)` URL, or a stream yielding anything but
`Uint8Array` chunks; with argument `filename`, `mimeType` or `size` for an invalid option.

@example
```ts
import { normalizeAudioInput } from 'scribekit';

const input = await normalizeAudioInput(await response.arrayBuffer(), { filename: 'meeting.mp3' });
if (input.kind === 'blob') form.append('file', input.blob, input.filename);
```
*/
export async function normalizeAudioInput(
  input: AudioInput,
  options: NormalizeAudioInputOptions = {},
): Promise<NormalizedAudioInput> {
  checkOptions(options);
  if (typeof input === 'string' || isUrl(input)) return { kind: 'url', url: checkUrl(input) };
  if (input instanceof Uint8Array) return normalizeBlob(new Blob([ownBuffer(input)]), options);
  if (isArrayBuffer(input)) return normalizeBlob(new Blob([input]), options);
  if (isBlob(input)) return normalizeBlob(input, options);
  if (isReadableStream(input)) return normalizeStream(input, options);
  const value: unknown = input;
  throw new InvalidArgumentError({
    argument: 'audio',
    message: `expected a File, Blob, ArrayBuffer, Uint8Array, ReadableStream or an http(s) URL, got ${describe(value)}`,
    // Objects are left out: they may hold anything, keys included.
    ...(typeof value === 'object' && value !== null ? {} : { value }),
  });
}

async function normalizeBlob(blob: Blob, options: NormalizeAudioInputOptions): Promise<BlobAudioInput> {
  if (blob.size === 0) {
    throw new InvalidArgumentError({ argument: 'audio', message: 'the file is empty (0 bytes)' });
  }
  const container = sniffContainer(new Uint8Array(await blob.slice(0, sniffLength).arrayBuffer()));
  const mimeType =
    options.mimeType ?? (blob.type === '' ? container?.mimeType : blob.type) ?? defaultMimeType;
  const name = 'name' in blob && typeof blob.name === 'string' && blob.name !== '' ? blob.name : undefined;
  return {
    kind: 'blob',
    // Blob.slice() re-types without copying the bytes.
    blob: blob.type === mimeType ? blob : blob.slice(0, blob.size, mimeType),
    filename: options.filename ?? name ?? defaultFilename(container),
    mimeType,
    size: blob.size,
    ...(container === undefined ? {} : { container }),
  };
}

async function normalizeStream(
  stream: ReadableStream<Uint8Array>,
  options: NormalizeAudioInputOptions,
): Promise<StreamAudioInput> {
  if (stream.locked) {
    throw new InvalidArgumentError({
      argument: 'audio',
      message: 'the stream is locked: another reader is reading it',
    });
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let buffered = 0;
  let done = false;
  try {
    while (buffered < sniffLength) {
      const result = await reader.read();
      if (result.done) {
        done = true;
        break;
      }
      if (!(result.value instanceof Uint8Array)) {
        throw new InvalidArgumentError({
          argument: 'audio',
          message: `the stream must yield Uint8Array chunks, got ${describe(result.value)}`,
        });
      }
      chunks.push(result.value);
      buffered += result.value.length;
    }
    if (buffered === 0)
      throw new InvalidArgumentError({ argument: 'audio', message: 'the stream is empty (0 bytes)' });
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  }
  const container = sniffContainer(concat(chunks, sniffLength));
  return {
    kind: 'stream',
    stream: replay(chunks, done, reader),
    filename: options.filename ?? defaultFilename(container),
    mimeType: options.mimeType ?? container?.mimeType ?? defaultMimeType,
    ...(options.size === undefined ? {} : { size: options.size }),
    ...(container === undefined ? {} : { container }),
  };
}

/** A stream that yields `chunks`, then whatever `reader` still has. */
function replay(
  chunks: Uint8Array[],
  done: boolean,
  reader: ReadableStreamDefaultReader<Uint8Array>,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // The source's end reads as an undefined value.
        const chunk = chunks.shift() ?? (done ? undefined : (await reader.read()).value);
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Pull only when the consumer reads, as the original stream would.
    { highWaterMark: 0 },
  );
}

function checkOptions(options: NormalizeAudioInputOptions): void {
  const { filename, mimeType, size } = options;
  if (filename !== undefined && (typeof filename !== 'string' || filename.trim() === '')) {
    throw new InvalidArgumentError({
      argument: 'filename',
      message: 'must be a non-empty string',
      value: filename,
    });
  }
  if (mimeType !== undefined && (typeof mimeType !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(mimeType))) {
    throw new InvalidArgumentError({
      argument: 'mimeType',
      message: 'must be a MIME type such as audio/mpeg',
      value: mimeType,
    });
  }
  if (size !== undefined && (!Number.isSafeInteger(size) || size <= 0)) {
    throw new InvalidArgumentError({ argument: 'size', message: 'must be a positive integer', value: size });
  }
}

function checkUrl(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(typeof input === 'string' ? input : input.href);
  } catch {
    throw new InvalidArgumentError({
      argument: 'audio',
      message: 'a string must be an absolute http(s) URL such as https://example.com/audio.mp3',
      value: input,
    });
  }
  // The provider fetches the URL from its servers: no other scheme would reach it.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError({
      argument: 'audio',
      message: `a URL must use http or https, not ${url.protocol}`,
      value: url.href,
    });
  }
  return url;
}

function defaultFilename(container: AudioContainer | undefined): string {
  return container === undefined ? 'audio' : `audio.${container.extension}`;
}

function isUrl(value: unknown): value is URL {
  if (value instanceof URL) return true;
  // A URL from another realm: duck-typed on its string form.
  const candidate = value as Partial<URL> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.href === 'string' &&
    typeof candidate.protocol === 'string'
  );
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  if (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) return true;
  const candidate = value as Partial<ReadableStream> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.getReader === 'function';
}

/** The bytes of `view`, copied only when they live in a SharedArrayBuffer (which Blob rejects). */
function ownBuffer(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return isArrayBuffer(view.buffer) ? (view as Uint8Array<ArrayBuffer>) : view.slice();
}

function concat(chunks: Uint8Array[], limit: number): Uint8Array {
  const bytes = new Uint8Array(
    Math.min(
      limit,
      chunks.reduce((total, chunk) => total + chunk.length, 0),
    ),
  );
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= bytes.length) break;
    bytes.set(chunk.subarray(0, bytes.length - offset), offset);
    offset += chunk.length;
  }
  return bytes;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return `a ${typeof value}`;
}
