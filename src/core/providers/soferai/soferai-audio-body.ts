import { normalizeAudioInput, type AudioInput } from '../../audio/index.js';
import { base64Pieces } from '../shared/base64-pieces.js';

/** Where a request's audio comes from once the caller's input is sorted out. */
export type SoferAIAudioSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'bytes'; readonly bytes: Blob | ReadableStream<Uint8Array> };

/** Sorts any {@link AudioInput} into a URL for `audio_url` or bytes to send as base64 `audio_file`. */
export async function toAudioSource(audio: AudioInput): Promise<SoferAIAudioSource> {
  const input = await normalizeAudioInput(audio);
  if (input.kind === 'url') return { kind: 'url', url: input.url.href };
  return { kind: 'bytes', bytes: input.kind === 'blob' ? input.blob : input.stream };
}

// Pieces are folded into a Blob every so often, so no more than this many encoded pieces (about
// 16 MiB of base64) are held as JavaScript arrays at once.
const piecesPerFold = 16;

/**
Builds a JSON request body `{ ...fields, [field]: "<base64 of audio>" }` as a `Blob`, encoding the
audio piece by piece: neither the whole file nor its whole base64 ever becomes one string. The
result is a `Blob` rather than a stream because browsers other than Chromium cannot send a
streamed request body, and a `Blob` can be sent again on a retry and reports its size.
*/
export async function jsonBodyWithBase64(
  fields: Record<string, unknown>,
  field: string,
  audio: Blob | ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): Promise<Blob> {
  const head = JSON.stringify(fields).slice(0, -1);
  const opening = `${head}${head === '{' ? '' : ','}${JSON.stringify(field)}:"`;
  let body = new Blob([opening]);
  let pending: Uint8Array<ArrayBuffer>[] = [];
  for await (const piece of base64Pieces(audio, { signal })) {
    pending.push(piece);
    if (pending.length >= piecesPerFold) {
      body = new Blob([body, ...pending]);
      pending = [];
    }
  }
  return new Blob([body, ...pending, '"}'], { type: 'application/json' });
}
