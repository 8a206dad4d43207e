import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';

async function post(url: string, headers: Record<string, string> = {}) {
  const response = await createSandbox().fetch(
    new Request('https://api.sofer.ai/v1/link/extract', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    }),
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('SoferAI sandbox: link', () => {
  test('GET /v1/link/sites is public and lists name and home page', async () => {
    const response = await createSandbox().fetch(new Request('https://api.sofer.ai/v1/link/sites'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { name: 'YUTorah', url: 'https://yutorah.org' },
      { name: 'TorahAnytime', url: 'https://torahanytime.com' },
      { name: 'OU Torah', url: 'https://outorah.org' },
    ]);
  });

  test.each([
    ['https://www.yutorah.org/lectures/1116616/Praying-for-Rain', 'yutorah/1116616.mp3'],
    ['https://www.yutorah.org/lectures/lecture.cfm/948110', 'yutorah/948110.mp3'],
    ['https://www.yutorah.org/lectures/details?shiurID=1187082', 'yutorah/1187082.mp3'],
    ['https://torahanytime.com/lectures/335042', 'torahanytime/335042.mp3'],
    ['https://www.torahanytime.com/#/lectures?v=76371', 'torahanytime/76371.mp3'],
    ['https://outorah.org/p/212365', 'outorah/212365.mp3'],
  ])('extracts %s without a key', async (url, file) => {
    const { status, body } = await post(url);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      download_url: `https://media.scribekit-sandbox.invalid/${file}`,
      file_format: 'audio/mp3',
      file_name: file.split('/')[1],
    });
  });

  test('400 LinkNotSupported for another site, 404 LinkNotFound for a page without a lecture', async () => {
    expect(await post('https://www.youtube.com/watch?v=x')).toEqual({
      status: 400,
      body: { detail: 'This link is not from a supported site' },
    });
    expect(await post('not a url')).toMatchObject({ status: 400 });
    for (const url of [
      'https://torahanytime.com/whatever/0000000',
      'https://outorah.org/p/0000000',
      'https://yutorah.org/',
    ]) {
      expect(await post(url)).toEqual({
        status: 404,
        body: { detail: 'No downloadable audio was found at this link' },
      });
    }
  });

  test('422 without a url', async () => {
    const response = await createSandbox().fetch(
      new Request('https://api.sofer.ai/v1/link/extract', { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(422);
  });
});
