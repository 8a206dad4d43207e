/** What the HTTP layer could read from a provider's error body. */
export interface ErrorBodyDetails {
  code?: string;
  message?: string;
  requestId?: string;
}

/**
Reads the code, message and request id out of any of the four providers' error envelopes:

- Soniox: `{ error_type, message, request_id, validation_errors }`
- Scriptivox: `{ error: { code, message } }`
- Mistral: `{ object: 'error', type, code, message }`, or 422 `{ detail: [{ loc, msg }] }`
- SoferAI: FastAPI `{ detail: string | [{ loc, msg }] }` (unconfirmed: reference/soferai.md §2)

Unknown shapes give `{}`; the raw text stays on the error regardless.
*/
export function readErrorBody(data: unknown): ErrorBodyDetails {
  if (!isRecord(data)) return {};
  const details: ErrorBodyDetails = {};
  const nested = isRecord(data.error) ? data.error : undefined;

  const code = firstString(data.error_type, nested?.code, nested?.type, data.code, data.type);
  if (code !== undefined) details.code = code;

  const message =
    firstString(data.message, nested?.message, typeof data.error === 'string' ? data.error : undefined) ??
    detailMessage(data.detail);
  if (message !== undefined) details.message = message;

  const requestId = firstString(data.request_id, nested?.request_id, data.requestId);
  if (requestId !== undefined) details.requestId = requestId;

  if (details.code === undefined && Array.isArray(data.detail)) details.code = 'validation_error';
  return details;
}

function detailMessage(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail;
  if (!Array.isArray(detail)) return undefined;
  const parts = detail.filter(isRecord).map((item) => {
    const location = Array.isArray(item.loc) ? item.loc.join('.') : undefined;
    const message = typeof item.msg === 'string' ? item.msg : 'invalid';
    return location === undefined ? message : `${location}: ${message}`;
  });
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
