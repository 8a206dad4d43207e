/** The PCM of a WAV file: where its samples are and how to read them. */
export interface WavPcm16 {
  readonly sampleRate: number;
  readonly channels: number;
  /** The `data` chunk: interleaved 16-bit little-endian samples. */
  readonly data: Uint8Array;
}

// The first two bytes of the PCM sub-format GUID of WAVE_FORMAT_EXTENSIBLE.
const PCM = 1;
const EXTENSIBLE = 0xfffe;

/**
Reads a RIFF/WAVE file whose samples are 16-bit integer PCM (plain or `WAVE_FORMAT_EXTENSIBLE`);
`undefined` for anything else (another sample format, another container, a truncated header).
A `data` chunk longer than the file (streamed WAVs say 0xFFFFFFFF) ends with the file.
*/
export function readWavPcm16(bytes: Uint8Array): WavPcm16 | undefined {
  if (bytes.byteLength < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { sampleRate: number; channels: number } | undefined;
  for (let offset = 12; offset + 8 <= bytes.byteLength;) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.byteLength) {
      let tag = view.getUint16(body, true);
      if (tag === EXTENSIBLE && size >= 40 && body + 26 <= bytes.byteLength)
        tag = view.getUint16(body + 24, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const bits = view.getUint16(body + 14, true);
      if (tag !== PCM || bits !== 16 || channels === 0) return undefined;
      format = { sampleRate, channels };
    } else if (id === 'data') {
      if (format === undefined) return undefined;
      const end = Math.min(bytes.byteLength, body + size);
      const length = end - body - ((end - body) % (2 * format.channels));
      return { ...format, data: bytes.subarray(body, body + length) };
    }
    // Chunks are padded to an even size.
    offset = body + size + (size % 2);
  }
  return undefined;
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}
