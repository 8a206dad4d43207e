/**
How well an outline topic's starting phrase was found in the transcript. SoferAI documents the four
buckets; a bucket it may add later is kept as its string.
*/
export type OutlineConfidence = 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE' | (string & {});

/** A chapter to place: its title and the phrase its opening is expected to quote. */
export interface OutlineTopicInput {
  /** The chapter's title. */
  title: string;
  /** A short quote of how the chapter opens, as a person or an LLM remembered it. */
  startingPhrase: string;
}

/**
A chapter placed on the transcript's timeline: SoferAI's `OutlineTopic`
(https://docs.sofer.ai/api-reference/timestamps/outline) in camelCase, which `alignOutline` also
returns for any provider's transcript.

@example
```ts
import { alignOutline, type OutlineTopic } from 'scribekit';

const topics: OutlineTopic[] = alignOutline(transcript, [{ title: 'Intro', startingPhrase: 'welcome back' }]);
```
*/
export interface OutlineTopic {
  /** The chapter's title. */
  title: string;
  /** The phrase that was searched for. */
  startingPhrase: string;
  /** When the best match starts, in seconds; `null` when no acceptable match was found. */
  startTimeSec: number | null;
  /** The transcript's words of the best match, joined with spaces; `''` when none was found. */
  matchedText: string;
  /** How good the match is, from 0 to 1. */
  scoreNorm: number;
  /** `scoreNorm` in a bucket; `NONE` goes with a `null` start. */
  confidence: OutlineConfidence;
  /**
  The match as `[first, end)` indices: into `transcript.words` for `alignOutline`, into SoferAI's
  own timestamp list for its outline endpoint (reference/soferai.md §4.6: unconfirmed which list).
  */
  tokenSpan: [number, number] | null;
  /** How many of the phrase's content tokens (stop-words and fillers left out) matched. */
  matchedContent: number | null;
  /** The share of the phrase's content tokens that matched, 0 to 1. */
  contentCoverage: number | null;
  /** The longest run of matched content tokens allowing one skipped token on either side. */
  longestContentRunSoft: number | null;
  /** The longest run of matched content tokens with nothing skipped. */
  longestContentRunStrict: number | null;
}
