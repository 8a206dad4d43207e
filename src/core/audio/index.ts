export type { AudioContainer, AudioFormat } from './audio-container.js';
export { audioContainers } from './audio-container.js';
export type {
  AudioInput,
  BlobAudioInput,
  NormalizeAudioInputOptions,
  NormalizedAudioInput,
  StreamAudioInput,
  UrlAudioInput,
} from './audio-input.js';
export { normalizeAudioInput } from './audio-input.js';
export type { DurationMethod } from './formats/format-probe.js';
export type { AudioProbe, ProbeDurationOptions } from './probe-duration.js';
export { probeDuration } from './probe-duration.js';
export type { ByteSource } from './read-bytes.js';
export { sniffContainer } from './sniff-container.js';
