import { InvalidArgumentError } from '../errors/index.js';
import type { Chapter } from '../transcript/index.js';
import type { OutlineTopic } from './outline-topic.js';

/** Options of {@link outlineToChapters}. */
export interface OutlineToChaptersOptions {
  /** The audio's length in seconds: the last chapter's `end`. Without it the last chapter has no `end`. */
  durationInSeconds?: number | undefined;
  /**
  Leave out topics whose confidence is below this bucket.

  @default 'LOW'
  */
  minConfidence?: 'LOW' | 'MEDIUM' | 'HIGH' | undefined;
}

const rank: Record<string, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

/**
Turns aligned outline topics (from `alignOutline` or SoferAI's `timestamps.outline`) into
chapters: each found topic becomes `{ title, start, end, confidence }`, in time order, ending
where the next one starts (the last one at `durationInSeconds`, when given). Topics that were not
found (`startTimeSec: null`) or fall below `minConfidence` are left out; a bucket SoferAI may add
later counts as `LOW`. `confidence` is the topic's `scoreNorm`.

@example
```ts
import { outlineToChapters, toVttChapters } from 'scribekit';
import { createSoferAI } from 'scribekit/soferai';

const soferai = createSoferAI({ apiKey });
const topics = await soferai.timestamps.outline(id, { monotone: true, conclusionBias: true });
const chapters = outlineToChapters(topics, { durationInSeconds: 1802.5 });
toVttChapters(chapters);
```
*/
export function outlineToChapters(
  topics: readonly OutlineTopic[],
  options: OutlineToChaptersOptions = {},
): Chapter[] {
  const { durationInSeconds, minConfidence = 'LOW' } = options;
  if (durationInSeconds !== undefined && !(Number.isFinite(durationInSeconds) && durationInSeconds >= 0)) {
    throw new InvalidArgumentError({
      argument: 'durationInSeconds',
      message: 'must be a non-negative number of seconds',
      value: durationInSeconds,
    });
  }
  if (!(['LOW', 'MEDIUM', 'HIGH'] as unknown[]).includes(minConfidence)) {
    throw new InvalidArgumentError({
      argument: 'minConfidence',
      message: 'must be "LOW", "MEDIUM" or "HIGH"',
      value: minConfidence,
    });
  }
  const found = topics
    .filter(
      (topic): topic is OutlineTopic & { startTimeSec: number } =>
        typeof topic.startTimeSec === 'number' &&
        Number.isFinite(topic.startTimeSec) &&
        topic.startTimeSec >= 0 &&
        (rank[topic.confidence] ?? 1) >= (rank[minConfidence] ?? 1),
    )
    // Array.prototype.sort is stable: topics found at the same instant keep their order.
    .sort((left, right) => left.startTimeSec - right.startTimeSec);
  return found.map((topic, index) => {
    const chapter: Chapter = {
      title: topic.title,
      start: topic.startTimeSec,
      confidence: Math.min(1, Math.max(0, Number.isFinite(topic.scoreNorm) ? topic.scoreNorm : 0)),
    };
    const end = found[index + 1]?.startTimeSec ?? durationInSeconds;
    if (end !== undefined && end >= chapter.start) chapter.end = end;
    return chapter;
  });
}
