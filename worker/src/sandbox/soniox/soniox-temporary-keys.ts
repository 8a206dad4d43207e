import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { sonioxErrors } from './soniox-errors.js';
import type { SonioxKeyStore, SonioxTemporaryKeyUsage } from './soniox-key-store.js';
import {
  at,
  checkBool,
  checkEnum,
  checkInt,
  checkString,
  INVALID,
  readJsonPayload,
  requirePresent,
  valid,
  ValidationIssues,
  type Checked,
} from './soniox-validation.js';

/** `POST /v1/auth/temporary-api-key`'s answer. */
export interface SonioxTemporaryKeyResponse {
  /** `temp:…`. */
  readonly api_key: string;
  /** ISO 8601 UTC with milliseconds, as in the OpenAPI example. */
  readonly expires_at: string;
}

const ROOT = 'body.payload';
const USAGE_TYPES: readonly SonioxTemporaryKeyUsage[] = ['transcribe_websocket', 'tts_rt'];

/**
`POST /v1/auth/temporary-api-key`: validates `CreateTemporaryApiKeyPayload` (usage type,
`expires_in_seconds` 1–3600, `max_session_duration_seconds` 1–18000, `single_use`,
`client_reference_id` up to 256 characters), records the key in `keys` and answers 201.
*/
export function sonioxTemporaryKeyRoutes(keys: SonioxKeyStore, clock: JobClock): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/auth/temporary-api-key',
      handler: async ({ request }) => {
        const body = await readJsonPayload(request);
        if (!body.ok) {
          return sonioxErrors.invalidRequest(body.errors);
        }
        const payload = body.payload;
        const issues = new ValidationIssues();
        let usageType: Checked<SonioxTemporaryKeyUsage> = INVALID;
        if (requirePresent(payload, 'usage_type', ROOT, issues)) {
          usageType = checkEnum(payload['usage_type'], USAGE_TYPES, at(ROOT, 'usage_type'), issues, {
            required: true,
          });
        }
        let expiresIn: Checked<number> = INVALID;
        if (requirePresent(payload, 'expires_in_seconds', ROOT, issues)) {
          expiresIn = checkInt(payload['expires_in_seconds'], at(ROOT, 'expires_in_seconds'), issues, {
            min: 1,
            max: 3600,
            required: true,
          });
        }
        const clientReferenceId = checkString(
          payload['client_reference_id'],
          at(ROOT, 'client_reference_id'),
          issues,
          {
            maxLength: 256,
          },
        );
        const singleUse = checkBool(payload['single_use'], at(ROOT, 'single_use'), issues);
        const maxSession = checkInt(
          payload['max_session_duration_seconds'],
          at(ROOT, 'max_session_duration_seconds'),
          issues,
          { min: 1, max: 18_000 },
        );
        if (!issues.empty) {
          return sonioxErrors.invalidRequest(issues.errors);
        }
        const key = keys.issue(
          {
            usageType: valid(usageType) ?? 'transcribe_websocket',
            expiresInSeconds: valid(expiresIn) ?? 1,
            singleUse: valid(singleUse) ?? false,
            maxSessionDurationSeconds: valid(maxSession),
            clientReferenceId: valid(clientReferenceId),
          },
          clock.now(),
        );
        const response: SonioxTemporaryKeyResponse = {
          api_key: key.apiKey,
          expires_at: new Date(key.expiresAt).toISOString(),
        };
        return jsonResponse(response, 201);
      },
    },
  ];
}
