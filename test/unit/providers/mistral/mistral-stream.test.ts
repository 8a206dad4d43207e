import { describe, expect, it } from 'vitest';
import { ApiCallError, ResponseValidationError } from '../../../../src/core/index.js';
import { readMistralTranscriptionStream } from '../../../../src/core/providers/mistral/mistral-stream.js';
import type { MistralTranscriptionStreamEvent } from '../../../../src/core/providers/mistral/index.js';

const context = {
  operation: 'POST https://api.mistral.ai/v1/audio/transcriptions',
  url: 'https://api.mistral.ai/v1/audio/transcriptions',
};
const done = {
  model: 'voxtral-mini-transcribe-3-0',
  text: 'Hi there',
  language: null,
  usage: { prompt_audio_seconds: 1 },
};
const wire = [
  'event: transcription.language\ndata: {"type":"transcription.language","audio_language":"en"}\n\n',
  'event: transcription.text.delta\ndata: {"type":"transcription.text.delta","text":"Hi"}\n\n',
  ': a comment line\n\n',
  'event: transcription.text.delta\r\ndata: {"type":"transcription.text.delta","text":" there"}\r\n\r\n',
  'event: transcription.segment\ndata: {"type":"transcription.segment","text":"Hi there","start":0,"end":0.8,"speaker_id":"speaker_1"}\n\n',
  'event: transcription.something.new\ndata: {"type":"transcription.something.new"}\n\n',
  `event: transcription.done\ndata: ${JSON.stringify({ ...done, type: 'transcription.done' })}\n\n`,
].join('');

/** A body that delivers `text` in chunks of `size` bytes. */
function body(text: string, size = text.length): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function collect(stream: AsyncIterable<MistralTranscriptionStreamEvent>) {
  const events: MistralTranscriptionStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('readMistralTranscriptionStream', () => {
  it('parses language, deltas, segments and done, skipping comments and unknown events', async () => {
    const events = await collect(readMistralTranscriptionStream(body(wire), context));
    expect(events.map((event) => event.type)).toEqual([
      'transcription.language',
      'transcription.text.delta',
      'transcription.text.delta',
      'transcription.segment',
      'transcription.done',
    ]);
    expect(events[0]).toEqual({ type: 'transcription.language', audioLanguage: 'en' });
    expect(events[3]).toEqual({
      type: 'transcription.segment',
      text: 'Hi there',
      start: 0,
      end: 0.8,
      speakerId: 'speaker_1',
    });
    expect(events[4]).toMatchObject({
      type: 'transcription.done',
      transcription: { text: 'Hi there', language: undefined },
    });
  });

  it('joins events split across chunks, down to one byte at a time', async () => {
    for (const size of [1, 3, 17]) {
      const events = await collect(readMistralTranscriptionStream(body(wire, size), context));
      expect(events).toHaveLength(5);
      expect(events[1]).toEqual({ type: 'transcription.text.delta', text: 'Hi' });
    }
  });

  it('ends at transcription.done without reading further, and cancels the body', async () => {
    let cancelled = false;
    const bytes = new TextEncoder().encode(
      wire + 'event: transcription.text.delta\ndata: {"text":"late"}\n\n',
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
      },
      cancel() {
        cancelled = true;
      },
    });
    const events = await collect(readMistralTranscriptionStream(stream, context));
    expect(events.at(-1)?.type).toBe('transcription.done');
    expect(cancelled).toBe(true);
  });

  it('takes the type from the data when the event line is missing, and ends at a [DONE] sentinel', async () => {
    const events = await collect(
      readMistralTranscriptionStream(
        body('data: {"type":"transcription.text.delta","text":"x"}\n\ndata: [DONE]\n\n'),
        context,
      ),
    );
    expect(events).toEqual([{ type: 'transcription.text.delta', text: 'x' }]);
  });

  it('rejects a stream that ends before transcription.done', async () => {
    const error = await collect(
      readMistralTranscriptionStream(
        body('event: transcription.text.delta\ndata: {"text":"x"}\n\n'),
        context,
      ),
    ).catch((caught: unknown) => caught);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('ended before transcription.done');
  });

  it('rejects an event whose payload does not match its type', async () => {
    const error = await collect(
      readMistralTranscriptionStream(body('event: transcription.segment\ndata: {"text":1}\n\n'), context),
    ).catch((caught: unknown) => caught);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
  });

  it('turns an error event into an ApiCallError', async () => {
    const error = await collect(
      readMistralTranscriptionStream(
        body('event: error\ndata: {"type":"error","error":{"message":"overloaded","code":503}}\n\n'),
        context,
      ),
    ).catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, code: '503', providerMessage: 'overloaded' });
  });

  it('stops with the abort reason when aborted mid-stream', async () => {
    const controller = new AbortController();
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('event: transcription.text.delta\ndata: {"text":"a"}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of readMistralTranscriptionStream(endless, {
        ...context,
        signal: controller.signal,
      })) {
        seen.push(event.type);
        setTimeout(() => controller.abort(new DOMException('stop', 'AbortError')), 5);
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['transcription.text.delta']);
    expect((error as Error).name).toBe('AbortError');
    expect(cancelled).toBe(true);
  });
});
