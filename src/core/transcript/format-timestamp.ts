import { InvalidArgumentError } from '../errors/index.js';
import { assertTime } from './assert-options.js';

/** Options of {@link formatTimestamp}. */
export interface FormatTimestampOptions {
  /**
  The character between seconds and milliseconds: `,` for SRT, `.` for WebVTT.

  @default '.'
  */
  separator?: ',' | '.' | undefined;
}

/**
Formats seconds as a subtitle timestamp, `HH:MM:SS.mmm` (WebVTT) or `HH:MM:SS,mmm` (SRT).

The time is rounded to the nearest millisecond first, so the carry is never lost: 59.9996 s is
`00:01:00.000`, never `00:00:60.000`. Hours have at least two digits and as many as needed beyond
(`100:00:00.000` for 360,000 s); both formats allow that.

Throws `InvalidArgumentError` for a negative, `NaN` or infinite time (or one too large to count in
whole milliseconds), and for another separator.

@example
```ts
import { formatTimestamp } from 'scribekit';

formatTimestamp(3723.5); //=> '01:02:03.500'
formatTimestamp(3723.5, { separator: ',' }); //=> '01:02:03,500'
```
*/
export function formatTimestamp(seconds: number, options: FormatTimestampOptions = {}): string {
  const separator = options.separator ?? '.';
  if (separator !== '.' && separator !== ',') {
    throw new InvalidArgumentError({
      argument: 'separator',
      message: "must be '.' or ','",
      value: separator,
    });
  }
  assertTime(seconds, 'seconds');
  const totalMilliseconds = Math.round(seconds * 1000);
  if (totalMilliseconds > Number.MAX_SAFE_INTEGER) {
    throw new InvalidArgumentError({
      argument: 'seconds',
      message: 'is too large to format',
      value: seconds,
    });
  }
  const { hours, minutes, secondsPart, milliseconds } = splitTime(totalMilliseconds);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secondsPart, 2)}${separator}${pad(milliseconds, 3)}`;
}

/**
Splits a whole number of milliseconds into clock fields.

@internal
*/
export function splitTime(totalMilliseconds: number): {
  hours: number;
  minutes: number;
  secondsPart: number;
  milliseconds: number;
} {
  const milliseconds = totalMilliseconds % 1000;
  const totalSeconds = (totalMilliseconds - milliseconds) / 1000;
  const secondsPart = totalSeconds % 60;
  const totalMinutes = (totalSeconds - secondsPart) / 60;
  const minutes = totalMinutes % 60;
  const hours = (totalMinutes - minutes) / 60;
  return { hours, minutes, secondsPart, milliseconds };
}

/** @internal Left-pads a non-negative integer with zeros. */
export function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}
