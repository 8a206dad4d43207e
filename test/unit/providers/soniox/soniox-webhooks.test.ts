import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../../src/core/index.js';
import { createSoniox } from '../../../../src/core/providers/soniox/index.js';

const auth = { name: 'X-Webhook-Secret', value: 'hook-secret-123' };
const soniox = createSoniox({ apiKey: 'k', webhookAuth: auth });

const callback = (
  body: string,
  headers: Record<string, string> = { 'x-webhook-secret': auth.value },
  method = 'POST',
) =>
  new Request('https://app.example.com/hooks/soniox', {
    method,
    headers,
    ...(method === 'POST' ? { body } : {}),
  });

describe('soniox.webhooks', () => {
  it('parses the { id, status } callback', () => {
    expect(soniox.webhooks.parse('{"id":"abc","status":"completed"}')).toEqual({
      id: 'abc',
      status: 'completed',
    });
    expect(soniox.webhooks.parse({ id: 'abc', status: 'error', extra: 1 })).toEqual({
      id: 'abc',
      status: 'error',
    });
  });

  it('rejects other bodies with InvalidArgumentError', () => {
    for (const body of [
      'not json',
      '{"id":"","status":"completed"}',
      '{"id":"a","status":"queued"}',
      '[]',
      null,
    ]) {
      expect(() => soniox.webhooks.parse(body)).toThrow(InvalidArgumentError);
    }
  });

  it('verifies the configured header case-insensitively, from Headers or a plain object', () => {
    expect(soniox.webhooks.verify(new Headers({ 'X-WEBHOOK-SECRET': auth.value }))).toBe(true);
    expect(soniox.webhooks.verify({ 'x-webhook-secret': [auth.value, 'other'] })).toBe(true);
    expect(soniox.webhooks.verify({ 'x-webhook-secret': 'hook-secret-12' })).toBe(false);
    expect(soniox.webhooks.verify({ 'x-webhook-secret': `${auth.value}4` })).toBe(false);
    expect(soniox.webhooks.verify({})).toBe(false);
    expect(soniox.webhooks.verify({}, undefined)).toBe(false);
  });

  it('accepts anything when no auth is configured, as Soniox signs nothing', () => {
    expect(createSoniox({ apiKey: 'k' }).webhooks.verify({})).toBe(true);
  });

  it('handles a callback request end to end', async () => {
    const result = await soniox.webhooks.handleWebhook(callback('{"id":"job-1","status":"completed"}'));
    expect(result).toMatchObject({ ok: true, status: 200, event: { id: 'job-1', status: 'completed' } });
    expect(result.response.status).toBe(200);
  });

  it('answers 405, 401 and 400 for the wrong method, header and body', async () => {
    expect((await soniox.webhooks.handleWebhook(callback('', {}, 'GET'))).response.status).toBe(405);
    expect(
      (
        await soniox.webhooks.handleWebhook(
          callback('{"id":"a","status":"completed"}', { 'x-webhook-secret': 'nope' }),
        )
      ).status,
    ).toBe(401);
    expect((await soniox.webhooks.handleWebhook(callback('{"id":"a"}'))).status).toBe(400);
  });

  it('takes per-call auth over the client default', async () => {
    const other = { name: 'Authorization', value: 'Bearer other' };
    const request = callback('{"id":"a","status":"error"}', { authorization: 'Bearer other' });
    expect((await soniox.webhooks.handleWebhook(request, { auth: other })).status).toBe(200);
  });
});
