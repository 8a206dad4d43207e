/**
The one key every sandbox emulator refuses, so tests can exercise each provider's 401.

Any other non-empty key is accepted: the sandbox has no accounts.
*/
export const SANDBOX_REJECTED_KEY = 'invalid';

/** Whether a key was sent, and whether the sandbox accepts it. */
export type KeyVerdict = 'missing' | 'rejected' | 'accepted';

/** Judges a key already taken out of its header (`undefined` or empty when none was sent). */
export function judgeKey(key: string | undefined): KeyVerdict {
  if (key === undefined || key === '') {
    return 'missing';
  }
  return key === SANDBOX_REJECTED_KEY ? 'rejected' : 'accepted';
}

/**
The token of an `Authorization: Bearer <token>` header, or `undefined` when the header is absent
or uses another scheme. The scheme name is case-insensitive, as RFC 9110 says.
*/
export function readBearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (header === null) {
    return undefined;
  }
  const match = /^bearer[ \t]+(.*)$/i.exec(header.trim());
  const token = match?.[1]?.trim();
  return token === undefined || token === '' ? undefined : token;
}
