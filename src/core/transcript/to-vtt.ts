import { buildCues, type CueOptions } from './build-cues.js';
import { formatTimestamp } from './format-timestamp.js';
import type { Transcript } from './transcript-schema.js';
import { escapeVttText } from './vtt-text.js';

/** Options of {@link toVtt}. */
export interface VttOptions extends CueOptions {
  /**
  Whether to wrap the text of each cue that has a speaker in a WebVTT voice span,
  `<v Speaker>text</v>`. Players do not print the voice name; they expose it for styling
  (`::cue(v[voice="1"])`) and to assistive technology. The name is escaped.

  @default true
  */
  voiceSpans?: boolean | undefined;
}

/**
Writes a transcript as WebVTT (`.vtt`) captions for a `<track>` element.

The file starts with `WEBVTT` and a blank line; cues come from {@link buildCues} (one segment at a
time, cut by `maxCharactersPerCue` and `maxCueDurationInSeconds`, never overlapping), separated by
a blank line, with `HH:MM:SS.mmm` timestamps whose hours grow past 99 when needed. The result ends
with a line break; a transcript without words or timed segments gives `'WEBVTT\n'`.

Text is escaped (`&amp;`, `&lt;`, `&gt;`), which also keeps `-->` from ending a cue, and line
breaks inside words become spaces. Nothing else changes: Hebrew and mixed-direction text is kept
byte for byte, because the WebVTT renderer already applies the Unicode bidi algorithm to each cue
line and takes its direction from the first strong character. No bidi controls are added: the
voice name is not displayed, so it cannot flip a line's direction as a printed label would.

Throws `InvalidArgumentError` for an invalid time in the transcript or an option out of range.

@example
```ts
import { toVtt } from 'scribekit';

const url = URL.createObjectURL(new Blob([toVtt(transcript)], { type: 'text/vtt' }));
//=> 'WEBVTT\n\n00:00:00.120 --> 00:00:01.900\n<v 1>Hello there.</v>\n…'
```
*/
export function toVtt(transcript: Pick<Transcript, 'segments' | 'words'>, options: VttOptions = {}): string {
  const voiceSpans = options.voiceSpans ?? true;
  const blocks = buildCues(transcript, options).map((cue) => {
    const timing = `${formatTimestamp(cue.start)} --> ${formatTimestamp(cue.end)}`;
    const voice = voiceSpans && cue.speaker !== undefined ? escapeVttText(cue.speaker) : '';
    const text = escapeVttText(cue.text);
    return `${timing}\n${voice === '' ? text : `<v ${voice}>${text}</v>`}`;
  });
  return blocks.length === 0 ? 'WEBVTT\n' : `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}
