import { alignOutline, type OutlineTopicInput } from '../../../../src/core/outline/index.js';
import { tokenize } from '../../../../src/core/outline/normalize-token.js';
import { isStopWord } from '../../../../src/core/outline/stop-words.js';
import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { soferaiErrors } from './soferai-errors.js';
import { jobStatus, jobTranscript, spokenWords } from './soferai-job.js';
import type { SoferaiState } from './soferai-state.js';
import type { SpokenWord } from './soferai-words.js';
import {
  checkBool,
  checkUuid,
  INVALID,
  Issues,
  readJsonObject,
  requirePresent,
} from './soferai-validation.js';

// About one chapter per 30 words (12 s of placeholder speech), at most eight.
const WORDS_PER_TOPIC = 30;
const MAX_TOPICS = 8;
const PHRASE_WORDS = 6;

/**
The sandbox's stand-in for SoferAI's LLM: chapters made from the words alone, the same every
time. The words are cut into about one part per 30 words (at most 8), each cut moved to the
nearest sentence start; each part is titled with its two most frequent content words (stop-words
left out, ties to the earlier word), the last of three or more as "Conclusion: …", and its
starting phrase quotes its first six words.
*/
export function deriveTopics(words: readonly SpokenWord[]): OutlineTopicInput[] {
  if (words.length === 0) return [];
  const parts = Math.min(MAX_TOPICS, Math.max(1, Math.floor(words.length / WORDS_PER_TOPIC)));
  const sentenceStarts = words.flatMap((_, index) =>
    index === 0 || /[.!?]$/.test(words[index - 1]?.text ?? '') ? [index] : [],
  );
  const cuts: number[] = [];
  for (let part = 0; part < parts; part++) {
    const target = Math.round((part * words.length) / parts);
    const nearest = sentenceStarts.reduce((best, start) =>
      Math.abs(start - target) < Math.abs(best - target) ? start : best,
    );
    if (cuts.at(-1) === undefined || nearest > (cuts.at(-1) ?? 0)) cuts.push(nearest);
  }
  return cuts.map((start, index) => {
    const slice = words.slice(start, cuts[index + 1] ?? words.length);
    const title = titleOf(slice) ?? `Part ${index + 1}`;
    const isLast = index === cuts.length - 1 && cuts.length >= 3;
    return {
      title: isLast ? `Conclusion: ${title}` : title,
      startingPhrase: slice
        .slice(0, PHRASE_WORDS)
        .map((word) => word.text)
        .join(' '),
    };
  });
}

function titleOf(words: readonly SpokenWord[]): string | undefined {
  const counts = new Map<string, { count: number; first: number; shown: string }>();
  words.forEach((word, index) => {
    const shown = word.text.replace(/[^\p{L}\p{M}\p{N}'-]/gu, '');
    for (const token of tokenize(word.text)) {
      if (isStopWord(token) || [...token].length < 3) continue;
      const entry = counts.get(token) ?? { count: 0, first: index, shown };
      entry.count++;
      counts.set(token, entry);
    }
  });
  const top = [...counts.values()]
    .sort((left, right) => right.count - left.count || left.first - right.first)
    .slice(0, 2)
    .map((entry) => entry.shown.charAt(0).toUpperCase() + entry.shown.slice(1));
  return top.length === 0 ? undefined : top.join(', ');
}

/**
`POST /v1/timestamps/outline`: topics from {@link deriveTopics}, aligned to the transcription's
timestamps by scribekit's own aligner (`alignOutline`), so `token_span` indexes `timestamps`.
`monotone` and `conclusion_bias` default to off when left out or null, as Python's `None` would.
UNCONFIRMED, the sandbox's choices: a transcription that is not COMPLETED is 400; 404 when there
is no such transcription; no charge.
*/
export function soferaiOutlineRoutes(state: SoferaiState, clock: JobClock): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/timestamps/outline',
      handler: async ({ request }) => {
        const read = await readJsonObject(request);
        if (!read.ok) return read.response;
        const issues = new Issues();
        const id = requirePresent(read.body, 'transcription_id', ['body'], issues)
          ? checkUuid(read.body['transcription_id'], ['body', 'transcription_id'], issues)
          : INVALID;
        const monotone = checkBool(read.body['monotone'], ['body', 'monotone'], issues);
        const conclusionBias = checkBool(read.body['conclusion_bias'], ['body', 'conclusion_bias'], issues);
        if (!issues.empty || typeof id !== 'string' || monotone === INVALID || conclusionBias === INVALID) {
          return issues.response();
        }
        const job = state.transcriptions.get(id);
        if (job === undefined) return soferaiErrors.transcriptionNotFound();
        const transcript = jobTranscript(job, clock);
        if (transcript === undefined) {
          return soferaiErrors.badRequest(`Transcription is ${jobStatus(job, clock)}, not COMPLETED`);
        }
        const durationMs = 'durationMs' in job.audio ? job.audio.durationMs : 0;
        const topics = alignOutline(
          {
            words: transcript.timestamps.map((timestamp) => ({
              text: timestamp.word,
              start: timestamp.start,
              end: timestamp.end,
            })),
            durationInSeconds: durationMs / 1000,
          },
          deriveTopics(spokenWords(job)),
          { monotone: monotone === true, conclusionBias: conclusionBias === true },
        );
        return jsonResponse(
          topics.map((topic) => ({
            title: topic.title,
            starting_phrase: topic.startingPhrase,
            start_time_sec: topic.startTimeSec,
            matched_text: topic.matchedText,
            score_norm: topic.scoreNorm,
            confidence: topic.confidence,
            token_span: topic.tokenSpan,
            matched_content: topic.matchedContent,
            content_coverage: topic.contentCoverage,
            longest_content_run_soft: topic.longestContentRunSoft,
            longest_content_run_strict: topic.longestContentRunStrict,
          })),
        );
      },
    },
  ];
}
