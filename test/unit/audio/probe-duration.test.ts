import { describe, expect, it } from 'vitest';
import { audioContainers, probeDuration } from '../../../src/core/audio/index.js';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import {
  adtsFrameDurations,
  box,
  concatBytes,
  CountingBlob,
  ffprobeDurations,
  readFixture,
  topLevelBoxes,
  u32be,
  u32le,
  u64be,
  u64le,
  wavFile,
  zeros,
} from './audio-fixtures.js';

const MiB = 1024 * 1024;

/** Asserts `actual` is within `percent` % of `expected`. */
function expectWithin(actual: number | undefined, expected: number, percent = 1): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected) / expected).toBeLessThanOrEqual(percent / 100);
}

/** A large Blob of `parts`, repeating a shared zero buffer rather than allocating it all. */
function largeBlob(...parts: (Uint8Array<ArrayBuffer> | { zeros: number })[]): CountingBlob {
  const chunk = zeros(MiB);
  const blobParts: Uint8Array<ArrayBuffer>[] = [];
  for (const part of parts) {
    if (part instanceof Uint8Array) blobParts.push(part);
    else {
      for (let left = part.zeros; left > 0; left -= MiB)
        blobParts.push(left >= MiB ? chunk : chunk.subarray(0, left));
    }
  }
  return new CountingBlob(blobParts);
}

describe('probeDuration', () => {
  describe('against ffprobe', () => {
    // ffprobe reports MP3 durations from the frame count (or size / bitrate) without removing the
    // encoder delay and padding, and an Opus duration without removing the pre-skip; the probe does
    // the same for MP3 and removes the pre-skip as RFC 7845 says, which stays well within 1%.
    const cases: [string, string][] = [
      ['speech.wav', 'header'],
      ['hebrew.wav', 'header'],
      ['speech-extensible.wav', 'header'],
      ['speech-cbr.mp3', 'cbr-estimate'],
      ['long-cbr.mp3', 'cbr-estimate'],
      ['speech-vbr.mp3', 'frame-count'],
      ['speech.flac', 'header'],
      ['speech.opus', 'granule'],
      ['long.opus', 'granule'],
      ['speech.ogg', 'granule'],
      ['speech.webm', 'header'],
      ['speech.m4a', 'header'],
    ];
    it.each(cases)('reads %s within 1%% of ffprobe (%s)', async (name, method) => {
      const expected = ffprobeDurations[name] ?? Number.NaN;
      for (const input of [readFixture(name), new Blob([readFixture(name)]), readFixture(name).buffer]) {
        const probe = await probeDuration(input);
        expect(probe.method).toBe(method);
        expectWithin(probe.durationInSeconds, expected);
      }
    });

    it('reads the ADTS fixture as exactly its frame count × 1024 / sample rate', async () => {
      // ffprobe's *format* duration of raw ADTS is itself an estimate from the bitrate (about 9 %
      // short here), so the reference is ffprobe's packet count × 1024 / 16000 instead.
      const probe = await probeDuration(readFixture('speech.aac'));
      expect(probe).toMatchObject({ container: audioContainers.aac, method: 'frame-count' });
      expect(probe.durationInSeconds).toBeCloseTo(adtsFrameDurations['speech.aac'] ?? Number.NaN, 9);
    });
  });

  describe('WAV', () => {
    it('reads the duration of a WAV from its data chunk', async () => {
      const wav = wavFile({ sampleRate: 16000, channels: 1 }, 'data', u32le(32000), zeros(32000));
      expect(await probeDuration(wav)).toEqual({
        container: audioContainers.wav,
        durationInSeconds: 1,
        method: 'header',
      });
    });

    it('reads WAVE_FORMAT_EXTENSIBLE', async () => {
      const bytes = readFixture('speech-extensible.wav');
      expect(new DataView(bytes.buffer).getUint16(20, true)).toBe(0xfffe);
      expect((await probeDuration(bytes)).durationInSeconds).toBeCloseTo(1.99325, 6);
    });

    it('skips an odd-sized chunk and its pad byte', async () => {
      const wav = wavFile(
        { sampleRate: 8000, channels: 2 },
        'LIST',
        u32le(3),
        'abc',
        [0],
        'data',
        u32le(16000),
        zeros(16000),
      );
      expect((await probeDuration(wav)).durationInSeconds).toBe(0.5);
    });

    it('skips an odd-sized chunk whose writer left the pad byte out', async () => {
      const wav = wavFile(
        { sampleRate: 8000, channels: 2 },
        'LIST',
        u32le(3),
        'abc',
        'data',
        u32le(16000),
        zeros(16000),
      );
      expect((await probeDuration(wav)).durationInSeconds).toBe(0.5);
    });

    it('finds fmt after the data chunk', async () => {
      const fmt = wavFile({ sampleRate: 16000, channels: 1 }).subarray(12);
      const body = concatBytes('data', u32le(16000), zeros(16000), fmt);
      const wav = concatBytes('RIFF', u32le(4 + body.length), 'WAVE', body);
      expect((await probeDuration(wav)).durationInSeconds).toBe(0.5);
    });

    it('reads the 64-bit data size of RF64', async () => {
      const fmt = wavFile({ sampleRate: 16000, channels: 1 }).subarray(12);
      const ds64 = concatBytes('ds64', u32le(28), u64le(36 + 32000), u64le(32000), u64le(16000), u32le(0));
      const wav = concatBytes(
        'RF64',
        u32le(0xffffffff),
        'WAVE',
        ds64,
        fmt,
        'data',
        u32le(0xffffffff),
        zeros(32000),
      );
      expect((await probeDuration(wav)).durationInSeconds).toBe(1);
    });

    it('runs a placeholder data size to the end of the file', async () => {
      const wav = wavFile({ sampleRate: 16000, channels: 1 }, 'data', u32le(0xffffffff), zeros(8000));
      expect((await probeDuration(wav)).durationInSeconds).toBe(0.25);
    });

    it('reports the samples present in a file cut short', async () => {
      const wav = wavFile({ sampleRate: 16000, channels: 1 }, 'data', u32le(320000), zeros(16000));
      expect((await probeDuration(wav)).durationInSeconds).toBe(0.5);
    });

    it('is unknown without a data chunk or a byte rate', async () => {
      expect(await probeDuration(wavFile({ sampleRate: 16000, channels: 1 }))).toEqual({
        container: audioContainers.wav,
      });
      const silent = wavFile({ sampleRate: 0, channels: 1 }, 'data', u32le(100), zeros(100));
      expect((await probeDuration(silent)).durationInSeconds).toBeUndefined();
    });
  });

  describe('MP3', () => {
    it('reads a Xing header frame count', async () => {
      const probe = await probeDuration(readFixture('speech-vbr.mp3'));
      expect(probe).toEqual({
        container: audioContainers.mp3,
        durationInSeconds: 3.528,
        method: 'frame-count',
      });
    });

    it('reads a VBRI header frame count', async () => {
      // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples.
      const header = [0xff, 0xfb, 0x90, 0x00];
      const vbri = concatBytes('VBRI', [0, 1], [0, 0], [0, 75], u32be(417_000), u32be(1000));
      const first = concatBytes(header, zeros(32), vbri, zeros(417 - 4 - 32 - vbri.length));
      const other = concatBytes(header, zeros(413));
      const probe = await probeDuration(concatBytes(first, other, other));
      expect(probe.method).toBe('frame-count');
      expect(probe.durationInSeconds).toBeCloseTo((1000 * 1152) / 44100, 9);
    });

    it('estimates a CBR file without a Xing header from its size and bitrate, past its ID3v2 tag', async () => {
      const bytes = readFixture('speech-cbr.mp3');
      expect(String.fromCharCode(...bytes.subarray(0, 3))).toBe('ID3');
      // 32 kbit/s after a 49-byte ID3v2 tag.
      expect((await probeDuration(bytes)).durationInSeconds).toBeCloseTo(
        ((bytes.length - 49) * 8) / 32000,
        9,
      );
    });

    it('leaves a trailing ID3v1 tag out of the estimate', async () => {
      const bytes = readFixture('speech-cbr.mp3');
      const tagged = concatBytes(bytes, 'TAG', zeros(125));
      expect((await probeDuration(tagged)).durationInSeconds).toBeCloseTo(
        ((bytes.length - 49) * 8) / 32000,
        9,
      );
    });

    it('skips an ID3v2 tag longer than the head without reading it', async () => {
      const frames = readFixture('speech-cbr.mp3').subarray(49);
      const tagSize = 300 * 1024;
      const syncsafe = [
        (tagSize >> 21) & 0x7f,
        (tagSize >> 14) & 0x7f,
        (tagSize >> 7) & 0x7f,
        tagSize & 0x7f,
      ];
      const blob = new CountingBlob([concatBytes('ID3', [4, 0, 0], syncsafe), zeros(tagSize), frames]);
      const probe = await probeDuration(blob);
      expect(probe).toMatchObject({ container: audioContainers.mp3, method: 'cbr-estimate' });
      expect(probe.durationInSeconds).toBeCloseTo((frames.length * 8) / 32000, 9);
      expect(blob.bytesRead).toBeLessThan(tagSize);
    });
  });

  describe('FLAC', () => {
    it('reads total samples / sample rate from STREAMINFO', async () => {
      expect(await probeDuration(readFixture('speech.flac'))).toEqual({
        container: audioContainers.flac,
        durationInSeconds: 55016 / 16000,
        method: 'header',
      });
    });

    it('is unknown when STREAMINFO has no total', async () => {
      const bytes = readFixture('speech.flac');
      bytes[21] = (bytes[21] ?? 0) & 0xf0; // 4 high bits of the 36-bit total
      bytes.fill(0, 22, 26);
      expect(await probeDuration(bytes)).toEqual({ container: audioContainers.flac });
    });
  });

  describe('Ogg', () => {
    it('subtracts the Opus pre-skip and counts at 48 kHz', async () => {
      const bytes = readFixture('speech.opus');
      const preSkip = new DataView(bytes.buffer).getUint16(28 + 10, true);
      expect(preSkip).toBe(312);
      // The source WAV holds 55,016 samples at 16 kHz: exactly what the Opus stream decodes to.
      expect((await probeDuration(bytes)).durationInSeconds).toBeCloseTo(55016 / 16000, 9);
    });

    it('uses the Vorbis identification header rate', async () => {
      expect((await probeDuration(readFixture('speech.ogg'))).durationInSeconds).toBeCloseTo(
        55016 / 16000,
        9,
      );
    });

    it('falls back to the last complete page of a file cut short', async () => {
      const bytes = readFixture('long.opus');
      const probe = await probeDuration(bytes.subarray(0, bytes.length - 1000));
      expect(probe.method).toBe('granule');
      expect(probe.durationInSeconds).toBeGreaterThan(5);
      expect(probe.durationInSeconds).toBeLessThan(ffprobeDurations['long.opus'] ?? 0);
    });
  });

  describe('MP4', () => {
    it('finds moov after mdat', async () => {
      const bytes = readFixture('speech.m4a');
      const types = topLevelBoxes(bytes).map(({ type }) => type);
      expect(types.indexOf('moov')).toBeGreaterThan(types.indexOf('mdat'));
      expect((await probeDuration(bytes)).durationInSeconds).toBe(3.439);
    });

    it('reads a version 1 mvhd', async () => {
      const mvhd = box('mvhd', [1, 0, 0, 0], u64be(0), u64be(0), u32be(48000), u64be(48000 * 90), zeros(80));
      const file = concatBytes(box('ftyp', 'M4A ', u32be(0), 'isom'), box('moov', mvhd));
      expect(await probeDuration(file)).toEqual({
        container: audioContainers.mp4,
        durationInSeconds: 90,
        method: 'header',
      });
    });

    it('reads the fragment duration of a fragmented file', async () => {
      const mvhd = box('mvhd', [0, 0, 0, 0], u32be(0), u32be(0), u32be(1000), u32be(0), zeros(80));
      const mvex = box('mvex', box('mehd', [0, 0, 0, 0], u32be(12_500)));
      const file = concatBytes(box('ftyp', 'iso6', u32be(0)), box('moov', mvhd, box('trak'), mvex));
      expect((await probeDuration(file)).durationInSeconds).toBe(12.5);
    });

    it('walks a 64-bit box size', async () => {
      const moov = topLevelBoxes(readFixture('speech.m4a')).find(({ type }) => type === 'moov');
      const bytes = readFixture('speech.m4a');
      const moovBytes = bytes.subarray(moov?.offset, (moov?.offset ?? 0) + (moov?.size ?? 0));
      const file = concatBytes(
        box('ftyp', 'M4A ', u32be(0)),
        u32be(1),
        'mdat',
        u64be(16 + 1000),
        zeros(1000),
        moovBytes,
      );
      expect((await probeDuration(file)).durationInSeconds).toBe(3.439);
    });

    it('is unknown, without hanging, on a zero-size or undersized box', async () => {
      const ftyp = box('ftyp', 'M4A ', u32be(0));
      expect(await probeDuration(concatBytes(ftyp, u32be(0), 'mdat', zeros(100)))).toEqual({
        container: audioContainers.mp4,
      });
      expect(await probeDuration(concatBytes(ftyp, u32be(4), 'free', zeros(100)))).toEqual({
        container: audioContainers.mp4,
      });
    });
  });

  describe('WebM/Matroska', () => {
    const ebmlHeader = concatBytes([0x1a, 0x45, 0xdf, 0xa3, 0x87], [0x42, 0x82, 0x84], 'webm');
    const unknownSize = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    function element(id: number[], ...payload: (string | number[] | Uint8Array)[]): Uint8Array<ArrayBuffer> {
      const body = concatBytes(...payload);
      return concatBytes(id, [0x01, 0, 0, 0], u32be(body.length), body);
    }
    const segment = [0x18, 0x53, 0x80, 0x67];
    const info = [0x15, 0x49, 0xa9, 0x66];
    const timestampScale = [0x2a, 0xd7, 0xb1];
    const duration = [0x44, 0x89];
    const cluster = [0x1f, 0x43, 0xb6, 0x75];
    function float64(value: number): Uint8Array<ArrayBuffer> {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setFloat64(0, value);
      return bytes;
    }

    it('reads Duration × TimestampScale from Segment Info', async () => {
      const file = concatBytes(
        ebmlHeader,
        element(
          segment,
          element(info, element(timestampScale, u32be(1_000_000_000)), element(duration, float64(2.5))),
        ),
      );
      expect(await probeDuration(file)).toEqual({
        container: audioContainers.webm,
        durationInSeconds: 2.5,
        method: 'header',
      });
    });

    it('is unknown when Info has no Duration, as MediaRecorder writes it', async () => {
      const file = concatBytes(
        ebmlHeader,
        segment,
        unknownSize,
        element(info, element(timestampScale, u32be(1_000_000))),
        cluster,
        unknownSize,
        zeros(100),
      );
      expect(await probeDuration(file)).toEqual({ container: audioContainers.webm });
    });

    it('follows the SeekHead to an Info after the clusters', async () => {
      const clusterElement = element(cluster, zeros(1000));
      const seekHeadLength = element(
        [0x11, 0x4d, 0x9b, 0x74],
        element([0x4d, 0xbb], element([0x53, 0xab], info), element([0x53, 0xac], u32be(0))),
      ).length;
      const seekHead = element(
        [0x11, 0x4d, 0x9b, 0x74],
        element(
          [0x4d, 0xbb],
          element([0x53, 0xab], info),
          element([0x53, 0xac], u32be(seekHeadLength + clusterElement.length)),
        ),
      );
      const file = concatBytes(
        ebmlHeader,
        element(segment, seekHead, clusterElement, element(info, element(duration, float64(12_345)))),
      );
      expect((await probeDuration(file)).durationInSeconds).toBeCloseTo(12.345, 9);
    });
  });

  describe('reading a large Blob', () => {
    // Each file is at least 20 MiB; the probe may read its head, its tail and a few headers.
    const budget = 400 * 1024;

    it('reads only the head of a WAV', async () => {
      const size = 20 * MiB;
      const blob = largeBlob(wavFile({ sampleRate: 16000, channels: 1 }, 'data', u32le(size)), {
        zeros: size,
      });
      expect((await probeDuration(blob)).durationInSeconds).toBe(size / 32000);
      expect(blob.bytesRead).toBeLessThan(budget);
    });

    it('reads only the head and tail of an Ogg file', async () => {
      const bytes = readFixture('long.opus');
      const blob = largeBlob(bytes, { zeros: 20 * MiB }, bytes);
      expectWithin((await probeDuration(blob)).durationInSeconds, ffprobeDurations['long.opus'] ?? 0);
      expect(blob.bytesRead).toBeLessThan(budget);
    });

    it('reads only the box headers of an MP4 whose moov follows a large mdat', async () => {
      const bytes = readFixture('speech.m4a');
      const boxes = topLevelBoxes(bytes);
      const parts = boxes.map(({ type, offset, size }) =>
        type === 'mdat'
          ? concatBytes(u32be(size + 20 * MiB), 'mdat', bytes.subarray(offset + 8, offset + size))
          : bytes.subarray(offset, offset + size),
      );
      const mdatIndex = boxes.findIndex(({ type }) => type === 'mdat');
      const blob = largeBlob(
        ...parts.slice(0, mdatIndex + 1),
        { zeros: 20 * MiB },
        ...parts.slice(mdatIndex + 1),
      );
      expect((await probeDuration(blob)).durationInSeconds).toBe(3.439);
      expect(blob.bytesRead).toBeLessThan(budget);
    });

    it('estimates a large CBR MP3 from its first frames', async () => {
      const bytes = readFixture('long-cbr.mp3');
      const frames = bytes.subarray(49);
      const repeats = 700;
      const blob = new CountingBlob([
        bytes.subarray(0, 49),
        ...Array.from({ length: repeats }, () => frames),
      ]);
      expect(blob.size).toBeGreaterThan(20 * MiB);
      const probe = await probeDuration(blob);
      expect(probe.method).toBe('cbr-estimate');
      expectWithin(probe.durationInSeconds, (ffprobeDurations['long-cbr.mp3'] ?? 0) * repeats);
      expect(blob.bytesRead).toBeLessThan(budget);
    });

    it('reads only the head of a VBR MP3, FLAC and WebM', async () => {
      for (const name of ['speech-vbr.mp3', 'speech.flac', 'speech.webm']) {
        const blob = largeBlob(readFixture(name), { zeros: 20 * MiB });
        expectWithin((await probeDuration(blob)).durationInSeconds, ffprobeDurations[name] ?? 0);
        expect(blob.bytesRead).toBeLessThan(budget);
      }
    });

    it('estimates a large ADTS stream from its first 64 KiB', async () => {
      // Over 1 MiB, counting every frame would read the whole file; the average frame size of the
      // first 64 KiB is used instead. The repeated fixture makes that average representative.
      const bytes = readFixture('speech.aac');
      const repeats = 400;
      const blob = new CountingBlob(Array.from({ length: repeats }, () => bytes));
      const probe = await probeDuration(blob);
      expect(probe.method).toBe('average-bitrate-estimate');
      expectWithin(probe.durationInSeconds, (adtsFrameDurations['speech.aac'] ?? 0) * repeats);
      expect(blob.bytesRead).toBeLessThan(budget);
    });
  });

  describe('failure', () => {
    it('returns nothing for unrecognized or empty input', async () => {
      expect(await probeDuration(new Uint8Array(0))).toEqual({});
      expect(await probeDuration(new Blob([]))).toEqual({});
      expect(await probeDuration(concatBytes('%PDF-1.7', zeros(100)))).toEqual({});
    });

    it('rejects with the reason of an aborted signal', async () => {
      const reason = new Error('stop');
      await expect(
        probeDuration(readFixture('speech.wav'), { signal: AbortSignal.abort(reason) }),
      ).rejects.toBe(reason);
    });

    it('rejects when aborted while reading', async () => {
      const controller = new AbortController();
      const blob = new CountingBlob([readFixture('long.opus')]);
      const slice = blob.slice.bind(blob);
      blob.slice = (...args) => {
        controller.abort(new Error('stop'));
        return slice(...args);
      };
      await expect(probeDuration(blob, { signal: controller.signal })).rejects.toThrow('stop');
    });

    it('rejects when the Blob cannot be read', async () => {
      const failure = new Error('NotReadableError');
      const unreadable = {
        size: 1000,
        type: '',
        slice: () => ({ arrayBuffer: () => Promise.reject(failure) }),
        arrayBuffer: () => Promise.reject(failure),
      } as unknown as Blob;
      await expect(probeDuration(unreadable)).rejects.toBe(failure);
    });

    it('rejects what is not bytes with an InvalidArgumentError', async () => {
      for (const value of [null, 'https://example.com/a.mp3', 12, {}]) {
        const error: unknown = await probeDuration(value as unknown as Blob).catch(
          (reason: unknown) => reason,
        );
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as InvalidArgumentError).argument).toBe('audio');
      }
    });

    it('keeps the container when the duration is unknown', async () => {
      const bytes = readFixture('speech.m4a');
      const moov = topLevelBoxes(bytes).find(({ type }) => type === 'moov');
      expect(await probeDuration(bytes.subarray(0, moov?.offset))).toEqual({
        container: audioContainers.mp4,
      });
    });
  });
});
