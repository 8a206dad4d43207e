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

/** What the account's jobs have done to its credit, at one instant. */
export interface ScriptivoxLedger {
  /** Charged for completed jobs. */
  readonly spentCents: number;
  /** Held for jobs being processed. */
  readonly reservedCents: number;
  /** The last time a charge, reservation or release happened, if any did. */
  readonly lastChangeMs: number | undefined;
}

/** Scriptivox's API price: US$0.20 per audio hour. */
export const SCRIPTIVOX_PRICE_PER_HOUR_CENTS = 20;

/** The sandbox account's deposit: US$10, i.e. 50 hours of audio. */
export const SCRIPTIVOX_SANDBOX_DEPOSIT_CENTS = 1000;

const NO_JOBS: ScriptivoxLedger = { spentCents: 0, reservedCents: 0, lastChangeMs: undefined };

/**
`GET /v1/balance`, for an account funded when the sandbox first answers it: the deposit less what
completed jobs cost, with the cost of jobs being processed reserved (reference/scriptivox.md §11).

The funding instant is read on the first request rather than at creation, because a Worker may
create the sandbox at module scope, where workerd does not advance the clock.
*/
export function scriptivoxBalanceRoutes(
  clock: Pick<JobClock, 'now'>,
  ledger: () => ScriptivoxLedger = () => NO_JOBS,
): Route[] {
  let fundedAt: number | undefined;
  const cents = (value: number) => Math.round(value * 10_000) / 10_000;
  return [
    {
      method: 'GET',
      path: '/v1/balance',
      handler: () => {
        fundedAt ??= clock.now();
        const { spentCents, reservedCents, lastChangeMs } = ledger();
        const balance = cents(SCRIPTIVOX_SANDBOX_DEPOSIT_CENTS - spentCents);
        const available = cents(balance - reservedCents);
        const body: ScriptivoxBalance = {
          balance_cents: balance,
          reserved_cents: cents(reservedCents),
          available_cents: available,
          price_per_hour_cents: SCRIPTIVOX_PRICE_PER_HOUR_CENTS,
          estimated_hours_available: Math.round((available / SCRIPTIVOX_PRICE_PER_HOUR_CENTS) * 100) / 100,
          deposit_url: 'https://platform.scriptivox.com/billing',
          updated_at: new Date(Math.max(fundedAt, lastChangeMs ?? fundedAt)).toISOString(),
        };
        return jsonResponse(body);
      },
    },
  ];
}
