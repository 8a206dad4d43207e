import { InvalidArgumentError } from '../errors/index.js';

// Internal checks shared by the builders and exporters. They throw InvalidArgumentError naming the
// argument as the caller wrote it, so a bad word deep in a transcript can be found.

/** Throws unless `value` is a finite number of seconds at or after zero. */
export function assertTime(value: unknown, argument: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError({
      argument,
      message: 'must be a finite number of seconds, not negative',
      value,
    });
  }
}

/** Throws unless `item` has valid `start` and `end` times with `start <= end`. */
export function assertTimeRange(item: { start: unknown; end: unknown }, argument: string): void {
  assertTime(item.start, `${argument}.start`);
  assertTime(item.end, `${argument}.end`);
  if (item.end < item.start) {
    throw new InvalidArgumentError({
      argument: `${argument}.end`,
      message: `must not be before \`start\` (${item.start})`,
      value: item.end,
    });
  }
}

/** Throws unless `value` is a number greater than zero (`Infinity` allowed, meaning no limit). */
export function assertPositive(value: unknown, argument: string): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new InvalidArgumentError({ argument, message: 'must be a number greater than 0', value });
  }
}

/** Throws unless `value` is a number at or above zero (`Infinity` allowed, meaning no limit). */
export function assertNonNegative(value: unknown, argument: string): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidArgumentError({ argument, message: 'must be a number, not negative', value });
  }
}

/** Throws unless `value` is an integer of at least 1 (`Infinity` allowed, meaning no limit). */
export function assertCount(value: unknown, argument: string): asserts value is number {
  if (typeof value !== 'number' || !(value >= 1) || (!Number.isInteger(value) && value !== Infinity)) {
    throw new InvalidArgumentError({ argument, message: 'must be an integer of at least 1', value });
  }
}
