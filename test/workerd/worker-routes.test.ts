import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const origin = 'https://scribe.example';

describe('GET /api/config', () => {
  it('reports every provider in sandbox mode when no key is set', async () => {
    const response = await exports.default.fetch(`${origin}/api/config`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.json<{ providers: Record<string, { mode: string }>; sandbox: boolean }>();
    expect(body.sandbox).toBe(true);
    expect(
      Object.fromEntries(Object.entries(body.providers).map(([name, status]) => [name, status.mode])),
    ).toEqual({
      soniox: 'sandbox',
      soferai: 'sandbox',
      mistral: 'sandbox',
      scriptivox: 'sandbox',
    });
  });

  it('answers 405 with JSON for another method', async () => {
    const response = await exports.default.fetch(`${origin}/api/config`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET');
    expect(await response.json()).toEqual({
      error: { code: 'method_not_allowed', message: 'Use GET /api/config' },
    });
  });
});

describe('the provider proxy', () => {
  it('sends an allowed call to the sandbox when the provider has no key', async () => {
    const response = await exports.default.fetch(`${origin}/api/soniox/v1/models`);
    expect(response.status).toBe(200);
    const body = await response.json<{ models: { id: string }[] }>();
    expect(body.models.length).toBeGreaterThan(0);
  });

  it('uses the provider auth scheme, dropping the browser Authorization', async () => {
    const response = await exports.default.fetch(`${origin}/api/scriptivox/v1/balance`, {
      headers: { Authorization: 'invalid' },
    });
    // The sandbox rejects the literal key "invalid": a 200 proves the Worker replaced it.
    expect(response.status).toBe(200);
  });

  it('refuses a path that is not allow-listed before anything leaves the Worker', async () => {
    const response = await exports.default.fetch(`${origin}/api/soniox/v1/auth/temporary-api-key`, {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'route_not_allowed' } });
  });

  it('refuses an unknown provider', async () => {
    const response = await exports.default.fetch(`${origin}/api/nope/v1/x`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'unknown_provider' } });
  });

  it('refuses an origin that is not allowed', async () => {
    const response = await exports.default.fetch(`${origin}/api/config`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('allows the same origin and echoes it in CORS headers', async () => {
    const response = await exports.default.fetch(`${origin}/api/config`, { headers: { Origin: origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
  });
});

describe('static assets', () => {
  it('serves the demo page', async () => {
    const response = await exports.default.fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>scribekit demo</title>');
  });
});
