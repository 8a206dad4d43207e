import { describe, expect, it } from 'vitest';
import { audioContainers, sniffContainer, type AudioFormat } from '../../../src/core/audio/index.js';
import { concatBytes, readFixture, u32be } from './audio-fixtures.js';

const expected: [string, AudioFormat, string, string][] = [
  ['speech.wav', 'wav', 'audio/wav', 'wav'],
  ['hebrew.wav', 'wav', 'audio/wav', 'wav'],
  ['speech-extensible.wav', 'wav', 'audio/wav', 'wav'],
  ['speech-cbr.mp3', 'mp3', 'audio/mpeg', 'mp3'],
  ['speech-vbr.mp3', 'mp3', 'audio/mpeg', 'mp3'],
  ['long-cbr.mp3', 'mp3', 'audio/mpeg', 'mp3'],
  ['speech.flac', 'flac', 'audio/flac', 'flac'],
  ['speech.opus', 'opus', 'audio/ogg', 'opus'],
  ['long.opus', 'opus', 'audio/ogg', 'opus'],
  ['speech.ogg', 'ogg', 'audio/ogg', 'ogg'],
  ['speech.webm', 'webm', 'audio/webm', 'webm'],
  ['speech.m4a', 'mp4', 'audio/mp4', 'm4a'],
  ['speech.aac', 'aac', 'audio/aac', 'aac'],
];

describe('sniffContainer', () => {
  it.each(expected)('recognizes %s as %s', (name, format, mimeType, extension) => {
    expect(sniffContainer(readFixture(name).subarray(0, 4096))).toEqual({ format, mimeType, extension });
  });

  it('needs only the first bytes of the container formats with a magic number', () => {
    for (const name of [
      'speech.wav',
      'speech.flac',
      'speech.opus',
      'speech.ogg',
      'speech.webm',
      'speech.m4a',
    ]) {
      expect(sniffContainer(readFixture(name).subarray(0, 64))).toBeDefined();
    }
  });

  it('tells Matroska from WebM by the EBML DocType', () => {
    expect(sniffContainer(readFixture('speech.webm').subarray(0, 64))).toBe(audioContainers.webm);
    // An EBML header whose DocType is "matroska", then the start of an unknown-size Segment.
    const header = concatBytes(
      [0x1a, 0x45, 0xdf, 0xa3, 0x80 | 11],
      [0x42, 0x82, 0x80 | 8],
      'matroska',
      [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    );
    expect(sniffContainer(header)).toBe(audioContainers.matroska);
  });

  it('skips an ID3v2 tag to find an MP3 frame, or FLAC or ADTS behind it', () => {
    const tag = concatBytes('ID3', [4, 0, 0], [0, 0, 0, 10], new Uint8Array(10));
    expect(sniffContainer(concatBytes(tag, readFixture('speech-cbr.mp3').subarray(49, 4096)))).toBe(
      audioContainers.mp3,
    );
    expect(sniffContainer(concatBytes(tag, readFixture('speech.flac').subarray(0, 4096)))).toBe(
      audioContainers.flac,
    );
    expect(sniffContainer(concatBytes(tag, readFixture('speech.aac').subarray(0, 4096)))).toBe(
      audioContainers.aac,
    );
  });

  it('assumes MP3 when an ID3v2 tag runs past the bytes given', () => {
    const tag = concatBytes('ID3', [3, 0, 0], [0, 0x10, 0, 0]);
    expect(sniffContainer(tag)).toBe(audioContainers.mp3);
  });

  it('recognizes an MP4 that starts with moov rather than ftyp', () => {
    expect(sniffContainer(concatBytes(u32be(8), 'moov'))).toBe(audioContainers.mp4);
  });

  it('recognizes RF64 as WAV', () => {
    expect(sniffContainer(concatBytes('RF64', [0xff, 0xff, 0xff, 0xff], 'WAVE'))).toBe(audioContainers.wav);
  });

  it('returns undefined for empty, short and unknown input', () => {
    expect(sniffContainer(new Uint8Array(0))).toBeUndefined();
    expect(sniffContainer(concatBytes('RIF'))).toBeUndefined();
    expect(sniffContainer(concatBytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBeUndefined();
    expect(sniffContainer(concatBytes('%PDF-1.7\n'))).toBeUndefined();
    expect(sniffContainer(concatBytes('<!doctype html>'))).toBeUndefined();
    expect(sniffContainer(new Uint8Array(4096))).toBeUndefined();
  });

  it('rejects a lone MPEG sync pattern whose next frame is not there', () => {
    // A valid MPEG-1 Layer III header at 0, then garbage where its second frame should start.
    const bytes = concatBytes([0xff, 0xfb, 0x90, 0x64], new Uint8Array(600).fill(0x55));
    expect(sniffContainer(bytes)).toBeUndefined();
  });
});
