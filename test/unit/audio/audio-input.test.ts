import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { audioContainers, normalizeAudioInput, type AudioInput } from '../../../src/core/audio/index.js';
import { readFixture } from './audio-fixtures.js';

function streamOf(chunks: unknown[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as Uint8Array);
      controller.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function rejection(promise: Promise<unknown>): Promise<InvalidArgumentError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(InvalidArgumentError.isInstance(error)).toBe(true);
  return error as InvalidArgumentError;
}

describe('normalizeAudioInput', () => {
  it('keeps a File with its name and type', async () => {
    const file = new File([readFixture('speech.wav')], 'meeting.wav', { type: 'audio/wav' });
    const input = await normalizeAudioInput(file);
    expect(input).toMatchObject({
      kind: 'blob',
      blob: file,
      filename: 'meeting.wav',
      mimeType: 'audio/wav',
      size: file.size,
      container: audioContainers.wav,
    });
  });

  it('types an untyped Blob from its sniffed container and names it after the extension', async () => {
    const bytes = readFixture('speech.opus');
    const input = await normalizeAudioInput(new Blob([bytes]));
    expect(input).toMatchObject({
      kind: 'blob',
      filename: 'audio.opus',
      mimeType: 'audio/ogg',
      size: bytes.length,
    });
    if (input.kind !== 'blob') throw new Error('expected a blob');
    expect(input.blob.type).toBe('audio/ogg');
    expect(new Uint8Array(await input.blob.arrayBuffer())).toEqual(bytes);
  });

  it('turns an ArrayBuffer into a Blob', async () => {
    const bytes = readFixture('speech.flac');
    const input = await normalizeAudioInput(bytes.buffer);
    expect(input).toMatchObject({
      kind: 'blob',
      filename: 'audio.flac',
      mimeType: 'audio/flac',
      size: bytes.length,
    });
  });

  it('turns a Uint8Array view into a Blob of exactly its bytes', async () => {
    const bytes = readFixture('speech-vbr.mp3');
    const view = bytes.subarray(0, 5000);
    const input = await normalizeAudioInput(view, { filename: 'clip.mp3' });
    expect(input).toMatchObject({ kind: 'blob', filename: 'clip.mp3', mimeType: 'audio/mpeg', size: 5000 });
    if (input.kind !== 'blob') throw new Error('expected a blob');
    expect(new Uint8Array(await input.blob.arrayBuffer())).toEqual(view);
  });

  it('lets options override the name and type', async () => {
    const file = new File([readFixture('speech.wav')], 'a.wav', { type: 'audio/wav' });
    const input = await normalizeAudioInput(file, { filename: 'b.wav', mimeType: 'audio/x-wav' });
    expect(input).toMatchObject({ filename: 'b.wav', mimeType: 'audio/x-wav' });
  });

  it('falls back to application/octet-stream and "audio" for unknown bytes', async () => {
    const input = await normalizeAudioInput(new Uint8Array([1, 2, 3]));
    expect(input).toEqual(
      expect.objectContaining({ filename: 'audio', mimeType: 'application/octet-stream' }),
    );
    expect(input).not.toHaveProperty('container');
  });

  it('sniffs a stream and replays every byte', async () => {
    const bytes = readFixture('speech.webm');
    const chunks = [
      bytes.subarray(0, 10),
      bytes.subarray(10, 3000),
      bytes.subarray(3000, 7000),
      bytes.subarray(7000),
    ];
    const input = await normalizeAudioInput(streamOf(chunks), { size: bytes.length });
    expect(input).toMatchObject({
      kind: 'stream',
      filename: 'audio.webm',
      mimeType: 'audio/webm',
      size: bytes.length,
      container: audioContainers.webm,
    });
    if (input.kind !== 'stream') throw new Error('expected a stream');
    expect(await readAll(input.stream)).toEqual(bytes);
  });

  it('replays a stream shorter than the sniffed head', async () => {
    const bytes = readFixture('speech.aac').subarray(0, 1000);
    const input = await normalizeAudioInput(streamOf([bytes]));
    if (input.kind !== 'stream') throw new Error('expected a stream');
    expect(input.mimeType).toBe('audio/aac');
    expect(input).not.toHaveProperty('size');
    expect(await readAll(input.stream)).toEqual(bytes);
  });

  it('cancels the source when the returned stream is cancelled', async () => {
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(1024)),
      cancel: (reason) => {
        cancelled = reason;
      },
    });
    const input = await normalizeAudioInput(source);
    if (input.kind !== 'stream') throw new Error('expected a stream');
    await input.stream.cancel('done');
    expect(cancelled).toBe('done');
  });

  it('passes an http(s) URL through without fetching it', async () => {
    expect(await normalizeAudioInput('https://example.com/a.mp3')).toEqual({
      kind: 'url',
      url: new URL('https://example.com/a.mp3'),
    });
    const url = new URL('http://127.0.0.1:8787/audio.wav?x=1');
    expect(await normalizeAudioInput(url)).toEqual({ kind: 'url', url });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a plain object', { size: 3 }],
    ['an array', [1, 2, 3]],
    ['an Int16Array', new Int16Array(4)],
  ])('rejects %s naming the audio argument', async (_, value) => {
    const error = await rejection(normalizeAudioInput(value as AudioInput));
    expect(error.argument).toBe('audio');
    expect(error.message).toMatch(
      /expected a File, Blob, ArrayBuffer, Uint8Array, ReadableStream or an http\(s\) URL/,
    );
  });

  it.each([
    ['an empty Blob', new Blob([])],
    ['an empty ArrayBuffer', new ArrayBuffer(0)],
    ['an empty Uint8Array', new Uint8Array(0)],
  ])('rejects %s as empty', async (_, value) => {
    const error = await rejection(normalizeAudioInput(value));
    expect(error.argument).toBe('audio');
    expect(error.message).toContain('empty');
  });

  it('rejects an empty stream', async () => {
    const error = await rejection(normalizeAudioInput(streamOf([])));
    expect(error.message).toContain('stream is empty');
  });

  it('rejects a locked stream', async () => {
    const stream = streamOf([new Uint8Array(10)]);
    stream.getReader();
    expect((await rejection(normalizeAudioInput(stream))).message).toContain('locked');
  });

  it('rejects a stream of strings and cancels it', async () => {
    let cancelled = false;
    const stream = new ReadableStream({
      start: (controller) => controller.enqueue('not bytes'),
      cancel: () => {
        cancelled = true;
      },
    }) as unknown as ReadableStream<Uint8Array>;
    expect((await rejection(normalizeAudioInput(stream))).message).toContain('Uint8Array chunks');
    expect(cancelled).toBe(true);
  });

  it.each(['speech.mp3', '/audio/speech.mp3', '', 'example.com/a.mp3'])(
    'rejects the non-URL string %j',
    async (value) => {
      const error = await rejection(normalizeAudioInput(value));
      expect(error.argument).toBe('audio');
      expect(error.value).toBe(value);
      expect(error.message).toContain('absolute http(s) URL');
    },
  );

  it.each([
    'ftp://example.com/a.mp3',
    'data:audio/wav;base64,AAAA',
    'blob:https://example.com/1',
    'file:///a.wav',
  ])('rejects the non-http URL %s', async (value) => {
    expect((await rejection(normalizeAudioInput(value))).message).toMatch(/must use http or https/);
  });

  it('rejects invalid options naming them', async () => {
    const bytes = readFixture('speech.wav');
    expect((await rejection(normalizeAudioInput(bytes, { filename: ' ' }))).argument).toBe('filename');
    expect((await rejection(normalizeAudioInput(bytes, { mimeType: 'wav' }))).argument).toBe('mimeType');
    expect((await rejection(normalizeAudioInput(bytes, { size: -1 }))).argument).toBe('size');
  });
});
