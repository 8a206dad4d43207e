import { InvalidArgumentError } from '../errors/index.js';
import type { Transcript } from './transcript-schema.js';

/** Options of {@link toJson}. */
export interface JsonOptions {
  /**
  Indentation, as for `JSON.stringify`: a number of spaces (up to 10) or a string. Omit it for
  compact output.

  @default undefined
  */
  space?: number | string | undefined;
}

// The order keys are written in, per kind of object: the order of the model's definition. Keys not
// listed follow in sorted order.
const transcriptKeys = [
  'provider',
  'id',
  'text',
  'language',
  'durationInSeconds',
  'words',
  'segments',
  'speakers',
  'chapters',
  'warnings',
  'providerMetadata',
];
const segmentKeys = ['text', 'start', 'end', 'speaker', 'language', 'words'];
const wordKeys = ['text', 'start', 'end', 'confidence', 'speaker', 'language'];
const chapterKeys = ['title', 'start', 'end', 'confidence'];
const warningKeys = ['type', 'feature', 'message'];

type Shape = 'transcript' | 'segment' | 'word' | 'chapter' | 'warning' | 'other';

/**
Writes a transcript as JSON whose bytes depend only on its content.

Keys come in a fixed order whatever order the object was built in: the order of the model's
definition for the transcript (`provider`, `id`, `text`, `language`, `durationInSeconds`, `words`,
`segments`, `speakers`, `chapters`, `warnings`, `providerMetadata`) and for each word, segment,
chapter and warning (`text`, `start`, `end`, …); keys the model does not know (everything inside
`providerMetadata`, say) follow, sorted.
Values follow `JSON.stringify`: `undefined` properties are left out, `toJSON()` is honoured.
Numbers are written exactly, not rounded. Parse it back with `JSON.parse` and, to check it,
`TranscriptSchema`.

Throws `InvalidArgumentError` for a value JSON cannot hold: a circular reference or a `bigint`.

@example
```ts
import { toJson } from 'scribekit';

const file = new Blob([toJson(transcript, { space: 2 })], { type: 'application/json' });
```
*/
export function toJson(transcript: Transcript, options: JsonOptions = {}): string {
  return JSON.stringify(canonical(transcript, 'transcript', new Set(), 'transcript'), null, options.space);
}

function canonical(value: unknown, shape: Shape, ancestors: Set<object>, path: string): unknown {
  if (typeof value === 'bigint') {
    throw new InvalidArgumentError({ argument: path, message: 'is a bigint, which JSON cannot hold', value });
  }
  if (typeof value !== 'object' || value === null) return value;
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return canonical((withToJson.toJSON as () => unknown).call(value), 'other', ancestors, path);
  }
  if (ancestors.has(value)) {
    throw new InvalidArgumentError({
      argument: path,
      message: 'refers back to itself, which JSON cannot hold',
    });
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item, index) => canonical(item, shape, ancestors, `${path}[${index}]`));
    }
    const record = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const key of orderedKeys(Object.keys(record), shape)) {
      result[key] = canonical(record[key], childShape(shape, key), ancestors, `${path}.${key}`);
    }
    return result;
  } finally {
    ancestors.delete(value);
  }
}

function orderedKeys(keys: readonly string[], shape: Shape): string[] {
  const preferred = preferredKeys(shape);
  const known = preferred.filter((key) => keys.includes(key));
  const rest = keys.filter((key) => !preferred.includes(key)).sort();
  return [...known, ...rest];
}

function preferredKeys(shape: Shape): readonly string[] {
  switch (shape) {
    case 'transcript':
      return transcriptKeys;
    case 'segment':
      return segmentKeys;
    case 'word':
      return wordKeys;
    case 'chapter':
      return chapterKeys;
    case 'warning':
      return warningKeys;
    case 'other':
      return [];
  }
}

function childShape(shape: Shape, key: string): Shape {
  if (shape === 'transcript') {
    if (key === 'segments') return 'segment';
    if (key === 'words') return 'word';
    if (key === 'chapters') return 'chapter';
    if (key === 'warnings') return 'warning';
  }
  if (shape === 'segment' && key === 'words') return 'word';
  return 'other';
}
