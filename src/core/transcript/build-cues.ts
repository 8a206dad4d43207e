import { assertCount, assertPositive, assertTimeRange } from './assert-options.js';
import { buildSegments } from './build-segments.js';
import { countCharacters, needsSpaceBetween, normalizeText } from './join-words.js';
import type { Segment, Transcript, Word } from './transcript-schema.js';

/**
Options that decide how a transcript is cut into subtitle cues, shared by {@link buildCues},
`toSrt` and `toVtt`.

@example
```ts
import { toVtt, type CueOptions } from 'scribekit';

const mobile: CueOptions = { maxCharactersPerCue: 42, maxCueDurationInSeconds: 5 };
toVtt(transcript, mobile);
```
*/
export interface CueOptions {
  /**
  The most characters a cue may hold, counted as a reader sees them: code points, not counting
  combining marks (niqqud) or invisible bidi marks, and not counting a speaker label. The default
  is two lines of 42, the common broadcast guideline. A single word longer than this gets a cue of
  its own. `Infinity` means no limit.

  @default 84
  */
  maxCharactersPerCue?: number | undefined;
  /**
  The longest a cue may stay on screen, in seconds. A single word longer than this gets a cue of its
  own. `Infinity` means no limit.

  @default 7
  */
  maxCueDurationInSeconds?: number | undefined;
}

/**
One subtitle cue: a stretch of one segment's words, short enough to read at once.

@example
```ts
import { buildCues, type Cue } from 'scribekit';

const active = buildCues(transcript).find((cue: Cue) => cue.start <= time && time < cue.end);
```
*/
export interface Cue {
  /** When the cue appears, in seconds. */
  start: number;
  /** When the cue disappears, in seconds; never before `start`, never after the next cue's start. */
  end: number;
  /** The cue's text on one line, words joined as {@link joinWords} does. */
  text: string;
  /** The speaker of the segment the cue comes from. */
  speaker?: string;
  /** The language of the segment the cue comes from. */
  language?: string;
  /** The words in the cue; empty when the segment had none and its text was divided by time. */
  words: Word[];
}

interface Unit {
  text: string;
  length: number;
  spaceBefore: boolean;
  start: number;
  end: number;
  word: Word | undefined;
}

// Where a reader expects a cue to end: after a sentence, or failing that, after a clause. Closing
// brackets and quotes may follow the mark.
const endsSentence = /[.!?…。！？؟׃‼⁇⁈⁉][\p{Pe}\p{Pf}"']*$/u;
const endsClause = /[,;:،؛、，；：–—][\p{Pe}\p{Pf}"']*$/u;

/**
Cuts a transcript into subtitle cues: the cues `toSrt` and `toVtt` write.

Each segment is cut on its own, so a cue never mixes speakers. Its words are taken in order and a
cue is closed when the next word would push it past `maxCharactersPerCue` or
`maxCueDurationInSeconds`; the cut moves back to just after the last sentence end in the cue
(`.`, `?`, `!`, `׃`, …) if there is one, or to the last clause end (`,`, `;`, `—`, …) if that keeps
at least half of the cue's text before it. Cuts are only ever made between words.

A segment without words is divided by its text instead: its words (split at spaces) get times in
proportion to their length. A transcript without segments is segmented from its words first with
{@link buildSegments}'s defaults. Empty words are skipped.

The cues are sorted by start time, and a cue that would overlap the next one (speakers talking over
each other) ends when the next one starts, so cues never overlap and never end before they start.

Throws `InvalidArgumentError` for a negative, non-finite or reversed time in the transcript, and
for an option out of range (`maxCharactersPerCue` must be an integer of at least 1,
`maxCueDurationInSeconds` greater than 0).

@example
```ts
import { buildCues } from 'scribekit';

for (const cue of buildCues(transcript, { maxCharactersPerCue: 42 })) {
  console.log(cue.start, cue.end, cue.speaker, cue.text);
}
```
*/
export function buildCues(
  transcript: Pick<Transcript, 'segments' | 'words'>,
  options: CueOptions = {},
): Cue[] {
  const maxCharacters = options.maxCharactersPerCue ?? 84;
  const maxDuration = options.maxCueDurationInSeconds ?? 7;
  assertCount(maxCharacters, 'maxCharactersPerCue');
  assertPositive(maxDuration, 'maxCueDurationInSeconds');

  let segments = transcript.segments;
  if (segments.length === 0) {
    // Checked here so an error names the transcript's own words, not the built segments' copy.
    transcript.words.forEach((word, index) => assertTimeRange(word, `transcript.words[${index}]`));
    segments = buildSegments(transcript.words);
  }

  const cues: Cue[] = [];
  segments.forEach((segment, index) => {
    const units = segmentUnits(segment, `transcript.segments[${index}]`);
    for (const group of splitUnits(units, maxCharacters, maxDuration)) {
      cues.push(toCue(group, segment));
    }
  });

  // Array#sort is stable, so cues starting together keep transcript order.
  cues.sort((a, b) => a.start - b.start);
  for (let index = 0; index < cues.length - 1; index++) {
    const cue = cues[index] as Cue;
    const next = cues[index + 1] as Cue;
    if (cue.end > next.start) cue.end = next.start;
  }
  return cues;
}

function segmentUnits(segment: Segment, path: string): Unit[] {
  if (segment.words.length > 0) return wordUnits(segment.words, `${path}.words`);
  assertTimeRange(segment, path);
  const tokens = normalizeText(segment.text)
    .split(' ')
    .filter((text) => text !== '')
    .map((text) => ({ text, length: countCharacters(text) }));
  // Weighting by length (plus one for the space) gives every token a share of the time, even one
  // made only of marks.
  const total = tokens.reduce((sum, token) => sum + token.length + 1, 0);
  const duration = segment.end - segment.start;
  let before = 0;
  return tokens.map((token, index) => {
    const start = segment.start + (duration * before) / total;
    before += token.length + 1;
    const end = index === tokens.length - 1 ? segment.end : segment.start + (duration * before) / total;
    return { text: token.text, length: token.length, spaceBefore: true, start, end, word: undefined };
  });
}

function wordUnits(words: readonly Word[], path: string): Unit[] {
  const units: Unit[] = [];
  let previous: string | undefined;
  words.forEach((word, index) => {
    assertTimeRange(word, `${path}[${index}]`);
    const text = normalizeText(word.text);
    if (text === '') return;
    units.push({
      text,
      length: countCharacters(text),
      spaceBefore: previous !== undefined && needsSpaceBetween(previous, text),
      start: word.start,
      end: word.end,
      word,
    });
    previous = text;
  });
  return units;
}

function splitUnits(units: readonly Unit[], maxCharacters: number, maxDuration: number): Unit[][] {
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  // Running measures of `current`, so each word costs O(1) unless a cut is made.
  let length = 0;
  let start = Infinity;
  let end = -Infinity;
  for (const unit of units) {
    while (current.length > 0) {
      const nextLength = length + (unit.spaceBefore ? 1 : 0) + unit.length;
      const nextSpan = Math.max(end, unit.end) - Math.min(start, unit.start);
      if (nextLength <= maxCharacters && nextSpan <= maxDuration) break;
      const cut = chooseCut(current);
      groups.push(current.slice(0, cut));
      current = current.slice(cut);
      ({ length, start, end } = measure(current));
    }
    length += (current.length > 0 && unit.spaceBefore ? 1 : 0) + unit.length;
    start = Math.min(start, unit.start);
    end = Math.max(end, unit.end);
    current.push(unit);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

// The cue is closed before the word that does not fit; move the cut back to a better place.
function chooseCut(units: readonly Unit[]): number {
  for (let cut = units.length; cut >= 1; cut--) {
    if (endsSentence.test((units[cut - 1] as Unit).text)) return cut;
  }
  const prefixLengths = [0];
  let length = 0;
  units.forEach((unit, index) => {
    length += unit.length + (index > 0 && unit.spaceBefore ? 1 : 0);
    prefixLengths.push(length);
  });
  for (let cut = units.length; cut >= 1; cut--) {
    if (endsClause.test((units[cut - 1] as Unit).text) && (prefixLengths[cut] as number) * 2 >= length)
      return cut;
  }
  return units.length;
}

function measure(units: readonly Unit[]): { length: number; start: number; end: number } {
  let length = 0;
  let start = Infinity;
  let end = -Infinity;
  units.forEach((unit, index) => {
    length += unit.length + (index > 0 && unit.spaceBefore ? 1 : 0);
    start = Math.min(start, unit.start);
    end = Math.max(end, unit.end);
  });
  return { length, start, end };
}

function toCue(units: readonly Unit[], segment: Segment): Cue {
  let text = '';
  units.forEach((unit, index) => {
    text += (index > 0 && unit.spaceBefore ? ' ' : '') + unit.text;
  });
  const words: Word[] = [];
  for (const unit of units) if (unit.word !== undefined) words.push(unit.word);
  const { start, end } = measure(units);
  const cue: Cue = { start, end, text, words };
  if (segment.speaker !== undefined) cue.speaker = segment.speaker;
  if (segment.language !== undefined) cue.language = segment.language;
  return cue;
}
