import { audioContainers, type AudioContainer, type AudioFormat } from './audio-container.js';
import { probeAdts } from './formats/adts.js';
import { probeFlac } from './formats/flac.js';
import type { DurationMethod, FormatProbe, FormatProber } from './formats/format-probe.js';
import { skipId3v2 } from './formats/id3v2.js';
import { probeMatroska } from './formats/matroska.js';
import { probeMp3 } from './formats/mp3.js';
import { probeMp4 } from './formats/mp4.js';
import { probeOgg } from './formats/ogg.js';
import { probeWav } from './formats/wav.js';
import { InvalidArgumentError } from '../errors/index.js';
import { createByteReader, isArrayBuffer, isBlob, type ByteReader, type ByteSource } from './read-bytes.js';
import { sniffContainer } from './sniff-container.js';

/** Options of {@link probeDuration}. */
export interface ProbeDurationOptions {
  /** Stops probing: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** What {@link probeDuration} found out about a file. */
export interface AudioProbe {
  /** The container, when it was recognized. */
  readonly container?: AudioContainer;
  /** The duration in seconds, when it could be known: always finite and non-negative. */
  readonly durationInSeconds?: number;
  /** How the duration was found, when it was. */
  readonly method?: DurationMethod;
}

// Enough for every header scribekit reads, yet a small fraction of any long recording.
const headLength = 64 * 1024;

const probers: Record<AudioFormat, FormatProber> = {
  wav: (reader) => probeWav(reader),
  mp3: probeMp3,
  flac: probeFlac,
  ogg: probeOgg,
  opus: probeOgg,
  webm: (reader) => probeMatroska(reader),
  matroska: (reader) => probeMatroska(reader),
  mp4: (reader) => probeMp4(reader),
  aac: probeAdts,
};

/**
Finds an audio file's container and duration from its headers, without decoding or reading it whole.

A `Blob` (or `File`) is read through `blob.slice()`: the first 64 KiB, plus, where the format
needs it, the last 64 KiB (Ogg), the headers of the boxes or chunks that lead to the one holding
the duration (MP4 `moov` after the media data, WAV chunks), or every frame header of an ADTS
stream up to 1 MiB. Supports WAV, MP3, FLAC, Ogg Opus and Vorbis, WebM/Matroska, MP4/M4A and ADTS;
see {@link DurationMethod} for how exact each is.

Never throws on unrecognized, truncated or corrupt data: the duration (or the container) is
then left out. Rejects only when `signal` aborts (with its reason), when a `Blob` cannot be read,
or with {@link InvalidArgumentError} (argument `audio`) when `audio` is not bytes at all.

@example
```ts
import { probeDuration } from 'scribekit';

const { container, durationInSeconds } = await probeDuration(file);
if (durationInSeconds === undefined) console.log(`a ${container?.format ?? 'unknown'} file of unknown length`);
else console.log(`${durationInSeconds.toFixed(1)} s of ${container?.format}`);
```
*/
export async function probeDuration(
  audio: ByteSource,
  options: ProbeDurationOptions = {},
): Promise<AudioProbe> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (!(audio instanceof Uint8Array) && !isArrayBuffer(audio) && !isBlob(audio)) {
    throw new InvalidArgumentError({
      argument: 'audio',
      message: 'expected a Blob, File, ArrayBuffer or Uint8Array',
    });
  }
  let readFailure: { error: unknown } | undefined;
  const source = createByteReader(audio, { signal, minimumRead: headLength });
  // Remembers a failure to read the Blob, which the caller must hear of, unlike corrupt data.
  const reader: ByteReader = {
    size: source.size,
    read: (start, end) =>
      source.read(start, end).catch((error: unknown) => {
        readFailure = { error };
        throw error;
      }),
  };
  let container: AudioContainer | undefined;
  let found: FormatProbe | undefined;
  try {
    const located = await locate(reader);
    if (located === undefined) return {};
    container = located.container;
    found = await probers[container.format](reader, located.start);
  } catch {
    if (signal?.aborted) throw signal.reason;
    if (readFailure !== undefined) throw readFailure.error;
    // Corrupt data that slipped past a parser's checks: the duration is unknown.
    found = undefined;
  }
  if (container === undefined) return {};
  if (found === undefined) return { container };
  return { container, durationInSeconds: found.durationInSeconds, method: found.method };
}

async function locate(reader: ByteReader): Promise<{ container: AudioContainer; start: number } | undefined> {
  let offset = 0;
  let bytes = await reader.read(0, headLength);
  let start = skipId3v2(bytes);
  // ID3v2 tags are skipped by their sizes, so one longer than the head (a cover image) costs a
  // read at its end rather than reading it.
  for (let tag = 0; tag < 8 && start - offset >= bytes.length && start < reader.size; tag++) {
    offset = start;
    bytes = await reader.read(offset, offset + 4096);
    start = offset + skipId3v2(bytes);
  }
  const container = sniffContainer(bytes.subarray(start - offset));
  if (container !== undefined) return { container, start };
  // An ID3v2 tag nearly always heads an MP3, even when padding hides its first frame.
  return start > 0 ? { container: audioContainers.mp3, start } : undefined;
}
