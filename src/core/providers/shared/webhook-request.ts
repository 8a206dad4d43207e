/** Request headers as a `Headers` object or a plain record (Node's `IncomingMessage.headers`). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Reads one header by name, case-insensitively; for a repeated header in a plain record, the first value. */
export function readWebhookHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Parses a webhook body, or `undefined` when it is not JSON (the caller reports that as a bad body). */
export function parseWebhookJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
