import { paginate, parseLimit } from '../shared/cursor-pagination.js';
import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import { scriptivoxInvalidRequest } from './scriptivox-errors.js';
import { jobState, type ScriptivoxJob } from './scriptivox-job.js';
import { transcriptionBody } from './scriptivox-view.js';

const STATUSES = new Set(['created', 'downloading', 'pending', 'processing', 'completed', 'failed']);

/**
`GET /v1/transcriptions`: the account's jobs without their results, newest first unless
`order=asc`, filtered by `status` and by creation time (`from` inclusive, `to` exclusive),
`limit` 1–200 (default 50), as `{ items, has_more, next_cursor }`. Deleted jobs are left out.
*/
export function scriptivoxListRoutes(jobs: MemoryStore<ScriptivoxJob>, clock: JobClock): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/transcriptions',
      handler: ({ url }) => {
        const query = url.searchParams;
        const limit = parseLimit(query.get('limit'), { min: 1, max: 200, default: 50 });
        if (!limit.ok) {
          return scriptivoxInvalidRequest(
            `\`limit\` must be an integer from 1 to 200 (${limit.issue.message}).`,
          );
        }
        const order = query.get('order') ?? 'desc';
        if (order !== 'asc' && order !== 'desc') {
          return scriptivoxInvalidRequest('`order` must be asc or desc.');
        }
        const status = query.get('status');
        if (status !== null && !STATUSES.has(status)) {
          return scriptivoxInvalidRequest(`\`status\` must be one of ${[...STATUSES].join(', ')}.`);
        }
        const bounds: Record<'from' | 'to', number | undefined> = { from: undefined, to: undefined };
        for (const name of ['from', 'to'] as const) {
          const raw = query.get(name);
          if (raw === null) continue;
          const time = Date.parse(raw);
          if (Number.isNaN(time)) {
            return scriptivoxInvalidRequest(`\`${name}\` must be an ISO 8601 timestamp.`);
          }
          bounds[name] = time;
        }
        const page = paginate(jobs, {
          scope: 'scriptivox.transcriptions',
          limit: limit.limit,
          cursor: query.get('cursor'),
          order,
          filter: (job) =>
            job.deletedAtMs === null &&
            (status === null || jobState(job, clock).status === status) &&
            (bounds.from === undefined || job.createdAtMs >= bounds.from) &&
            (bounds.to === undefined || job.createdAtMs < bounds.to),
        });
        if (!page.ok) {
          return scriptivoxInvalidRequest('`cursor` is not a cursor from this list.');
        }
        return jsonResponse({
          items: page.items.map((job) => transcriptionBody(job, clock, { withResult: false })),
          has_more: page.nextCursor !== null,
          next_cursor: page.nextCursor,
        });
      },
    },
  ];
}
