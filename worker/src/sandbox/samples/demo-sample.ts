/** One spoken word of a demo sample, with where it is heard in the recording. */
export interface SampleWord {
  /** The word as written, with the punctuation that follows it (`dog.`), never with spaces. */
  readonly text: string;
  /** When the word starts, in ms from the start of the audio. */
  readonly startMs: number;
  /** When the word ends, in ms from the start of the audio; never before {@link startMs}. */
  readonly endMs: number;
  /** Who says it, as a short label (`1`, `2`); left out for a single-speaker sample. */
  readonly speaker?: string;
  /** The word's language when it differs from the sample's (code-switching), ISO 639-1. */
  readonly language?: string;
}

/**
A recording the sandbox knows the words of, so it can answer with a real transcript.

Samples are plain data: add one by appending an entry to `DEMO_SAMPLES` with the SHA-256 of
each file that holds the recording, its file names, and its words with their timings.
*/
export interface DemoSample {
  /** A short stable name, e.g. `fox`. */
  readonly id: string;
  /**
  Lower-case hex SHA-256 of each encoding of the recording the sandbox should recognise (the same
  speech as WAV, MP3, ...). Only byte-identical files match.
  */
  readonly sha256: readonly string[];
  /**
  File names the sample is published under (`speech.wav`): an `audio_url` whose path ends in one
  of them transcribes this sample.
  */
  readonly fileNames: readonly string[];
  /** The main spoken language, ISO 639-1. */
  readonly language: string;
  /** The length of the recording in ms. */
  readonly durationMs: number;
  /** What is said, in order. */
  readonly words: readonly SampleWord[];
}

/** The text of a run of words: the words joined by single spaces. */
export function wordsText(words: readonly SampleWord[]): string {
  return words.map((word) => word.text).join(' ');
}
