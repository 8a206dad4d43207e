import { readUint8 } from '../byte-fields.js';
import type { ByteReader } from '../read-bytes.js';
import { formatProbe, type FormatProbe } from './format-probe.js';

/** The fields of an ADTS frame header that matter for timing. */
export interface AdtsHeader {
  /** Samples per second. */
  readonly sampleRate: number;
  /** The length of the frame in bytes, header included. */
  readonly frameLength: number;
  /** Samples per channel in the frame: 1024 per raw data block. */
  readonly samples: number;
}

// ISO/IEC 14496-3 §1.6.3.4: sampling_frequency_index 0–12.
const sampleRates = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** Parses the ADTS frame header at `offset`, or returns `undefined` when there is no valid one. */
export function parseAdtsHeader(bytes: Uint8Array, offset: number): AdtsHeader | undefined {
  const b1 = readUint8(bytes, offset + 1);
  const b2 = readUint8(bytes, offset + 2);
  const b3 = readUint8(bytes, offset + 3);
  const b4 = readUint8(bytes, offset + 4);
  const b5 = readUint8(bytes, offset + 5);
  const b6 = readUint8(bytes, offset + 6);
  if (
    readUint8(bytes, offset) !== 0xff ||
    b1 === undefined ||
    b2 === undefined ||
    b3 === undefined ||
    b4 === undefined ||
    b5 === undefined ||
    b6 === undefined
  ) {
    return undefined;
  }
  // ISO/IEC 13818-7 §6.2.1: 12-bit syncword, ID, 2-bit layer (always 0), protection_absent.
  if ((b1 & 0xf6) !== 0xf0) return undefined;
  const sampleRate = sampleRates[(b2 >> 2) & 0x0f];
  if (sampleRate === undefined) return undefined;
  const frameLength = ((b3 & 0x03) << 11) | (b4 << 3) | (b5 >> 5);
  // The header is 7 bytes, 9 with a CRC (protection_absent = 0).
  if (frameLength < ((b1 & 1) === 1 ? 7 : 9)) return undefined;
  return { sampleRate, frameLength, samples: 1024 * ((b6 & 0x03) + 1) };
}

// Streams up to this size are timed by counting every frame; beyond it, estimated.
const adtsCountLimit = 1024 * 1024;
const estimateWindow = 64 * 1024;
// The smallest valid frame is 7 bytes, so this bounds the count loop as well.
const maximumFrames = Math.ceil(adtsCountLimit / 7);

/**
Reads an ADTS (raw AAC) stream's duration by counting its frames: frames × 1024 / sample rate.

ADTS has no header with a length, so every frame header is read; for streams over 1 MiB only
the first 64 KiB are, and the duration is estimated from their average frame size. Counting
stops at the first byte that is not a frame header (a trailing tag, say) or an incomplete frame.
*/
export async function probeAdts(reader: ByteReader, start: number): Promise<FormatProbe | undefined> {
  const length = reader.size - start;
  if (length > adtsCountLimit) {
    const sample = await reader.read(start, start + estimateWindow);
    const { frames, bytes, seconds } = await countFrames(
      async (from, to) => sample.subarray(from, to),
      sample.length,
    );
    if (frames === 0 || bytes === 0) return undefined;
    return formatProbe((length / bytes) * seconds, 'average-bitrate-estimate');
  }
  const { frames, seconds } = await countFrames((from, to) => reader.read(start + from, start + to), length);
  return frames === 0 ? undefined : formatProbe(seconds, 'frame-count');
}

async function countFrames(
  read: (from: number, to: number) => Promise<Uint8Array>,
  length: number,
): Promise<{ frames: number; bytes: number; seconds: number }> {
  let frames = 0;
  let offset = 0;
  let samples = 0;
  let sampleRate: number | undefined;
  while (frames < maximumFrames && offset + 7 <= length) {
    const header = parseAdtsHeader(await read(offset, offset + 7), 0);
    if (header === undefined || offset + header.frameLength > length) break;
    // A change of rate mid-stream is another stream or corruption: time the first one only.
    sampleRate ??= header.sampleRate;
    if (header.sampleRate !== sampleRate) break;
    frames += 1;
    samples += header.samples;
    offset += header.frameLength;
  }
  return { frames, bytes: offset, seconds: sampleRate === undefined ? 0 : samples / sampleRate };
}
