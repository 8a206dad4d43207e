import type { Word } from '../transcript/transcript-schema.js';
import type { RealtimeAuthentication } from './realtime-part.js';

/** What a provider needs to open one connection. */
export interface RealtimeConnectionContext {
  /** 0 for the first connection, then the reconnect attempt number. */
  readonly attempt: number;
  /** Whether the transport sends request headers (Node's `ws`, a Workers upgrade; not a browser). */
  readonly headersSupported: boolean;
  /** Aborted when the session is cancelled. */
  readonly signal: AbortSignal;
}

/** How to open and configure one connection; built afresh (with a fresh key) for each. */
export interface RealtimeConnectionRequest {
  /** The `ws(s)` URL. */
  readonly url: string;
  /** Subprotocols to offer. */
  readonly protocols: readonly string[];
  /** Headers for the upgrade request (only sent when the transport supports them). */
  readonly headers: Readonly<Record<string, string>>;
  /** The text frame sent as soon as the socket opens, before any audio. */
  readonly firstFrame: string;
  /** How the key is sent. */
  readonly authentication: RealtimeAuthentication;
}

/** Translated text from one server message. */
export interface RealtimeTranslationText {
  /** The text, as the provider spaced it. */
  readonly text: string;
  /** Target language. */
  readonly language: string | undefined;
  /** Source language. */
  readonly sourceLanguage: string | undefined;
}

/** A provider error sent over the socket. */
export interface RealtimeServerError {
  /** The provider's code (Soniox: an HTTP-like number). */
  readonly code: number | string;
  /** The provider's message. */
  readonly message: string;
  /** Whether a new connection may succeed (a transient server condition, a timeout). */
  readonly retryable: boolean;
}

/**
What one server message means. Times are seconds from the start of the connection's own audio;
the session moves them onto its timeline.
*/
export interface RealtimeServerMessage {
  /** Words that became final (and complete) with this message. */
  readonly finalWords: readonly Word[];
  /** The whole provisional tail after this message. */
  readonly partialWords: readonly Word[];
  /** Translated text that became final. */
  readonly translationFinal: readonly RealtimeTranslationText[];
  /** The provisional translated tail, when the message had one. */
  readonly translationPartial: RealtimeTranslationText | undefined;
  /** The provider marked the end of an utterance. */
  readonly endpoint: boolean;
  /** A manual finalize completed. */
  readonly finalized: boolean;
  /** The provider has sent everything after the end of audio. */
  readonly finished: boolean;
  /** Audio finalized so far, in ms of this connection's audio. */
  readonly finalAudioProcMs: number | undefined;
  /** Audio processed so far, in ms of this connection's audio. */
  readonly totalAudioProcMs: number | undefined;
  /**
  Audio before this point (seconds of this connection's audio) can no longer change the
  transcript, so it need never be sent again: every word before it is final and reported, every
  provisional word starts after it. `undefined` when the provider cannot say.
  */
  readonly settledSeconds: number | undefined;
  /** The provider's error; the connection is about to close. */
  readonly error: RealtimeServerError | undefined;
}

/** Turns the text frames of one connection into {@link RealtimeServerMessage}s. */
export interface RealtimeDecoder {
  /** Decodes one text frame; throws a `ScribeError` for one that breaks the protocol. */
  decode(text: string): RealtimeServerMessage;
}

/**
A provider's realtime protocol, as the provider-neutral session drives it: how to connect, what
the control frames are, how to read the server, and how audio bytes map to time.
*/
export interface RealtimeProtocol {
  /** The provider id, such as `soniox`. */
  readonly provider: string;
  /** Resolves the key (again, for every connection) and builds the connection request. */
  connection(context: RealtimeConnectionContext): Promise<RealtimeConnectionRequest>;
  /** A decoder for a new connection (per-connection state starts empty). */
  createDecoder(): RealtimeDecoder;
  /**
  The byte rate and frame size of raw audio, so a reconnect can replay from an exact time;
  `undefined` for container formats, which can only be replayed from their first byte.
  */
  readonly audio: { readonly bytesPerSecond: number; readonly frameBytes: number } | undefined;
  /** The keepalive text frame. */
  readonly keepaliveFrame: string;
  /** The end-of-audio frame. */
  readonly endFrame: string;
  /** The finalize text frame. */
  finalizeFrame(options: { trailingSilenceMs?: number | undefined }): string;
}
