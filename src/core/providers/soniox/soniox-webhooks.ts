import * as v from 'valibot';
import { InvalidArgumentError } from '../../errors/index.js';
import { constantTimeEqual } from '../shared/constant-time-equal.js';
import { parseWebhookJson, readWebhookHeader } from '../shared/webhook-request.js';

/** The one auth header you asked Soniox to send with webhooks (`webhookAuthHeaderName` / `Value`). */
export interface SonioxWebhookAuth {
  /** Header name, matched case-insensitively. */
  name: string;
  /** The shared secret it must carry. */
  value: string;
}

/** What Soniox POSTs when a job ends: the id and final status, nothing more. Re-fetch the job for details. */
export interface SonioxWebhookEvent {
  id: string;
  status: 'completed' | 'error';
}

/** The outcome of {@link SonioxWebhooks.handleWebhook}: a `Response` to return and, if valid, the event. */
export type SonioxWebhookResult =
  | { ok: true; status: 200; event: SonioxWebhookEvent; response: Response }
  | { ok: false; status: 400 | 401 | 405; error: string; response: Response };

const WebhookEventSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  status: v.picklist(['completed', 'error']),
});

/** `soniox.webhooks`: parse and verify Soniox's job callbacks. */
export interface SonioxWebhooks {
  /** Parses a callback body; `InvalidArgumentError` when it is not `{ id, status }`. */
  parse(body: unknown): SonioxWebhookEvent;
  /**
  Whether the request carries the configured auth header with the right value, compared in
  constant time. Soniox signs nothing (reference/soniox.md §6): this header is the only proof.
  */
  verify(headers: Headers | Record<string, string | string[] | undefined>, auth?: SonioxWebhookAuth): boolean;
  /**
  Handles a callback `Request` end to end, framework-free (Workers, Deno, Bun, Node 18+): 405 for
  a non-POST, 401 for a bad header, 400 for a bad body, 200 with the event otherwise.
  */
  handleWebhook(request: Request, options?: { auth?: SonioxWebhookAuth }): Promise<SonioxWebhookResult>;
}

/** Builds the `webhooks` namespace. `defaultAuth` comes from the client options. */
export function createSonioxWebhooks(defaultAuth: SonioxWebhookAuth | undefined): SonioxWebhooks {
  const webhooks: SonioxWebhooks = {
    parse(body) {
      const data = typeof body === 'string' ? parseWebhookJson(body) : body;
      const result = v.safeParse(WebhookEventSchema, data);
      if (!result.success) {
        throw new InvalidArgumentError({
          argument: 'body',
          message: 'is not a Soniox webhook: expected { id, status: "completed" | "error" }',
        });
      }
      return result.output;
    },
    verify(headers, auth = defaultAuth) {
      if (auth === undefined) return true;
      const received = readWebhookHeader(headers, auth.name);
      return received !== undefined && constantTimeEqual(received, auth.value);
    },
    async handleWebhook(request, options = {}) {
      const auth = options.auth ?? defaultAuth;
      const reject = (status: 400 | 401 | 405, error: string): SonioxWebhookResult => ({
        ok: false,
        status,
        error,
        response: Response.json({ error }, { status, headers: status === 405 ? { Allow: 'POST' } : {} }),
      });
      if (request.method !== 'POST') return reject(405, 'method not allowed');
      if (!webhooks.verify(request.headers, auth)) return reject(401, 'invalid webhook authentication');
      let event: SonioxWebhookEvent;
      try {
        event = webhooks.parse(await request.text());
      } catch {
        return reject(400, 'invalid webhook payload');
      }
      return { ok: true, status: 200, event, response: Response.json({ received: true }) };
    },
  };
  return webhooks;
}
