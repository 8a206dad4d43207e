import { probeDuration } from '../../../../src/core/audio/index.js';
import type { DemoSample } from './demo-sample.js';
import { sha256Hex, type SampleRegistry } from './sample-registry.js';

/** The host of an `audio_url` the sandbox treats as unreachable, so tests can make a download fail. */
export const UNREACHABLE_AUDIO_HOST = 'unreachable.invalid';

/** How long the sandbox takes audio behind an `audio_url` it does not know to be, in ms. */
export const ASSUMED_URL_DURATION_MS = 10_000;

// A common bitrate for compressed speech, used only when a container's duration cannot be read.
const ESTIMATE_BYTES_PER_SECOND = 128_000 / 8;

/**
What the sandbox makes of some audio: a demo sample it knows the words of, other audio of a known
length, or audio it cannot use.

- `sample`: the bytes (or the URL's file name) are a registered demo sample.
- `audio`: recognised audio of unknown content; `duration` says how its length was found: `probed`
  from its headers, `estimated` from its size at 128 kbit/s when the headers do not say, or
  `assumed` ({@link ASSUMED_URL_DURATION_MS}) for a URL the sandbox never downloads.
- `undecodable`: bytes the audio sniffer does not recognise as any container.
- `unreachable`: a URL the sandbox pretends it cannot download.
*/
export type AudioIdentity =
  | { readonly kind: 'sample'; readonly sample: DemoSample; readonly durationMs: number }
  | {
      readonly kind: 'audio';
      readonly durationMs: number;
      readonly duration: 'probed' | 'estimated' | 'assumed';
    }
  | { readonly kind: 'undecodable' }
  | { readonly kind: 'unreachable'; readonly url: string };

/**
Identifies uploaded bytes: by SHA-256 against the registry first, then by sniffing and probing
them with the same code the client uses (`probeDuration` from core).
*/
export async function identifyAudioBytes(
  bytes: ArrayBuffer,
  registry: SampleRegistry,
): Promise<AudioIdentity> {
  const sample = registry.byHash(await sha256Hex(bytes));
  const probe = await probeDuration(bytes);
  const probedMs =
    probe.durationInSeconds === undefined ? undefined : Math.round(probe.durationInSeconds * 1000);
  if (sample !== undefined) {
    return { kind: 'sample', sample, durationMs: probedMs ?? sample.durationMs };
  }
  if (probe.container === undefined) {
    return { kind: 'undecodable' };
  }
  if (probedMs !== undefined) {
    return { kind: 'audio', durationMs: probedMs, duration: 'probed' };
  }
  return {
    kind: 'audio',
    durationMs: Math.round((bytes.byteLength / ESTIMATE_BYTES_PER_SECOND) * 1000),
    duration: 'estimated',
  };
}

/**
Identifies an audio URL without fetching it: the sandbox never reaches the network.

A URL on host {@link UNREACHABLE_AUDIO_HOST} is `unreachable`; one whose path ends in a demo
sample's file name (`https://example.com/media/speech.wav`) is that sample; any other is audio of
{@link ASSUMED_URL_DURATION_MS}.
*/
export function identifyAudioUrl(url: string, registry: SampleRegistry): AudioIdentity {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    // The caller has already checked the URL's shape; an unparsable one is simply not a sample.
  }
  if (host === UNREACHABLE_AUDIO_HOST) {
    return { kind: 'unreachable', url };
  }
  const sample = registry.byUrl(url);
  if (sample !== undefined) {
    return { kind: 'sample', sample, durationMs: sample.durationMs };
  }
  return { kind: 'audio', durationMs: ASSUMED_URL_DURATION_MS, duration: 'assumed' };
}
