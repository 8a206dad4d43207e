import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import { mistralValidationError } from '../../../worker/src/sandbox/mistral/mistral-errors.js';
import { soferaiValidationError } from '../../../worker/src/sandbox/soferai/soferai-errors.js';
import { sonioxErrors } from '../../../worker/src/sandbox/soniox/soniox-errors.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function send(url: string, init: RequestInit = {}) {
  const response = await createSandbox().fetch(new Request(url, init));
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text,
  };
}

describe('Soniox ApiError', () => {
  test('401 unauthenticated without a key, with a non-Bearer scheme and with the rejected key', async () => {
    for (const headers of [
      {},
      { Authorization: 'k' },
      { Authorization: 'Basic k' },
      { Authorization: 'Bearer invalid' },
    ]) {
      const { status, body } = await send('https://api.soniox.com/v1/models', { headers });
      expect(status).toBe(401);
      expect(body).toEqual({
        status_code: 401,
        error_type: 'unauthenticated',
        message: 'Incorrect API key provided. You can get an API key at https://console.soniox.com',
        validation_errors: [],
        request_id: expect.stringMatching(uuid),
        more_info: 'https://soniox.com/docs/api-reference/errors#unauthenticated',
      });
    }
  });

  test('the Bearer scheme is case-insensitive', async () => {
    expect(
      (await send('https://api.soniox.com/v1/models', { headers: { Authorization: 'bearer k' } })).status,
    ).toBe(200);
  });

  test('404 for an unknown route, even without a key', async () => {
    const { status, body } = await send('https://api.soniox.com/v1/nothing-here');
    expect(status).toBe(404);
    expect(body).toMatchObject({ status_code: 404, error_type: 'not_found', validation_errors: [] });
  });

  test('405 with Allow for a wrong method', async () => {
    const { status, headers, body } = await send('https://api.soniox.com/v1/models', {
      method: 'DELETE',
      headers: { Authorization: 'Bearer k' },
    });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET');
    expect(body).toMatchObject({ status_code: 405, error_type: 'method_not_allowed' });
  });

  test('every error gets its own request_id', async () => {
    const first = (await sonioxErrors.notFound().json()) as { request_id: string };
    const second = (await sonioxErrors.notFound().json()) as { request_id: string };
    expect(first.request_id).not.toBe(second.request_id);
  });

  test('500 carries the documented message', async () => {
    const response = sonioxErrors.internalError();
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      status_code: 500,
      error_type: 'internal_error',
      message:
        'The server encountered an error. Please try again. If the issue persists contact support@soniox.com.',
      more_info: 'https://soniox.com/docs/api-reference/errors#internal-error',
    });
  });
});

describe('SoferAI FastAPI-style errors', () => {
  test('401 Not authenticated without a key', async () => {
    const { status, headers, body } = await send('https://api.sofer.ai/v1/balance/');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(body).toEqual({ detail: 'Not authenticated' });
  });

  test('401 for the rejected key', async () => {
    const { status, body } = await send('https://api.sofer.ai/v1/balance/', {
      headers: { Authorization: 'Bearer invalid' },
    });
    expect(status).toBe(401);
    expect(body).toEqual({ detail: 'Invalid API key' });
  });

  test('a public endpoint ignores even the rejected key', async () => {
    const { status } = await send('https://api.sofer.ai/v1/health/', {
      headers: { Authorization: 'Bearer invalid' },
    });
    expect(status).toBe(200);
  });

  test('404 and 405', async () => {
    expect(await send('https://api.sofer.ai/v1/nothing/')).toMatchObject({
      status: 404,
      body: { detail: 'Not Found' },
    });
    const wrongMethod = await send('https://api.sofer.ai/v1/health/', { method: 'POST' });
    expect(wrongMethod).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  test('422 validation body', async () => {
    const response = soferaiValidationError([
      { loc: ['body', 'info'], msg: 'Field required', type: 'missing', input: {} },
    ]);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [{ loc: ['body', 'info'], msg: 'Field required', type: 'missing', input: {} }],
    });
  });
});

describe('Mistral errors', () => {
  test('401 before routing, for a missing key and the rejected key', async () => {
    for (const headers of [{}, { Authorization: 'Bearer invalid' }, { 'x-api-key': 'invalid' }]) {
      const { status, body } = await send('https://api.mistral.ai/v1/audio/transcriptions', {
        method: 'POST',
        headers,
      });
      expect(status).toBe(401);
      expect(body).toEqual({
        object: 'error',
        message: 'Unauthorized',
        type: 'authentication_error',
        param: null,
        code: null,
      });
    }
  });

  test('x-api-key is accepted as an alternative to Bearer', async () => {
    const { status } = await send('https://api.mistral.ai/v1/unknown', { headers: { 'x-api-key': 'k' } });
    expect(status).toBe(404);
  });

  test('404 for an unknown route', async () => {
    const { status, body } = await send('https://api.us.mistral.ai/v1/unknown', {
      headers: { Authorization: 'Bearer k' },
    });
    expect(status).toBe(404);
    expect(body).toEqual({
      object: 'error',
      message: 'Not Found',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  test('422 validation body', async () => {
    const response = mistralValidationError([
      { loc: ['body', 'model'], msg: 'Field required', type: 'missing' },
    ]);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [{ loc: ['body', 'model'], msg: 'Field required', type: 'missing' }],
    });
  });
});

describe('Scriptivox errors', () => {
  test('401 INVALID_API_KEY without a key and for the rejected key in each header', async () => {
    for (const headers of [
      {},
      { Authorization: '' },
      { Authorization: 'invalid' },
      { Authorization: 'Bearer invalid' },
      { 'X-Api-Key': 'invalid' },
    ]) {
      const { status, body } = await send('https://api.scriptivox.com/v1/balance', { headers });
      expect(status).toBe(401);
      expect(body).toEqual({ error: { code: 'INVALID_API_KEY', message: expect.any(String) } });
    }
  });

  test('404 NOT_FOUND for an unknown path', async () => {
    const { status, body } = await send('https://api.scriptivox.com/v1/nothing', {
      headers: { Authorization: 'sk_live_x' },
    });
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  test('405 METHOD_NOT_ALLOWED with an Allow header', async () => {
    const { status, headers, body } = await send('https://api.scriptivox.com/v1/balance', {
      method: 'POST',
      headers: { Authorization: 'sk_live_x', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET');
    expect(body).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: expect.stringContaining('POST') } });
  });
});
