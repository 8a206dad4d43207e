import type * as v from 'valibot';
import { hasMarker, ScribeError } from './scribe-error.js';

const marker = 'scribekit.error.ResponseValidationError';
const symbol = Symbol.for(marker);

/** One problem found in a provider's response, with the path of the bad field. */
export interface ResponseIssue {
  /** Dotted path of the field, such as `tokens[3].start_ms`; empty for the whole body. */
  path: string;
  /** What was wrong. */
  message: string;
}

/**
The provider answered 2xx, but not with the shape its documentation promises.

Nothing is guessed from a malformed body: the parsed JSON stays in `data` so nothing is lost.
*/
export class ResponseValidationError extends ScribeError {
  private readonly [symbol] = true;
  override readonly name = 'ResponseValidationError' as const;
  /** The provider that answered. */
  readonly provider: string;
  /** What was called: `GET https://…`, or a message type for streamed data. */
  readonly operation: string;
  /** Every problem found. */
  readonly issues: ResponseIssue[];
  /** The body as received (JSON-parsed where possible). */
  readonly data: unknown;

  constructor(options: {
    provider: string;
    operation: string;
    issues: ResponseIssue[];
    data?: unknown;
    cause?: unknown;
  }) {
    const first = options.issues[0];
    const where =
      first === undefined
        ? ''
        : first.path === ''
          ? `: ${first.message}`
          : `: ${first.path}: ${first.message}`;
    const more = options.issues.length > 1 ? ` (and ${options.issues.length - 1} more)` : '';
    super(`${options.provider} ${options.operation} returned an unexpected response${where}${more}`, {
      cause: options.cause,
    });
    this.provider = options.provider;
    this.operation = options.operation;
    this.issues = options.issues;
    this.data = options.data;
  }

  /** Whether `error` is a `ResponseValidationError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is ResponseValidationError {
    return hasMarker(error, marker);
  }
}

/** Turns valibot issues into `{ path, message }` pairs with dotted paths (`a.b[2].c`). */
export function toResponseIssues(issues: readonly v.BaseIssue<unknown>[]): ResponseIssue[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

function formatIssuePath(path: v.BaseIssue<unknown>['path']): string {
  let result = '';
  for (const item of path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') result += `[${key}]`;
    else result += result === '' ? String(key) : `.${String(key)}`;
  }
  return result;
}
