import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64Pieces, encodeBase64 } from '../../../../src/core/providers/shared/base64-pieces.js';
import { jsonBodyWithBase64 } from '../../../../src/core/providers/soferai/soferai-audio-body.js';

const ascii = new TextDecoder('ascii');

/** Deterministic pseudo-random bytes, so every byte value and alignment is exercised. */
function bytesOf(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

async function collect(pieces: AsyncIterable<Uint8Array>): Promise<{ text: string; sizes: number[] }> {
  let text = '';
  const sizes: number[] = [];
  for await (const piece of pieces) {
    sizes.push(piece.length);
    text += ascii.decode(piece);
  }
  return { text, sizes };
}

function chunkedStream(bytes: Uint8Array, sizes: readonly number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let turn = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = sizes[turn++ % sizes.length] ?? 1;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('encodeBase64', () => {
  it('matches standard padded base64 for every length from 0 to 64', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = bytesOf(length, length + 1);
      expect(ascii.decode(encodeBase64(bytes)), `length ${length}`).toBe(
        Buffer.from(bytes).toString('base64'),
      );
    }
  });
});

describe('base64Pieces', () => {
  it('encodes a multi-MB Blob in 3-byte-aligned pieces that round-trip, without btoa on the file', async () => {
    const btoa = vi.spyOn(globalThis, 'btoa');
    const bytes = bytesOf(5 * 1024 * 1024 + 2);
    const { text, sizes } = await collect(base64Pieces(new Blob([bytes])));
    expect(sizes.length).toBeGreaterThan(6);
    // Every piece but the last encodes 768 KiB exactly: no padding in the middle.
    expect(sizes.slice(0, -1).every((size) => size === (768 * 1024 * 4) / 3)).toBe(true);
    expect(text.slice(0, -4)).not.toContain('=');
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(text, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(btoa).not.toHaveBeenCalled();
  });

  it('re-cuts a stream of odd-sized chunks on 3-byte boundaries', async () => {
    const bytes = bytesOf(100_003);
    const { text } = await collect(base64Pieces(chunkedStream(bytes, [1, 5, 7, 4096, 2, 11])));
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      collect(base64Pieces(new Blob([bytesOf(10)]), { signal: controller.signal })),
    ).rejects.toThrow('stop');
  });
});

describe('jsonBodyWithBase64', () => {
  it('builds a JSON Blob whose audio field is the file in base64', async () => {
    const bytes = bytesOf(2 * 1024 * 1024 + 1);
    const body = await jsonBodyWithBase64({ info: { title: 'Shiur "1"' } }, 'audio_file', new Blob([bytes]));
    expect(body.type).toBe('application/json');
    const parsed = JSON.parse(await body.text()) as { info: unknown; audio_file: string };
    expect(parsed.info).toEqual({ title: 'Shiur "1"' });
    expect(Buffer.from(parsed.audio_file, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('builds a body with the audio field alone', async () => {
    const body = await jsonBodyWithBase64({}, 'audio_file', chunkedStream(bytesOf(5), [2]));
    expect(JSON.parse(await body.text())).toEqual({ audio_file: Buffer.from(bytesOf(5)).toString('base64') });
  });
});
