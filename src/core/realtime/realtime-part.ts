import type { RealtimeError } from '../errors/index.js';
import type { Transcript, Word } from '../transcript/transcript-schema.js';

/**
How the API key reached the provider: an `Authorization` header on the upgrade request, a
WebSocket subprotocol, or a field of the first message (Soniox deprecates the last one).
*/
export type RealtimeAuthentication = 'header' | 'subprotocol' | 'message';

/** The first connection is open and configured; audio may flow. */
export interface RealtimeSessionStartPart {
  readonly type: 'session-start';
  /** The provider, such as `soniox`. */
  readonly provider: string;
  /** The WebSocket URL, without any query string. */
  readonly url: string;
  /** How the key was sent. */
  readonly authentication: RealtimeAuthentication;
}

/**
The provisional tail changed. `words` is the whole tail (it replaces the previous one), not a
delta; an empty list means nothing is pending.
*/
export interface RealtimeTranscriptPartialPart {
  readonly type: 'transcript-partial';
  /** Every provisional word, in order; they may still change or disappear. */
  readonly words: readonly Word[];
  /** The words as display text. */
  readonly text: string;
}

/** Words became final: append them. Each final word is reported exactly once. */
export interface RealtimeTranscriptFinalPart {
  readonly type: 'transcript-final';
  /** The new final words, in order, on the session's timeline. */
  readonly words: readonly Word[];
  /** The new words as display text, without leading or trailing space. */
  readonly text: string;
}

/** The provider detected the end of an utterance (Soniox: the `<end>` token). */
export interface RealtimeEndpointPart {
  readonly type: 'endpoint';
}

/** A manual `finalize()` completed: everything heard before it is final (Soniox: `<fin>`). */
export interface RealtimeFinalizedPart {
  readonly type: 'finalized';
}

/** Translated text that may still change; replaces the previous provisional translation. */
export interface RealtimeTranslationPartialPart {
  readonly type: 'translation-partial';
  /** The whole provisional translated tail. */
  readonly text: string;
  /** The language translated into, when known. */
  readonly language: string | undefined;
  /** The language translated from, when known. */
  readonly sourceLanguage: string | undefined;
}

/** Translated text that became final: append it. Kept apart from the transcript's words. */
export interface RealtimeTranslationFinalPart {
  readonly type: 'translation-final';
  /** The new final translated text, as the provider spaced it. */
  readonly text: string;
  /** The language translated into, when known. */
  readonly language: string | undefined;
  /** The language translated from, when known. */
  readonly sourceLanguage: string | undefined;
}

/** The connection was lost; a new one is being opened after `delayMs`. */
export interface RealtimeReconnectingPart {
  readonly type: 'reconnecting';
  /** 1 for the first attempt after this loss. */
  readonly attempt: number;
  /** How long the session waits before this attempt. */
  readonly delayMs: number;
  /** The close code of the lost connection, when it closed. */
  readonly closeCode: number | undefined;
  /** The close reason of the lost connection. */
  readonly closeReason: string | undefined;
  /** What went wrong: the provider's error, or the previous attempt's failure. */
  readonly error: RealtimeError | undefined;
}

/**
A new connection is open and the audio since the last final word is being sent again, so no
speech is lost. Times of later words continue the session's timeline.
*/
export interface RealtimeReconnectedPart {
  readonly type: 'reconnected';
  /** The attempt that succeeded. */
  readonly attempt: number;
  /** The offset in the captured audio (bytes) the new connection starts at. */
  readonly replayFromByte: number;
  /** How many bytes sent before are being sent again. */
  readonly replayedBytes: number;
  /** Where on the session's timeline the new connection's audio starts, in seconds. */
  readonly offsetSeconds: number;
  /** Captured bytes lost because the buffer overflowed while disconnected (0 normally). */
  readonly lostBytes: number;
}

/** The session is over: finished by the provider after `end()`, or cancelled. The last part. */
export interface RealtimeSessionEndPart {
  readonly type: 'session-end';
  /** `finished`: every word is final; `cancelled`: closed without waiting for the rest. */
  readonly reason: 'finished' | 'cancelled';
  /**
  Audio finalized by the provider, in ms on the session's timeline (Soniox:
  `final_audio_proc_ms` plus the offset of the last connection).
  */
  readonly finalAudioProcMs: number | undefined;
  /** Audio processed by the provider, in ms on the session's timeline (Soniox: `total_audio_proc_ms`). */
  readonly totalAudioProcMs: number | undefined;
  /** The whole transcript. */
  readonly transcript: Transcript;
}

/** The session failed; the last part. */
export interface RealtimeErrorPart {
  readonly type: 'error';
  /** The failure, with the provider's code and the close code where there was one. */
  readonly error: RealtimeError;
  /** `error.code`: the provider's error code (Soniox: an HTTP-like number) or scribekit's own. */
  readonly code: string | number | undefined;
}

/**
One event of a realtime session: a discriminated union on `type`.

@example
```ts
import { createSonioxRealtime } from 'scribekit/soniox';

const session = await createSonioxRealtime({ apiKey }).connect({ audioFormat: 'pcm_s16le', sampleRate: 16000, numChannels: 1 });
for await (const part of session) {
  if (part.type === 'transcript-final') append(part.text);
  else if (part.type === 'transcript-partial') showTail(part.text);
  else if (part.type === 'error') console.error(part.error);
}
```
*/
export type RealtimePart =
  | RealtimeSessionStartPart
  | RealtimeTranscriptPartialPart
  | RealtimeTranscriptFinalPart
  | RealtimeEndpointPart
  | RealtimeFinalizedPart
  | RealtimeTranslationPartialPart
  | RealtimeTranslationFinalPart
  | RealtimeReconnectingPart
  | RealtimeReconnectedPart
  | RealtimeSessionEndPart
  | RealtimeErrorPart;

/** The `type` of a {@link RealtimePart}. */
export type RealtimePartType = RealtimePart['type'];

/** The part whose `type` is `T`. */
export type RealtimePartOf<T extends RealtimePartType> = Extract<RealtimePart, { type: T }>;
