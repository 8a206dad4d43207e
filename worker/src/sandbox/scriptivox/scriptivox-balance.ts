import { jsonResponse } from '../shared/json-response.js';
import type { JobClock } from '../shared/job-clock.js';
import type { Route } from '../shared/route-table.js';

/** The response of `GET /v1/balance`. */
export interface ScriptivoxBalance {
  /** Credit on the account. */
  readonly balance_cents: number;
  /** Held for jobs being processed. */
  readonly reserved_cents: number;
  /** Balance minus reservations. */
  readonly available_cents: number;
  /** Always 20 (US$0.20 per audio hour). */
  readonly price_per_hour_cents: number;
  /** Audio hours the available credit buys. */
  readonly estimated_hours_available: number;
  /** Where to add credit. */
  readonly deposit_url: string;
  /** ISO 8601. */
  readonly updated_at: string;
}

/** Scriptivox's API price: US$0.20 per audio hour. */
export const SCRIPTIVOX_PRICE_PER_HOUR_CENTS = 20;

/** The sandbox account's deposit: US$10, i.e. 50 hours of audio. */
export const SCRIPTIVOX_SANDBOX_DEPOSIT_CENTS = 1000;

/**
`GET /v1/balance`, for an account funded when the sandbox first answers it.

The funding instant is read on the first request rather than at creation, because a Worker may
create the sandbox at module scope, where workerd does not advance the clock.
*/
export function scriptivoxBalanceRoutes(clock: Pick<JobClock, 'now'>): Route[] {
  let fundedAt: number | undefined;
  return [
    {
      method: 'GET',
      path: '/v1/balance',
      handler: () => {
        fundedAt ??= clock.now();
        const balance: ScriptivoxBalance = {
          balance_cents: SCRIPTIVOX_SANDBOX_DEPOSIT_CENTS,
          reserved_cents: 0,
          available_cents: SCRIPTIVOX_SANDBOX_DEPOSIT_CENTS,
          price_per_hour_cents: SCRIPTIVOX_PRICE_PER_HOUR_CENTS,
          estimated_hours_available: SCRIPTIVOX_SANDBOX_DEPOSIT_CENTS / SCRIPTIVOX_PRICE_PER_HOUR_CENTS,
          deposit_url: 'https://platform.scriptivox.com/billing',
          updated_at: new Date(fundedAt).toISOString(),
        };
        return jsonResponse(balance);
      },
    },
  ];
}
