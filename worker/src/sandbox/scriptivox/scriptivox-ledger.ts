import type { JobClock } from '../shared/job-clock.js';
import type { MemoryStore } from '../shared/memory-store.js';
import type { ScriptivoxLedger } from './scriptivox-balance.js';
import { costCents, jobState, type ScriptivoxJob } from './scriptivox-job.js';

/**
The account's ledger now: completed jobs are charged, processing jobs reserve their cost, a job
cancelled while processing released its reservation when it was cancelled. Deleted jobs were
still billed, so they count.
*/
export function scriptivoxLedger(jobs: MemoryStore<ScriptivoxJob>, clock: JobClock): ScriptivoxLedger {
  let spentCents = 0;
  let reservedCents = 0;
  let lastChangeMs: number | undefined;
  const changed = (ms: number | null) => {
    if (ms !== null && (lastChangeMs === undefined || ms > lastChangeMs)) lastChangeMs = ms;
  };
  for (const job of jobs.values()) {
    const state = jobState(job, clock);
    if (state.durationSeconds === null) continue;
    if (state.status === 'completed') {
      spentCents += costCents(state.durationSeconds);
      changed(state.finishedAtMs);
    } else if (state.status === 'processing') {
      reservedCents += costCents(state.durationSeconds);
      changed(state.startedAtMs);
    } else if (state.error?.code === 'CANCELLED') {
      changed(state.finishedAtMs);
    }
  }
  return { spentCents, reservedCents, lastChangeMs };
}
