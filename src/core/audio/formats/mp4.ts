import { readAscii, readUint32BE, readUint64BE, readUint8 } from '../byte-fields.js';
import type { ByteReader } from '../read-bytes.js';
import { formatProbe, type FormatProbe } from './format-probe.js';

interface Box {
  readonly type: string;
  /** Where the box starts. */
  readonly offset: number;
  /** Where its payload starts. */
  readonly payload: number;
  /** Where it ends (clamped to its parent). */
  readonly end: number;
}

// More boxes than this at one level is not a file worth reading on.
const maximumBoxes = 4096;

/**
Reads an MP4/M4A/MOV file's duration from the movie header: `mvhd` duration / timescale.

Walks the top-level boxes by their headers only, so `moov` is found after a large `mdat` (files
written without "fast start") without reading the media data. A fragmented file whose `mvhd`
duration is 0 uses the `mehd` fragment duration when present, else the duration is unknown.
*/
export async function probeMp4(reader: ByteReader): Promise<FormatProbe | undefined> {
  const moov = await findBox(reader, 0, reader.size, 'moov');
  if (moov === undefined) return undefined;
  const mvhd = await findBox(reader, moov.payload, moov.end, 'mvhd');
  if (mvhd === undefined) return undefined;
  const header = await reader.read(mvhd.payload, Math.min(mvhd.end, mvhd.payload + 32));
  // ISO/IEC 14496-12 §8.2.2: version 1 has 64-bit creation/modification times and duration.
  const version = readUint8(header, 0);
  const timescale = readUint32BE(header, version === 1 ? 20 : 12);
  let duration = version === 1 ? readUint64BE(header, 24) : readUint32BE(header, 16);
  if (timescale === undefined || timescale === 0 || duration === undefined) return undefined;
  // All ones means "unknown" (§8.2.2.3).
  if (duration === (version === 1 ? 2 ** 64 - 1 : 0xffffffff)) return undefined;
  if (duration === 0) {
    duration = await fragmentDuration(reader, moov);
    if (duration === undefined || duration === 0) return undefined;
  }
  return formatProbe(duration / timescale, 'header');
}

async function fragmentDuration(reader: ByteReader, moov: Box): Promise<number | undefined> {
  // §8.8.2: moov/mvex/mehd holds the whole fragmented movie's duration in the mvhd timescale.
  const mvex = await findBox(reader, moov.payload, moov.end, 'mvex');
  if (mvex === undefined) return undefined;
  const mehd = await findBox(reader, mvex.payload, mvex.end, 'mehd');
  if (mehd === undefined) return undefined;
  const body = await reader.read(mehd.payload, Math.min(mehd.end, mehd.payload + 12));
  return readUint8(body, 0) === 1 ? readUint64BE(body, 4) : readUint32BE(body, 4);
}

async function findBox(reader: ByteReader, from: number, to: number, type: string): Promise<Box | undefined> {
  let offset = from;
  for (let index = 0; index < maximumBoxes && offset + 8 <= to; index++) {
    const box = await readBox(reader, offset, to);
    if (box === undefined) return undefined;
    if (box.type === type) return box;
    offset = box.end;
  }
  return undefined;
}

async function readBox(reader: ByteReader, offset: number, parentEnd: number): Promise<Box | undefined> {
  const bytes = await reader.read(offset, offset + 16);
  // §4.2: 32-bit size and type; size 1 means a 64-bit size follows, size 0 "to the end of the file".
  const size32 = readUint32BE(bytes, 0);
  const type = readAscii(bytes, 4, 4);
  if (size32 === undefined || type === undefined) return undefined;
  let size: number | undefined = size32;
  let headerLength = 8;
  if (size32 === 1) {
    size = readUint64BE(bytes, 8);
    headerLength = 16;
  } else if (size32 === 0) {
    size = parentEnd - offset;
  }
  // A box smaller than its own header would never advance the walk: the file is corrupt.
  if (size === undefined || size < headerLength) return undefined;
  return { type, offset, payload: offset + headerLength, end: Math.min(offset + size, parentEnd) };
}
