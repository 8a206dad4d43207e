import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../../worker/src/sandbox/index.js';

const auth = { Authorization: 'Bearer test-key' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const speech = readFileSync(new URL('../../fixtures/audio/speech.wav', import.meta.url));
const start = Date.parse('2026-03-01T12:00:00.000Z');

interface Answer {
  status: number;
  body: unknown;
}

async function call(sandbox: Sandbox, method: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await sandbox.fetch(
    new Request(`https://api.soniox.com${path}`, { method, ...init, headers: { ...auth, ...init.headers } }),
  );
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function uploadForm(bytes: Uint8Array, filename: string, clientReferenceId?: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  if (clientReferenceId !== undefined) {
    form.append('client_reference_id', clientReferenceId);
  }
  return form;
}

async function upload(sandbox: Sandbox, filename = 'speech.wav', clientReferenceId?: string) {
  const answer = await call(sandbox, 'POST', '/v1/files', {
    body: uploadForm(speech, filename, clientReferenceId),
  });
  expect(answer.status).toBe(201);
  return answer.body as {
    id: string;
    filename: string;
    size: number;
    created_at: string;
    client_reference_id: string | null;
  };
}

describe('Soniox POST /v1/files', () => {
  test('201 with the File object: id, filename, size, created_at, client_reference_id', async () => {
    const sandbox = createSandbox({ now: () => start });
    const file = await upload(sandbox, 'speech.wav', 'order-42');
    expect(file).toEqual({
      id: expect.stringMatching(uuid),
      filename: 'speech.wav',
      size: speech.byteLength,
      created_at: '2026-03-01T12:00:00.000Z',
      client_reference_id: 'order-42',
    });
    expect(Object.keys(file)).toEqual(['id', 'filename', 'size', 'created_at', 'client_reference_id']);
    expect((await upload(sandbox)).client_reference_id).toBeNull();
  });

  test('a missing file part is 400 invalid_request, missing at file.file', async () => {
    const sandbox = createSandbox();
    const form = new FormData();
    form.append('client_reference_id', 'x');
    for (const body of [form, undefined, '{"file": "x"}']) {
      const { status, body: error } = await call(
        sandbox,
        'POST',
        '/v1/files',
        body === undefined ? {} : { body },
      );
      expect(status).toBe(400);
      expect(error).toMatchObject({
        status_code: 400,
        error_type: 'invalid_request',
        message: 'Invalid request.',
        validation_errors: [{ error_type: 'missing', location: 'file.file', message: 'Field required' }],
      });
    }
  });

  test('a file part without a filename (a plain field) is refused at file.file', async () => {
    const form = new FormData();
    form.append('file', 'just text');
    const { status, body } = await call(createSandbox(), 'POST', '/v1/files', { body: form });
    expect(status).toBe(400);
    expect(body).toMatchObject({ validation_errors: [{ error_type: 'value_error', location: 'file.file' }] });
  });

  test('client_reference_id over 256 characters is refused', async () => {
    const { status, body } = await call(createSandbox(), 'POST', '/v1/files', {
      body: uploadForm(speech, 'a.wav', 'x'.repeat(257)),
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error_type: 'invalid_request',
      validation_errors: [
        {
          error_type: 'string_too_long',
          location: 'form.client_reference_id',
          message: 'String should have at most 256 characters',
        },
      ],
    });
    const exactly = await call(createSandbox(), 'POST', '/v1/files', {
      body: uploadForm(speech, 'a.wav', 'x'.repeat(256)),
    });
    expect(exactly.status).toBe(201);
  });

  test('a body declared above 1 GiB is refused without being read', async () => {
    const { status, body } = await call(createSandbox(), 'POST', '/v1/files', {
      body: 'never read',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(2 ** 31) },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      status_code: 400,
      error_type: 'invalid_request',
      message: 'Exceeded maximum file size (maximum is 1073741824 bytes).',
      validation_errors: [],
    });
  });

  test('without a key, or with a temporary key, 401', async () => {
    const sandbox = createSandbox();
    for (const headers of [
      { Authorization: '' },
      { Authorization: 'Bearer temp:WYJ67RBEFUWQXXPKYPD2UGXKWB' },
    ]) {
      const { status, body } = await call(sandbox, 'POST', '/v1/files', {
        body: uploadForm(speech, 'a.wav'),
        headers,
      });
      expect(status).toBe(401);
      expect(body).toMatchObject({ error_type: 'unauthenticated' });
    }
  });
});

describe('Soniox GET, DELETE /v1/files/{id} and /v1/files/count', () => {
  test('get returns the same File object; delete is 204, then 404 file_not_found', async () => {
    const sandbox = createSandbox();
    const file = await upload(sandbox);
    expect(await call(sandbox, 'GET', `/v1/files/${file.id}`)).toEqual({ status: 200, body: file });
    expect(await call(sandbox, 'GET', `/v1/files/${file.id.toUpperCase()}`)).toEqual({
      status: 200,
      body: file,
    });
    expect(await call(sandbox, 'DELETE', `/v1/files/${file.id}`)).toEqual({ status: 204, body: undefined });
    for (const method of ['GET', 'DELETE']) {
      const { status, body } = await call(sandbox, method, `/v1/files/${file.id}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({
        status_code: 404,
        error_type: 'file_not_found',
        message: 'File could not be found.',
        validation_errors: [],
      });
    }
  });

  test('an id that is not a UUID is 400 invalid_request at path.file_id', async () => {
    const { status, body } = await call(createSandbox(), 'GET', '/v1/files/not-a-uuid');
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error_type: 'invalid_request',
      validation_errors: [
        {
          error_type: 'uuid_parsing',
          location: 'path.file_id',
          message: expect.stringMatching(/^Input should be a valid UUID, /),
        },
      ],
    });
  });

  test('count splits by source; every sandbox file came through the API', async () => {
    const sandbox = createSandbox();
    expect(await call(sandbox, 'GET', '/v1/files/count')).toEqual({
      status: 200,
      body: { total: 0, public_api: 0, playground: 0 },
    });
    await upload(sandbox);
    await upload(sandbox);
    expect((await call(sandbox, 'GET', '/v1/files/count')).body).toEqual({
      total: 2,
      public_api: 2,
      playground: 0,
    });
  });

  test('the three regions are one account', async () => {
    const sandbox = createSandbox();
    const file = await upload(sandbox);
    const response = await sandbox.fetch(
      new Request(`https://api.eu.soniox.com/v1/files/${file.id}`, { headers: auth }),
    );
    expect(response.status).toBe(200);
  });

  test('two sandboxes never share files', async () => {
    const file = await upload(createSandbox());
    expect((await call(createSandbox(), 'GET', `/v1/files/${file.id}`)).status).toBe(404);
  });
});

describe('Soniox GET /v1/files pagination', () => {
  test('pages of `limit` files, oldest first, across every page without repeats', async () => {
    const sandbox = createSandbox();
    const ids: string[] = [];
    for (let index = 0; index < 7; index++) {
      ids.push((await upload(sandbox, `f${index}.wav`)).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=3' : `?limit=3&cursor=${cursor}`;
      const { status, body } = await call(sandbox, 'GET', `/v1/files${query}`);
      expect(status).toBe(200);
      const page = body as { files: { id: string }[]; next_page_cursor: string | null };
      expect(page.files.length).toBeLessThanOrEqual(3);
      seen.push(...page.files.map((file) => file.id));
      cursor = page.next_page_cursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  test('a file deleted between pages is neither repeated nor skipping others', async () => {
    const sandbox = createSandbox();
    const ids: string[] = [];
    for (let index = 0; index < 4; index++) {
      ids.push((await upload(sandbox)).id);
    }
    const first = (await call(sandbox, 'GET', '/v1/files?limit=2')).body as { next_page_cursor: string };
    await call(sandbox, 'DELETE', `/v1/files/${ids[2] ?? ''}`);
    const second = (await call(sandbox, 'GET', `/v1/files?limit=2&cursor=${first.next_page_cursor}`))
      .body as {
      files: { id: string }[];
      next_page_cursor: string | null;
    };
    expect(second.files.map((file) => file.id)).toEqual([ids[3]]);
    expect(second.next_page_cursor).toBeNull();
  });
});
