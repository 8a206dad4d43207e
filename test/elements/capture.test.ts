import { resolveObjectURL } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError, ScribeError } from '../../src/core/index.js';
import {
  CaptureError,
  MicrophoneCapture,
  type CaptureAudioContext,
  type CaptureAudioNode,
  type CaptureDeviceChange,
  type CaptureEnvironment,
  type CaptureStartOptions,
  type CaptureStream,
  type CaptureTrack,
} from '../../src/elements/capture/index.js';

// ---- Test doubles of the browser APIs, injected through `environment` (no global is patched). ----

/** One end of a message channel that delivers asynchronously, transferring buffers as the browser does. */
class FakePort {
  other: FakePort | undefined;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  readonly #listeners = new Set<(event: { data: unknown }) => void>();
  isClosed = false;

  postMessage(data: unknown, transfer: Transferable[] = []): void {
    const copy = structuredClone(data, { transfer });
    const target = this.other;
    setTimeout(() => target?.receive(copy), 0);
  }

  receive(data: unknown): void {
    if (this.isClosed) return;
    this.onmessage?.({ data });
    for (const listener of this.#listeners) listener({ data });
  }

  addEventListener(_type: 'message', listener: (event: { data: unknown }) => void): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: (event: { data: unknown }) => void): void {
    this.#listeners.delete(listener);
  }

  start(): void {}

  close(): void {
    this.isClosed = true;
  }
}

/** A microphone track; while live, enabled and unmuted it "hears" a 440 Hz sine of `amplitude`. */
class FakeTrack extends EventTarget implements CaptureTrack {
  readonly kind = 'audio';
  enabled = true;
  muted = false;
  readyState: 'live' | 'ended' = 'live';
  amplitude = 0.25;

  constructor(
    readonly label: string,
    readonly deviceId: string,
  ) {
    super();
  }

  getSettings(): { deviceId: string } {
    return { deviceId: this.deviceId };
  }

  stop(): void {
    this.readyState = 'ended';
  }

  /** The device went away: the browser ends the track and says so. */
  end(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }

  setMuted(isMuted: boolean): void {
    this.muted = isMuted;
    this.dispatchEvent(new Event(isMuted ? 'mute' : 'unmute'));
  }

  get isAudible(): boolean {
    return this.readyState === 'live' && this.enabled && !this.muted;
  }
}

class FakeStream implements CaptureStream {
  constructor(readonly track: FakeTrack) {}
  getAudioTracks(): FakeTrack[] {
    return [this.track];
  }
  getTracks(): FakeTrack[] {
    return [this.track];
  }
}

interface FakeDevice {
  kind: string;
  deviceId: string;
  label: string;
}

class FakeMediaDevices extends EventTarget {
  devices: FakeDevice[] = [
    { kind: 'audioinput', deviceId: 'default', label: 'Default microphone' },
    { kind: 'audioinput', deviceId: 'usb', label: 'USB microphone' },
    { kind: 'videoinput', deviceId: 'camera', label: 'Camera' },
  ];
  readonly requests: MediaStreamConstraints[] = [];
  readonly tracks: FakeTrack[] = [];
  /** Makes the next getUserMedia calls fail with this error. */
  failure: Error | undefined;
  /** Holds getUserMedia until released, to test aborts. */
  gate: Promise<void> | undefined;

  async getUserMedia(constraints: MediaStreamConstraints): Promise<FakeStream> {
    this.requests.push(constraints);
    await this.gate;
    if (this.failure !== undefined) throw this.failure;
    const audio = constraints.audio as MediaTrackConstraints;
    const wanted = (audio.deviceId as { exact?: string } | undefined)?.exact;
    const inputs = this.devices.filter((device) => device.kind === 'audioinput');
    const device = wanted === undefined ? inputs[0] : inputs.find((input) => input.deviceId === wanted);
    if (device === undefined) {
      throw new DOMException(
        wanted === undefined ? 'Requested device not found' : 'Overconstrained',
        wanted === undefined ? 'NotFoundError' : 'OverconstrainedError',
      );
    }
    const track = new FakeTrack(device.label, device.deviceId);
    this.tracks.push(track);
    return new FakeStream(track);
  }

  async enumerateDevices(): Promise<FakeDevice[]> {
    return this.devices.map((device) => ({ ...device }));
  }

  /** Removes a device; the browser ends its tracks (unless told not to) and fires devicechange. */
  unplug(deviceId: string, options: { endTracks?: boolean } = {}): void {
    this.devices = this.devices.filter((device) => device.deviceId !== deviceId);
    if (options.endTracks ?? true) {
      for (const track of this.tracks)
        if (track.deviceId === deviceId && track.readyState === 'live') track.end();
    }
    this.dispatchEvent(new Event('devicechange'));
  }
}

class FakeNode implements CaptureAudioNode {
  readonly outputs = new Set<CaptureAudioNode>();
  isDisconnected = false;
  constructor(readonly stream?: FakeStream) {}
  connect(destination: CaptureAudioNode): CaptureAudioNode {
    this.outputs.add(destination);
    return destination;
  }
  disconnect(): void {
    this.outputs.clear();
    this.isDisconnected = true;
  }
}

class FakeAnalyser extends FakeNode {
  fftSize = 2048;
  constructor(private readonly context: FakeAudioContext) {
    super();
  }
  getFloatTimeDomainData(array: Float32Array): void {
    const sources = this.context.sources.filter(
      (source) => source.outputs.has(this) && source.stream?.track.isAudible,
    );
    const amplitude = sources.reduce((sum, source) => sum + (source.stream?.track.amplitude ?? 0), 0);
    for (let index = 0; index < array.length; index++) {
      array[index] = amplitude * Math.sin((2 * Math.PI * 440 * index) / this.context.sampleRate);
    }
  }
}

interface ProcessorLike {
  process(inputs: Float32Array[][]): boolean;
}

type ProcessorConstructor = new (options: { processorOptions: unknown }) => ProcessorLike;

/** An AudioContext whose worklet really runs the module it is given, rendered on demand by `render()`. */
class FakeAudioContext implements CaptureAudioContext {
  static created: FakeAudioContext[] = [];
  readonly sampleRate = 48000;
  state: 'suspended' | 'running' | 'closed' = 'suspended';
  readonly destination = new FakeNode();
  readonly sources: FakeNode[] = [];
  readonly workletNodes: FakeWorkletNode[] = [];
  readonly processors = new Map<string, ProcessorConstructor>();
  readonly constructorArguments: unknown[];
  readonly modules: string[] = [];
  failModules = false;
  #rendered = 0;
  readonly audioWorklet = {
    addModule: async (url: string): Promise<void> => {
      if (this.failModules) throw new DOMException('Unable to load a worklet module', 'AbortError');
      const source = (await resolveObjectURL(url)?.text()) ?? '';
      this.modules.push(source);
      const scope = {
        sampleRate: this.sampleRate,
        AudioWorkletProcessor: class {
          readonly port = FakeAudioContext.nextProcessorPort ?? new FakePort();
        },
        registerProcessor: (name: string, processor: ProcessorConstructor) =>
          this.processors.set(name, processor),
      };
      new Function('globalThis', source)(scope);
    },
  };
  static nextProcessorPort: FakePort | undefined;

  constructor(...parameters: unknown[]) {
    this.constructorArguments = parameters;
    FakeAudioContext.created.push(this);
  }

  createMediaStreamSource(stream: CaptureStream): FakeNode {
    const node = new FakeNode(stream as FakeStream);
    this.sources.push(node);
    return node;
  }

  createAnalyser(): FakeAnalyser {
    return new FakeAnalyser(this);
  }

  async resume(): Promise<void> {
    if (this.state !== 'closed') this.state = 'running';
  }

  async close(): Promise<void> {
    this.state = 'closed';
  }

  /** Runs the audio graph for `seconds`: each worklet node processes 128-sample quanta of what reaches it. */
  render(seconds: number): void {
    if (this.state !== 'running') return;
    const quanta = Math.round((seconds * this.sampleRate) / 128);
    for (let quantum = 0; quantum < quanta; quantum++) {
      for (const node of this.workletNodes) {
        const sources = this.sources.filter((source) => source.outputs.has(node));
        const channel = sources.length === 0 ? undefined : new Float32Array(128);
        for (const source of sources) {
          const track = source.stream?.track;
          if (channel === undefined || track === undefined || !track.isAudible) continue;
          for (let index = 0; index < 128; index++) {
            channel[index] =
              (channel[index] ?? 0) +
              track.amplitude * Math.sin((2 * Math.PI * 440 * (this.#rendered + index)) / this.sampleRate);
          }
        }
        node.processor.process([channel === undefined ? [] : [channel]]);
      }
      this.#rendered += 128;
    }
  }
}

class FakeWorkletNode extends FakeNode {
  static created: FakeWorkletNode[] = [];
  readonly port = new FakePort();
  readonly processor: ProcessorLike;
  readonly processorPort = new FakePort();

  constructor(
    readonly context: FakeAudioContext,
    readonly name: string,
    readonly options: AudioWorkletNodeOptions,
  ) {
    super();
    const Processor = context.processors.get(name);
    if (Processor === undefined) throw new DOMException(`${name} is not registered`, 'InvalidStateError');
    this.port.other = this.processorPort;
    this.processorPort.other = this.port;
    FakeAudioContext.nextProcessorPort = this.processorPort;
    this.processor = new Processor({ processorOptions: options.processorOptions });
    FakeAudioContext.nextProcessorPort = undefined;
    context.workletNodes.push(this);
    FakeWorkletNode.created.push(this);
  }
}

class FakeMediaRecorder extends EventTarget {
  static created: FakeMediaRecorder[] = [];
  static supported = ['audio/webm;codecs=opus', 'audio/webm'];
  static isTypeSupported(type: string): boolean {
    return FakeMediaRecorder.supported.includes(type);
  }
  state: 'inactive' | 'recording' = 'inactive';
  readonly mimeType: string;
  timeslice: number | undefined;
  #chunks = 0;

  constructor(
    readonly stream: CaptureStream,
    options: MediaRecorderOptions,
  ) {
    super();
    this.mimeType = options.mimeType ?? 'audio/webm';
    FakeMediaRecorder.created.push(this);
  }

  start(timeslice?: number): void {
    this.state = 'recording';
    this.timeslice = timeslice;
  }

  /** Emits the next timeslice's chunk; the first one starts with the WebM (EBML) header. */
  emitChunk(): void {
    const bytes =
      this.#chunks++ === 0
        ? Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3)
        : Uint8Array.of(0x1f, 0x43, 0xb6, 0x75, this.#chunks);
    this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob([bytes]) }));
  }

  stop(): void {
    this.emitChunk();
    this.state = 'inactive';
    this.dispatchEvent(new Event('stop'));
  }
}

interface Fakes {
  mediaDevices: FakeMediaDevices;
  environment: CaptureEnvironment;
}

function fakes(options: { worklet?: boolean; recorder?: boolean; audioContext?: boolean } = {}): Fakes {
  const mediaDevices = new FakeMediaDevices();
  return {
    mediaDevices,
    environment: {
      mediaDevices,
      ...((options.audioContext ?? true) ? { AudioContext: FakeAudioContext } : {}),
      ...((options.worklet ?? true)
        ? { AudioWorkletNode: FakeWorkletNode as unknown as CaptureEnvironment['AudioWorkletNode'] }
        : {}),
      ...((options.recorder ?? true)
        ? { MediaRecorder: FakeMediaRecorder as unknown as CaptureEnvironment['MediaRecorder'] }
        : {}),
    },
  };
}

/** Lets queued port messages and promise continuations run. */
async function settle(): Promise<void> {
  for (let round = 0; round < 4; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function lastContext(): FakeAudioContext {
  const context = FakeAudioContext.created.at(-1);
  if (context === undefined) throw new Error('no AudioContext was created');
  return context;
}

function samplesOf(frames: readonly Uint8Array[]): Int16Array {
  const all = new Int16Array(frames.reduce((sum, frame) => sum + frame.byteLength / 2, 0));
  let at = 0;
  for (const frame of frames) {
    all.set(new Int16Array(frame.buffer, frame.byteOffset, frame.byteLength / 2), at);
    at += frame.byteLength / 2;
  }
  return all;
}

function rmsOf(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += (sample / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

async function started(
  options: CaptureStartOptions = {},
  setup: Fakes = fakes(),
): Promise<Fakes & { capture: MicrophoneCapture; frames: Uint8Array[]; context: FakeAudioContext }> {
  const frames: Uint8Array[] = [];
  const capture = new MicrophoneCapture({ environment: setup.environment });
  await capture.start({ onFrame: (frame) => frames.push(frame), ...options });
  await settle();
  // Absent only in the test that runs without an AudioContext, which does not read it.
  return { ...setup, capture, frames, context: FakeAudioContext.created.at(-1) as FakeAudioContext };
}

afterEach(() => {
  FakeAudioContext.created = [];
  FakeWorkletNode.created = [];
  FakeMediaRecorder.created = [];
});

// ---- The tests. ----

describe('MicrophoneCapture', () => {
  it('asks for the microphone with echo cancellation and noise suppression on by default', async () => {
    const { mediaDevices, capture } = await started();
    expect(mediaDevices.requests).toEqual([
      { audio: { echoCancellation: true, noiseSuppression: true, channelCount: { ideal: 1 } } },
    ]);
    await capture.stop();
  });

  it('passes the device and processing options as constraints, the device as exact', async () => {
    const { mediaDevices, capture } = await started({
      deviceId: 'usb',
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: true,
    });
    expect(mediaDevices.requests).toEqual([
      {
        audio: {
          deviceId: { exact: 'usb' },
          echoCancellation: false,
          noiseSuppression: false,
          autoGainControl: true,
          channelCount: { ideal: 1 },
        },
      },
    ]);
    expect(capture.deviceId).toBe('usb');
    expect(capture.track?.label).toBe('USB microphone');
    await capture.stop();
  });

  it('runs the AudioContext at its native rate and loads the resampling worklet from a Blob URL', async () => {
    const { capture, context } = await started({ frameMs: 20 });
    expect(context.constructorArguments).toEqual([]);
    expect(context.state).toBe('running');
    expect(context.modules).toHaveLength(1);
    const node = FakeWorkletNode.created[0];
    expect(node?.options.processorOptions).toEqual({ sampleRate: 16000, frameSamples: 320, dither: false });
    expect(node?.outputs.has(context.destination)).toBe(true);
    expect(context.sources[0]?.outputs.has(node as FakeWorkletNode)).toBe(true);
    expect(capture.audioFormat).toEqual({ format: 'pcm_s16le', sampleRate: 16000, numChannels: 1 });
    await capture.stop();
  });

  it('emits 16 kHz s16le frames of frameMs to onFrame and frames(), with their level', async () => {
    const levels: number[] = [];
    const { capture, frames, context } = await started({ onLevel: (level) => levels.push(level) });
    const read = capture.frames();
    context.render(1);
    await settle();
    expect(frames).toHaveLength(25);
    expect(frames.every((frame) => frame.byteLength === 1280)).toBe(true);
    const received: Uint8Array[] = [];
    for (let index = 0; index < 25; index++) {
      const next = await read.next();
      if (next.done === true) throw new Error('frames() ended early');
      received.push(next.value);
    }
    expect(received).toEqual(frames);
    // The fake microphone hears a 440 Hz sine of amplitude 0.25: RMS 0.177.
    expect(rmsOf(samplesOf(frames.slice(2)))).toBeCloseTo(0.25 / Math.SQRT2, 2);
    expect(levels).toHaveLength(25);
    expect(capture.level).toBeCloseTo(0.25 / Math.SQRT2, 2);
    expect(capture.peak).toBeCloseTo(0.25, 2);
    await capture.stop();
  });

  it('keeps frames captured before frames() was called', async () => {
    const { capture, context } = await started();
    context.render(0.2);
    await settle();
    await capture.stop();
    const received: Uint8Array[] = [];
    for await (const frame of capture) received.push(frame);
    expect(received).toHaveLength(5);
    expect(() => capture.frames()).toThrow(ScribeError);
  });

  it('honours sampleRate and frameMs, and rejects them out of range', async () => {
    const { capture, frames, context } = await started({ sampleRate: 8000, frameMs: 100 });
    context.render(1);
    await settle();
    expect(frames.map((frame) => frame.byteLength)).toEqual(Array(10).fill(1600));
    expect(capture.audioFormat).toEqual({ format: 'pcm_s16le', sampleRate: 8000, numChannels: 1 });
    await capture.stop();
    const fresh = new MicrophoneCapture({ environment: fakes().environment });
    await expect(fresh.start({ frameMs: 10 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(fresh.start({ sampleRate: 16000.5 })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(fresh.state).toBe('idle');
  });

  it('sends silence while muted, without a gap in the frames, and audio again after unmute', async () => {
    const changes: boolean[] = [];
    const { capture, frames, context, mediaDevices } = await started({
      onMuteChange: (muted) => changes.push(muted),
    });
    context.render(0.4);
    await settle();
    capture.mute();
    expect(capture.muted).toBe(true);
    expect(mediaDevices.tracks[0]?.enabled).toBe(false);
    context.render(0.4);
    await settle();
    expect(capture.level).toBe(0);
    capture.unmute();
    context.render(0.4);
    await settle();
    expect(frames).toHaveLength(30);
    const [before, during, after] = [frames.slice(2, 10), frames.slice(11, 20), frames.slice(21, 30)];
    expect(rmsOf(samplesOf(before))).toBeGreaterThan(0.1);
    expect(samplesOf(during).every((sample) => sample === 0)).toBe(true);
    expect(rmsOf(samplesOf(after))).toBeGreaterThan(0.1);
    expect(changes).toEqual([true, false]);
    await capture.stop();
  });

  it('zeroes frames already on their way when mute() is called', async () => {
    const { capture, frames, context } = await started();
    context.render(0.2);
    capture.mute(); // the frames rendered above are still in the port
    await settle();
    expect(frames).toHaveLength(5);
    expect(samplesOf(frames).every((sample) => sample === 0)).toBe(true);
    await capture.stop();
  });

  it('reports the track’s own mute and unmute, and can start muted', async () => {
    const changes: boolean[] = [];
    const capture = new MicrophoneCapture({ environment: fakes().environment });
    capture.mute();
    await capture.start({ onMuteChange: (muted) => changes.push(muted) });
    expect(capture.track?.enabled).toBe(false);
    capture.unmute();
    const track = capture.track as FakeTrack;
    track.setMuted(true);
    expect([capture.muted, capture.isMutedByDevice, capture.isMutedByUser]).toEqual([true, true, false]);
    capture.mute();
    track.setMuted(false);
    expect([capture.muted, capture.isMutedByDevice, capture.isMutedByUser]).toEqual([true, false, true]);
    capture.unmute();
    expect(changes).toEqual([false, true, false]);
    await capture.stop();
  });

  it('moves to the default microphone when the one in use is unplugged, keeping the timeline', async () => {
    const notices: CaptureDeviceChange[] = [];
    const { capture, frames, context, mediaDevices } = await started({
      deviceId: 'usb',
      onDeviceChange: (change) => notices.push(change),
    });
    context.render(0.4);
    await settle();
    mediaDevices.unplug('usb');
    await settle();
    expect(notices).toEqual([
      {
        previousDeviceId: 'usb',
        previousLabel: 'USB microphone',
        deviceId: 'default',
        label: 'Default microphone',
      },
    ]);
    expect(mediaDevices.requests.at(-1)).toEqual({
      audio: { echoCancellation: true, noiseSuppression: true, channelCount: { ideal: 1 } },
    });
    expect(capture.deviceId).toBe('default');
    expect(mediaDevices.tracks[0]?.readyState).toBe('ended');
    context.render(0.4);
    await settle();
    // One worklet node all along: the frames continue at the same rate from the new device.
    expect(FakeWorkletNode.created).toHaveLength(1);
    expect(frames).toHaveLength(20);
    expect(rmsOf(samplesOf(frames.slice(12)))).toBeGreaterThan(0.1);
    expect(context.sources[0]?.isDisconnected).toBe(true);
    await capture.stop();
    expect(mediaDevices.tracks.map((track) => track.readyState)).toEqual(['ended', 'ended']);
  });

  it('also notices a vanished device from devicechange alone, and ignores other changes', async () => {
    const notices: CaptureDeviceChange[] = [];
    const { capture, mediaDevices } = await started({
      deviceId: 'usb',
      onDeviceChange: (change) => notices.push(change),
    });
    mediaDevices.devices.push({ kind: 'audioinput', deviceId: 'headset', label: 'Headset' });
    mediaDevices.dispatchEvent(new Event('devicechange'));
    await settle();
    expect(notices).toEqual([]);
    mediaDevices.unplug('usb', { endTracks: false });
    await settle();
    expect(notices.map((notice) => notice.deviceId)).toEqual(['default']);
    expect(mediaDevices.requests).toHaveLength(2);
    await capture.stop();
  });

  it('fails as device-lost when no microphone is left, releasing everything', async () => {
    const errors: CaptureError[] = [];
    const { capture, context, mediaDevices } = await started({ onError: (error) => errors.push(error) });
    const read = capture.frames();
    mediaDevices.failure = new DOMException('Requested device not found', 'NotFoundError');
    mediaDevices.unplug('default');
    await settle();
    expect(errors.map((error) => error.reason)).toEqual(['device-lost']);
    await expect(read.next()).rejects.toSatisfy(
      (error) => CaptureError.isInstance(error) && error.reason === 'device-lost',
    );
    expect(capture.state).toBe('idle');
    expect(context.state).toBe('closed');
  });

  it('maps a revoked permission during a device switch to permission-denied', async () => {
    const errors: CaptureError[] = [];
    const { mediaDevices } = await started({ onError: (error) => errors.push(error) });
    mediaDevices.failure = new DOMException('Permission denied', 'NotAllowedError');
    mediaDevices.tracks[0]?.end();
    await settle();
    expect(errors.map((error) => error.reason)).toEqual(['permission-denied']);
  });

  it.each([
    ['NotAllowedError', 'permission-denied'],
    ['SecurityError', 'permission-denied'],
    ['NotFoundError', 'no-device'],
    ['OverconstrainedError', 'no-device'],
    ['NotReadableError', 'device-busy'],
  ] as const)(
    'turns a getUserMedia %s into CaptureError %s and releases the AudioContext',
    async (name, reason) => {
      const setup = fakes();
      setup.mediaDevices.failure = new DOMException('refused', name);
      const capture = new MicrophoneCapture({ environment: setup.environment });
      const error: unknown = await capture.start().catch((caught: unknown) => caught);
      expect(CaptureError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ name: 'CaptureError', reason, cause: setup.mediaDevices.failure });
      expect(ScribeError.isInstance(error)).toBe(true);
      expect(lastContext().state).toBe('closed');
      expect(capture.state).toBe('idle');
      expect(() => capture.frames()).toThrow(ScribeError);
    },
  );

  it('fails as no-device for a deviceId that is not there', async () => {
    const capture = new MicrophoneCapture({ environment: fakes().environment });
    await expect(capture.start({ deviceId: 'gone' })).rejects.toMatchObject({ reason: 'no-device' });
  });

  it('fails as unsupported without mediaDevices, or without both AudioWorklet and MediaRecorder', async () => {
    const { AudioContext } = fakes().environment;
    const bare = new MicrophoneCapture({ environment: { AudioContext } });
    await expect(bare.start()).rejects.toMatchObject({ name: 'CaptureError', reason: 'unsupported' });
    const old = new MicrophoneCapture({
      environment: fakes({ worklet: false, recorder: false }).environment,
    });
    await expect(old.start()).rejects.toMatchObject({ reason: 'unsupported' });
  });

  it('stops: ends the track, delivers the last partial frame, closes the context and ends frames()', async () => {
    const { capture, frames, context, mediaDevices } = await started();
    const read = capture.frames();
    context.render(0.05); // 50 ms: one 40 ms frame and 10 ms pending
    await settle();
    await capture.stop();
    expect(mediaDevices.tracks[0]?.readyState).toBe('ended');
    expect(context.state).toBe('closed');
    expect(FakeWorkletNode.created[0]?.isDisconnected).toBe(true);
    expect(FakeWorkletNode.created[0]?.port.isClosed).toBe(true);
    // 19 quanta of 128 samples at 48 kHz resample to 811 samples: one 640-sample frame and 171 more.
    expect(frames.map((frame) => frame.byteLength)).toEqual([1280, (Math.ceil((19 * 128) / 3) - 640) * 2]);
    expect(capture.state).toBe('idle');
    expect(capture.track).toBeUndefined();
    const received: Uint8Array[] = [];
    for await (const frame of read) received.push(frame);
    expect(received).toHaveLength(2);
    await capture.stop(); // again: nothing to do
  });

  it('can start again after stop()', async () => {
    const { capture, mediaDevices } = await started();
    await capture.stop();
    await capture.start();
    expect(capture.state).toBe('capturing');
    expect(mediaDevices.tracks).toHaveLength(2);
    await capture.stop();
  });

  it('rejects a second start() while capturing', async () => {
    const { capture } = await started();
    await expect(capture.start()).rejects.toBeInstanceOf(ScribeError);
    await capture.stop();
  });

  it('aborts a pending start() with the signal’s reason and releases the late microphone', async () => {
    const setup = fakes();
    let open = (): void => {};
    setup.mediaDevices.gate = new Promise((resolve) => (open = resolve));
    const controller = new AbortController();
    const capture = new MicrophoneCapture({ environment: setup.environment });
    const starting = capture.start({ signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(starting).rejects.toThrow('user left');
    open();
    await settle();
    expect(setup.mediaDevices.tracks[0]?.readyState).toBe('ended');
    expect(lastContext().state).toBe('closed');
    expect(capture.state).toBe('idle');
  });

  it('stops when the signal aborts after start', async () => {
    const controller = new AbortController();
    const { capture, context, mediaDevices } = await started({ signal: controller.signal });
    controller.abort();
    await settle();
    expect(capture.state).toBe('idle');
    expect(mediaDevices.tracks[0]?.readyState).toBe('ended');
    expect(context.state).toBe('closed');
  });

  it('makes a pending start() reject when stop() is called', async () => {
    const setup = fakes();
    let open = (): void => {};
    setup.mediaDevices.gate = new Promise((resolve) => (open = resolve));
    const capture = new MicrophoneCapture({ environment: setup.environment });
    const starting = capture.start();
    const stopping = capture.stop();
    open();
    await expect(starting).rejects.toMatchObject({ name: 'AbortError' });
    await stopping;
    expect(setup.mediaDevices.tracks[0]?.readyState).toBe('ended');
    expect(capture.state).toBe('idle');
  });
});

describe('MicrophoneCapture with the MediaRecorder fallback', () => {
  it('records WebM/Opus in frameMs timeslices where AudioWorkletNode is missing', async () => {
    const { capture, frames } = await started({ frameMs: 60 }, fakes({ worklet: false }));
    const recorder = FakeMediaRecorder.created[0] as FakeMediaRecorder;
    expect(capture.audioFormat).toEqual({ format: 'auto', mimeType: 'audio/webm;codecs=opus' });
    expect([recorder.state, recorder.timeslice]).toEqual(['recording', 60]);
    recorder.emitChunk();
    recorder.emitChunk();
    await settle();
    expect(frames.map((frame) => [...frame.subarray(0, 4)])).toEqual([
      [0x1a, 0x45, 0xdf, 0xa3],
      [0x1f, 0x43, 0xb6, 0x75],
    ]);
    expect(capture.level).toBeCloseTo(0.25 / Math.SQRT2, 2);
    await capture.stop();
    expect(frames).toHaveLength(3); // the recorder's last chunk arrives before stop() resolves
    expect(recorder.state).toBe('inactive');
    expect((recorder.stream as FakeStream).track.readyState).toBe('ended');
    expect(lastContext().state).toBe('closed');
  });

  it('is used when asked, and when the worklet module cannot load', async () => {
    const forced = await started({ useMediaRecorder: true });
    expect(forced.capture.audioFormat.format).toBe('auto');
    expect(FakeWorkletNode.created).toHaveLength(0);
    await forced.capture.stop();

    const failing = class extends FakeAudioContext {
      override failModules = true;
    };
    const broken = new MicrophoneCapture({ environment: { ...fakes().environment, AudioContext: failing } });
    await broken.start();
    expect(broken.audioFormat).toEqual({ format: 'auto', mimeType: 'audio/webm;codecs=opus' });
    expect(FakeMediaRecorder.created).toHaveLength(2);
    await broken.stop();
  });

  it('names the browser’s own container when no preferred one is supported', async () => {
    const supported = FakeMediaRecorder.supported;
    FakeMediaRecorder.supported = [];
    try {
      const { capture } = await started({}, fakes({ worklet: false }));
      expect(capture.audioFormat).toEqual({ format: 'auto', mimeType: 'audio/webm' });
      await capture.stop();
    } finally {
      FakeMediaRecorder.supported = supported;
    }
  });

  it('mutes by disabling the track and meters 0', async () => {
    const { capture, frames } = await started({}, fakes({ worklet: false }));
    capture.mute();
    (FakeMediaRecorder.created[0] as FakeMediaRecorder).emitChunk();
    await settle();
    expect(capture.track?.enabled).toBe(false);
    expect(capture.level).toBe(0);
    expect(frames).toHaveLength(1); // compressed bytes are passed on: the encoder already hears silence
    await capture.stop();
  });

  it('fails as device-lost when the microphone goes away, since a recorder cannot switch', async () => {
    const errors: CaptureError[] = [];
    const { capture, mediaDevices } = await started(
      { onError: (error) => errors.push(error) },
      fakes({ worklet: false }),
    );
    mediaDevices.unplug('default');
    await settle();
    expect(errors.map((error) => error.reason)).toEqual(['device-lost']);
    expect(mediaDevices.requests).toHaveLength(1);
    expect(capture.state).toBe('idle');
  });

  it('works without an AudioContext, with the level left at 0', async () => {
    const { capture, frames } = await started({}, fakes({ worklet: false, audioContext: false }));
    (FakeMediaRecorder.created[0] as FakeMediaRecorder).emitChunk();
    await settle();
    expect(frames).toHaveLength(1);
    expect(capture.level).toBe(0);
    await capture.stop();
  });
});

describe('CaptureEnvironment', () => {
  it('is satisfied by the browser’s own APIs (checked by the compiler)', () => {
    const fromBrowser = (): CaptureEnvironment => ({
      mediaDevices: navigator.mediaDevices,
      AudioContext,
      AudioWorkletNode,
      MediaRecorder,
    });
    expect(typeof fromBrowser).toBe('function');
  });
});
