/**
Microphone capture for live transcription: `MicrophoneCapture` turns the microphone into small
frames of 16 kHz mono 16-bit PCM (resampled in an `AudioWorklet`, with a `MediaRecorder` fallback),
plus the pure DSP pieces it is built from.

Nothing here touches a browser API at import time.

@module
*/
export { MicrophoneCapture, type CaptureState, type MicrophoneCaptureOptions } from './microphone-capture.js';
export type { CaptureAudioFormat, CaptureDeviceChange, CaptureStartOptions } from './capture-options.js';
export { CaptureError, type CaptureErrorReason } from './capture-error.js';
export type {
  CaptureAnalyserNode,
  CaptureAudioContext,
  CaptureAudioNode,
  CaptureEnvironment,
  CaptureMediaDevices,
  CaptureMediaRecorder,
  CaptureStream,
  CaptureTrack,
  CaptureWorkletNode,
} from './capture-environment.js';
export { StreamingResampler, type StreamingResamplerOptions } from './resampler.js';
export { Pcm16Encoder, type Pcm16EncoderOptions } from './pcm16-encoder.js';
export { FrameAssembler, type FrameAssemblerOptions } from './frame-assembler.js';
export { downmixToMono } from './downmix.js';
