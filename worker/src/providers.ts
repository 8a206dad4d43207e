import type { Env } from './env.js';

/** The providers the Worker can proxy. */
export type ProviderName = 'soniox' | 'soferai' | 'mistral' | 'scriptivox';

/** One proxied route: a method and a path pattern below the provider's origin (`*` is one segment, `**` the rest). */
export interface AllowedRoute {
  method: string;
  path: string;
}

/** What the Worker needs to know to forward calls to one provider. */
export interface ProviderRoute {
  name: ProviderName;
  /** The provider's real API origin. */
  origin: string;
  /** The secret that holds its key. */
  secret: keyof Env & `${string}_API_KEY`;
  /** How the key is sent upstream. */
  authorize(headers: Headers, key: string): void;
  /** The calls a browser may make through the proxy. Anything else is 404 before it leaves the Worker. */
  allow: AllowedRoute[];
}

const bearer = (headers: Headers, key: string) => headers.set('Authorization', `Bearer ${key}`);

/**
The proxy's allow-lists. Each provider issue widens its own list as its client lands; key minting
(Soniox `/v1/auth/...`) is never proxied, it has its own guarded route.
*/
export const providerRoutes: Record<ProviderName, ProviderRoute> = {
  soniox: {
    name: 'soniox',
    origin: 'https://api.soniox.com',
    secret: 'SONIOX_API_KEY',
    authorize: bearer,
    // Files, transcriptions and models; never /v1/auth (temporary keys have their own guarded route).
    allow: [
      { method: 'GET', path: '/v1/files' },
      { method: 'POST', path: '/v1/files' },
      { method: 'GET', path: '/v1/files/count' },
      { method: 'GET', path: '/v1/files/*' },
      { method: 'DELETE', path: '/v1/files/*' },
      { method: 'GET', path: '/v1/transcriptions' },
      { method: 'POST', path: '/v1/transcriptions' },
      { method: 'GET', path: '/v1/transcriptions/count' },
      { method: 'GET', path: '/v1/transcriptions/*' },
      { method: 'DELETE', path: '/v1/transcriptions/*' },
      { method: 'GET', path: '/v1/transcriptions/*/transcript' },
      { method: 'GET', path: '/v1/models' },
    ],
  },
  soferai: {
    name: 'soferai',
    origin: 'https://api.sofer.ai',
    secret: 'SOFERAI_API_KEY',
    authorize: bearer,
    // Every SoferAI call of the client; trailing slashes are part of SoferAI's paths (reference/soferai.md §2).
    allow: [
      { method: 'GET', path: '/v1/health/' },
      { method: 'GET', path: '/v1/balance/' },
      { method: 'POST', path: '/v1/categories/' },
      { method: 'GET', path: '/v1/categories/' },
      { method: 'GET', path: '/v1/categories/*' },
      { method: 'PUT', path: '/v1/categories/*' },
      { method: 'DELETE', path: '/v1/categories/*' },
      { method: 'POST', path: '/v1/categories/*/transcriptions' },
      { method: 'GET', path: '/v1/categories/*/transcriptions' },
      { method: 'DELETE', path: '/v1/categories/*/transcriptions/*' },
      { method: 'GET', path: '/v1/categories/by-transcription/*' },
      { method: 'POST', path: '/v1/link/extract' },
      { method: 'GET', path: '/v1/link/sites' },
      { method: 'POST', path: '/v1/timestamps/outline' },
      { method: 'POST', path: '/v1/transcriptions/' },
      { method: 'GET', path: '/v1/transcriptions/' },
      { method: 'GET', path: '/v1/transcriptions/*' },
      { method: 'GET', path: '/v1/transcriptions/*/status' },
      { method: 'POST', path: '/v1/transcriptions/batch' },
      { method: 'GET', path: '/v1/transcriptions/batch/*/status' },
      { method: 'POST', path: '/v1/transcriptions/batch-files' },
      { method: 'GET', path: '/v1/transcriptions/batch-files' },
      { method: 'GET', path: '/v1/transcriptions/batch-files/*' },
      { method: 'POST', path: '/v1/utils/duration' },
    ],
  },
  mistral: {
    name: 'mistral',
    origin: 'https://api.mistral.ai',
    secret: 'MISTRAL_API_KEY',
    authorize: bearer,
    allow: [
      { method: 'POST', path: '/v1/audio/transcriptions' },
      { method: 'POST', path: '/v1/files' },
      { method: 'GET', path: '/v1/files/*/url' },
      { method: 'DELETE', path: '/v1/files/*' },
    ],
  },
  scriptivox: {
    name: 'scriptivox',
    origin: 'https://api.scriptivox.com',
    secret: 'SCRIPTIVOX_API_KEY',
    // Scriptivox takes the raw key, no Bearer prefix (reference/scriptivox.md §1).
    authorize: (headers, key) => headers.set('Authorization', key),
    // The presigned PUT goes from the browser to storage directly; the Worker only brokers POST /upload.
    allow: [
      { method: 'POST', path: '/v1/transcribe' },
      { method: 'GET', path: '/v1/transcribe/*' },
      { method: 'POST', path: '/v1/transcribe/*/cancel' },
      { method: 'DELETE', path: '/v1/transcribe/*' },
      { method: 'GET', path: '/v1/transcriptions' },
      { method: 'POST', path: '/v1/upload' },
      { method: 'GET', path: '/v1/balance' },
    ],
  },
};

/** Whether `method path` matches one of the allowed routes. */
export function isAllowed(routes: readonly AllowedRoute[], method: string, path: string): boolean {
  return routes.some((route) => route.method === method && matchPath(route.path, path));
}

function matchPath(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const have = path.split('/');
  for (let index = 0; index < want.length; index++) {
    const segment = want[index];
    if (segment === '**') return true;
    const actual = have[index];
    if (actual === undefined) return false;
    if (segment === '*' ? actual === '' : segment !== actual) return false;
  }
  return want.length === have.length;
}
