import { ScribeError } from '../../core/index.js';
import { CaptureError } from './capture-error.js';
import {
  browserCaptureEnvironment,
  type CaptureAudioContext,
  type CaptureEnvironment,
  type CaptureMediaDevices,
  type CaptureStream,
  type CaptureTrack,
} from './capture-environment.js';
import {
  audioConstraints,
  resolveCaptureOptions,
  type CaptureAudioFormat,
  type CaptureStartOptions,
  type ResolvedCaptureOptions,
} from './capture-options.js';
import { startCapturePipeline, type CapturePipeline } from './capture-pipeline.js';
import { FrameQueue } from './frame-queue.js';
import { toCaptureError } from './to-capture-error.js';
import { TrackWatcher } from './track-watcher.js';
import { untilAborted } from './until-aborted.js';

/**
Where a capture is: `idle` before `start()` and after `stop()`, `starting` while the permission
prompt and the audio graph are set up, `capturing` while frames flow, `stopping` while the last
frame is delivered and everything is released.
*/
export type CaptureState = 'idle' | 'starting' | 'capturing' | 'stopping';

/** How a {@link MicrophoneCapture} is built. */
export interface MicrophoneCaptureOptions {
  /**
  The browser APIs to use instead of the page's own (`navigator.mediaDevices`, `AudioContext`,
  `AudioWorkletNode`, `MediaRecorder`): for tests, or to capture through another window.

  @default the page's globals, read when `start()` is called
  */
  environment?: CaptureEnvironment | undefined;
  /**
  How many seconds of frames wait for a `frames()` reader before the oldest are dropped.

  @default 60
  */
  maxQueuedSeconds?: number | undefined;
}

interface Run {
  readonly options: ResolvedCaptureOptions;
  readonly callbacks: CaptureStartOptions;
  readonly mediaDevices: CaptureMediaDevices;
  readonly queue: FrameQueue;
  readonly controller: AbortController;
  readonly watcher: TrackWatcher;
  context: CaptureAudioContext | undefined;
  pipeline: CapturePipeline | undefined;
  stream: CaptureStream | undefined;
  isTrackMuted: boolean;
  switching: Promise<void> | undefined;
  detach: (() => void)[];
}

const pcmFormat = (sampleRate: number): CaptureAudioFormat => ({
  format: 'pcm_s16le',
  sampleRate,
  numChannels: 1,
});

/**
Captures the microphone as a stream of small audio frames, ready to send to a realtime
speech-to-text session: 16 kHz mono 16-bit little-endian PCM by default.

The microphone runs at its native rate (Firefox refuses a 16 kHz `AudioContext` and Safari ignores
the requested rate), and an `AudioWorklet` downmixes, resamples with an anti-aliasing filter and
quantizes on the audio thread, posting one frame every `frameMs` (40 ms: 1280 bytes). Where
`AudioWorkletNode` is missing, or its module cannot load, a `MediaRecorder` fallback produces
compressed chunks instead and `audioFormat` says so (`format: 'auto'`).

Frames arrive through `onFrame`, through `frames()` (an async iterator that also holds frames
captured before it was read), or both. `level` meters them. `mute()` keeps frames coming, as
silence; if the microphone in use is unplugged, capture moves to the default one and reports it
through `onDeviceChange`. `stop()` releases the microphone and the audio graph.

Nothing touches a browser API until `start()`, so the module imports anywhere.

@example
```ts
import { MicrophoneCapture } from 'scribekit/elements';
import { createSonioxRealtime } from 'scribekit/soniox';

const capture = new MicrophoneCapture();
await capture.start({ onLevel: (level) => meter.value = level }); // call from a click handler
const format = capture.audioFormat;
const session = await createSonioxRealtime({ apiKey: temporaryKey }).connect(
  format.format === 'pcm_s16le'
    ? { audioFormat: 'pcm_s16le', sampleRate: format.sampleRate, numChannels: format.numChannels }
    : { audioFormat: 'auto' },
);
stopButton.onclick = () => capture.stop();
for await (const frame of capture.frames()) await session.sendAudio(frame);
const transcript = await session.end();
```
*/
export class MicrophoneCapture implements AsyncIterable<Uint8Array> {
  readonly #environment: CaptureEnvironment | undefined;
  readonly #maxQueuedSeconds: number;
  #state: CaptureState = 'idle';
  #run: Run | undefined;
  #queue: FrameQueue | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  #audioFormat: CaptureAudioFormat = pcmFormat(16000);
  #isMutedByUser = false;
  #level = 0;
  #peak = 0;

  constructor(options: MicrophoneCaptureOptions = {}) {
    this.#environment = options.environment;
    this.#maxQueuedSeconds = options.maxQueuedSeconds ?? 60;
  }

  /** Where the capture is; see {@link CaptureState}. */
  get state(): CaptureState {
    return this.#state;
  }

  /**
  What the frames are, for the realtime session's configuration: `pcm_s16le` at the requested
  rate, mono; or `auto` with the container's MIME type when the `MediaRecorder` fallback is in use.
  Settled once `start()` resolves; before that it describes the default.
  */
  get audioFormat(): CaptureAudioFormat {
    return this.#audioFormat;
  }

  /** The RMS level of the latest frame, from 0 to 1 (0 while muted and when idle). */
  get level(): number {
    return this.#level;
  }

  /** The peak level of the latest frame, from 0 to 1. */
  get peak(): number {
    return this.#peak;
  }

  /** Whether the audio is silenced, by `mute()` or because the track itself is muted (by the system or the browser). */
  get muted(): boolean {
    return this.#isMutedByUser || (this.#run?.isTrackMuted ?? false);
  }

  /** Whether `mute()` is in effect. */
  get isMutedByUser(): boolean {
    return this.#isMutedByUser;
  }

  /** Whether the track reports `muted` (an operating-system mute switch, another app taking the device…). */
  get isMutedByDevice(): boolean {
    return this.#run?.isTrackMuted ?? false;
  }

  /** The microphone's track while capturing: its `label` names the device. */
  get track(): CaptureTrack | undefined {
    return this.#run?.watcher.track;
  }

  /** The `deviceId` of the microphone in use, when the browser reports it. */
  get deviceId(): string | undefined {
    return this.#run?.watcher.track?.getSettings().deviceId;
  }

  /**
  Asks for the microphone and starts producing frames. Call it from a user gesture (a click), so
  the browser lets the audio graph run.

  Resolves once audio flows. Rejects with a {@link CaptureError} (`permission-denied`, `no-device`,
  `device-busy`, `unsupported`), an `InvalidArgumentError` for an out-of-range option, or the
  signal's reason when `options.signal` aborts first (or `stop()` is called meanwhile).

  @throws {ScribeError} When the capture is already started.
  */
  start(options: CaptureStartOptions = {}): Promise<void> {
    if (this.#state !== 'idle') {
      return Promise.reject(new ScribeError('MicrophoneCapture is already started; call stop() first'));
    }
    this.#state = 'starting';
    const starting = this.#start(options).finally(() => {
      if (this.#starting === starting) this.#starting = undefined;
    });
    this.#starting = starting;
    return starting;
  }

  /**
  The frames as an async iterator, for one reader per capture: it yields every frame since
  `start()` (frames wait while, say, a socket connects, up to `maxQueuedSeconds`), ends after
  `stop()`, and throws the {@link CaptureError} if capture fails. `for await (… of capture)` does
  the same.

  @throws {ScribeError} Before the first `start()`, or when the frames already have a reader.
  */
  frames(): AsyncIterableIterator<Uint8Array> {
    const queue = this.#queue;
    if (queue === undefined) throw new ScribeError('Start the capture before reading its frames');
    if (queue.isTaken) throw new ScribeError('The frames of this capture already have a reader');
    return queue.take();
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this.frames();
  }

  /**
  Silences the audio without stopping: frames keep coming, filled with silence (and the track is
  disabled, so no sound reaches the page). Can be called before `start()`.

  Frames continue rather than pause because a realtime session needs them: the provider closes a
  session that receives no audio for a while, and its word timings count the audio received, so a
  gap would shift every later timestamp away from the wall clock and the recording.
  */
  mute(): void {
    this.#setMutedByUser(true);
  }

  /** Lets the audio through again after `mute()`. */
  unmute(): void {
    this.#setMutedByUser(false);
  }

  /**
  Stops capturing: releases the microphone at once (the browser's recording indicator goes off),
  delivers the last, possibly shorter, frame, closes the audio graph and ends `frames()`. Safe to
  call at any time and more than once; stopping while `start()` is pending makes it reject.
  */
  stop(): Promise<void> {
    const run = this.#run;
    if (this.#state === 'starting' && run !== undefined) {
      run.controller.abort(new DOMException('stop() was called before the capture started', 'AbortError'));
      return (this.#starting ?? Promise.resolve()).then(
        () => this.stop(),
        () => undefined,
      );
    }
    if (this.#state === 'stopping') return this.#stopping ?? Promise.resolve();
    if (this.#state !== 'capturing' || run === undefined) return Promise.resolve();
    this.#state = 'stopping';
    const stopping = this.#stop(run).finally(() => {
      this.#stopping = undefined;
    });
    this.#stopping = stopping;
    return stopping;
  }

  async #start(options: CaptureStartOptions): Promise<void> {
    let run: Run | undefined;
    try {
      const resolved = resolveCaptureOptions(options);
      options.signal?.throwIfAborted();
      const environment = this.#environment ?? browserCaptureEnvironment();
      const mediaDevices = environment.mediaDevices;
      if (mediaDevices === undefined) {
        throw new CaptureError({
          reason: 'unsupported',
          message: 'navigator.mediaDevices is missing (microphone access needs HTTPS or localhost)',
        });
      }
      const wantsWorklet =
        !resolved.useMediaRecorder &&
        environment.AudioWorkletNode !== undefined &&
        environment.AudioContext !== undefined;
      if (!wantsWorklet && environment.MediaRecorder === undefined) {
        throw new CaptureError({
          reason: 'unsupported',
          message: 'this browser has neither AudioWorklet nor MediaRecorder',
        });
      }
      const controller = new AbortController();
      const queue = new FrameQueue(Math.ceil((this.#maxQueuedSeconds * 1000) / resolved.frameMs));
      const current: Run = {
        options: resolved,
        callbacks: options,
        mediaDevices,
        queue,
        controller,
        watcher: new TrackWatcher(mediaDevices, {
          onMuteChange: (isMuted) => this.#setTrackMuted(current, isMuted),
          onLost: (track) => this.#replaceDevice(current, track),
        }),
        context: undefined,
        pipeline: undefined,
        stream: undefined,
        isTrackMuted: false,
        switching: undefined,
        detach: [],
      };
      run = current;
      this.#run = current;
      this.#audioFormat = pcmFormat(resolved.sampleRate);
      this.#queue = queue;
      const signal = controller.signal;
      if (options.signal !== undefined) {
        const outer = options.signal;
        const forward = (): void => controller.abort(outer.reason);
        outer.addEventListener('abort', forward, { once: true });
        current.detach.push(() => outer.removeEventListener('abort', forward));
      }
      // Created before the permission prompt, while the click that called start() still counts as
      // a user gesture, so the context is allowed to run. No sampleRate: the native rate is the one
      // every browser honours.
      current.context = createContext(environment);

      const stream = await untilAborted(
        mediaDevices.getUserMedia({ audio: audioConstraints(resolved, resolved.deviceId) }),
        signal,
        stopTracks,
      );
      current.stream = stream;
      current.pipeline = await startCapturePipeline({
        environment,
        context: current.context,
        stream,
        capture: resolved,
        sink: {
          onFrame: (frame, rms, peak) => this.#deliver(current, frame, rms, peak),
          onError: (error) => this.#fail(current, error),
        },
        useWorklet: wantsWorklet,
        signal,
      });
      signal.throwIfAborted();
      this.#audioFormat = current.pipeline.audioFormat;
      this.#watchTrack(current, stream);
      const onAbort = (): void => void this.stop();
      signal.addEventListener('abort', onAbort, { once: true });
      current.detach.push(() => signal.removeEventListener('abort', onAbort));
      this.#state = 'capturing';
    } catch (error) {
      if (run !== undefined) {
        await this.#release(run);
        if (this.#run === run) {
          this.#run = undefined;
          this.#queue = undefined;
        }
      }
      this.#state = 'idle';
      if (run?.controller.signal.aborted === true) throw run.controller.signal.reason;
      throw toCaptureError(error);
    }
  }

  #deliver(run: Run, frame: Uint8Array, rms: number, peak: number): void {
    if (this.#run !== run) return;
    if (this.#isMutedByUser) {
      // Raw PCM can be zeroed here, at once; compressed audio is silent because the track is disabled.
      if (this.#audioFormat.format === 'pcm_s16le') frame.fill(0);
      rms = 0;
      peak = 0;
    }
    this.#level = rms;
    this.#peak = peak;
    run.queue.push(frame);
    run.callbacks.onFrame?.(frame);
    run.callbacks.onLevel?.(rms, peak);
  }

  #watchTrack(run: Run, stream: CaptureStream): void {
    const track = stream.getAudioTracks()[0];
    if (track === undefined) {
      throw new CaptureError({ reason: 'no-device', message: 'the stream has no audio track' });
    }
    track.enabled = !this.#isMutedByUser;
    run.watcher.watch(track);
    this.#setTrackMuted(run, track.muted);
  }

  #setMutedByUser(isMuted: boolean): void {
    if (this.#isMutedByUser === isMuted) return;
    const wasMuted = this.muted;
    this.#isMutedByUser = isMuted;
    const run = this.#run;
    const track = run?.watcher.track;
    if (track !== undefined) track.enabled = !isMuted;
    if (this.muted !== wasMuted) run?.callbacks.onMuteChange?.(this.muted);
  }

  #setTrackMuted(run: Run, isMuted: boolean): void {
    const wasMuted = this.muted;
    run.isTrackMuted = isMuted;
    if (this.muted !== wasMuted) run.callbacks.onMuteChange?.(this.muted);
  }

  #replaceDevice(run: Run, lostTrack: CaptureTrack): void {
    if (
      this.#run !== run ||
      this.#state !== 'capturing' ||
      run.watcher.track !== lostTrack ||
      run.switching !== undefined
    ) {
      return;
    }
    const pipeline = run.pipeline;
    if (pipeline?.switchStream === undefined) {
      this.#fail(
        run,
        new CaptureError({ reason: 'device-lost', message: 'the microphone was disconnected' }),
      );
      return;
    }
    const switchStream = pipeline.switchStream;
    const previous = { previousDeviceId: lostTrack.getSettings().deviceId, previousLabel: lostTrack.label };
    run.switching = (async () => {
      let stream: CaptureStream;
      try {
        stream = await run.mediaDevices.getUserMedia({ audio: audioConstraints(run.options, undefined) });
      } catch (error) {
        const mapped = toCaptureError(error);
        // A revoked permission ends the track too; say so rather than blame the device.
        this.#fail(
          run,
          CaptureError.isInstance(mapped) && mapped.reason === 'permission-denied'
            ? mapped
            : new CaptureError({
                reason: 'device-lost',
                message: 'the microphone was disconnected and no other one could be opened',
                cause: error,
              }),
        );
        return;
      }
      if (this.#run !== run || this.#state !== 'capturing') {
        stopTracks(stream);
        return;
      }
      const lostStream = run.stream;
      switchStream(stream);
      run.stream = stream;
      if (lostStream !== undefined) stopTracks(lostStream);
      this.#watchTrack(run, stream);
      const track = run.watcher.track;
      run.callbacks.onDeviceChange?.({
        ...previous,
        deviceId: track?.getSettings().deviceId,
        label: track?.label ?? '',
      });
    })().finally(() => {
      run.switching = undefined;
    });
  }

  #fail(run: Run, error: CaptureError): void {
    if (this.#run !== run || this.#state !== 'capturing') return;
    run.queue.fail(error);
    void this.stop();
    run.callbacks.onError?.(error);
  }

  async #stop(run: Run): Promise<void> {
    await this.#release(run);
    run.queue.end();
    if (this.#run === run) this.#run = undefined;
    this.#level = 0;
    this.#peak = 0;
    this.#state = 'idle';
  }

  // Tracks first, so the recording indicator goes off at once; then the graph, which may still
  // deliver the last frame; the run stays current meanwhile so that frame is not dropped.
  async #release(run: Run): Promise<void> {
    for (const detach of run.detach.splice(0)) detach();
    run.watcher.dispose();
    if (run.stream !== undefined) stopTracks(run.stream);
    try {
      await run.pipeline?.stop();
    } catch {
      // Releasing must go on; the pipeline's failure no longer matters to anyone.
    }
    try {
      await run.context?.close();
    } catch {
      // Already closed.
    }
  }
}

function createContext(environment: CaptureEnvironment): CaptureAudioContext | undefined {
  if (environment.AudioContext === undefined) return undefined;
  try {
    return new environment.AudioContext();
  } catch {
    // Too many contexts, or a sandboxed frame: the MediaRecorder fallback may still work.
    return undefined;
  }
}

function stopTracks(stream: CaptureStream): void {
  for (const track of stream.getTracks()) track.stop();
}
