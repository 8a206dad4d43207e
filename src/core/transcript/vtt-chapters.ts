import { InvalidArgumentError } from '../errors/index.js';
import { assertTime, assertTimeRange } from './assert-options.js';
import { formatTimestamp } from './format-timestamp.js';
import { normalizeText } from './join-words.js';
import type { Chapter } from './transcript-schema.js';
import { escapeVttText, unescapeVttText } from './vtt-text.js';

/** Options of {@link toVttChapters}. */
export interface VttChaptersOptions {
  /**
  The length of the audio in seconds: where the last chapter ends when it has no `end` of its own.
  Required when it has none.
  */
  durationInSeconds?: number | undefined;
}

/**
Writes chapters as a WebVTT chapters track, for `<track kind="chapters">` or an outline player.

Chapters are sorted by start time. Each cue runs from its chapter's `start` to the first of its own
`end` and the next chapter's start, so cues never overlap; the last chapter without an `end` ends at
`durationInSeconds`. An `end` that would come before `start` is raised to `start`. Titles are escaped
like cue text (`&amp;`, `&lt;`, `&gt;`; line breaks become spaces); `confidence` has no place in
WebVTT and is left out. No chapters give `'WEBVTT\n'`.

Throws `InvalidArgumentError` for an invalid time, and when the last chapter has no `end` and no
`durationInSeconds` is given.

@example
```ts
import { toVttChapters } from 'scribekit';

toVttChapters([{ title: 'Intro', start: 0 }, { title: 'Q&A', start: 95.5 }], { durationInSeconds: 180 });
//=> 'WEBVTT\n\n00:00:00.000 --> 00:01:35.500\nIntro\n\n00:01:35.500 --> 00:03:00.000\nQ&amp;A\n'
```
*/
export function toVttChapters(chapters: readonly Chapter[], options: VttChaptersOptions = {}): string {
  const duration = options.durationInSeconds;
  if (duration !== undefined) assertTime(duration, 'durationInSeconds');
  chapters.forEach((chapter, index) => {
    if (chapter.end === undefined) assertTime(chapter.start, `chapters[${index}].start`);
    else assertTimeRange({ start: chapter.start, end: chapter.end }, `chapters[${index}]`);
  });

  const sorted = [...chapters].sort((a, b) => a.start - b.start);
  const blocks = sorted.map((chapter, index) => {
    const next = sorted[index + 1];
    let end = Math.min(chapter.end ?? Infinity, next?.start ?? Infinity);
    if (end === Infinity) {
      if (duration === undefined) {
        throw new InvalidArgumentError({
          argument: 'durationInSeconds',
          message: `is needed: the last chapter ("${chapter.title}") has no \`end\``,
        });
      }
      end = duration;
    }
    end = Math.max(end, chapter.start);
    const timing = `${formatTimestamp(chapter.start)} --> ${formatTimestamp(end)}`;
    const title = escapeVttText(chapter.title);
    return title === '' ? timing : `${timing}\n${title}`;
  });
  return blocks.length === 0 ? 'WEBVTT\n' : `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

// `HH:MM:SS.mmm` or `MM:SS.mmm`; tolerant of one-digit hours, a comma, and a short or missing fraction.
const timestampPattern = /^(?:(\d+):)?([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?$/;

/**
Reads a WebVTT chapters track into chapters, in file order: each cue's text (tags removed,
character references decoded, lines joined with a space) is the `title`, its times are `start`
and `end`, in seconds.

Tolerant of what real files contain: a byte order mark, CRLF line ends, a missing `WEBVTT` header,
cue identifiers, `NOTE`, `STYLE` and `REGION` blocks, cue settings after the end time, short
`MM:SS.mmm` and comma `HH:MM:SS,mmm` timestamps. A block whose timing line cannot be read is
skipped, as a browser skips it; a cue that ends before it starts keeps its start but no `end`.

@example
```ts
import { parseVttChapters } from 'scribekit';

parseVttChapters('WEBVTT\n\nintro\n00:00.000 --> 01:35.500\nIntro\n');
//=> [{ title: 'Intro', start: 0, end: 95.5 }]
```
*/
export function parseVttChapters(text: string): Chapter[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (/^[ \t]*$/.test(line)) {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length > 0) blocks.push(block);

  const chapters: Chapter[] = [];
  blocks.forEach((lines, index) => {
    // The header block may run straight into the first cue when the blank line after it is missing.
    const cueLines = index === 0 && /^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '') ? lines.slice(1) : lines;
    const chapter = parseCue(cueLines);
    if (chapter !== undefined) chapters.push(chapter);
  });
  return chapters;
}

function parseCue(lines: readonly string[]): Chapter | undefined {
  if (lines.length === 0 || /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0] ?? '')) return undefined;
  // The timing line is the first line, or the second after a cue identifier.
  const timingIndex = lines.slice(0, 2).findIndex((line) => line.includes('-->'));
  if (timingIndex === -1) return undefined;
  const match = /^\s*(\S+)\s*-->\s*(\S+)/.exec(lines[timingIndex] ?? '');
  const start = parseTimestamp(match?.[1]);
  const end = parseTimestamp(match?.[2]);
  if (start === undefined || end === undefined) return undefined;
  const title = normalizeText(unescapeVttText(lines.slice(timingIndex + 1).join('\n')));
  return end >= start ? { title, start, end } : { title, start };
}

function parseTimestamp(text: string | undefined): number | undefined {
  const match = timestampPattern.exec(text ?? '');
  if (match === null) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  const milliseconds =
    ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(fraction.padEnd(3, '0'));
  return milliseconds / 1000;
}
