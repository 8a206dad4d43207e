import { InvalidArgumentError, RealtimeError } from '../errors/index.js';
import { abortableDelay } from '../providers/shared/abortable-delay.js';
import { joinWords } from '../transcript/join-words.js';
import type { Transcript, Word } from '../transcript/transcript-schema.js';
import { AudioRingBuffer } from './audio-ring-buffer.js';
import { openWebSocket, redactUrl, type WebSocketTransport } from './open-websocket.js';
import { PartChannel } from './part-channel.js';
import type { RealtimePart, RealtimePartOf, RealtimePartType } from './realtime-part.js';
import type {
  RealtimeConnectionRequest,
  RealtimeDecoder,
  RealtimeProtocol,
  RealtimeServerMessage,
} from './realtime-protocol.js';
import { reconnectDelay, type ResolvedRealtimeSessionOptions } from './realtime-session-options.js';
import { RunningTranscript, type RunningTranscriptSnapshotOptions } from './running-transcript.js';
import { SpeakerMap } from './speaker-map.js';
import {
  readMessageText,
  WEBSOCKET_OPEN,
  type WebSocketCloseEventLike,
  type WebSocketLike,
} from './websocket-like.js';

/**
Where a session is: `connecting` until the first connection is configured, `open` while audio
flows, `reconnecting` between connections, `ending` after `end()` until the provider finishes,
then one of `ended`, `failed` or `cancelled`.
*/
export type RealtimeSessionState =
  'connecting' | 'open' | 'reconnecting' | 'ending' | 'ended' | 'failed' | 'cancelled';

/** Byte counts of a session, for monitoring. */
export interface RealtimeSessionStats {
  /** Audio bytes handed to `sendAudio`. */
  readonly capturedBytes: number;
  /** Audio bytes written to sockets, replays included. */
  readonly sentBytes: number;
  /** Audio bytes written again after reconnects. */
  readonly replayedBytes: number;
  /** Connections opened, the first one included. */
  readonly connections: number;
}

/** Audio `sendAudio` accepts: bytes in the session's format. */
export type RealtimeAudioChunk = ArrayBuffer | ArrayBufferView | Blob;

/**
A live transcription session: send audio, read parts, end it.

Parts come as a `ReadableStream` (`parts`), by async iteration of the session itself, through
`on(type, listener)`, or through the `onPart` option. The running transcript is kept as parts
arrive: `finalWords`, `partialWords`, `text`, and `transcript()` for a complete `Transcript`.

@example
```ts
import { createSonioxRealtime } from 'scribekit/soniox';

const session = await createSonioxRealtime({ apiKey }).connect({
  audioFormat: 'pcm_s16le',
  sampleRate: 16000,
  numChannels: 1,
});
session.on('transcript-final', (part) => console.log(part.text));
for (const chunk of pcmChunks) await session.sendAudio(chunk);
const transcript = await session.end();
```
*/
export interface RealtimeSession extends AsyncIterable<RealtimePart> {
  /** The provider, such as `soniox`. */
  readonly provider: string;
  /** Where the session is; see {@link RealtimeSessionState}. */
  readonly state: RealtimeSessionState;
  /**
  Every part, ending with `session-end` or `error`. One reader at a time. Parts wait here for a
  reader from the start of the session, unless it was opened with `onPart` or `on` was called
  before this was first read: a session consumed through callbacks does not pile parts up.
  */
  readonly parts: ReadableStream<RealtimePart>;
  /** Calls `listener` for each part of `type` (`*` for every part); returns an unsubscribe function. */
  on<T extends RealtimePartType | '*'>(
    type: T,
    listener: (part: T extends RealtimePartType ? RealtimePartOf<T> : RealtimePart) => void,
  ): () => void;
  /**
  Captures audio and sends it, in order. Resolves once the socket has taken it without exceeding
  `highWaterMark` (backpressure), or at once while reconnecting: the audio waits in the replay
  buffer. Rejects after `end()`, or once the session is over.
  */
  sendAudio(audio: RealtimeAudioChunk): Promise<void>;
  /**
  Asks the provider to make everything heard so far final (after the audio already sent). A
  `finalized` part follows. Ignored while reconnecting.
  */
  finalize(options?: { trailingSilenceMs?: number | undefined }): Promise<void>;
  /**
  Ends the audio and waits for the provider to finish: resolves with the complete transcript
  after the `session-end` part. Survives reconnects; rejects if the session fails or is cancelled.
  */
  end(): Promise<Transcript>;
  /** Closes at once without waiting for the remaining words; a `session-end` part (`cancelled`) follows. */
  cancel(reason?: unknown): void;
  /** The transcript so far (final words; add `includePartial` for the provisional tail). */
  transcript(options?: Omit<RunningTranscriptSnapshotOptions, 'providerMetadata'>): Transcript;
  /** Every final word so far; a live view (copy it to keep a snapshot). */
  readonly finalWords: readonly Word[];
  /** The provisional tail. */
  readonly partialWords: readonly Word[];
  /** Final and provisional text, as a live caption shows them. */
  readonly text: string;
  /** Byte counts. */
  readonly stats: RealtimeSessionStats;
}

/** What the provider-neutral session needs besides the protocol. */
export interface RealtimeSessionSetup {
  /** The provider's protocol. */
  readonly protocol: RealtimeProtocol;
  /** How sockets are opened. */
  readonly transport: WebSocketTransport;
  /** Validated options with defaults. */
  readonly options: ResolvedRealtimeSessionOptions;
  /**
  Provider data to put in snapshots (`providerMetadata`), given the final translation so far.

  @default no metadata
  */
  readonly metadata?:
    ((translation: { text: string; languages: string[] }) => Record<string, unknown> | undefined) | undefined;
}

// Byte rate assumed for container formats when sizing the replay buffer.
const CONTAINER_BYTES_PER_SECOND = 32_000;
// The largest frame sent at once, so backpressure is checked often.
const MAX_FRAME_BYTES = 32 * 1024;
// A word starting this much before the replay point was already heard by an earlier connection.
const DUPLICATE_TOLERANCE_SECONDS = 0.01;

/**
Opens a realtime session over a provider's protocol and resolves once its first connection is
open and configured.

@internal Providers wrap it (`createSonioxRealtime`); it is exported for them, not for apps.
*/
export async function openRealtimeSession(setup: RealtimeSessionSetup): Promise<RealtimeSession> {
  const session = new Session(setup);
  await session.start();
  return session;
}

class Session implements RealtimeSession {
  readonly provider: string;
  readonly #protocol: RealtimeProtocol;
  readonly #transport: WebSocketTransport;
  readonly #options: ResolvedRealtimeSessionOptions;
  readonly #metadata: RealtimeSessionSetup['metadata'];
  readonly #channel: PartChannel;
  readonly #running: RunningTranscript;
  readonly #speakers = new SpeakerMap();
  readonly #ring: AudioRingBuffer;
  readonly #abort = new AbortController();

  #state: 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed' | 'cancelled' = 'connecting';
  #ending = false;
  #socket: WebSocketLike | undefined;
  #connectionId = 0;
  #connections = 0;
  #decoder: RealtimeDecoder | undefined;
  #endSent = false;
  #outageAttempts = 0;

  #offsetSeconds = 0;
  #duplicatesBefore = -Infinity;
  #committedSeconds = 0;
  #sent = 0;
  #sentBytes = 0;
  #replayedBytes = 0;
  #lastSendAt = 0;

  #captureTail: Promise<void> = Promise.resolve();
  #messageTail: Promise<void> = Promise.resolve();
  #pumping: Promise<void> | undefined;
  #keepalive: ReturnType<typeof setInterval> | undefined;
  #endTimer: ReturnType<typeof setTimeout> | undefined;
  #end:
    | { promise: Promise<Transcript>; resolve(value: Transcript): void; reject(error: unknown): void }
    | undefined;
  #failure: RealtimeError | undefined;
  #finalTranslation = '';
  readonly #translationLanguages: string[] = [];
  #finalAudioProcMs: number | undefined;
  #totalAudioProcMs: number | undefined;

  constructor(setup: RealtimeSessionSetup) {
    this.provider = setup.protocol.provider;
    this.#protocol = setup.protocol;
    this.#transport = setup.transport;
    this.#options = setup.options;
    this.#metadata = setup.metadata;
    this.#channel = new PartChannel(setup.options.onPart === undefined);
    if (setup.options.onPart !== undefined) this.#channel.on('*', setup.options.onPart);
    this.#running = new RunningTranscript(setup.protocol.provider);
    const bufferSeconds = setup.options.reconnect === false ? 0 : setup.options.reconnect.bufferSeconds;
    const bytesPerSecond = setup.protocol.audio?.bytesPerSecond ?? CONTAINER_BYTES_PER_SECOND;
    // Without reconnects nothing is replayed, but unsent audio still waits here while the socket drains.
    this.#ring = new AudioRingBuffer(Math.max(bufferSeconds, 60) * bytesPerSecond);
  }

  get state(): RealtimeSessionState {
    if (this.#state === 'connected') return this.#ending ? 'ending' : 'open';
    return this.#state;
  }

  get parts(): ReadableStream<RealtimePart> {
    return this.#channel.stream;
  }

  get finalWords(): readonly Word[] {
    return this.#running.finalWords;
  }

  get partialWords(): readonly Word[] {
    return this.#running.partialWords;
  }

  get text(): string {
    return this.#running.text;
  }

  get stats(): RealtimeSessionStats {
    return {
      capturedBytes: this.#ring.end,
      sentBytes: this.#sentBytes,
      replayedBytes: this.#replayedBytes,
      connections: this.#connections,
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<RealtimePart> {
    return this.#channel.iterate();
  }

  on<T extends RealtimePartType | '*'>(
    type: T,
    listener: (part: T extends RealtimePartType ? RealtimePartOf<T> : RealtimePart) => void,
  ): () => void {
    return this.#channel.on(type, listener);
  }

  transcript(options: Omit<RunningTranscriptSnapshotOptions, 'providerMetadata'> = {}): Transcript {
    return this.#running.transcript({ ...options, providerMetadata: this.#providerMetadata() });
  }

  async start(): Promise<void> {
    const signal = this.#options.signal;
    if (signal !== undefined) {
      signal.throwIfAborted();
      const onAbort = (): void => this.cancel(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#abort.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), {
        once: true,
      });
    }
    let request: RealtimeConnectionRequest;
    let socket: WebSocketLike;
    try {
      [request, socket] = await this.#open(0);
    } catch (error) {
      if (!this.#isOver()) this.#state = 'failed';
      this.#abort.abort(error);
      this.#channel.close();
      throw error;
    }
    this.#attach(socket, request);
    this.#state = 'connected';
    this.#channel.emit({
      type: 'session-start',
      provider: this.provider,
      url: redactUrl(request.url),
      authentication: request.authentication,
    });
  }

  async sendAudio(audio: RealtimeAudioChunk): Promise<void> {
    this.#assertAccepting('sendAudio');
    const bytes = copyAudio(audio);
    const captured = this.#captureTail.then(async () => {
      const chunk = bytes instanceof Promise ? await bytes : bytes;
      if (this.#isOver()) return;
      this.#ring.append(chunk);
    });
    // One failed Blob read rejects its own call, not the ones queued behind it.
    this.#captureTail = captured.catch(() => {});
    await captured;
    await this.#flush(this.#ring.end);
  }

  async finalize(options: { trailingSilenceMs?: number | undefined } = {}): Promise<void> {
    const silence = options.trailingSilenceMs;
    if (silence !== undefined && (!Number.isInteger(silence) || silence < 0)) {
      throw new InvalidArgumentError({
        argument: 'trailingSilenceMs',
        message: 'must be a whole number of milliseconds, at least 0',
        value: silence,
      });
    }
    this.#assertAccepting('finalize');
    await this.#captureTail;
    const id = this.#connectionId;
    await this.#flush(this.#ring.end);
    if (id === this.#connectionId && this.#socket !== undefined && !this.#isOver()) {
      this.#send(this.#protocol.finalizeFrame({ trailingSilenceMs: silence }));
    }
  }

  async end(): Promise<Transcript> {
    if (this.#end !== undefined) return this.#end.promise;
    if (this.#state === 'ended') return this.transcript();
    if (this.#state === 'failed') throw this.#failure;
    if (this.#state === 'cancelled') throw this.#cancelledError();
    let resolve!: (value: Transcript) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<Transcript>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    // A failure also arrives as an `error` part; a caller who does not await end() must not get an unhandled rejection.
    promise.catch(() => {});
    this.#end = { promise, resolve, reject };
    this.#ending = true;
    this.#endTimer = setTimeout(() => {
      this.#fail(
        new RealtimeError({
          provider: this.provider,
          message: `the session did not finish within ${this.#options.endTimeoutMs} ms of the end of audio`,
          code: 'end_timeout',
        }),
      );
    }, this.#options.endTimeoutMs);
    await this.#captureTail;
    await this.#sendEnd();
    return promise;
  }

  cancel(reason?: unknown): void {
    if (this.#isOver()) return;
    this.#state = 'cancelled';
    this.#abort.abort(reason);
    this.#closeSocket(1000, 'cancelled');
    this.#stopTimers();
    this.#channel.emit({
      type: 'session-end',
      reason: 'cancelled',
      finalAudioProcMs: this.#finalAudioProcMs,
      totalAudioProcMs: this.#totalAudioProcMs,
      transcript: this.transcript(),
    });
    this.#channel.close();
    this.#end?.reject(this.#cancelledError(reason));
  }

  /** Opens and configures one connection; the caller attaches it. */
  async #open(attempt: number): Promise<[RealtimeConnectionRequest, WebSocketLike]> {
    const request = await this.#protocol.connection({
      attempt,
      headersSupported: this.#transport.headers,
      signal: this.#abort.signal,
    });
    const socket = await openWebSocket(this.#transport, {
      url: request.url,
      protocols: request.protocols,
      headers: this.#transport.headers ? request.headers : {},
      timeoutMs: this.#options.connectTimeoutMs,
      signal: this.#abort.signal,
      provider: this.provider,
    });
    return [request, socket];
  }

  #attach(socket: WebSocketLike, request: RealtimeConnectionRequest): void {
    const id = ++this.#connectionId;
    this.#connections++;
    this.#socket = socket;
    this.#decoder = this.#protocol.createDecoder();
    this.#speakers.nextConnection();
    this.#endSent = false;
    socket.addEventListener('message', (event: { data: unknown }) => {
      this.#chain(() => this.#onMessage(id, event.data));
    });
    socket.addEventListener('close', (event: WebSocketCloseEventLike) => {
      this.#chain(() => this.#onClose(id, event));
    });
    // A failed socket also closes; the close handler decides what happens.
    socket.addEventListener('error', () => {});
    socket.send(request.firstFrame);
    this.#lastSendAt = Date.now();
    this.#startKeepalive(id);
  }

  /** Runs frame handlers one after another, so a slow (Blob) frame cannot be overtaken. */
  #chain(handler: () => Promise<void>): void {
    this.#messageTail = this.#messageTail.then(handler).catch((error: unknown) => {
      this.#fail(
        new RealtimeError({
          provider: this.provider,
          message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
          code: 'internal_error',
          cause: error,
        }),
      );
    });
  }

  async #onMessage(id: number, data: unknown): Promise<void> {
    if (id !== this.#connectionId || this.#isOver() || this.#decoder === undefined) return;
    let message: RealtimeServerMessage;
    try {
      message = this.#decoder.decode(await readMessageText(data));
    } catch (error) {
      this.#fail(
        new RealtimeError({
          provider: this.provider,
          message: `unreadable server message: ${error instanceof Error ? error.message : String(error)}`,
          code: 'invalid_message',
          cause: error,
        }),
      );
      return;
    }
    if (id !== this.#connectionId || this.#isOver()) return;
    this.#outageAttempts = 0;

    if (message.error !== undefined) {
      const error = new RealtimeError({
        provider: this.provider,
        message: message.error.message,
        code: message.error.code,
      });
      if (message.error.retryable && this.#options.reconnect !== false) {
        this.#detach();
        this.#closeSocket(1000, 'reconnecting');
        this.#reconnect({ closeCode: undefined, closeReason: undefined, error });
      } else {
        this.#fail(error);
      }
      return;
    }
    this.#apply(message);
  }

  #apply(message: RealtimeServerMessage): void {
    const offset = this.#offsetSeconds;
    const finals = this.#speakers.map(this.#place(message.finalWords, offset));
    if (finals.length > 0) {
      this.#speakers.heard(finals);
      const text = this.#running.appendFinal(finals);
      this.#committedSeconds = Math.max(this.#committedSeconds, this.#running.finalEnd);
      this.#channel.emit({ type: 'transcript-final', words: finals, text });
    }
    const partials = this.#speakers.map(this.#place(message.partialWords, offset));
    if (!sameWords(partials, this.#running.partialWords)) {
      this.#running.replacePartial(partials);
      this.#channel.emit({ type: 'transcript-partial', words: partials, text: joinWords(partials) });
    }
    if (message.settledSeconds !== undefined) {
      this.#committedSeconds = Math.max(this.#committedSeconds, offset + message.settledSeconds);
    }
    this.#trimReplayBuffer();
    for (const translation of message.translationFinal) {
      if (translation.text === '') continue;
      this.#finalTranslation += translation.text;
      if (translation.language !== undefined && this.#translationLanguages.at(-1) !== translation.language) {
        this.#translationLanguages.push(translation.language);
      }
      this.#channel.emit({ type: 'translation-final', ...translation });
    }
    if (message.translationPartial !== undefined) {
      this.#channel.emit({ type: 'translation-partial', ...message.translationPartial });
    }
    if (message.endpoint) this.#channel.emit({ type: 'endpoint' });
    if (message.finalized) this.#channel.emit({ type: 'finalized' });
    if (message.finalAudioProcMs !== undefined)
      this.#finalAudioProcMs = Math.round(offset * 1000 + message.finalAudioProcMs);
    if (message.totalAudioProcMs !== undefined)
      this.#totalAudioProcMs = Math.round(offset * 1000 + message.totalAudioProcMs);
    if (message.finished) this.#finish();
  }

  /** Moves words onto the session timeline and drops those an earlier connection already reported. */
  #place(words: readonly Word[], offset: number): Word[] {
    const placed: Word[] = [];
    for (const word of words) {
      const start = word.start + offset;
      if (start < this.#duplicatesBefore - DUPLICATE_TOLERANCE_SECONDS) continue;
      placed.push(offset === 0 ? word : { ...word, start, end: word.end + offset });
    }
    return placed;
  }

  #finish(): void {
    if (this.#isOver()) return;
    this.#state = 'ended';
    this.#stopTimers();
    this.#detach();
    this.#closeSocket(1000, 'finished');
    if (this.#running.partialWords.length > 0) {
      this.#running.replacePartial([]);
      this.#channel.emit({ type: 'transcript-partial', words: [], text: '' });
    }
    const transcript = this.transcript();
    this.#channel.emit({
      type: 'session-end',
      reason: 'finished',
      finalAudioProcMs: this.#finalAudioProcMs,
      totalAudioProcMs: this.#totalAudioProcMs,
      transcript,
    });
    this.#channel.close();
    this.#end?.resolve(transcript);
  }

  async #onClose(id: number, event: WebSocketCloseEventLike): Promise<void> {
    if (id !== this.#connectionId) return;
    this.#detach();
    if (this.#isOver()) return;
    if (this.#options.reconnect === false) {
      this.#fail(
        new RealtimeError({
          provider: this.provider,
          message: `the connection closed before the session finished (code ${event.code ?? 'none'})`,
          closeCode: event.code,
          closeReason: event.reason,
          code: 'connection_closed',
        }),
      );
      return;
    }
    this.#reconnect({ closeCode: event.code, closeReason: event.reason, error: undefined });
  }

  #reconnect(cause: {
    closeCode: number | undefined;
    closeReason: string | undefined;
    error: RealtimeError | undefined;
  }): void {
    this.#state = 'reconnecting';
    void this.#reconnectLoop(cause);
  }

  async #reconnectLoop(initial: {
    closeCode: number | undefined;
    closeReason: string | undefined;
    error: RealtimeError | undefined;
  }): Promise<void> {
    const reconnect = this.#options.reconnect;
    if (reconnect === false) return;
    const sentBefore = this.#sent;
    let cause = initial;
    // #outageAttempts is reset by the first message of a connection, so a connection that
    // delivers nothing before it drops continues the count of the outage that opened it.
    for (;;) {
      const attempt = ++this.#outageAttempts;
      if (attempt > reconnect.maxAttempts) {
        this.#fail(
          new RealtimeError({
            provider: this.provider,
            message: `could not reconnect after ${reconnect.maxAttempts} attempts${cause.error === undefined ? '' : `: ${cause.error.message}`}`,
            closeCode: cause.closeCode,
            closeReason: cause.closeReason,
            code: 'reconnect_failed',
            cause: cause.error,
          }),
        );
        return;
      }
      const delayMs = reconnectDelay(attempt, reconnect);
      this.#channel.emit({ type: 'reconnecting', attempt, delayMs, ...cause });
      try {
        await abortableDelay(delayMs, this.#abort.signal);
        const [request, socket] = await this.#open(attempt);
        if (this.#isOver()) {
          socket.close(1000, 'cancelled');
          return;
        }
        this.#resume(attempt, request, socket, sentBefore);
        return;
      } catch (error) {
        if (this.#abort.signal.aborted || this.#isOver()) return;
        cause = {
          closeCode: RealtimeError.isInstance(error) ? error.closeCode : undefined,
          closeReason: RealtimeError.isInstance(error) ? error.closeReason : undefined,
          error: RealtimeError.isInstance(error)
            ? error
            : new RealtimeError({
                provider: this.provider,
                message: error instanceof Error ? error.message : String(error),
                code: 'connection_failed',
                cause: error,
              }),
        };
      }
    }
  }

  #resume(
    attempt: number,
    request: RealtimeConnectionRequest,
    socket: WebSocketLike,
    sentBefore: number,
  ): void {
    const audio = this.#protocol.audio;
    let replayFrom: number;
    let lostBytes = 0;
    if (audio === undefined) {
      // A container stream only decodes from its header: replay it whole, drop words heard before.
      if (this.#ring.start > 0) {
        socket.close(1000, 'replay unavailable');
        this.#fail(
          new RealtimeError({
            provider: this.provider,
            message:
              'the connection was lost and the start of the audio container is no longer buffered, so the audio cannot be replayed; use a raw PCM format for long sessions',
            code: 'replay_unavailable',
          }),
        );
        return;
      }
      replayFrom = 0;
      this.#offsetSeconds = 0;
    } else {
      replayFrom = alignDown(Math.round(this.#committedSeconds * audio.bytesPerSecond), audio.frameBytes);
      replayFrom = Math.min(replayFrom, alignDown(this.#ring.end, audio.frameBytes));
      if (replayFrom < this.#ring.start) {
        const available = alignUp(this.#ring.start, audio.frameBytes);
        lostBytes = available - replayFrom;
        replayFrom = available;
      }
      this.#offsetSeconds = replayFrom / audio.bytesPerSecond;
    }
    this.#duplicatesBefore = this.#committedSeconds;
    const replayedBytes = Math.max(0, sentBefore - replayFrom);
    this.#replayedBytes += replayedBytes;
    this.#sent = replayFrom;
    this.#ring.trimBefore(replayFrom);
    this.#attach(socket, request);
    this.#state = 'connected';
    if (this.#running.partialWords.length > 0) {
      this.#running.replacePartial([]);
      this.#channel.emit({ type: 'transcript-partial', words: [], text: '' });
    }
    this.#channel.emit({
      type: 'reconnected',
      attempt,
      replayFromByte: replayFrom,
      replayedBytes,
      offsetSeconds: this.#offsetSeconds,
      lostBytes,
    });
    if (this.#ending) void this.#sendEnd();
    else void this.#flush(this.#ring.end);
  }

  /** Sends everything captured, then the end-of-audio frame, on the current connection. */
  async #sendEnd(): Promise<void> {
    const id = this.#connectionId;
    await this.#flush(this.#ring.end);
    if (id !== this.#connectionId || this.#socket === undefined || this.#endSent || this.#isOver()) return;
    this.#endSent = true;
    this.#send(this.#protocol.endFrame);
  }

  /** Resolves once every byte before `target` is sent, or the connection is gone. */
  async #flush(target: number): Promise<void> {
    while (this.#socket !== undefined && this.#state === 'connected' && this.#sent < target) {
      await this.#pump();
    }
  }

  #pump(): Promise<void> {
    this.#pumping ??= this.#runPump().finally(() => {
      this.#pumping = undefined;
    });
    return this.#pumping;
  }

  async #runPump(): Promise<void> {
    while (this.#socket !== undefined && this.#state === 'connected' && this.#sent < this.#ring.end) {
      const socket = this.#socket;
      const id = this.#connectionId;
      while (
        (socket.bufferedAmount ?? 0) > this.#options.highWaterMark &&
        id === this.#connectionId &&
        !this.#isOver()
      ) {
        await abortableDelay(10, this.#abort.signal).catch(() => {});
      }
      if (id !== this.#connectionId || this.#isOver()) continue;
      if (this.#sent < this.#ring.start) {
        this.#fail(
          new RealtimeError({
            provider: this.provider,
            message: 'audio was captured faster than the connection could send it and the buffer overflowed',
            code: 'buffer_overflow',
          }),
        );
        return;
      }
      const [chunk] = this.#ring.read(this.#sent, MAX_FRAME_BYTES);
      if (chunk === undefined) return;
      if (socket.readyState !== WEBSOCKET_OPEN) return;
      socket.send(chunk);
      this.#sent += chunk.byteLength;
      this.#sentBytes += chunk.byteLength;
      this.#lastSendAt = Date.now();
    }
  }

  #trimReplayBuffer(): void {
    const audio = this.#protocol.audio;
    if (audio === undefined) return;
    const settled = alignDown(Math.floor(this.#committedSeconds * audio.bytesPerSecond), audio.frameBytes);
    this.#ring.trimBefore(Math.min(settled, this.#sent));
  }

  #startKeepalive(id: number): void {
    if (this.#keepalive !== undefined) clearInterval(this.#keepalive);
    const interval = this.#options.keepaliveIntervalMs;
    this.#keepalive = setInterval(
      () => {
        if (id !== this.#connectionId || this.#socket === undefined || this.#state !== 'connected') return;
        if (Date.now() - this.#lastSendAt >= interval && this.#pumping === undefined) {
          this.#send(this.#protocol.keepaliveFrame);
        }
      },
      Math.max(10, Math.min(1000, interval / 4)),
    );
  }

  #send(frame: string): void {
    const socket = this.#socket;
    if (socket === undefined || socket.readyState !== WEBSOCKET_OPEN) return;
    socket.send(frame);
    this.#lastSendAt = Date.now();
  }

  #fail(error: RealtimeError): void {
    if (this.#isOver()) return;
    this.#state = 'failed';
    this.#failure = error;
    this.#abort.abort(error);
    this.#detach();
    this.#closeSocket(1000, 'failed');
    this.#stopTimers();
    this.#channel.emit({ type: 'error', error, code: error.code });
    this.#channel.close();
    this.#end?.reject(error);
  }

  /** Stops listening to the current connection: its later events are ignored. */
  #detach(): void {
    this.#connectionId++;
    if (this.#keepalive !== undefined) clearInterval(this.#keepalive);
    this.#keepalive = undefined;
  }

  #closeSocket(code: number, reason: string): void {
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket === undefined) return;
    try {
      socket.close(code, reason);
    } catch {
      // Already closing or closed.
    }
  }

  #stopTimers(): void {
    if (this.#keepalive !== undefined) clearInterval(this.#keepalive);
    this.#keepalive = undefined;
    if (this.#endTimer !== undefined) clearTimeout(this.#endTimer);
    this.#endTimer = undefined;
  }

  #isOver(): boolean {
    return this.#state === 'ended' || this.#state === 'failed' || this.#state === 'cancelled';
  }

  #assertAccepting(operation: string): void {
    if (this.#state === 'failed' && this.#failure !== undefined) throw this.#failure;
    if (this.#isOver() || this.#ending) {
      throw new RealtimeError({
        provider: this.provider,
        message: `${operation}() after the session ${this.#ending && !this.#isOver() ? 'was ended' : this.#state}`,
        code: 'invalid_state',
      });
    }
  }

  #cancelledError(reason?: unknown): RealtimeError {
    return new RealtimeError({
      provider: this.provider,
      message: 'the session was cancelled',
      code: 'cancelled',
      cause: reason,
    });
  }

  #providerMetadata(): Record<string, unknown> | undefined {
    return this.#metadata?.({
      text: this.#finalTranslation.trim(),
      languages: [...this.#translationLanguages],
    });
  }
}

function copyAudio(audio: RealtimeAudioChunk): Uint8Array | Promise<Uint8Array> {
  // Audio is kept for replay, so the caller's buffer is copied: it may be reused after this call.
  if (audio instanceof ArrayBuffer) return new Uint8Array(audio.slice(0));
  if (ArrayBuffer.isView(audio)) {
    return new Uint8Array(audio.buffer.slice(audio.byteOffset, audio.byteOffset + audio.byteLength));
  }
  if (typeof Blob !== 'undefined' && audio instanceof Blob)
    return audio.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  throw new InvalidArgumentError({
    argument: 'audio',
    message: 'must be an ArrayBuffer, a typed array or a Blob',
    value: Object.prototype.toString.call(audio),
  });
}

function sameWords(a: readonly Word[], b: readonly Word[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const left = a[index];
    const right = b[index];
    if (
      left === undefined ||
      right === undefined ||
      left.text !== right.text ||
      left.start !== right.start ||
      left.end !== right.end ||
      left.speaker !== right.speaker
    ) {
      return false;
    }
  }
  return true;
}

function alignDown(value: number, step: number): number {
  return Math.floor(value / step) * step;
}

function alignUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}
