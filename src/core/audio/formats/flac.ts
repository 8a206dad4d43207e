import { hasAscii, readUint32BE, readUint8 } from '../byte-fields.js';
import type { ByteReader } from '../read-bytes.js';
import { formatProbe, type FormatProbe } from './format-probe.js';

/**
Reads the sample rate and total sample count of a FLAC stream's STREAMINFO block, always the
first metadata block.
*/
export function parseFlacStreamInfo(
  bytes: Uint8Array,
  offset: number,
): { sampleRate: number; totalSamples: number } | undefined {
  // RFC 9639 §8.2: 16-bit min/max block size, 24-bit min/max frame size, then 20 bits of sample
  // rate, 3 of channels, 5 of bits per sample and 36 of total samples.
  const rate0 = readUint8(bytes, offset + 10);
  const rate1 = readUint8(bytes, offset + 11);
  const rate2 = readUint8(bytes, offset + 12);
  const samplesHigh = readUint8(bytes, offset + 13);
  const samplesLow = readUint32BE(bytes, offset + 14);
  if (
    rate0 === undefined ||
    rate1 === undefined ||
    rate2 === undefined ||
    samplesHigh === undefined ||
    samplesLow === undefined
  ) {
    return undefined;
  }
  const sampleRate = (rate0 << 12) | (rate1 << 4) | (rate2 >> 4);
  return { sampleRate, totalSamples: (samplesHigh & 0x0f) * 2 ** 32 + samplesLow };
}

/** Reads a FLAC file's duration from STREAMINFO: total samples / sample rate. */
export async function probeFlac(reader: ByteReader, start: number): Promise<FormatProbe | undefined> {
  const bytes = await reader.read(start, start + 42);
  // "fLaC", then the metadata block header: last-block flag and 7-bit type (0 = STREAMINFO), 24-bit length.
  const type = readUint8(bytes, 4);
  if (!hasAscii(bytes, 0, 'fLaC') || type === undefined || (type & 0x7f) !== 0) return undefined;
  const info = parseFlacStreamInfo(bytes, 8);
  // A total of 0 means "unknown" (RFC 9639 §8.2), as from an encoder that could not seek back.
  if (info === undefined || info.sampleRate === 0 || info.totalSamples === 0) return undefined;
  return formatProbe(info.totalSamples / info.sampleRate, 'header');
}
