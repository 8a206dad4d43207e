// Shared by the audio tests: the committed fixtures (made by scripts/make-audio-fixtures.sh), a
// Blob that counts the bytes read through it, and byte builders for hand-made headers.
import { readFileSync } from 'node:fs';

const directory = new URL('../../fixtures/audio/', import.meta.url);

/** The bytes of a fixture in test/fixtures/audio/. */
export function readFixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(name, directory)));
}

function readJson(name: string): Record<string, number> {
  return JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as Record<string, number>;
}

/** ffprobe's format duration of every fixture, in seconds. */
export const ffprobeDurations = readJson('durations.json');
/** ffprobe's packet count × 1024 / rate of the ADTS fixture (its format duration is a bitrate estimate). */
export const adtsFrameDurations = readJson('adts-frame-durations.json');
/** Every fixture file name. */
export const fixtureNames = Object.keys(ffprobeDurations);

/**
A Blob that counts the bytes read through `slice()` and refuses to be read whole, to prove a
probe reads only the ranges it needs.
*/
export class CountingBlob extends Blob {
  bytesRead = 0;
  readonly slices: [number, number][] = [];

  override slice(start?: number, end?: number, contentType?: string): Blob {
    const part = super.slice(start, end, contentType);
    this.bytesRead += part.size;
    this.slices.push([start ?? 0, end ?? this.size]);
    return part;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error('CountingBlob: read whole through arrayBuffer()'));
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return Promise.reject(new Error('CountingBlob: read whole through bytes()'));
  }

  override text(): Promise<string> {
    return Promise.reject(new Error('CountingBlob: read whole through text()'));
  }

  override stream(): ReturnType<Blob['stream']> {
    throw new Error('CountingBlob: read whole through stream()');
  }
}

/** `count` bytes of zeros, shared so that a large Blob costs little memory. */
export function zeros(count: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(count);
}

type Part = string | number[] | Uint8Array;

/** Concatenates Latin-1 strings, byte arrays and Uint8Arrays. */
export function concatBytes(...parts: Part[]): Uint8Array<ArrayBuffer> {
  const arrays = parts.map((part) =>
    typeof part === 'string'
      ? Uint8Array.from(part, (character) => character.charCodeAt(0))
      : Uint8Array.from(part),
  );
  const bytes = new Uint8Array(arrays.reduce((total, array) => total + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    bytes.set(array, offset);
    offset += array.length;
  }
  return bytes;
}

function integer(value: number, length: number, littleEndian: boolean): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < length; index++) bytes.push(Math.floor(value / 2 ** (8 * index)) % 256);
  return littleEndian ? bytes : bytes.reverse();
}

export const u16le = (value: number): number[] => integer(value, 2, true);
export const u32le = (value: number): number[] => integer(value, 4, true);
export const u64le = (value: number): number[] => integer(value, 8, true);
export const u32be = (value: number): number[] => integer(value, 4, false);
export const u64be = (value: number): number[] => integer(value, 8, false);

/** An ISO BMFF box: 32-bit size, type, payload. */
export function box(type: string, ...payload: Part[]): Uint8Array<ArrayBuffer> {
  const body = concatBytes(...payload);
  return concatBytes(u32be(8 + body.length), type, body);
}

/** The top-level boxes of an MP4 file: type, offset and size. */
export function topLevelBoxes(bytes: Uint8Array): { type: string; offset: number; size: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: { type: string; offset: number; size: number }[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    const size = view.getUint32(offset);
    boxes.push({ type: String.fromCharCode(...bytes.subarray(offset + 4, offset + 8)), offset, size });
    if (size < 8) break;
    offset += size;
  }
  return boxes;
}

/** A 16-bit PCM WAV header ("fmt " then `chunks`), the RIFF size left as the chunks' length. */
export function wavFile(
  options: { sampleRate: number; channels: number },
  ...chunks: Part[]
): Uint8Array<ArrayBuffer> {
  const { sampleRate, channels } = options;
  const fmt = concatBytes(
    'fmt ',
    u32le(16),
    u16le(1),
    u16le(channels),
    u32le(sampleRate),
    u32le(sampleRate * channels * 2),
    u16le(channels * 2),
    u16le(16),
  );
  const body = concatBytes(fmt, ...chunks);
  return concatBytes('RIFF', u32le(4 + body.length), 'WAVE', body);
}
