/**
scribekit elements: `<scribe-upload>`, `<scribe-transcript>`, `<scribe-outline-player>` and
`<scribe-live>`, registered on import. Use from a
bundler (`import 'scribekit/elements'`) or, with nothing to build, from one classic script tag:
`<script src="…/scribekit.iife.js"></script>` (global `Scribekit`).

@module
*/
import './upload/define.js';
import './transcript/define.js';
import './outline-player/define.js';
import './live/define.js';

export { ScribeUpload } from './upload/upload.js';
export { ScribeTranscript } from './transcript/transcript.js';
export { ScribeOutlinePlayer } from './outline-player/outline-player.js';
export { ScribeLive, type LiveRealtimeOptions, type LiveState } from './live/live.js';
export {
  AudioFileSource,
  type AudioFileInput,
  type AudioFileSourceOptions,
} from './live/audio-file-source.js';
export {
  createEndpointRealtime,
  fetchTemporaryKey,
  type EndpointRealtimeOptions,
  type LiveRealtimeClient,
  type TemporaryKey,
} from './live/endpoint-realtime.js';
export {
  pcmFrameSource,
  type LiveAudioSource,
  type LiveAudioSourceStartOptions,
  type PcmFrameSourceOptions,
} from './live/live-audio-source.js';
export { LiveEndEvent, type LiveEndDetail } from './events/live-end-event.js';
export { LiveStartEvent, type LiveStartDetail } from './events/live-start-event.js';
export { TranscriptFinalEvent, type TranscriptFinalDetail } from './events/transcript-final-event.js';
export { TranscriptPartialEvent, type TranscriptPartialDetail } from './events/transcript-partial-event.js';
export { ChapterChangeEvent, type ChapterChangeDetail } from './events/chapter-change-event.js';
export { createXhrFetch } from './controllers/xhr-fetch.js';
export {
  CaptureError,
  downmixToMono,
  FrameAssembler,
  MicrophoneCapture,
  Pcm16Encoder,
  StreamingResampler,
  type CaptureAudioFormat,
  type CaptureDeviceChange,
  type CaptureEnvironment,
  type CaptureErrorReason,
  type CaptureStartOptions,
  type CaptureState,
  type MicrophoneCaptureOptions,
} from './capture/index.js';
export { ScribeErrorEvent, type ScribeErrorDetail } from './events/scribe-error-event.js';
export { SeekRequestEvent, type SeekRequestDetail } from './events/seek-request-event.js';
export {
  TranscriptCompleteEvent,
  type TranscriptCompleteDetail,
} from './events/transcript-complete-event.js';
export { UploadProgressEvent, type UploadProgressDetail } from './events/upload-progress-event.js';
export { transcribe, toJson, toSrt, toText, toVtt } from '../core/index.js';
export { createSoniox } from '../core/providers/soniox/index.js';
