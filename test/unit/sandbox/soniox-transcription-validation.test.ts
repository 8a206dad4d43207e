import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';

const auth = { Authorization: 'Bearer test-key' };
const URL_PATTERN_MESSAGE = "String should match pattern '^https?://[^\\s]+$'";
const audio = { model: 'stt-async-v5', audio_url: 'https://example.com/a.wav' };

interface ValidationError {
  error_type: string;
  location: string;
  message: string;
}

async function post(body: unknown, raw = false) {
  const response = await createSandbox().fetch(
    new Request('https://api.soniox.com/v1/transcriptions', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: raw ? (body as string) : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Posts `body`, expects 400 invalid_request and returns its validation errors. */
async function errorsOf(body: unknown, raw = false): Promise<ValidationError[]> {
  const answer = await post(body, raw);
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body).toMatchObject({
    status_code: 400,
    error_type: 'invalid_request',
    message: 'Invalid request.',
  });
  return answer.body['validation_errors'] as ValidationError[];
}

describe('Soniox CreateTranscriptionPayload validation', () => {
  test('the body must be a JSON object', async () => {
    expect(await errorsOf('{not json', true)).toEqual([
      { error_type: 'json_invalid', location: 'body', message: 'JSON decode error' },
    ]);
    expect(await errorsOf('', true)).toEqual([
      { error_type: 'missing', location: 'body.payload', message: 'Field required' },
    ]);
    expect(await errorsOf([audio])).toEqual([
      {
        error_type: 'model_attributes_type',
        location: 'body.payload',
        message: 'Input should be a valid dictionary or object to extract fields from',
      },
    ]);
  });

  test.each([
    [{ audio_url: audio.audio_url }, 'missing', 'Field required'],
    [{ ...audio, model: null }, 'string_type', 'Input should be a valid string'],
    [{ ...audio, model: 5 }, 'string_type', 'Input should be a valid string'],
    [{ ...audio, model: 'm'.repeat(33) }, 'string_too_long', 'String should have at most 32 characters'],
    [{ ...audio, model: 'stt-async-v9' }, 'value_error', 'Invalid model'],
    [{ ...audio, model: 'stt-rt-v5' }, 'value_error', 'Invalid model'],
  ])('model: %j → %s at body.payload.model', async (body, errorType, message) => {
    expect(await errorsOf(body)).toEqual([
      { error_type: errorType, location: 'body.payload.model', message },
    ]);
  });

  test('audio_url: pattern and 4096 characters', async () => {
    for (const url of ['ftp://example.com/a.wav', 'https://exa mple.com/a.wav', 'example.com/a.wav']) {
      expect(await errorsOf({ ...audio, audio_url: url })).toEqual([
        {
          error_type: 'string_pattern_mismatch',
          location: 'body.payload.audio_url',
          message: URL_PATTERN_MESSAGE,
        },
      ]);
    }
    const long = `https://example.com/${'a'.repeat(4097 - 'https://example.com/'.length)}`;
    expect(await errorsOf({ ...audio, audio_url: long })).toEqual([
      {
        error_type: 'string_too_long',
        location: 'body.payload.audio_url',
        message: 'String should have at most 4096 characters',
      },
    ]);
    expect((await post({ ...audio, audio_url: long.slice(0, 4096) })).status).toBe(201);
  });

  test('file_id must be a UUID', async () => {
    const [error] = await errorsOf({ model: 'stt-async-v5', file_id: 'abc' });
    expect(error).toMatchObject({ error_type: 'uuid_parsing', location: 'body.payload.file_id' });
    expect(error?.message).toMatch(/^Input should be a valid UUID, /);
    expect(await errorsOf({ model: 'stt-async-v5', file_id: 7 })).toEqual([
      {
        error_type: 'uuid_type',
        location: 'body.payload.file_id',
        message: 'UUID input should be a string, bytes or UUID object',
      },
    ]);
  });

  test('exactly one of audio_url and file_id', async () => {
    const neither = await errorsOf({ model: 'stt-async-v5' });
    expect(neither).toEqual([
      { error_type: 'value_error', location: 'body.payload', message: expect.any(String) },
    ]);
    const both = await errorsOf({ ...audio, file_id: '00000000-0000-4000-8000-000000000000' });
    expect(both).toEqual([
      { error_type: 'value_error', location: 'body.payload', message: expect.any(String) },
    ]);
    expect(both[0]?.message).not.toBe(neither[0]?.message);
  });

  test('field errors come first: the joined rules run only once every field is valid', async () => {
    expect(await errorsOf({ model: 'nope', client_reference_id: 'x'.repeat(300) })).toEqual([
      { error_type: 'value_error', location: 'body.payload.model', message: 'Invalid model' },
      {
        error_type: 'string_too_long',
        location: 'body.payload.client_reference_id',
        message: 'String should have at most 256 characters',
      },
    ]);
  });

  test('language_hints: a list of at most 100 codes of at most 10 characters', async () => {
    expect(await errorsOf({ ...audio, language_hints: 'en' })).toEqual([
      {
        error_type: 'list_type',
        location: 'body.payload.language_hints',
        message: 'Input should be a valid list',
      },
    ]);
    expect(await errorsOf({ ...audio, language_hints: Array.from({ length: 101 }, () => 'en') })).toEqual([
      {
        error_type: 'too_long',
        location: 'body.payload.language_hints',
        message: 'List should have at most 100 items after validation, not 101',
      },
    ]);
    expect(await errorsOf({ ...audio, language_hints: ['en', 'de', 'x'.repeat(11), 3] })).toEqual([
      {
        error_type: 'string_too_long',
        location: 'body.payload.language_hints.2',
        message: 'String should have at most 10 characters',
      },
      {
        error_type: 'string_type',
        location: 'body.payload.language_hints.3',
        message: 'Input should be a valid string',
      },
    ]);
    expect((await post({ ...audio, language_hints: Array.from({ length: 100 }, () => 'en') })).status).toBe(
      201,
    );
  });

  test('booleans in pydantic lax mode', async () => {
    for (const value of [true, false, 0, 1, 'yes', 'off', 'TRUE', null]) {
      expect((await post({ ...audio, enable_speaker_diarization: value })).status).toBe(201);
    }
    expect(
      await errorsOf({ ...audio, enable_language_identification: 'maybe', language_hints_strict: [] }),
    ).toEqual([
      {
        error_type: 'bool_type',
        location: 'body.payload.language_hints_strict',
        message: 'Input should be a valid boolean',
      },
      {
        error_type: 'bool_parsing',
        location: 'body.payload.enable_language_identification',
        message: 'Input should be a valid boolean, unable to interpret input',
      },
    ]);
    const { body } = await post({ ...audio, enable_speaker_diarization: 'yes' });
    expect(body['enable_speaker_diarization']).toBe(true);
  });

  test('translation: one_way needs target_language, two_way both languages', async () => {
    expect(await errorsOf({ ...audio, translation: 'fr' })).toEqual([
      {
        error_type: 'model_type',
        location: 'body.payload.translation',
        message: 'Input should be a valid dictionary or instance of TranslationConfig',
      },
    ]);
    expect(await errorsOf({ ...audio, translation: {} })).toEqual([
      { error_type: 'missing', location: 'body.payload.translation.type', message: 'Field required' },
    ]);
    expect(await errorsOf({ ...audio, translation: { type: 'three_way' } })).toEqual([
      {
        error_type: 'enum',
        location: 'body.payload.translation.type',
        message: "Input should be 'one_way' or 'two_way'",
      },
    ]);
    for (const translation of [{ type: 'one_way' }, { type: 'two_way', language_a: 'en' }]) {
      expect(await errorsOf({ ...audio, translation })).toEqual([
        { error_type: 'value_error', location: 'body.payload.translation', message: expect.any(String) },
      ]);
    }
    expect(await errorsOf({ ...audio, translation: { type: 'one_way', target_language: 'french' } })).toEqual(
      [
        {
          error_type: 'value_error',
          location: 'body.payload.translation.target_language',
          message: 'Unsupported language: french',
        },
      ],
    );
    expect(await errorsOf({ ...audio, translation: { type: 'one_way', target_language: 5 } })).toEqual([
      {
        error_type: 'string_type',
        location: 'body.payload.translation.target_language',
        message: 'Input should be a valid string',
      },
    ]);
    expect(
      (await post({ ...audio, translation: { type: 'two_way', language_a: 'en', language_b: 'he' } })).status,
    ).toBe(201);
  });

  test('context: a string or a structured object, about 10,000 characters at most', async () => {
    expect((await post({ ...audio, context: 'Cardiology notes.' })).status).toBe(201);
    const structured = {
      general: [{ key: 'domain', value: 'medicine' }],
      text: 'Notes',
      terms: ['stent'],
      translation_terms: [{ source: 'stent', target: 'Stent' }],
    };
    expect((await post({ ...audio, context: structured })).body['context']).toEqual(structured);

    expect(await errorsOf({ ...audio, context: 42 })).toEqual([
      {
        error_type: 'model_type',
        location: 'body.payload.context.StructuredContext',
        message: 'Input should be a valid dictionary or instance of StructuredContext',
      },
      {
        error_type: 'string_type',
        location: 'body.payload.context.str',
        message: 'Input should be a valid string',
      },
    ]);
    expect(await errorsOf({ ...audio, context: { terms: 'stent', general: [{ key: 'domain' }] } })).toEqual([
      {
        error_type: 'missing',
        location: 'body.payload.context.StructuredContext.general.0.value',
        message: 'Field required',
      },
      {
        error_type: 'list_type',
        location: 'body.payload.context.StructuredContext.terms',
        message: 'Input should be a valid list',
      },
      {
        error_type: 'string_type',
        location: 'body.payload.context.str',
        message: 'Input should be a valid string',
      },
    ]);
    for (const context of ['x'.repeat(10_001), { text: 'x'.repeat(6000), terms: ['y'.repeat(4001)] }]) {
      expect(await errorsOf({ ...audio, context })).toEqual([
        {
          error_type: 'value_error',
          location: 'body.payload.context',
          message: expect.stringMatching(/too long/),
        },
      ]);
    }
    expect((await post({ ...audio, context: 'x'.repeat(10_000) })).status).toBe(201);
  });

  test('webhook fields: URL pattern, 256 characters, header name and value together', async () => {
    expect(await errorsOf({ ...audio, webhook_url: 'not a url' })).toEqual([
      {
        error_type: 'string_pattern_mismatch',
        location: 'body.payload.webhook_url',
        message: URL_PATTERN_MESSAGE,
      },
    ]);
    for (const field of ['webhook_url', 'webhook_auth_header_name', 'webhook_auth_header_value']) {
      const value = field === 'webhook_url' ? `https://e.com/${'a'.repeat(243)}` : 'a'.repeat(257);
      expect(await errorsOf({ ...audio, [field]: value })).toEqual([
        {
          error_type: 'string_too_long',
          location: `body.payload.${field}`,
          message: 'String should have at most 256 characters',
        },
      ]);
    }
    expect(await errorsOf({ ...audio, webhook_auth_header_name: 'Authorization' })).toEqual([
      {
        error_type: 'value_error',
        location: 'body.payload',
        message: expect.stringMatching(/webhook_auth_header_value/),
      },
    ]);
    expect(await errorsOf({ ...audio, webhook_auth_header_value: 'secret' })).toEqual([
      {
        error_type: 'value_error',
        location: 'body.payload',
        message: expect.stringMatching(/webhook_auth_header_name/),
      },
    ]);
  });

  test('client_reference_id: at most 256 characters; unknown fields are ignored', async () => {
    expect(await errorsOf({ ...audio, client_reference_id: 'r'.repeat(257) })).toEqual([
      {
        error_type: 'string_too_long',
        location: 'body.payload.client_reference_id',
        message: 'String should have at most 256 characters',
      },
    ]);
    const { status, body } = await post({ ...audio, client_reference_id: 'r'.repeat(256), made_up_field: 1 });
    expect(status).toBe(201);
    expect(body).not.toHaveProperty('made_up_field');
  });
});
