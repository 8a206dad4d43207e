import * as v from 'valibot';
import { InvalidArgumentError } from '../../errors/index.js';
import type { ApiKey } from '../../http/index.js';
import { resolveApiKey } from '../../http/resolve-api-key.js';
import { ScriptivoxWebhookEventSchema, type ScriptivoxWebhookEvent } from './scriptivox-api.js';
import { verifyScriptivoxSignature } from './scriptivox-signature.js';
import { parseWebhookJson, readWebhookHeader, type WebhookHeaders } from '../shared/webhook-request.js';

/** Options of `webhooks.verify` and `webhooks.handleWebhook`. */
export interface ScriptivoxWebhookVerifyOptions {
  /** The API key the jobs were created with; defaults to the client's `apiKey`. */
  apiKey?: ApiKey;
  /**
  How far the signed timestamp may be from now, in seconds.
  @default 300
  */
  toleranceSeconds?: number;
  /** The current time, for tests and replays. @default Date.now() */
  now?: Date | number;
}

/** The outcome of {@link ScriptivoxWebhooks.handleWebhook}: a `Response` to return and, if valid, the event. */
export type ScriptivoxWebhookResult =
  | { ok: true; status: 200; event: ScriptivoxWebhookEvent; response: Response }
  | { ok: false; status: 400 | 401 | 405; error: string; response: Response };

/** Headers as a `Headers` object or a plain record (Node's `IncomingMessage.headers`). */
export type ScriptivoxWebhookHeaders = WebhookHeaders;

/** `scriptivox.webhooks`: verify and parse Scriptivox's signed job events. */
export interface ScriptivoxWebhooks {
  /**
  Whether `X-Scriptivox-Signature` is a valid HMAC-SHA256 of `<timestamp>.<body>` made with the
  SHA-256 of the API key, and `X-Scriptivox-Timestamp` is within five minutes. `body` must be the
  raw text, before any JSON parsing. Never throws for a bad signature: it resolves `false`.
  */
  verify(
    body: string,
    headers: ScriptivoxWebhookHeaders,
    options?: ScriptivoxWebhookVerifyOptions,
  ): Promise<boolean>;
  /** Parses an event body; `InvalidArgumentError` when it is not a Scriptivox webhook. It checks no signature. */
  parse(body: unknown): ScriptivoxWebhookEvent;
  /**
  Handles a webhook `Request` end to end, framework-free (Workers, Deno, Bun, Node 18+): 405 for a
  non-POST, 401 for a bad or stale signature, 400 for a bad body, 200 with the event otherwise.
  Scriptivox sends each event once and never retries, so keep polling as a fallback.
  */
  handleWebhook(request: Request, options?: ScriptivoxWebhookVerifyOptions): Promise<ScriptivoxWebhookResult>;
}

/** Builds the `webhooks` namespace; `defaultApiKey` is the client's `apiKey`. */
export function createScriptivoxWebhooks(defaultApiKey: ApiKey | undefined): ScriptivoxWebhooks {
  const webhooks: ScriptivoxWebhooks = {
    async verify(body, headers, options = {}) {
      if (typeof body !== 'string') {
        throw new InvalidArgumentError({
          argument: 'body',
          message: 'must be the raw body text, as received',
        });
      }
      const tolerance = options.toleranceSeconds ?? 300;
      if (!Number.isFinite(tolerance) || tolerance < 0) {
        throw new InvalidArgumentError({
          argument: 'toleranceSeconds',
          message: 'must be a non-negative number',
          value: tolerance,
        });
      }
      const apiKey = await resolveApiKey(options.apiKey ?? defaultApiKey, 'Scriptivox');
      if (apiKey === undefined) {
        throw new InvalidArgumentError({
          argument: 'apiKey',
          message: 'Scriptivox signs webhooks with your API key: pass `apiKey` here or to createScriptivox',
        });
      }
      const signature = readWebhookHeader(headers, 'x-scriptivox-signature');
      const timestamp = readWebhookHeader(headers, 'x-scriptivox-timestamp');
      if (signature === undefined || timestamp === undefined) return false;
      const now = options.now ?? Date.now();
      return verifyScriptivoxSignature({
        apiKey,
        body,
        signature,
        timestamp,
        nowMs: now instanceof Date ? now.getTime() : now,
        toleranceSeconds: tolerance,
      });
    },
    parse(body) {
      const data = typeof body === 'string' ? parseWebhookJson(body) : body;
      const result = v.safeParse(ScriptivoxWebhookEventSchema, data);
      if (!result.success) {
        throw new InvalidArgumentError({
          argument: 'body',
          message: 'is not a Scriptivox webhook: expected { event, transcription_id, status, ... }',
        });
      }
      return result.output;
    },
    async handleWebhook(request, options = {}) {
      const reject = (status: 400 | 401 | 405, error: string): ScriptivoxWebhookResult => ({
        ok: false,
        status,
        error,
        response: Response.json({ error }, { status, headers: status === 405 ? { Allow: 'POST' } : {} }),
      });
      if (request.method !== 'POST') return reject(405, 'method not allowed');
      const body = await request.text();
      if (!(await webhooks.verify(body, request.headers, options)))
        return reject(401, 'invalid webhook signature');
      let event: ScriptivoxWebhookEvent;
      try {
        event = webhooks.parse(body);
      } catch {
        return reject(400, 'invalid webhook payload');
      }
      return { ok: true, status: 200, event, response: Response.json({ received: true }) };
    },
  };
  return webhooks;
}
