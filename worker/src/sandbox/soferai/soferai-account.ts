import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { jobStatus } from './soferai-job.js';
import type { SoferaiState } from './soferai-state.js';

/** SoferAI's `Balance` object, all values in US cents. */
export interface SoferaiBalance {
  /** Balance before pending charges. */
  readonly total_balance: number;
  /** Spendable now: total minus pending. */
  readonly available_balance: number;
  /** Held for queued or running transcriptions. */
  readonly pending_balance: number;
  /** Lifetime deposits. */
  readonly all_time_deposits: number;
  /** Lifetime spend on finished transcriptions. */
  readonly all_time_spend: number;
}

/**
The balance now: each transcription's charge is held (pending) while it is RECEIVED or PROCESSING,
spent once COMPLETED, and released if it FAILED; one refused for INSUFFICIENT_FUNDS never held
anything. Computed from the jobs and the clock, like their statuses.
*/
export function soferaiBalance(state: SoferaiState, clock: JobClock): SoferaiBalance {
  let spent = 0;
  let pending = 0;
  for (const job of state.transcriptions.values()) {
    const status = jobStatus(job, clock);
    if (status === 'COMPLETED') spent += job.chargeCents;
    else if (status === 'RECEIVED' || status === 'PROCESSING') pending += job.chargeCents;
  }
  const total = state.depositCents - spent;
  return {
    total_balance: total,
    available_balance: total - pending,
    pending_balance: pending,
    all_time_deposits: state.depositCents,
    all_time_spend: spent,
  };
}

/** `GET /v1/health/` (public) and `GET /v1/balance/`; both trailing slashes are part of the real paths. */
export function soferaiAccountRoutes(state: SoferaiState, clock: JobClock): Route[] {
  return [
    { method: 'GET', path: '/v1/health/', public: true, handler: () => jsonResponse({ status: 'ok' }) },
    { method: 'GET', path: '/v1/balance/', handler: () => jsonResponse(soferaiBalance(state, clock)) },
  ];
}
