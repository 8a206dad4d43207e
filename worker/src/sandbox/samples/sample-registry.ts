import type { DemoSample } from './demo-sample.js';
import { DEMO_SAMPLES } from './demo-samples.js';

/** Finds demo samples by the hash of their bytes or by the file name in a URL. */
export interface SampleRegistry {
  /** Every sample, in registration order. */
  readonly samples: readonly DemoSample[];
  /** The sample whose bytes hash to `sha256` (hex, any case), or `undefined`. */
  byHash(sha256: string): DemoSample | undefined;
  /** The sample published under this file name (case-insensitive), or `undefined`. */
  byFileName(fileName: string): DemoSample | undefined;
  /**
  The sample an audio URL names: the last segment of its path, percent-decoded, must be one of the
  sample's file names. Query and fragment are ignored. `undefined` for any other URL.
  */
  byUrl(url: string): DemoSample | undefined;
}

/**
Builds a registry over `samples` (default: {@link DEMO_SAMPLES}).

Throws a `TypeError` when two samples claim the same hash or file name, or a hash is not 64 hex
digits, so a bad data entry fails at start-up rather than matching the wrong recording.
*/
export function createSampleRegistry(samples: readonly DemoSample[] = DEMO_SAMPLES): SampleRegistry {
  const hashes = new Map<string, DemoSample>();
  const names = new Map<string, DemoSample>();
  for (const sample of samples) {
    for (const hash of sample.sha256) {
      if (!/^[0-9a-f]{64}$/i.test(hash)) {
        throw new TypeError(`Demo sample ${sample.id}: ${hash} is not a hex SHA-256.`);
      }
      claim(hashes, hash.toLowerCase(), sample, 'hash');
    }
    for (const name of sample.fileNames) {
      claim(names, name.toLowerCase(), sample, 'file name');
    }
  }
  const byFileName = (fileName: string): DemoSample | undefined => names.get(fileName.toLowerCase());
  return {
    samples,
    byHash: (sha256) => hashes.get(sha256.toLowerCase()),
    byFileName,
    byUrl(url) {
      let path: string;
      try {
        path = new URL(url).pathname;
      } catch {
        return undefined;
      }
      const last = path.split('/').at(-1) ?? '';
      try {
        return byFileName(decodeURIComponent(last));
      } catch {
        return byFileName(last);
      }
    },
  };
}

/** The lower-case hex SHA-256 of some bytes, from `crypto.subtle`. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function claim(map: Map<string, DemoSample>, key: string, sample: DemoSample, what: string): void {
  const owner = map.get(key);
  if (owner !== undefined && owner !== sample) {
    throw new TypeError(`Demo samples ${owner.id} and ${sample.id} both claim the ${what} ${key}.`);
  }
  map.set(key, sample);
}
