import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RealtimePart, RealtimeSession, Transcript } from '../../core/index.js';
import type { SonioxRealtimeConnectOptions } from '../../core/providers/soniox/index.js';
import type { CaptureAudioFormat } from '../capture/index.js';
import type { LiveStartDetail } from '../events/live-start-event.js';
import type { LiveRealtimeClient } from './endpoint-realtime.js';
import type { LiveAudioSource } from './live-audio-source.js';

/** Every {@link LiveState}, in the order a session goes through them. */
export const liveStates = [
  'idle',
  'requesting-permission',
  'connecting',
  'live',
  'reconnecting',
  'stopping',
  'error',
] as const;

/**
Where `<scribe-live>` is. `idle` before a session and after one; `requesting-permission` while the
browser asks for the microphone; `connecting` while the key is fetched and the socket opens; `live`
while audio flows; `reconnecting` while a lost connection is replaced (no audio is lost); `stopping`
while the provider finalizes the last words; `error` after a failure, until the next start.
*/
export type LiveState = (typeof liveStates)[number];

/** Where the audio of a session comes from, and what it is. */
export interface LiveSourceChoice {
  readonly source: LiveAudioSource;
  /** `microphone` asks for permission first. */
  readonly kind: 'microphone' | 'audio';
}

/** What a {@link LiveSessionController} asks of its host. */
export interface LiveSessionHooks {
  /** The realtime client for a new session; throws when there is none (no endpoint). */
  client(): LiveRealtimeClient;
  /** The audio source for a new session. */
  source(): LiveSourceChoice;
  /** The session's options, without audio format, signal or part listener. */
  connectOptions(): SonioxRealtimeConnectOptions;
  /** A new session begins: clear what the last one showed. */
  onReset(): void;
  /** Every part of the session, in order (`error` and reconnect parts included). */
  onPart(part: RealtimePart): void;
  /** Audio flows to a connected session. */
  onStart(detail: LiveStartDetail): void;
  /** The session is over; its transcript is final (`failed`: as far as it got). */
  onEnd(transcript: Transcript, reason: 'finished' | 'cancelled' | 'failed'): void;
  /** The session, the source or the connection failed. */
  onError(error: unknown): void;
  /** The input level, 0 to 1, for each frame. */
  onLevel(level: number, peak: number): void;
}

interface Run {
  readonly abort: AbortController;
  readonly source: LiveAudioSource;
  readonly sourceMutes: boolean;
  session: RealtimeSession | undefined;
  pump: Promise<void> | undefined;
  ending: Promise<Transcript | undefined> | undefined;
}

/**
A reactive controller that runs one live session at a time: it opens the audio source (the
microphone's permission prompt first), connects the realtime client, streams the frames with
backpressure, and follows the session through reconnects to its end. Pausing drops the audio and
asks the provider to finalize what it heard; muting sends silence. Leaving the document cancels
the session and releases the microphone.
*/
export class LiveSessionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #hooks: LiveSessionHooks;
  #state: LiveState = 'idle';
  #run: Run | undefined;
  #paused = false;
  #muted = false;
  #error: unknown;
  #transcript: Transcript | undefined;
  #kind: 'microphone' | 'audio' = 'microphone';

  constructor(host: ReactiveControllerHost, hooks: LiveSessionHooks) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  /** Where the session is. */
  get state(): LiveState {
    return this.#state;
  }

  /** Whether audio is being held back (`pause()`). */
  get paused(): boolean {
    return this.#paused;
  }

  /** Whether the audio is silenced, by `mute()` or by the device. */
  get muted(): boolean {
    return this.#muted;
  }

  /** Whether a session is starting, running or ending. */
  get isActive(): boolean {
    return this.#run !== undefined;
  }

  /** The last failure, while the state is `error`. */
  get error(): unknown {
    return this.#error;
  }

  /** Where the audio of the latest session came from. */
  get sourceKind(): 'microphone' | 'audio' {
    return this.#kind;
  }

  /** The running session, while there is one. */
  get session(): RealtimeSession | undefined {
    return this.#run?.session;
  }

  /**
  The transcript: of the running session so far (final words), else of the last session, else
  `undefined`.
  */
  get transcript(): Transcript | undefined {
    return this.#run?.session?.transcript() ?? this.#transcript;
  }

  /** The transcript of the last session, once it is over (cheap: nothing is built). */
  get lastTranscript(): Transcript | undefined {
    return this.#run === undefined ? this.#transcript : undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /**
  Starts a session with `choice` (else the host's source). Resolves once audio flows, or once it
  failed (the state is then `error` and `onError` was called). Does nothing while a session runs.
  */
  async start(choice?: LiveSourceChoice): Promise<void> {
    if (this.#run !== undefined) return;
    let picked: LiveSourceChoice;
    let client: LiveRealtimeClient;
    this.#error = undefined;
    this.#transcript = undefined;
    this.#paused = false;
    this.#muted = false;
    this.#hooks.onReset();
    try {
      picked = choice ?? this.#hooks.source();
      client = this.#hooks.client();
    } catch (error) {
      this.#setError(error);
      return;
    }
    const { source, kind } = picked;
    this.#kind = kind;
    const run: Run = {
      abort: new AbortController(),
      source,
      sourceMutes: typeof source.mute === 'function',
      session: undefined,
      pump: undefined,
      ending: undefined,
    };
    this.#run = run;
    const signal = run.abort.signal;
    try {
      this.#set(kind === 'microphone' ? 'requesting-permission' : 'connecting');
      await source.start({
        signal,
        onLevel: (level, peak) => {
          if (this.#run === run) this.#hooks.onLevel(level, peak);
        },
        onMuteChange: (muted) => {
          if (this.#run !== run || this.#muted === muted) return;
          this.#muted = muted;
          this.#host.requestUpdate();
        },
        onError: (error) => this.#fail(run, error),
      });
      if (this.#run !== run) return;
      this.#set('connecting');
      const audioFormat = source.audioFormat;
      const session = await client.connect({
        ...this.#hooks.connectOptions(),
        ...audioOptions(audioFormat),
        signal,
        onPart: (part) => this.#onPart(run, part),
      });
      if (this.#run !== run) {
        session.cancel();
        return;
      }
      run.session = session;
      this.#set('live');
      run.pump = this.#pump(run, session);
      this.#hooks.onStart({ provider: session.provider, source: kind, audioFormat });
    } catch (error) {
      this.#fail(run, error);
    }
  }

  /**
  Stops the audio and waits for the provider to make every word heard final, then ends the session:
  resolves with its transcript (`undefined` when no session was connected yet; it is cancelled).
  */
  stop(): Promise<Transcript | undefined> {
    const run = this.#run;
    if (run === undefined) return Promise.resolve(this.#transcript);
    run.ending ??= this.#end(run);
    return run.ending;
  }

  /** Ends the session at once, without waiting for the last words, and releases the source. */
  cancel(): void {
    const run = this.#run;
    if (run === undefined) return;
    this.#run = undefined;
    run.abort.abort(new DOMException('The live session was cancelled', 'AbortError'));
    void run.source.stop();
    const session = run.session;
    this.#clearFlags();
    this.#set('idle');
    if (session === undefined) return;
    const transcript = session.transcript();
    session.cancel();
    this.#transcript = transcript;
    this.#hooks.onEnd(transcript, 'cancelled');
  }

  /**
  Holds the audio back without ending the session (the provider keeps it open with keepalives) and
  asks the provider to finalize what it heard. Audio captured while paused is discarded.
  */
  pause(): void {
    const session = this.#run?.session;
    if (this.#paused || session === undefined || this.#run?.ending !== undefined) return;
    this.#paused = true;
    session.finalize().catch(() => undefined);
    this.#host.requestUpdate();
  }

  /** Sends audio again after `pause()`. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#host.requestUpdate();
  }

  /** Sends silence instead of the audio (the source's own mute when it has one). */
  mute(): void {
    this.#setMuted(true);
  }

  /** Sends the audio again after `mute()`. */
  unmute(): void {
    this.#setMuted(false);
  }

  #setMuted(muted: boolean): void {
    const run = this.#run;
    if (muted) run?.source.mute?.();
    else run?.source.unmute?.();
    if (this.#muted === muted) return;
    this.#muted = muted;
    this.#host.requestUpdate();
  }

  async #pump(run: Run, session: RealtimeSession): Promise<void> {
    try {
      for await (const frame of run.source) {
        if (this.#run !== run) return;
        if (this.#paused) continue;
        // Silence keeps the provider's timeline in step with the clock; a source that cannot mute is zeroed here.
        const audio = this.#muted && !run.sourceMutes ? new Uint8Array(frame.byteLength) : frame;
        await session.sendAudio(audio);
      }
    } catch (error) {
      // A session that failed or was cancelled refuses audio; that failure is reported on its own.
      if (this.#run === run && !isOver(session)) this.#fail(run, error);
      return;
    }
    // The frames ended by themselves (a recording played to its end): finish the session.
    if (this.#run === run) void this.stop();
  }

  async #end(run: Run): Promise<Transcript | undefined> {
    const session = run.session;
    if (session === undefined) {
      this.cancel();
      return undefined;
    }
    this.#set('stopping');
    try {
      await run.source.stop();
      await run.pump;
      if (this.#run !== run) return this.#transcript;
      const transcript = await session.end();
      if (this.#run !== run) return transcript;
      this.#run = undefined;
      this.#clearFlags();
      this.#transcript = transcript;
      this.#set('idle');
      this.#hooks.onEnd(transcript, 'finished');
      return transcript;
    } catch (error) {
      this.#fail(run, error);
      return this.#transcript;
    }
  }

  #onPart(run: Run, part: RealtimePart): void {
    if (this.#run !== run) return;
    if (part.type === 'error') {
      this.#hooks.onPart(part);
      this.#fail(run, part.error);
      return;
    }
    if (part.type === 'reconnecting') this.#set('reconnecting');
    else if (part.type === 'reconnected') this.#set(run.ending === undefined ? 'live' : 'stopping');
    this.#hooks.onPart(part);
  }

  #fail(run: Run, error: unknown): void {
    if (this.#run !== run) return;
    this.#run = undefined;
    run.abort.abort(error);
    void run.source.stop();
    this.#clearFlags();
    const session = run.session;
    let transcript: Transcript | undefined;
    if (session !== undefined) {
      transcript = session.transcript();
      session.cancel();
      this.#transcript = transcript;
    }
    this.#setError(error);
    if (transcript !== undefined) this.#hooks.onEnd(transcript, 'failed');
  }

  /** A session is over: it is neither paused nor muted any more. */
  #clearFlags(): void {
    this.#paused = false;
    this.#muted = false;
  }

  #setError(error: unknown): void {
    this.#error = error;
    this.#set('error');
    this.#hooks.onError(error);
  }

  #set(state: LiveState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#host.requestUpdate();
  }
}

/** The session's audio options for what the source produces. */
function audioOptions(
  format: CaptureAudioFormat,
): Pick<SonioxRealtimeConnectOptions, 'audioFormat' | 'sampleRate' | 'numChannels'> {
  return format.format === 'pcm_s16le'
    ? { audioFormat: 'pcm_s16le', sampleRate: format.sampleRate, numChannels: format.numChannels }
    : { audioFormat: 'auto' };
}

function isOver(session: RealtimeSession): boolean {
  return session.state === 'ended' || session.state === 'failed' || session.state === 'cancelled';
}
