import { createScriptivox } from '../../../src/core/providers/scriptivox/index.js';
import { createSoniox } from '../../../src/core/providers/soniox/index.js';
import { hasKey } from './config.js';
import type { Env } from '../env.js';
import { WorkerHttpError } from '../http-error.js';
import type { JobHub } from '../jobs/job-hub.js';

/**
`POST /api/webhooks/<provider>`: verifies a provider's job callback and records the job's new
state, which `GET /api/jobs/<id>/events` then streams to the page that started the job.

Soniox signs nothing; it sends back one header you chose when creating the job
(reference/soniox.md §6). The proxy adds that header's name and value (`SONIOX_WEBHOOK_SECRET`)
to every job it forwards, and this route compares it in constant time. Without a configured
secret the route refuses callbacks, since anyone could post a fake status.
*/
export async function webhookRoute(
  request: Request,
  provider: string,
  env: Env,
  hub: JobHub,
): Promise<Response> {
  if (request.method !== 'POST')
    throw new WorkerHttpError(405, 'method_not_allowed', 'Webhooks are POSTed', { Allow: 'POST' });
  if (provider === 'scriptivox') return scriptivoxWebhook(request, env, hub);
  if (provider !== 'soniox')
    throw new WorkerHttpError(404, 'unknown_webhook', `No webhook receiver for ${JSON.stringify(provider)}`);
  const secret = env.SONIOX_WEBHOOK_SECRET;
  if (secret === undefined || secret === '') {
    throw new WorkerHttpError(
      404,
      'webhooks_not_configured',
      'Set SONIOX_WEBHOOK_SECRET to receive Soniox webhooks',
    );
  }
  const soniox = createSoniox({
    apiKey: 'unused',
    webhookAuth: { name: sonioxWebhookHeader, value: secret },
  });
  const result = await soniox.webhooks.handleWebhook(request);
  if (!result.ok) throw new WorkerHttpError(result.status, 'webhook_rejected', result.error);
  await hub.record({
    provider: 'soniox',
    id: result.event.id,
    status: result.event.status,
    updatedAt: new Date().toISOString(),
  });
  return Response.json({ received: true });
}

/**
Scriptivox signs each event with an HMAC keyed by the SHA-256 of the API key (reference/scriptivox.md
§7), so the Worker's own key verifies it; in sandbox mode that is the sandbox's stand-in key.
*/
async function scriptivoxWebhook(request: Request, env: Env, hub: JobHub): Promise<Response> {
  const apiKey = hasKey(env, 'SCRIPTIVOX_API_KEY') ? (env.SCRIPTIVOX_API_KEY as string) : 'sandbox';
  const result = await createScriptivox({ apiKey }).webhooks.handleWebhook(request);
  if (!result.ok) throw new WorkerHttpError(result.status, 'webhook_rejected', result.error);
  await hub.record({
    provider: 'scriptivox',
    id: result.event.transcriptionId,
    status: result.event.status,
    updatedAt: new Date().toISOString(),
  });
  return Response.json({ received: true });
}

/** The header Soniox is asked to send back with its webhooks. */
export const sonioxWebhookHeader = 'X-Scribekit-Webhook-Secret';

/** `GET /api/jobs/<id>/events`: the job's states as Server-Sent Events. */
export async function jobEventsRoute(request: Request, id: string, hub: JobHub): Promise<Response> {
  if (request.method !== 'GET')
    throw new WorkerHttpError(405, 'method_not_allowed', 'Use GET', { Allow: 'GET' });
  if (!/^[\w-]{1,128}$/.test(id))
    throw new WorkerHttpError(400, 'invalid_job_id', 'The job id is not a valid id');
  return hub.events(id, request.signal);
}
