import { hasAscii, readUint32BE, readUint8 } from '../byte-fields.js';
import type { ByteReader } from '../read-bytes.js';
import { formatProbe, type FormatProbe } from './format-probe.js';

/** The fields of an MPEG-1/2/2.5 audio frame header that matter for timing. */
export interface MpegAudioHeader {
  /** MPEG version: 1, 2 or 2.5. */
  readonly version: 1 | 2 | 2.5;
  /** Layer I, II or III (MP3). */
  readonly layer: 1 | 2 | 3;
  /** Bits per second. */
  readonly bitrate: number;
  /** Samples per second. */
  readonly sampleRate: number;
  /** Whether the channel mode is single channel. */
  readonly mono: boolean;
  /** Samples per channel in one frame. */
  readonly samplesPerFrame: number;
  /** The length of the frame in bytes, header included. */
  readonly frameLength: number;
}

// ISO/IEC 11172-3 §2.4.2.3 and ISO/IEC 13818-3 §2.4.2.3: kbit/s by bitrate_index (0 is "free format").
const bitrates = {
  mpeg1: [
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  mpeg2: [
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
} as const;

const sampleRates = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
} as const;

/**
Parses the MPEG audio frame header at `offset`, or returns `undefined` when the four bytes there
are not a valid one (no sync, a reserved field, or free format, whose frame length is unknown).
*/
export function parseMpegAudioHeader(bytes: Uint8Array, offset: number): MpegAudioHeader | undefined {
  const b0 = readUint8(bytes, offset);
  const b1 = readUint8(bytes, offset + 1);
  const b2 = readUint8(bytes, offset + 2);
  const b3 = readUint8(bytes, offset + 3);
  if (b0 === undefined || b1 === undefined || b2 === undefined || b3 === undefined) return undefined;
  // 11 sync bits, then version (01 reserved) and layer (00 reserved: that is ADTS's layer).
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
    return undefined;
  }
  if ((b3 & 3) === 2) return undefined; // reserved emphasis
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const bitrate = (version === 1 ? bitrates.mpeg1 : bitrates.mpeg2)[layer - 1]?.[bitrateIndex];
  const sampleRate = sampleRates[version][rateIndex];
  if (bitrate === undefined || sampleRate === undefined) return undefined;
  const padding = (b2 >> 1) & 1;
  const bitsPerSecond = bitrate * 1000;
  let samplesPerFrame: number;
  let frameLength: number;
  if (layer === 1) {
    samplesPerFrame = 384;
    frameLength = (Math.floor((12 * bitsPerSecond) / sampleRate) + padding) * 4;
  } else {
    // Layer III of MPEG-2 and 2.5 halves the frame: 576 samples (ISO/IEC 13818-3 §2.4.3.1).
    samplesPerFrame = layer === 3 && version !== 1 ? 576 : 1152;
    frameLength = Math.floor((samplesPerFrame / 8) * (bitsPerSecond / sampleRate)) + padding;
  }
  return {
    version,
    layer,
    bitrate: bitsPerSecond,
    sampleRate,
    mono: b3 >> 6 === 3,
    samplesPerFrame,
    frameLength,
  };
}

/**
The first MPEG audio frame at or after `from` in `bytes` whose successor (when it lies within
`bytes`) is a frame of the same stream, which rules out most chance 0xFFE sync patterns.
*/
export function findMpegAudioFrame(
  bytes: Uint8Array,
  from: number,
  to = bytes.length,
): { offset: number; header: MpegAudioHeader } | undefined {
  for (let offset = Math.max(0, from); offset < Math.min(to, bytes.length - 3); offset++) {
    if (bytes[offset] !== 0xff) continue;
    const header = parseMpegAudioHeader(bytes, offset);
    if (header === undefined) continue;
    const nextOffset = offset + header.frameLength;
    if (nextOffset + 4 > bytes.length) return { offset, header };
    const next = parseMpegAudioHeader(bytes, nextOffset);
    if (
      next !== undefined &&
      next.version === header.version &&
      next.layer === header.layer &&
      next.sampleRate === header.sampleRate
    ) {
      return { offset, header };
    }
  }
  return undefined;
}

const window = 64 * 1024;

/** Reads an MP3's duration from its Xing/Info or VBRI frame count, else estimates it from its bitrate. */
export async function probeMp3(reader: ByteReader, start: number): Promise<FormatProbe | undefined> {
  const bytes = await reader.read(start, start + window);
  const first = findMpegAudioFrame(bytes, 0);
  if (first === undefined) return undefined;
  const { offset, header } = first;
  const frames = xingFrameCount(bytes, offset, header) ?? vbriFrameCount(bytes, offset);
  if (frames !== undefined && frames > 0) {
    return formatProbe((frames * header.samplesPerFrame) / header.sampleRate, 'frame-count');
  }
  const trailer = await id3v1Length(reader);
  const audioBytes = reader.size - trailer - (start + offset);
  const { bitrate, constant } = walkBitrate(bytes, offset, header);
  return formatProbe((audioBytes * 8) / bitrate, constant ? 'cbr-estimate' : 'average-bitrate-estimate');
}

function xingFrameCount(bytes: Uint8Array, offset: number, header: MpegAudioHeader): number | undefined {
  if (header.layer !== 3) return undefined;
  // The Xing/Info tag sits where the first frame's audio data would start: after the 4-byte
  // header and the side information (ISO/IEC 11172-3 §2.4.1.7; 13818-3 §2.4.1.7 for MPEG-2).
  const sideInformation = header.version === 1 ? (header.mono ? 17 : 32) : header.mono ? 9 : 17;
  const tag = offset + 4 + sideInformation;
  if (!hasAscii(bytes, tag, 'Xing') && !hasAscii(bytes, tag, 'Info')) return undefined;
  const flags = readUint32BE(bytes, tag + 4);
  // Flag bit 0: the frame count field is present, right after the flags.
  if (flags === undefined || (flags & 1) === 0) return undefined;
  return readUint32BE(bytes, tag + 8);
}

function vbriFrameCount(bytes: Uint8Array, offset: number): number | undefined {
  // Fraunhofer's VBRI header: always 32 bytes after the frame header; the frame count is at +14.
  const tag = offset + 4 + 32;
  return hasAscii(bytes, tag, 'VBRI') ? readUint32BE(bytes, tag + 14) : undefined;
}

async function id3v1Length(reader: ByteReader): Promise<number> {
  if (reader.size < 128) return 0;
  const tail = await reader.read(reader.size - 128, reader.size);
  return hasAscii(tail, 0, 'TAG') ? 128 : 0;
}

// Walking more frames than fit in the first window buys no accuracy worth the reads.
function walkBitrate(
  bytes: Uint8Array,
  offset: number,
  first: MpegAudioHeader,
): { bitrate: number; constant: boolean } {
  let frameBytes = 0;
  let seconds = 0;
  let constant = true;
  let position = offset;
  for (let header: MpegAudioHeader | undefined = first; header !== undefined;) {
    if (position + header.frameLength > bytes.length) break;
    frameBytes += header.frameLength;
    seconds += header.samplesPerFrame / header.sampleRate;
    if (header.bitrate !== first.bitrate) constant = false;
    position += header.frameLength;
    header = parseMpegAudioHeader(bytes, position);
  }
  // A constant bitrate is exact from the header; averaging frame lengths would fold in padding.
  if (constant || seconds === 0) return { bitrate: first.bitrate, constant };
  return { bitrate: (frameBytes * 8) / seconds, constant };
}
