const alphabet = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const pad = 61; // '='

/** 768 KiB: a multiple of 3, so every piece but the last encodes without padding. */
export const defaultBase64ChunkBytes = 3 * 256 * 1024;

/**
Encodes bytes as standard base64 (RFC 4648 §4, padded), returned as ASCII bytes so the result can
go straight into a `Blob` without becoming a string.
*/
export function encodeBase64(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const output = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let out = 0;
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const triple = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    output[out++] = alphabet[(triple >> 18) & 63] ?? pad;
    output[out++] = alphabet[(triple >> 12) & 63] ?? pad;
    output[out++] = alphabet[(triple >> 6) & 63] ?? pad;
    output[out++] = alphabet[triple & 63] ?? pad;
  }
  const rest = bytes.length - index;
  if (rest > 0) {
    const first = bytes[index] ?? 0;
    const second = rest === 2 ? (bytes[index + 1] ?? 0) : 0;
    output[out] = alphabet[first >> 2] ?? pad;
    output[out + 1] = alphabet[((first & 3) << 4) | (second >> 4)] ?? pad;
    output[out + 2] = rest === 2 ? (alphabet[(second & 15) << 2] ?? pad) : pad;
    output[out + 3] = pad;
  }
  return output;
}

/**
Encodes a `Blob` or a byte stream as base64 piece by piece, never holding the whole file or its
whole encoding: a `Blob` is read in `chunkBytes` slices (a multiple of 3), a stream's chunks are
re-cut on 3-byte boundaries, carrying at most two bytes from one chunk to the next. The pieces,
concatenated, are the padded base64 of the whole input.
*/
export async function* base64Pieces(
  source: Blob | ReadableStream<Uint8Array>,
  options: { chunkBytes?: number; signal?: AbortSignal | undefined } = {},
): AsyncGenerator<Uint8Array<ArrayBuffer>, void, undefined> {
  const chunkBytes = Math.max(3, Math.floor((options.chunkBytes ?? defaultBase64ChunkBytes) / 3) * 3);
  if (source instanceof Blob) {
    for (let offset = 0; offset < source.size; offset += chunkBytes) {
      options.signal?.throwIfAborted();
      yield encodeBase64(new Uint8Array(await source.slice(offset, offset + chunkBytes).arrayBuffer()));
    }
    return;
  }
  const reader = source.getReader();
  let carry = new Uint8Array(0);
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      const bytes = carry.length === 0 ? value : concat(carry, value);
      const aligned = bytes.length - (bytes.length % 3);
      if (aligned > 0) yield encodeBase64(bytes.subarray(0, aligned));
      carry = bytes.slice(aligned);
    }
    if (carry.length > 0) yield encodeBase64(carry);
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}

function concat(left: Uint8Array, right: Uint8Array): Uint8Array {
  const joined = new Uint8Array(left.length + right.length);
  joined.set(left);
  joined.set(right, left.length);
  return joined;
}
