/** The parts of a `MediaStreamTrack` capture uses. */
export interface CaptureTrack {
  readonly kind: string;
  readonly label: string;
  readonly muted: boolean;
  readonly readyState: string;
  enabled: boolean;
  getSettings(): { deviceId?: string | undefined };
  stop(): void;
  addEventListener(type: 'ended' | 'mute' | 'unmute', listener: () => void): void;
  removeEventListener(type: 'ended' | 'mute' | 'unmute', listener: () => void): void;
}

/** The parts of a `MediaStream` capture uses. */
export interface CaptureStream {
  getAudioTracks(): CaptureTrack[];
  getTracks(): CaptureTrack[];
}

/** The parts of `navigator.mediaDevices` capture uses. */
export interface CaptureMediaDevices {
  getUserMedia(constraints: MediaStreamConstraints): Promise<CaptureStream>;
  enumerateDevices(): Promise<{ readonly kind: string; readonly deviceId: string }[]>;
  addEventListener(type: 'devicechange', listener: () => void): void;
  removeEventListener(type: 'devicechange', listener: () => void): void;
}

/** The parts of an `AudioNode` capture uses. */
export interface CaptureAudioNode {
  connect(destination: CaptureAudioNode): unknown;
  disconnect(): void;
}

/** The parts of an `AnalyserNode` capture uses (the level meter of the `MediaRecorder` fallback). */
export interface CaptureAnalyserNode extends CaptureAudioNode {
  fftSize: number;
  getFloatTimeDomainData(array: Float32Array<ArrayBuffer>): void;
}

/** The parts of an `AudioContext` capture uses. */
export interface CaptureAudioContext {
  readonly sampleRate: number;
  readonly state: string;
  readonly destination: CaptureAudioNode;
  readonly audioWorklet?: { addModule(moduleUrl: string): Promise<void> } | undefined;
  createMediaStreamSource(stream: CaptureStream): CaptureAudioNode;
  createAnalyser(): CaptureAnalyserNode;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** The parts of an `AudioWorkletNode` capture uses. */
export interface CaptureWorkletNode extends CaptureAudioNode {
  readonly port: {
    postMessage(message: unknown): void;
    addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
    removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
    start(): void;
    close(): void;
  };
}

/** The parts of a `MediaRecorder` capture uses. */
export interface CaptureMediaRecorder {
  readonly mimeType: string;
  readonly state: string;
  start(timeslice?: number): void;
  stop(): void;
  addEventListener(type: 'dataavailable', listener: (event: { readonly data: Blob }) => void): void;
  addEventListener(type: 'stop' | 'error', listener: (event: unknown) => void): void;
}

/**
The browser APIs microphone capture uses, as one object so tests and unusual hosts (an iframe's
window, a polyfill) can supply their own instead of patching globals.

A missing member means the browser lacks it: without `AudioWorkletNode` capture falls back to
`MediaRecorder`; without `mediaDevices` it fails as `unsupported`.
*/
export interface CaptureEnvironment {
  /** `navigator.mediaDevices`. */
  readonly mediaDevices?: CaptureMediaDevices | undefined;
  /** The `AudioContext` constructor. */
  readonly AudioContext?: (new () => CaptureAudioContext) | undefined;
  /**
  The `AudioWorkletNode` constructor. It receives the context `AudioContext` made (typed as both
  interfaces so the DOM's own constructor fits as well as a test double).
  */
  readonly AudioWorkletNode?:
    | (new (
        context: CaptureAudioContext & BaseAudioContext,
        name: string,
        options: AudioWorkletNodeOptions,
      ) => CaptureWorkletNode)
    | undefined;
  /**
  The `MediaRecorder` constructor, with its static `isTypeSupported`. It receives the stream
  `getUserMedia` returned.
  */
  readonly MediaRecorder?:
    | ((new (stream: CaptureStream & MediaStream, options: MediaRecorderOptions) => CaptureMediaRecorder) & {
        isTypeSupported(mimeType: string): boolean;
      })
    | undefined;
}

/**
The page's own browser APIs, read when called (never at import time, so the module loads in Node).

@internal
*/
export function browserCaptureEnvironment(): CaptureEnvironment {
  // Any of these may be missing at runtime (Node, an insecure context, an old browser).
  const scope = globalThis as Partial<
    Pick<typeof globalThis, 'navigator' | 'AudioContext' | 'AudioWorkletNode' | 'MediaRecorder'>
  > & { webkitAudioContext?: typeof AudioContext | undefined };
  return {
    mediaDevices: scope.navigator?.mediaDevices,
    AudioContext: scope.AudioContext ?? scope.webkitAudioContext,
    AudioWorkletNode: scope.AudioWorkletNode,
    MediaRecorder: scope.MediaRecorder,
  };
}
