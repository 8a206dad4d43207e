import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { resolveAudio } from './soferai-audio.js';
import { soferaiErrors } from './soferai-errors.js';
import type { SoferaiState } from './soferai-state.js';
import { checkString, INVALID, Issues, readJsonObject } from './soferai-validation.js';

/**
`POST /v1/utils/duration`: exactly one of `audio_url` and `audio_file` (400 otherwise; the status
is unconfirmed). Base64 bytes are probed; a URL is judged by its name, as the transcription
endpoints do, so an unknown URL has the sandbox's assumed 10 s. `0` when the length cannot be
worked out: bytes that are not audio, or an unreachable URL.
*/
export function soferaiDurationRoutes(state: SoferaiState): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/utils/duration',
      handler: async ({ request }) => {
        const read = await readJsonObject(request);
        if (!read.ok) return read.response;
        const issues = new Issues();
        const audioUrl = checkString(read.body['audio_url'], ['body', 'audio_url'], issues);
        const audioFile = checkString(read.body['audio_file'], ['body', 'audio_file'], issues);
        if (!issues.empty || audioUrl === INVALID || audioFile === INVALID) return issues.response();
        const audio = await resolveAudio(audioUrl, audioFile, state.samples);
        if (!audio.ok) return soferaiErrors.badRequest(audio.detail);
        const durationMs = 'durationMs' in audio.audio ? audio.audio.durationMs : 0;
        return jsonResponse({ duration_seconds: durationMs / 1000 });
      },
    },
  ];
}
