import { buildSegments } from './build-segments.js';
import { pad, splitTime } from './format-timestamp.js';
import { normalizeText } from './join-words.js';
import { assertTime } from './assert-options.js';
import { speakerPrefix } from './speaker-label.js';
import type { Transcript } from './transcript-schema.js';

/** Options of {@link toText}. */
export interface TextOptions {
  /**
  Whether to start each paragraph with its speaker's label, as `Speaker: text`. Paragraphs without
  a speaker get no label. When the label and the text are in opposite directions (a Latin name
  before Hebrew text), the label is wrapped in Unicode isolates (U+2068 … U+2069) so the paragraph
  keeps the text's direction.

  @default false
  */
  speakerLabels?: boolean | undefined;
  /**
  Whether to start each paragraph with its start time, as `[HH:MM:SS]` (rounded down to the
  second, so it never points past the first word).

  @default false
  */
  timestamps?: boolean | undefined;
}

/**
Writes a transcript as plain text: one paragraph per segment, separated by a blank line.

With both options a paragraph reads `[00:01:05] Speaker: text`. A transcript without segments is
segmented from its words first (with {@link buildSegments}'s defaults); one without words either
gives its `text` as a single paragraph. Segments with empty text are skipped, line breaks inside a
segment become spaces, and there is no trailing line break. Text is otherwise kept byte for byte.

Throws `InvalidArgumentError` for an invalid segment start time when `timestamps` is on.

@example
```ts
import { toText } from 'scribekit';

toText(transcript, { speakerLabels: true, timestamps: true });
//=> '[00:00:00] A: Hi there.\n\n[00:00:02] B: Hello!'
```
*/
export function toText(
  transcript: Pick<Transcript, 'segments' | 'words' | 'text'>,
  options: TextOptions = {},
): string {
  const segments = transcript.segments.length > 0 ? transcript.segments : buildSegments(transcript.words);
  if (segments.length === 0) return normalizeText(transcript.text);

  const paragraphs: string[] = [];
  segments.forEach((segment, index) => {
    const text = normalizeText(segment.text);
    if (text === '') return;
    let prefix = options.speakerLabels === true ? speakerPrefix(segment.speaker, text) : '';
    if (options.timestamps === true) {
      assertTime(segment.start, `transcript.segments[${index}].start`);
      const { hours, minutes, secondsPart } = splitTime(Math.floor(segment.start) * 1000);
      prefix = `[${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secondsPart, 2)}] ${prefix}`;
    }
    paragraphs.push(prefix + text);
  });
  return paragraphs.join('\n\n');
}
