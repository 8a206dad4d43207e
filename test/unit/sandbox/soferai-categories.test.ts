import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';

const auth = { Authorization: 'Bearer test-key' };
const MISSING = '7d1c1a6e-0000-4000-8000-000000000000';

function harness() {
  const sandbox = createSandbox({
    now: () => Date.parse('2026-03-01T12:00:00.000Z'),
    jobDelays: { queuedMs: 0, processingMs: 0 },
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await sandbox.fetch(
      new Request(`https://api.sofer.ai${path}`, {
        method,
        headers: { ...auth, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & Record<string, unknown>[],
    };
  };
  const transcription = async (title: string) =>
    (await call('POST', '/v1/transcriptions/', { audio_url: 'https://m.example.com/a.mp3', info: { title } }))
      .body as unknown as string;
  return { call, transcription };
}

describe('SoferAI sandbox: categories', () => {
  test('creates a category with defaults and refuses a second of the same name with 409', async () => {
    const { call } = harness();
    const created = await call('POST', '/v1/categories/', { name: 'Gemara' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Gemara',
      color_hex: '#6B7280',
      created_at: '2026-03-01T12:00:00.000Z',
      transcription_count: 0,
      description: null,
      auto_tag_enabled: false,
    });
    expect(await call('POST', '/v1/categories/', { name: 'GEMARA ' })).toEqual({
      status: 409,
      body: { detail: 'A category named "GEMARA " already exists' },
    });
  });

  test('422 for a missing name, an empty one, or a colour that is not #RRGGBB', async () => {
    const { call } = harness();
    const types = async (body: unknown) =>
      ((await call('POST', '/v1/categories/', body)).body.detail as unknown as { type: string }[]).map(
        (issue) => issue.type,
      );
    expect(await types({})).toEqual(['missing']);
    expect(await types({ name: '' })).toEqual(['string_too_short']);
    expect(await types({ name: 'A', color_hex: 'blue' })).toEqual(['string_pattern_mismatch']);
  });

  test('gets, updates, lists and deletes; 404 once deleted; 409 when renaming onto another', async () => {
    const { call } = harness();
    const a = (await call('POST', '/v1/categories/', { name: 'A', color_hex: '#112233' })).body;
    await call('POST', '/v1/categories/', { name: 'B' });
    expect((await call('GET', `/v1/categories/${String(a.id)}`)).body).toEqual(a);
    expect((await call('PUT', `/v1/categories/${String(a.id)}`, { name: 'b' })).status).toBe(409);
    const updated = await call('PUT', `/v1/categories/${String(a.id)}`, {
      description: 'Daf Yomi',
      auto_tag_enabled: true,
    });
    expect(updated.body).toMatchObject({
      name: 'A',
      color_hex: '#112233',
      description: 'Daf Yomi',
      auto_tag_enabled: true,
    });
    expect((await call('GET', '/v1/categories/')).body.map((category) => category['name'])).toEqual([
      'A',
      'B',
    ]);
    expect((await call('DELETE', `/v1/categories/${String(a.id)}`)).body).toEqual({
      message: 'Category deleted successfully',
      deleted_id: a.id,
    });
    for (const [method, path] of [
      ['GET', `/v1/categories/${String(a.id)}`],
      ['PUT', `/v1/categories/${MISSING}`],
      ['DELETE', `/v1/categories/${MISSING}`],
      ['GET', `/v1/categories/${MISSING}/transcriptions`],
    ] as const) {
      expect(await call(method, path, method === 'PUT' ? {} : undefined)).toEqual({
        status: 404,
        body: { detail: 'Category not found' },
      });
    }
    expect((await call('GET', '/v1/categories/not-a-uuid')).status).toBe(422);
  });

  test('files transcriptions by position, appends without one, moves on re-filing, and unfiles', async () => {
    const { call, transcription } = harness();
    const category = (await call('POST', '/v1/categories/', { name: 'Parsha' })).body;
    const path = `/v1/categories/${String(category.id)}/transcriptions`;
    const [a, b, c] = [await transcription('A'), await transcription('B'), await transcription('C')];
    expect((await call('POST', path, { transcription_id: a, position: 2 })).body).toEqual({
      message: 'Transcription added to category',
      category_id: category.id,
      transcription_id: a,
    });
    await call('POST', path, { transcription_id: b });
    await call('POST', path, { transcription_id: c, position: 0 });
    const order = async () =>
      (await call('GET', path)).body.map((item) => `${String(item['title'])}@${String(item['position'])}`);
    expect(await order()).toEqual(['C@0', 'A@2', 'B@3']);
    await call('POST', path, { transcription_id: a, position: 9 });
    expect(await order()).toEqual(['C@0', 'B@3', 'A@9']);
    expect(
      (await call('GET', `/v1/categories/by-transcription/${a}`)).body.map((item) => item['id']),
    ).toEqual([category.id]);
    expect((await call('GET', `/v1/categories/${String(category.id)}`)).body.transcription_count).toBe(3);
    expect((await call('DELETE', `${path}/${a}`)).body).toMatchObject({
      message: 'Transcription removed from category',
    });
    expect((await call('DELETE', `${path}/${a}`)).status).toBe(404);
    expect((await call('GET', `/v1/categories/by-transcription/${a}`)).body).toEqual([]);
    expect((await call('POST', path, { transcription_id: MISSING })).status).toBe(404);
    expect((await call('POST', path, { transcription_id: a, position: -1 })).status).toBe(422);
    expect((await call('POST', path, {})).status).toBe(422);
  });
});
