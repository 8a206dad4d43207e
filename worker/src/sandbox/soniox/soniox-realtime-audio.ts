/** How to read raw PCM: the format, the frame size, and (when the sandbox can) one sample's value. */
export interface PcmLayout {
  /** The raw format name, such as `pcm_s16le`. */
  readonly format: string;
  /** Samples per second. */
  readonly sampleRate: number;
  /** Interleaved channels. */
  readonly channels: number;
  /** Bytes of one sample of one channel. */
  readonly bytesPerSample: number;
  /** Bytes per second of audio. */
  readonly bytesPerSecond: number;
  /** A sample's value in [-1, 1], or `undefined` for formats the sandbox does not decode (μ-law, A-law). */
  readonly read: ((view: DataView, offset: number) => number) | undefined;
}

type Reader = (view: DataView, offset: number) => number;

const readers: Record<string, readonly [number, Reader | undefined]> = {
  s8: [1, (view, offset) => view.getInt8(offset) / 128],
  u8: [1, (view, offset) => (view.getUint8(offset) - 128) / 128],
  s16le: [2, (view, offset) => view.getInt16(offset, true) / 32768],
  s16be: [2, (view, offset) => view.getInt16(offset, false) / 32768],
  u16le: [2, (view, offset) => (view.getUint16(offset, true) - 32768) / 32768],
  u16be: [2, (view, offset) => (view.getUint16(offset, false) - 32768) / 32768],
  s24le: [3, (view, offset) => int24(view, offset, true) / 8388608],
  s24be: [3, (view, offset) => int24(view, offset, false) / 8388608],
  u24le: [3, (view, offset) => (uint24(view, offset, true) - 8388608) / 8388608],
  u24be: [3, (view, offset) => (uint24(view, offset, false) - 8388608) / 8388608],
  s32le: [4, (view, offset) => view.getInt32(offset, true) / 2147483648],
  s32be: [4, (view, offset) => view.getInt32(offset, false) / 2147483648],
  u32le: [4, (view, offset) => (view.getUint32(offset, true) - 2147483648) / 2147483648],
  u32be: [4, (view, offset) => (view.getUint32(offset, false) - 2147483648) / 2147483648],
  f32le: [4, (view, offset) => view.getFloat32(offset, true)],
  f32be: [4, (view, offset) => view.getFloat32(offset, false)],
  f64le: [8, (view, offset) => view.getFloat64(offset, true)],
  f64be: [8, (view, offset) => view.getFloat64(offset, false)],
  mulaw: [1, undefined],
  alaw: [1, undefined],
};

/** The layout of a raw format; `pcm_s8`/`pcm_u8` without an endianness suffix are single bytes anyway. */
export function rawPcmLayout(format: string, sampleRate: number, channels: number): PcmLayout {
  const key = format.replace(/^pcm_/, '').replace(/^([su]8)(le|be)$/, '$1');
  const [bytesPerSample, read] = readers[key] ?? [1, undefined];
  return {
    format,
    sampleRate,
    channels,
    bytesPerSample,
    bytesPerSecond: bytesPerSample * channels * sampleRate,
    read,
  };
}

/** What the start of an `auto` stream turned out to be. */
export type StreamHeader =
  | { readonly kind: 'need-more' }
  | { readonly kind: 'wav'; readonly dataOffset: number; readonly layout: PcmLayout }
  | { readonly kind: 'container' };

// A WAV header longer than this is not worth waiting for: the stream is treated as opaque.
const MAX_HEADER_BYTES = 64 * 1024;

/**
Reads a stream's first bytes: a RIFF/WAVE file with integer (format 1) or float (format 3, or
extensible) PCM gives its data offset and layout; anything else is a container the sandbox
cannot decode (it then only measures time by size).
*/
export function readStreamHeader(bytes: Uint8Array): StreamHeader {
  if (bytes.byteLength < 12) return isPrefixOf(bytes, 'RIFF') ? { kind: 'need-more' } : { kind: 'container' };
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') return { kind: 'container' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let layout: PcmLayout | undefined;
  while (offset + 8 <= bytes.byteLength) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    if (id === 'data') {
      return layout === undefined ? { kind: 'container' } : { kind: 'wav', dataOffset: offset + 8, layout };
    }
    if (id === 'fmt ') {
      if (offset + 8 + 16 > bytes.byteLength) break;
      let tag = view.getUint16(offset + 8, true);
      const channels = view.getUint16(offset + 10, true);
      const sampleRate = view.getUint32(offset + 12, true);
      const bits = view.getUint16(offset + 22, true);
      if (tag === 0xfffe && size >= 40 && offset + 8 + 26 <= bytes.byteLength)
        tag = view.getUint16(offset + 8 + 24, true);
      const format =
        tag === 1 ? (bits === 8 ? 'pcm_u8' : `pcm_s${bits}le`) : tag === 3 ? `pcm_f${bits}le` : undefined;
      if (format === undefined || channels === 0 || sampleRate === 0) return { kind: 'container' };
      layout = rawPcmLayout(format, sampleRate, channels);
    }
    offset += 8 + size + (size % 2);
  }
  return bytes.byteLength > MAX_HEADER_BYTES ? { kind: 'container' } : { kind: 'need-more' };
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function isPrefixOf(bytes: Uint8Array, text: string): boolean {
  return ascii(bytes, 0, bytes.byteLength) === text.slice(0, bytes.byteLength);
}

function uint24(view: DataView, offset: number, littleEndian: boolean): number {
  const [low, middle, high] = littleEndian ? [0, 1, 2] : [2, 1, 0];
  return (
    view.getUint8(offset + low) | (view.getUint8(offset + middle) << 8) | (view.getUint8(offset + high) << 16)
  );
}

function int24(view: DataView, offset: number, littleEndian: boolean): number {
  const value = uint24(view, offset, littleEndian);
  return value & 0x800000 ? value - 0x1000000 : value;
}
