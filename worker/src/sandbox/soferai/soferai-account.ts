import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';

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

/** The sandbox account's balance: US$100 deposited, nothing spent or held. */
export const SOFERAI_SANDBOX_BALANCE: SoferaiBalance = {
  total_balance: 10_000,
  available_balance: 10_000,
  pending_balance: 0,
  all_time_deposits: 10_000,
  all_time_spend: 0,
};

/** `GET /v1/health/` (public) and `GET /v1/balance/`; both trailing slashes are part of the real paths. */
export function soferaiAccountRoutes(): Route[] {
  return [
    { method: 'GET', path: '/v1/health/', public: true, handler: () => jsonResponse({ status: 'ok' }) },
    { method: 'GET', path: '/v1/balance/', handler: () => jsonResponse(SOFERAI_SANDBOX_BALANCE) },
  ];
}
