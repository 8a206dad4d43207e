export {
  ChapterSchema,
  SegmentSchema,
  TranscriptSchema,
  WarningSchema,
  WordSchema,
  type Chapter,
  type Segment,
  type Transcript,
  type Warning,
  type Word,
} from './transcript-schema.js';
export { joinWords } from './join-words.js';
export { buildSegments, type BuildSegmentsOptions } from './build-segments.js';
export { createTranscript, type CreateTranscriptInput } from './create-transcript.js';
export { formatTimestamp, type FormatTimestampOptions } from './format-timestamp.js';
export { buildCues, type Cue, type CueOptions } from './build-cues.js';
export { toSrt, type SrtOptions } from './to-srt.js';
export { toVtt, type VttOptions } from './to-vtt.js';
export { toText, type TextOptions } from './to-text.js';
export { toJson, type JsonOptions } from './to-json.js';
export { parseVttChapters, toVttChapters, type VttChaptersOptions } from './vtt-chapters.js';
