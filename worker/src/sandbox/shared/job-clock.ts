/** The provider-neutral phase of an emulated job; each emulator maps it to its own status names. */
export type JobPhase = 'queued' | 'processing' | 'completed';

/** How long an emulated job waits in each phase before moving on, in milliseconds. */
export interface JobDelays {
  /** Time from creation until processing starts. */
  readonly queuedMs: number;
  /** Time from the start of processing until the job completes. */
  readonly processingMs: number;
}

/** The delays a sandbox uses when it is given none: long enough for a demo to show progress. */
export const DEFAULT_JOB_DELAYS: JobDelays = { queuedMs: 1000, processingMs: 2000 };

/** When a job created at a given instant enters each later phase, in ms since the epoch. */
export interface JobTimeline {
  /** The instant the job leaves `queued`. */
  readonly processingAt: number;
  /** The instant the job leaves `processing`. */
  readonly completedAt: number;
}

/**
Fills in the delays left out and checks them.

Throws a `RangeError` for a negative or non-finite delay, since such a clock could never reach
`completed`.
*/
export function resolveJobDelays(overrides: Partial<JobDelays> = {}): JobDelays {
  const delays = { ...DEFAULT_JOB_DELAYS, ...withoutUndefined(overrides) };
  for (const [name, value] of Object.entries(delays)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Sandbox job delay ${name} must be a finite number of milliseconds ≥ 0, got ${value}.`);
    }
  }
  return delays;
}

/** The instants at which a job created at `createdAt` starts processing and completes. */
export function jobTimeline(createdAt: number, delays: JobDelays): JobTimeline {
  const processingAt = createdAt + delays.queuedMs;
  return { processingAt, completedAt: processingAt + delays.processingMs };
}

/**
The phase a job created at `createdAt` is in at `now`.

Computed on demand rather than driven by timers, so it works in workerd (where timers do not
outlive a request) and a test can move its clock instead of waiting. A phase begins at its
boundary instant: with both delays 0 a job is `completed` the moment it is created. A clock that
reads earlier than `createdAt` gives `queued`.
*/
export function jobStatusAt(createdAt: number, now: number, delays: JobDelays): JobPhase {
  const { processingAt, completedAt } = jobTimeline(createdAt, delays);
  if (now >= completedAt) {
    return 'completed';
  }
  return now >= processingAt ? 'processing' : 'queued';
}

/** A sandbox's notion of time: its clock, its delays, and the phase of any job by creation time. */
export interface JobClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** The configured delays. */
  readonly delays: JobDelays;
  /** The phase, now, of a job created at `createdAt`. */
  phaseOf(createdAt: number): JobPhase;
  /** When a job created at `createdAt` starts processing and completes. */
  timelineOf(createdAt: number): JobTimeline;
}

/** What {@link createJobClock} accepts. */
export interface JobClockOptions {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Delays to override; the rest come from {@link DEFAULT_JOB_DELAYS}. */
  delays?: Partial<JobDelays> | undefined;
}

/** Creates the clock every emulator of one sandbox shares. */
export function createJobClock(options: JobClockOptions = {}): JobClock {
  const now = options.now ?? Date.now;
  const delays = resolveJobDelays(options.delays);
  return {
    now: () => now(),
    delays,
    phaseOf: (createdAt) => jobStatusAt(createdAt, now(), delays),
    timelineOf: (createdAt) => jobTimeline(createdAt, delays),
  };
}

function withoutUndefined(overrides: Partial<JobDelays>): Partial<JobDelays> {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}
