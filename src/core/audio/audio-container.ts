/** An audio container format scribekit recognizes from its first bytes. */
export type AudioFormat = 'wav' | 'mp3' | 'flac' | 'ogg' | 'opus' | 'webm' | 'matroska' | 'mp4' | 'aac';

/**
An audio container format with the MIME type and file extension to upload it under.

`ogg` is Ogg with Vorbis (or another codec than Opus), `opus` is Ogg with Opus; both are
`audio/ogg`. `aac` is raw AAC in ADTS frames; AAC in an MP4 box structure is `mp4`.
*/
export interface AudioContainer {
  /** The container, named after its usual file extension. */
  readonly format: AudioFormat;
  /** The MIME type to send it as, e.g. `audio/mpeg`. */
  readonly mimeType: string;
  /** The usual file extension, without the dot, e.g. `mp3`. */
  readonly extension: string;
}

/** The {@link AudioContainer} of every {@link AudioFormat}. */
export const audioContainers: Readonly<Record<AudioFormat, AudioContainer>> = Object.freeze({
  wav: Object.freeze({ format: 'wav', mimeType: 'audio/wav', extension: 'wav' }),
  mp3: Object.freeze({ format: 'mp3', mimeType: 'audio/mpeg', extension: 'mp3' }),
  flac: Object.freeze({ format: 'flac', mimeType: 'audio/flac', extension: 'flac' }),
  ogg: Object.freeze({ format: 'ogg', mimeType: 'audio/ogg', extension: 'ogg' }),
  opus: Object.freeze({ format: 'opus', mimeType: 'audio/ogg', extension: 'opus' }),
  webm: Object.freeze({ format: 'webm', mimeType: 'audio/webm', extension: 'webm' }),
  matroska: Object.freeze({ format: 'matroska', mimeType: 'audio/x-matroska', extension: 'mka' }),
  mp4: Object.freeze({ format: 'mp4', mimeType: 'audio/mp4', extension: 'm4a' }),
  aac: Object.freeze({ format: 'aac', mimeType: 'audio/aac', extension: 'aac' }),
});
