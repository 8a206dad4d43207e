import { hasAscii, readUint16LE, readUint32LE, readUint8 } from '../byte-fields.js';
import type { ByteReader } from '../read-bytes.js';
import { formatProbe, type FormatProbe } from './format-probe.js';

/** The header of one Ogg page. */
export interface OggPage {
  /** The 64-bit granule position, or `undefined` when it is -1 (no packet ends on this page) or out of range. */
  readonly granulePosition: number | undefined;
  /** The logical bitstream this page belongs to. */
  readonly serialNumber: number;
  /** The header length: 27 bytes plus the segment table. */
  readonly headerLength: number;
  /** The body length: the sum of the segment table. */
  readonly bodyLength: number;
}

/**
Parses the Ogg page header at `offset`, or returns `undefined` when there is none or it does
not fit in `bytes` (its body may still run past the end).
*/
export function parseOggPage(bytes: Uint8Array, offset: number): OggPage | undefined {
  // RFC 3533 §6: "OggS", version 0, header type, 64-bit granule position, serial number, page
  // sequence number, CRC, segment count, segment table.
  if (!hasAscii(bytes, offset, 'OggS') || readUint8(bytes, offset + 4) !== 0) return undefined;
  const granuleLow = readUint32LE(bytes, offset + 6);
  const granuleHigh = readUint32LE(bytes, offset + 10);
  const serialNumber = readUint32LE(bytes, offset + 14);
  const segments = readUint8(bytes, offset + 26);
  if (
    granuleLow === undefined ||
    granuleHigh === undefined ||
    serialNumber === undefined ||
    segments === undefined
  ) {
    return undefined;
  }
  const headerLength = 27 + segments;
  if (offset + headerLength > bytes.length) return undefined;
  let bodyLength = 0;
  for (const lacing of bytes.subarray(offset + 27, offset + headerLength)) bodyLength += lacing;
  // The granule position is a signed 64-bit integer; -1 (and any negative) carries no time.
  const granulePosition = granuleHigh >= 0x80000000 ? undefined : granuleHigh * 2 ** 32 + granuleLow;
  return { granulePosition, serialNumber, headerLength, bodyLength };
}

interface OggTiming {
  readonly serialNumber: number;
  readonly sampleRate: number;
  readonly preSkip: number;
}

/** The Ogg codecs scribekit times, from the first packet of the first page. */
export function oggCodec(bytes: Uint8Array): 'opus' | 'vorbis' | undefined {
  const page = parseOggPage(bytes, 0);
  if (page === undefined) return undefined;
  if (hasAscii(bytes, page.headerLength, 'OpusHead')) return 'opus';
  if (hasAscii(bytes, page.headerLength, '\x01vorbis')) return 'vorbis';
  return undefined;
}

function identify(bytes: Uint8Array): OggTiming | undefined {
  const page = parseOggPage(bytes, 0);
  if (page === undefined) return undefined;
  const packet = page.headerLength;
  if (hasAscii(bytes, packet, 'OpusHead')) {
    // RFC 7845 §4: granule positions count 48 kHz samples whatever the input rate, and the first
    // pre-skip samples (16-bit, at offset 10 of "OpusHead") are decoder warm-up, not audio.
    const preSkip = readUint16LE(bytes, packet + 10);
    return preSkip === undefined
      ? undefined
      : { serialNumber: page.serialNumber, sampleRate: 48000, preSkip };
  }
  if (hasAscii(bytes, packet, '\x01vorbis')) {
    // Vorbis I §4.2.2: the identification header's 32-bit sample rate follows the version and channel count.
    const sampleRate = readUint32LE(bytes, packet + 12);
    return sampleRate === undefined || sampleRate === 0
      ? undefined
      : { serialNumber: page.serialNumber, sampleRate, preSkip: 0 };
  }
  return undefined;
}

const tailWindow = 64 * 1024;
// RFC 3533 §6: a 27-byte header, up to 255 lacing values of up to 255 bytes each.
const maximumPageLength = 27 + 255 + 255 * 255;
// An Ogg page is at most 65,307 bytes, so the first window nearly always holds the last page;
// more windows are only read when the last pages carry no granule position.
const maximumTailWindows = 16;

/**
Reads an Ogg Opus or Vorbis file's duration from the granule position of its last page.

Only the first page (the identification header) and the tail of the file are read. Opus
subtracts the pre-skip and counts at 48 kHz; Vorbis counts at the identification header's rate.
The last page must be complete, so a file cut short reports the duration of the pages present.
*/
export async function probeOgg(reader: ByteReader, start: number): Promise<FormatProbe | undefined> {
  const head = await reader.read(start, start + tailWindow);
  const timing = identify(head);
  if (timing === undefined) return undefined;
  let end = reader.size;
  for (let window = 0; window < maximumTailWindows && end > start; window++) {
    // Pages are looked for starting in [from, end); the read runs a maximal page further so
    // that a page starting near `end` is read whole.
    const from = Math.max(start, end - tailWindow);
    const tail = await reader.read(from, Math.min(reader.size, end + maximumPageLength));
    const granule = lastGranule(tail, end - from, timing.serialNumber);
    if (granule !== undefined) {
      return formatProbe(Math.max(0, granule - timing.preSkip) / timing.sampleRate, 'granule');
    }
    end = from;
  }
  return undefined;
}

function lastGranule(bytes: Uint8Array, searchEnd: number, serialNumber: number): number | undefined {
  for (let offset = Math.min(searchEnd - 1, bytes.length - 27); offset >= 0; offset--) {
    if (bytes[offset] !== 0x4f) continue; // "O"
    const page = parseOggPage(bytes, offset);
    if (
      page !== undefined &&
      page.serialNumber === serialNumber &&
      page.granulePosition !== undefined &&
      offset + page.headerLength + page.bodyLength <= bytes.length
    ) {
      return page.granulePosition;
    }
  }
  return undefined;
}
