import { readUint8 } from '../byte-fields.js';
import type { ByteReader } from '../read-bytes.js';
import { formatProbe, type FormatProbe } from './format-probe.js';

// Element IDs, marker bits included (RFC 8794 §5 for EBML, RFC 9559 §5.1 for Matroska).
const ebmlId = 0x1a45dfa3;
const docTypeId = 0x4282;
const segmentId = 0x18538067;
const seekHeadId = 0x114d9b74;
const seekId = 0x4dbb;
const seekIdId = 0x53ab;
const seekPositionId = 0x53ac;
const infoId = 0x1549a966;
const timestampScaleId = 0x2ad7b1;
const durationId = 0x4489;
const clusterId = 0x1f43b675;

// More elements than this at one level is not a file worth reading on.
const maximumElements = 4096;
// Info and SeekHead are a few hundred bytes; anything claiming more is read only this far.
const maximumMasterRead = 64 * 1024;

interface ElementHeader {
  readonly id: number;
  /** Where the element's data starts. */
  readonly data: number;
  /** The data size, or `undefined` for the "unknown size" of a live stream (RFC 8794 §6.2). */
  readonly size: number | undefined;
}

/** Reads the EBML element header at `offset` of `bytes`, or `undefined` when there is none. */
function parseElementHeader(bytes: Uint8Array, offset: number): ElementHeader | undefined {
  const idLength = vintLength(readUint8(bytes, offset));
  // RFC 8794 §5: Element IDs are at most 4 octets.
  if (idLength === undefined || idLength > 4) return undefined;
  const id = readUnsigned(bytes, offset, idLength);
  const sizeOffset = offset + idLength;
  const first = readUint8(bytes, sizeOffset);
  const sizeLength = vintLength(first);
  if (id === undefined || first === undefined || sizeLength === undefined) return undefined;
  const rest = readUnsigned(bytes, sizeOffset + 1, sizeLength - 1);
  if (rest === undefined) return undefined;
  const marker = 0xff >> sizeLength;
  const high = first & marker;
  // RFC 8794 §6.2: a size whose value bits are all ones is unknown.
  const unknown = high === marker && rest === 2 ** (8 * (sizeLength - 1)) - 1;
  const size = unknown ? undefined : high * 2 ** (8 * (sizeLength - 1)) + rest;
  return { id, data: sizeOffset + sizeLength, size };
}

/** The length of a variable-size integer from its first byte: one more than its leading zero bits. */
function vintLength(first: number | undefined): number | undefined {
  if (first === undefined || first === 0) return undefined;
  return Math.clz32(first) - 23;
}

/** The `length`-byte big-endian unsigned integer at `offset` (0 for no bytes), or `undefined` past the end. */
function readUnsigned(bytes: Uint8Array, offset: number, length: number): number | undefined {
  if (length < 0 || length > 8 || offset + length > bytes.length) return undefined;
  let value = 0;
  for (const byte of bytes.subarray(offset, offset + length)) value = value * 256 + byte;
  return value;
}

/** The children of the master element data in `bytes` (relative offsets), stopping at the first malformed one. */
function* children(bytes: Uint8Array): Generator<ElementHeader> {
  let offset = 0;
  for (let index = 0; index < maximumElements && offset < bytes.length; index++) {
    const child = parseElementHeader(bytes, offset);
    if (child === undefined || child.size === undefined) return;
    yield child;
    offset = child.data + child.size;
  }
}

/**
The DocType of the EBML header at the start of `bytes` (`webm`, `matroska`), or `undefined`
when `bytes` do not start with an EBML header or it names none.
*/
export function readEbmlDocType(bytes: Uint8Array): string | undefined {
  const header = parseElementHeader(bytes, 0);
  if (header?.id !== ebmlId || header.size === undefined) return undefined;
  for (const child of children(bytes.subarray(header.data, header.data + header.size))) {
    if (child.id === docTypeId && child.size !== undefined) {
      const start = header.data + child.data;
      const text = String.fromCharCode(...bytes.subarray(start, start + Math.min(child.size, 64)));
      // EBML strings may be padded with NULs (RFC 8794 §7.4).
      return text.replace(/\0+$/, '');
    }
  }
  return undefined;
}

async function readElement(reader: ByteReader, offset: number): Promise<ElementHeader | undefined> {
  const header = parseElementHeader(await reader.read(offset, offset + 12), 0);
  return header === undefined ? undefined : { ...header, data: offset + header.data };
}

async function readMasterData(reader: ByteReader, element: ElementHeader): Promise<Uint8Array> {
  const size = Math.min(element.size ?? 0, maximumMasterRead);
  return reader.read(element.data, element.data + size);
}

/**
Reads a WebM/Matroska file's duration from its Segment Info: Duration × TimestampScale.

Info is looked for before the first Cluster, or where the SeekHead points. Files recorded live
(by `MediaRecorder`, say) often have no Duration: their duration is unknown.
*/
export async function probeMatroska(reader: ByteReader): Promise<FormatProbe | undefined> {
  let offset = 0;
  for (let index = 0; index < 16 && offset < reader.size; index++) {
    const element = await readElement(reader, offset);
    if (element === undefined) return undefined;
    if (element.id === segmentId) return probeSegment(reader, element);
    if (element.size === undefined) return undefined;
    offset = element.data + element.size;
  }
  return undefined;
}

async function probeSegment(reader: ByteReader, segment: ElementHeader): Promise<FormatProbe | undefined> {
  const end = segment.size === undefined ? reader.size : Math.min(reader.size, segment.data + segment.size);
  let infoPosition: number | undefined;
  let offset = segment.data;
  for (let index = 0; index < maximumElements && offset < end; index++) {
    const element = await readElement(reader, offset);
    if (element === undefined || element.id === clusterId || element.size === undefined) break;
    if (element.id === infoId) return parseInfo(await readMasterData(reader, element));
    if (element.id === seekHeadId) infoPosition ??= parseSeekHead(await readMasterData(reader, element));
    offset = element.data + element.size;
  }
  if (infoPosition === undefined) return undefined;
  // RFC 9559 §5.1.1.1.2.2: SeekPosition is relative to the start of the Segment's data.
  const info = await readElement(reader, segment.data + infoPosition);
  return info?.id === infoId ? parseInfo(await readMasterData(reader, info)) : undefined;
}

function parseSeekHead(bytes: Uint8Array): number | undefined {
  for (const seek of children(bytes)) {
    if (seek.id !== seekId || seek.size === undefined) continue;
    let target: number | undefined;
    let position: number | undefined;
    for (const field of children(bytes.subarray(seek.data, seek.data + seek.size))) {
      const value = readUnsigned(bytes, seek.data + field.data, field.size ?? -1);
      if (field.id === seekIdId) target = value;
      else if (field.id === seekPositionId) position = value;
    }
    if (target === infoId && position !== undefined) return position;
  }
  return undefined;
}

function parseInfo(bytes: Uint8Array): FormatProbe | undefined {
  // RFC 9559 §5.1.2.1: TimestampScale defaults to 1,000,000 ns, so Duration counts milliseconds.
  let scale = 1_000_000;
  let duration: number | undefined;
  for (const field of children(bytes)) {
    const size = field.size ?? 0;
    if (field.id === timestampScaleId) scale = readUnsigned(bytes, field.data, size) ?? scale;
    else if (field.id === durationId && field.data + size <= bytes.length) {
      const view = new DataView(bytes.buffer, bytes.byteOffset + field.data, size);
      // Duration is a float: 4 or 8 octets (RFC 8794 §7.3).
      duration = size === 4 ? view.getFloat32(0) : size === 8 ? view.getFloat64(0) : undefined;
    }
  }
  if (duration === undefined || scale === 0) return undefined;
  return formatProbe((duration * scale) / 1e9, 'header');
}
