import { defineElement } from '../shared/define-element.js';
import { ScribeLive } from './live.js';

export { ScribeLive, type LiveRealtimeOptions, type LiveState } from './live.js';
export { AudioFileSource, type AudioFileInput, type AudioFileSourceOptions } from './audio-file-source.js';
export {
  createEndpointRealtime,
  fetchTemporaryKey,
  type EndpointRealtimeOptions,
  type LiveRealtimeClient,
  type TemporaryKey,
} from './endpoint-realtime.js';
export {
  pcmFrameSource,
  type LiveAudioSource,
  type LiveAudioSourceStartOptions,
  type PcmFrameSourceOptions,
} from './live-audio-source.js';
export { LiveEndEvent, type LiveEndDetail } from '../events/live-end-event.js';
export { LiveStartEvent, type LiveStartDetail } from '../events/live-start-event.js';
export { ScribeErrorEvent, type ScribeErrorDetail } from '../events/scribe-error-event.js';
export { TranscriptFinalEvent, type TranscriptFinalDetail } from '../events/transcript-final-event.js';
export { TranscriptPartialEvent, type TranscriptPartialDetail } from '../events/transcript-partial-event.js';

// Registers <scribe-live>, unless this or another copy of scribekit already did.
defineElement('scribe-live', ScribeLive);
