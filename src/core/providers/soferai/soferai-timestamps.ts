import * as v from 'valibot';
import type { HttpClient } from '../../http/index.js';
import type { OutlineTopic } from '../../outline/index.js';
import { validateArguments } from '../shared/validate-arguments.js';
import { SoferAIOutlineTopicSchema } from './soferai-api.js';
import type { SoferAICallOptions } from './soferai-ids.js';
import { omitUndefined, SoferAIIdSchema } from './soferai-options.js';

/** Options of `timestamps.outline`. Defaults when left out are undocumented: send them to be sure. */
export interface SoferAIOutlineOptions extends SoferAICallOptions {
  /** Search each topic after the previous topic's start (with a small backoff). */
  monotone?: boolean;
  /** Search a topic whose title says "conclusion" in the last third of the audio only. */
  conclusionBias?: boolean;
  /**
  Time limit for the call in ms, or `false` for none: the server runs an LLM over the whole
  transcript, which takes far longer than an ordinary request.

  @default 600000
  */
  timeout?: number | false;
}

/** `soferai.timestamps`: chapters of a finished transcription. */
export interface SoferAITimestamps {
  /**
  Asks SoferAI for an outline of a completed transcription: an LLM writes chapter titles and the
  phrase each opens with, and each phrase is aligned to the word timings. Turn the topics into
  chapters with `outlineToChapters`; `alignOutline` does the alignment half locally, for any
  provider's transcript.
  */
  outline(transcriptionId: string, options?: SoferAIOutlineOptions): Promise<OutlineTopic[]>;
}

const optionsSchema = v.object({
  monotone: v.optional(v.boolean('must be a boolean')),
  conclusionBias: v.optional(v.boolean('must be a boolean')),
  timeout: v.optional(
    v.union(
      [v.literal(false), v.pipe(v.number(), v.integer(), v.minValue(1))],
      'must be a positive number of milliseconds or false',
    ),
  ),
});

/** Builds the `timestamps` namespace on an HTTP client. */
export function createSoferAITimestamps(http: HttpClient): SoferAITimestamps {
  return {
    async outline(transcriptionId, options = {}) {
      const id = validateArguments(SoferAIIdSchema, transcriptionId, 'transcriptionId');
      const { monotone, conclusionBias, timeout } = validateArguments(optionsSchema, {
        monotone: options.monotone,
        conclusionBias: options.conclusionBias,
        timeout: options.timeout,
      });
      return http.json(
        {
          method: 'POST',
          path: 'v1/timestamps/outline',
          json: omitUndefined({
            transcription_id: id,
            monotone,
            conclusion_bias: conclusionBias,
          }),
          signal: options.signal,
          timeout: timeout ?? 600_000,
        },
        v.array(SoferAIOutlineTopicSchema),
      );
    },
  };
}
