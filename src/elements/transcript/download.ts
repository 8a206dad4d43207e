import { toJson, toSrt, toText, toVtt, type Transcript } from '../../core/index.js';

/** A file format `<scribe-transcript>` can download. */
export type DownloadFormat = 'srt' | 'vtt' | 'txt' | 'json';

/** Every download format, in the order the buttons appear by default. */
export const downloadFormats: readonly DownloadFormat[] = ['srt', 'vtt', 'txt', 'json'];

const mediaTypes: Record<DownloadFormat, string> = {
  srt: 'application/x-subrip;charset=utf-8',
  vtt: 'text/vtt;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

/** Reads a `download-formats` attribute: known formats in the order written, each once; unknown words are ignored. */
export function parseDownloadFormats(value: string | null | undefined): DownloadFormat[] {
  const formats: DownloadFormat[] = [];
  for (const word of (value ?? '').toLowerCase().split(/\s+/)) {
    const format = downloadFormats.find((known) => known === word);
    if (format !== undefined && !formats.includes(format)) formats.push(format);
  }
  return formats;
}

/** How {@link renderDownload} writes speakers. */
export interface RenderDownloadOptions {
  /** The name to write for a speaker, or `undefined` to leave speakers out of SRT, VTT and text. */
  speakerLabel?: ((speaker: string) => string) | undefined;
}

/** A file ready to save. */
export interface DownloadFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/**
Writes a transcript in `format` with core's exporters: SRT and text start each cue or paragraph with
the speaker's display name, VTT carries it as a voice span, and JSON is the transcript itself,
unchanged, indented by two spaces.

Throws core's `InvalidArgumentError` for a transcript with invalid times.
*/
export function renderDownload(
  transcript: Transcript,
  format: DownloadFormat,
  options: RenderDownloadOptions = {},
): DownloadFile {
  const name = `${baseName(transcript.id)}.${format}`;
  const type = mediaTypes[format];
  if (format === 'json') return { name, type, text: toJson(transcript, { space: 2 }) };

  const label = options.speakerLabel;
  const labelled = label === undefined ? transcript : relabel(transcript, label);
  const speakerLabels = label !== undefined;
  switch (format) {
    case 'srt':
      return { name, type, text: toSrt(labelled, { speakerLabels }) };
    case 'vtt':
      return { name, type, text: toVtt(labelled, { voiceSpans: speakerLabels }) };
    case 'txt':
      return { name, type, text: `${toText(labelled, { speakerLabels })}\n` };
  }
}

/**
Saves a file through a temporary object URL and an `<a download>` that is clicked and removed.
The anchor is placed in `parent` (the element's shadow root) because some browsers ignore clicks on
detached anchors.
*/
export function saveFile(parent: ParentNode & Node, file: DownloadFile): void {
  const document = parent.ownerDocument ?? globalThis.document;
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.name;
  anchor.hidden = true;
  parent.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; FileSaver.js waits 40 s.
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

function baseName(id: string | undefined): string {
  const safe = (id ?? '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 100);
  return safe === '' ? 'transcript' : safe;
}

function relabel(transcript: Transcript, label: (speaker: string) => string): Transcript {
  return {
    ...transcript,
    words: transcript.words.map((word) =>
      word.speaker === undefined ? word : { ...word, speaker: label(word.speaker) },
    ),
    segments: transcript.segments.map((segment) =>
      segment.speaker === undefined ? segment : { ...segment, speaker: label(segment.speaker) },
    ),
  };
}
