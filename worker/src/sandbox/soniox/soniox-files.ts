import { paginate, parseLimit, type LimitBounds } from '../shared/cursor-pagination.js';
import { jsonResponse } from '../shared/json-response.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { Route } from '../shared/route-table.js';
import { sonioxErrors } from './soniox-errors.js';

/** Soniox's `File` object, stored exactly as it is sent. */
export interface SonioxFile {
  /** UUID. */
  readonly id: string;
  /** The multipart part's filename. */
  readonly filename: string;
  /** Bytes. */
  readonly size: number;
  /** ISO 8601, UTC. */
  readonly created_at: string;
  /** The caller's own tracking string. */
  readonly client_reference_id: string | null;
}

/** The `limit` bounds of every Soniox list endpoint. */
export const SONIOX_LIST_LIMIT: LimitBounds = { min: 1, max: 1000, default: 1000 };

/** `GET /v1/files`: the uploaded files, oldest first, one cursor page at a time. */
export function sonioxFileRoutes(files: MemoryStore<SonioxFile>): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/files',
      handler: ({ url }) => {
        const limit = parseLimit(url.searchParams.get('limit'), SONIOX_LIST_LIMIT);
        if (!limit.ok) {
          return sonioxErrors.invalidLimit(limit.issue);
        }
        const page = paginate(files, {
          scope: 'soniox.files',
          limit: limit.limit,
          cursor: url.searchParams.get('cursor'),
        });
        if (!page.ok) {
          return sonioxErrors.invalidCursor();
        }
        return jsonResponse({ files: page.items, next_page_cursor: page.nextCursor });
      },
    },
  ];
}
