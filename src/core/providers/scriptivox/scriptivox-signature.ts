/** What {@link verifyScriptivoxSignature} checks. */
export interface ScriptivoxSignatureInput {
  /** The API key the job was created with. */
  apiKey: string;
  /** The raw request body, exactly as received. */
  body: string;
  /** `X-Scriptivox-Signature`. */
  signature: string;
  /** `X-Scriptivox-Timestamp`. */
  timestamp: string;
  /** The current time in milliseconds. */
  nowMs: number;
  /** How old (or how far ahead) a timestamp may be. */
  toleranceSeconds: number;
}

const encoder = new TextEncoder();

/**
Verifies a Scriptivox webhook signature: HMAC-SHA256, keyed by the SHA-256 of the API key, over
`<timestamp>.<body>`, with the timestamp at most `toleranceSeconds` away from now.

Several details are unconfirmed (reference/scriptivox.md §7), so each documented possibility is
accepted: a hex or base64 signature, with or without a `v1=` or `sha256=` prefix (or several
comma-separated); a timestamp in seconds or milliseconds; and the key's SHA-256 used as raw bytes
or as its hex string. Comparison is `crypto.subtle.verify`, which runs in constant time.
*/
export async function verifyScriptivoxSignature(input: ScriptivoxSignatureInput): Promise<boolean> {
  const timestamp = input.timestamp.trim();
  if (!/^\d{1,16}$/.test(timestamp)) return false;
  const value = Number(timestamp);
  // 1e11 seconds is the year 5138, and 1e11 milliseconds is 1973: the two readings cannot overlap.
  const timestampMs = value >= 1e11 ? value : value * 1000;
  if (Math.abs(input.nowMs - timestampMs) > input.toleranceSeconds * 1000) return false;

  const candidates = input.signature
    .split(/[\s,]+/)
    .map((part) => part.replace(/^(v1|sha256)=/i, ''))
    .map(decodeSignature)
    .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes !== undefined);
  if (candidates.length === 0) return false;

  const message = encoder.encode(`${timestamp}.${input.body}`);
  const keyDigest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(input.apiKey)));
  for (const keyBytes of [keyDigest, encoder.encode(toHex(keyDigest))]) {
    const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    for (const candidate of candidates) {
      if (await crypto.subtle.verify('HMAC', key, candidate, message)) return true;
    }
  }
  return false;
}

/** The 32 bytes of an HMAC-SHA256 written in hex, base64 or base64url; `undefined` for anything else. */
function decodeSignature(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (/^[0-9a-f]{64}$/i.test(text)) {
    return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  }
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(44, '='));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
