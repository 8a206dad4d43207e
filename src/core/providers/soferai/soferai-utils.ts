import type { AudioInput } from '../../audio/index.js';
import type { HttpClient } from '../../http/index.js';
import { SoferAIDurationSchema, type SoferAIDuration } from './soferai-api.js';
import { jsonBodyWithBase64, toAudioSource } from './soferai-audio-body.js';
import type { SoferAICallOptions } from './soferai-ids.js';

/** `soferai.utils`. */
export interface SoferAIUtils {
  /**
  How long some audio is, by SoferAI's reckoning: an http(s) URL is sent as `audio_url` for
  SoferAI to fetch, anything else (a `File`, `Blob`, bytes, a stream) as base64 `audio_file`.
  `durationInSeconds` is `0` when SoferAI could not tell. To measure locally instead, without a
  request, use `probeDuration` from `scribekit`.
  */
  getDuration(audio: AudioInput, options?: SoferAICallOptions): Promise<SoferAIDuration>;
}

/** Builds the `utils` namespace on an HTTP client. */
export function createSoferAIUtils(http: HttpClient): SoferAIUtils {
  return {
    async getDuration(audio, options = {}) {
      const source = await toAudioSource(audio);
      const common = { method: 'POST', path: 'v1/utils/duration', signal: options.signal } as const;
      if (source.kind === 'url') {
        return http.json({ ...common, json: { audio_url: source.url } }, SoferAIDurationSchema);
      }
      const body = await jsonBodyWithBase64({}, 'audio_file', source.bytes, options.signal);
      return http.json(
        { ...common, body, headers: { 'content-type': 'application/json' }, timeout: false },
        SoferAIDurationSchema,
      );
    },
  };
}
