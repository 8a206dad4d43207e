import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import {
  createJobClock,
  DEFAULT_JOB_DELAYS,
  jobStatusAt,
  jobTimeline,
  resolveJobDelays,
} from '../../../worker/src/sandbox/shared/job-clock.js';

describe('jobStatusAt', () => {
  const delays = { queuedMs: 1000, processingMs: 2000 };
  const created = 1_000_000;

  test('moves queued → processing → completed at the boundaries', () => {
    expect(jobStatusAt(created, created, delays)).toBe('queued');
    expect(jobStatusAt(created, created + 999, delays)).toBe('queued');
    expect(jobStatusAt(created, created + 1000, delays)).toBe('processing');
    expect(jobStatusAt(created, created + 2999, delays)).toBe('processing');
    expect(jobStatusAt(created, created + 3000, delays)).toBe('completed');
    expect(jobStatusAt(created, created + 10 ** 9, delays)).toBe('completed');
  });

  test('zero delays complete a job at once', () => {
    expect(jobStatusAt(created, created, { queuedMs: 0, processingMs: 0 })).toBe('completed');
  });

  test('a zero queue delay starts processing at once', () => {
    expect(jobStatusAt(created, created, { queuedMs: 0, processingMs: 5 })).toBe('processing');
  });

  test('a clock that reads before creation says queued', () => {
    expect(jobStatusAt(created, created - 1, delays)).toBe('queued');
  });

  test('jobTimeline gives the phase instants', () => {
    expect(jobTimeline(created, delays)).toEqual({
      processingAt: created + 1000,
      completedAt: created + 3000,
    });
  });
});

describe('resolveJobDelays', () => {
  test('defaults are 1000 / 2000 ms', () => {
    expect(DEFAULT_JOB_DELAYS).toEqual({ queuedMs: 1000, processingMs: 2000 });
    expect(resolveJobDelays()).toEqual(DEFAULT_JOB_DELAYS);
    expect(resolveJobDelays({ processingMs: 0 })).toEqual({ queuedMs: 1000, processingMs: 0 });
  });

  test('rejects negative and non-finite delays', () => {
    expect(() => resolveJobDelays({ queuedMs: -1 })).toThrow(RangeError);
    expect(() => resolveJobDelays({ processingMs: Number.NaN })).toThrow(RangeError);
    expect(() => resolveJobDelays({ processingMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => createSandbox({ jobDelays: { queuedMs: -5 } })).toThrow(RangeError);
  });
});

describe('createJobClock', () => {
  test('reads a controlled clock lazily, with no timers', () => {
    let now = 50_000;
    const clock = createJobClock({ now: () => now, delays: { queuedMs: 100, processingMs: 200 } });
    const created = clock.now();
    expect(clock.phaseOf(created)).toBe('queued');
    now += 100;
    expect(clock.phaseOf(created)).toBe('processing');
    now += 200;
    expect(clock.phaseOf(created)).toBe('completed');
    expect(clock.timelineOf(created)).toEqual({ processingAt: 50_100, completedAt: 50_300 });
    expect(clock.delays).toEqual({ queuedMs: 100, processingMs: 200 });
  });

  test('defaults to Date.now', () => {
    const clock = createJobClock();
    const before = Date.now();
    const reading = clock.now();
    expect(reading).toBeGreaterThanOrEqual(before);
    expect(reading).toBeLessThanOrEqual(Date.now());
  });
});
