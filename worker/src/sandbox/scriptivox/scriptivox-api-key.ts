import { sha256Hex } from '../samples/sample-registry.js';

/**
The key a Scriptivox request carries: the raw key in `Authorization` (what the quickstart sends),
the same with a `Bearer ` prefix, or `X-Api-Key`.
*/
export function readScriptivoxKey(request: Request): string | undefined {
  const authorization = request.headers.get('authorization')?.trim();
  if (authorization !== undefined && authorization !== '') {
    return authorization.replace(/^bearer[ \t]+/i, '').trim() || undefined;
  }
  return request.headers.get('x-api-key')?.trim() || undefined;
}

/**
The hex SHA-256 of a key: what the sandbox keeps instead of the key (as a service keeps hashed
keys), and what it signs a job's webhooks with.
*/
export async function hashScriptivoxKey(key: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(key) as Uint8Array<ArrayBuffer>);
}
