import { buildCues, type CueOptions } from './build-cues.js';
import { formatTimestamp } from './format-timestamp.js';
import { speakerPrefix } from './speaker-label.js';
import type { Transcript } from './transcript-schema.js';

/** Options of {@link toSrt}. */
export interface SrtOptions extends CueOptions {
  /**
  Whether to start each cue with its speaker's label, as `Speaker: text`. Cues without a speaker
  get no label. When the label and the text are in opposite directions (a Latin name before Hebrew
  text), the label is wrapped in Unicode isolates (U+2068 … U+2069) so the line keeps the text's
  direction.

  @default false
  */
  speakerLabels?: boolean | undefined;
}

/**
Writes a transcript as SubRip (`.srt`) subtitles.

Cues come from {@link buildCues} (one segment at a time, cut by `maxCharactersPerCue` and
`maxCueDurationInSeconds`, never overlapping), numbered from 1 and separated by a blank line, with
`HH:MM:SS,mmm` timestamps whose hours grow past 99 when needed. The result ends with a line
break; a transcript without words or timed segments gives `''`.

SRT has no escapes, so text is written as is (Hebrew and mixed-direction text byte for byte,
never reordered) except that line breaks inside words become spaces and `-->` becomes `->`, the
two things that would break the file's structure. Markup-looking text such as `<i>` is left
alone: many players would render it.

Throws `InvalidArgumentError` for an invalid time in the transcript or an option out of range.

@example
```ts
import { toSrt } from 'scribekit';

const srt = toSrt(transcript, { speakerLabels: true, maxCharactersPerCue: 42 });
//=> '1\n00:00:00,120 --> 00:00:01,900\n1: Hello there.\n\n2\n…'
```
*/
export function toSrt(transcript: Pick<Transcript, 'segments' | 'words'>, options: SrtOptions = {}): string {
  const blocks = buildCues(transcript, options).map((cue, index) => {
    const label = options.speakerLabels === true ? speakerPrefix(cue.speaker, cue.text) : '';
    const timing = `${formatTimestamp(cue.start, { separator: ',' })} --> ${formatTimestamp(cue.end, { separator: ',' })}`;
    return `${index + 1}\n${timing}\n${(label + cue.text).replace(/-{2,}>/g, '->')}`;
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
