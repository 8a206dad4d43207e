import { readAscii, readUint16LE, readUint32LE, readUint64LE } from '../byte-fields.js';
import type { ByteReader } from '../read-bytes.js';
import { formatProbe, type FormatProbe } from './format-probe.js';

interface WaveFormat {
  readonly formatTag: number;
  readonly sampleRate: number;
  readonly byteRate: number;
  readonly blockAlign: number;
}

// More chunks than this before "data" is not a WAV file worth reading on.
const maximumChunks = 1024;
const wavePcm = 0x0001;
const waveIeeeFloat = 0x0003;
const waveExtensible = 0xfffe;

/**
Reads a WAV file's duration from its `data` chunk size and the byte rate of its `fmt ` chunk.

Walks the RIFF chunks by their headers only, never reading sample data. Handles RF64/BW64
(64-bit sizes in `ds64`), WAVE_FORMAT_EXTENSIBLE, odd-sized chunks with or without their pad
byte, a streaming writer's placeholder `data` size, and a file cut short (the duration of the
bytes present). Compressed formats with a `fact` chunk use its sample count.
*/
export async function probeWav(reader: ByteReader): Promise<FormatProbe | undefined> {
  const riff = await reader.read(0, 12);
  const riffId = readAscii(riff, 0, 4);
  if ((riffId !== 'RIFF' && riffId !== 'RF64' && riffId !== 'BW64') || readAscii(riff, 8, 4) !== 'WAVE') {
    return undefined;
  }
  let format: WaveFormat | undefined;
  let factSamples: number | undefined;
  let ds64DataSize: number | undefined;
  let data: { offset: number; size: number } | undefined;
  let offset = 12;
  for (let chunk = 0; chunk < maximumChunks && offset + 8 <= reader.size; chunk++) {
    const header = await reader.read(offset, offset + 8);
    const id = readAscii(header, 0, 4);
    const size = readUint32LE(header, 4);
    if (id === undefined || size === undefined) break;
    const body = offset + 8;
    if (id === 'fmt ') format = parseFmt(await reader.read(body, body + Math.min(size, 40)));
    else if (id === 'fact') factSamples = readUint32LE(await reader.read(body, body + 4), 0);
    // EBU Tech 3306 §3: ds64 holds the 64-bit RIFF size, then the 64-bit data size.
    else if (id === 'ds64') ds64DataSize = readUint64LE(await reader.read(body, body + 16), 8);
    else if (id === 'data') {
      data = { offset: body, size };
      // "fmt " precedes "data" in practice; walk on past the samples only when it did not.
      if (format !== undefined) break;
    }
    offset = await nextChunk(reader, body, size);
  }
  if (format === undefined || data === undefined) return undefined;
  return formatProbe(seconds(format, data, ds64DataSize, factSamples, reader.size), 'header');
}

function seconds(
  format: WaveFormat,
  data: { offset: number; size: number },
  ds64DataSize: number | undefined,
  factSamples: number | undefined,
  fileSize: number,
): number {
  const available = Math.max(0, fileSize - data.offset);
  let size = data.size;
  // RF64 and BW64 write 0xFFFFFFFF and keep the real size in ds64.
  if (size === 0xffffffff && ds64DataSize !== undefined) size = ds64DataSize;
  // A writer that could not seek back (a pipe) leaves a placeholder: the samples run to the end.
  else if ((size === 0 || size === 0xffffffff) && available > 0) size = available;
  // A cut-short file holds only the samples that made it.
  size = Math.min(size, available);
  const pcm = format.formatTag === wavePcm || format.formatTag === waveIeeeFloat;
  // For compressed formats the byte rate is an average; "fact" holds the exact sample count
  // (Multimedia Programming Interface and Data Specifications 1.0, "Fact Chunk").
  if (!pcm && factSamples !== undefined && factSamples > 0 && format.sampleRate > 0 && size === data.size) {
    return factSamples / format.sampleRate;
  }
  const byteRate = format.byteRate > 0 ? format.byteRate : format.sampleRate * format.blockAlign;
  return byteRate > 0 ? size / byteRate : Number.NaN;
}

function parseFmt(bytes: Uint8Array): WaveFormat | undefined {
  // WAVEFORMATEX: wFormatTag, nChannels, nSamplesPerSec, nAvgBytesPerSec, nBlockAlign, wBitsPerSample.
  let formatTag = readUint16LE(bytes, 0);
  const sampleRate = readUint32LE(bytes, 4);
  const byteRate = readUint32LE(bytes, 8);
  const blockAlign = readUint16LE(bytes, 12);
  if (
    formatTag === undefined ||
    sampleRate === undefined ||
    byteRate === undefined ||
    blockAlign === undefined
  ) {
    return undefined;
  }
  // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the SubFormat GUID at 24.
  if (formatTag === waveExtensible) formatTag = readUint16LE(bytes, 24) ?? formatTag;
  return { formatTag, sampleRate, byteRate, blockAlign };
}

async function nextChunk(reader: ByteReader, body: number, size: number): Promise<number> {
  const padded = body + size + (size & 1);
  if ((size & 1) === 0) return padded;
  // RIFF pads an odd chunk to an even length, but some writers leave the pad byte out: trust
  // whichever of the two candidate offsets starts with a plausible chunk id.
  const candidates = await reader.read(body + size, body + size + 5);
  if (!isChunkId(candidates, 1) && isChunkId(candidates, 0)) return body + size;
  return padded;
}

function isChunkId(bytes: Uint8Array, offset: number): boolean {
  const id = readAscii(bytes, offset, 4);
  return id !== undefined && /^[\x20-\x7e]{4}$/.test(id);
}
