/** What a temporary key may open: the STT WebSocket or the TTS endpoints. */
export type SonioxTemporaryKeyUsage = 'transcribe_websocket' | 'tts_rt';

/** A temporary key as minted by `POST /v1/auth/temporary-api-key`. */
export interface SonioxTemporaryKey {
  /** The key itself, `temp:` and 26 base32 letters. */
  readonly apiKey: string;
  /** What it may open. */
  readonly usageType: SonioxTemporaryKeyUsage;
  /** When it was minted, ms since the epoch. */
  readonly createdAt: number;
  /** From this instant on (ms since the epoch) it opens no new session. */
  readonly expiresAt: number;
  /** Whether it may open only one session. */
  readonly singleUse: boolean;
  /** The longest a session opened with it may last, in seconds; `null` for no cap. */
  readonly maxSessionDurationSeconds: number | null;
  /** The minting request's tracking string. */
  readonly clientReferenceId: string | null;
  /** How many sessions it has opened. */
  readonly uses: number;
}

/** What {@link SonioxKeyStore.issue} needs. */
export interface SonioxTemporaryKeyRequest {
  /** What the key may open. */
  readonly usageType: SonioxTemporaryKeyUsage;
  /** Seconds until it stops opening sessions (1–3600, checked by the route). */
  readonly expiresInSeconds: number;
  /** One session at most. */
  readonly singleUse: boolean;
  /** Session length cap in seconds, or `null`. */
  readonly maxSessionDurationSeconds: number | null;
  /** Tracking string. */
  readonly clientReferenceId: string | null;
}

/**
What {@link SonioxKeyStore.lookup} found: a key that may open a session now, one past its expiry,
a single-use key already used, or no such temporary key. An expired key reports `expired` even
when it was also used.
*/
export type SonioxKeyLookup =
  | { readonly status: 'valid'; readonly key: SonioxTemporaryKey }
  | { readonly status: 'expired'; readonly key: SonioxTemporaryKey }
  | { readonly status: 'used'; readonly key: SonioxTemporaryKey }
  | { readonly status: 'unknown' };

/** The prefix of every temporary key, as in the OpenAPI example `temp:WYJ67RBEFUWQXXPKYPD2UGXKWB`. */
export const SONIOX_TEMPORARY_KEY_PREFIX = 'temp:';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
The temporary keys one Soniox emulator has minted, for the realtime emulator to check.

Expiry follows Soniox: it limits when a key may *open* a session; a session already open is not
cut short by it (that is `maxSessionDurationSeconds`'s job, enforced by whoever runs the session).
Keys are never purged, so a lookup can tell an expired key from one never issued.

@example
```
const found = state.keys.lookup(apiKey, clock.now());
if (found.status !== 'valid' || found.key.usageType !== 'transcribe_websocket') refuse(found.status);
else state.keys.markUsed(apiKey);
```
*/
export class SonioxKeyStore {
  readonly #keys = new Map<string, SonioxTemporaryKey>();

  /** How many keys have been minted. */
  get size(): number {
    return this.#keys.size;
  }

  /** Mints a key at `now` (ms since the epoch) and records it. */
  issue(request: SonioxTemporaryKeyRequest, now: number): SonioxTemporaryKey {
    let apiKey: string;
    do {
      apiKey = SONIOX_TEMPORARY_KEY_PREFIX + randomBase32(26);
    } while (this.#keys.has(apiKey));
    const key: SonioxTemporaryKey = {
      apiKey,
      usageType: request.usageType,
      createdAt: now,
      expiresAt: now + request.expiresInSeconds * 1000,
      singleUse: request.singleUse,
      maxSessionDurationSeconds: request.maxSessionDurationSeconds,
      clientReferenceId: request.clientReferenceId,
      uses: 0,
    };
    this.#keys.set(apiKey, key);
    return key;
  }

  /** Whether `apiKey` may open a session at `now` (ms since the epoch), and the key's record. */
  lookup(apiKey: string, now: number): SonioxKeyLookup {
    const key = this.#keys.get(apiKey);
    if (key === undefined) {
      return { status: 'unknown' };
    }
    if (now >= key.expiresAt) {
      return { status: 'expired', key };
    }
    if (key.singleUse && key.uses > 0) {
      return { status: 'used', key };
    }
    return { status: 'valid', key };
  }

  /** Counts one session opened with `apiKey`; the updated record, or `undefined` for an unknown key. */
  markUsed(apiKey: string): SonioxTemporaryKey | undefined {
    const key = this.#keys.get(apiKey);
    if (key === undefined) {
      return undefined;
    }
    const used = { ...key, uses: key.uses + 1 };
    this.#keys.set(apiKey, used);
    return used;
  }

  /** {@link lookup} and, when the key is valid, {@link markUsed} in one step; reports the state before use. */
  consume(apiKey: string, now: number): SonioxKeyLookup {
    const found = this.lookup(apiKey, now);
    if (found.status === 'valid') {
      this.markUsed(apiKey);
    }
    return found;
  }
}

function randomBase32(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => BASE32[byte % 32] ?? 'A').join('');
}
