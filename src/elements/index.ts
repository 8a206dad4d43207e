/**
scribekit elements: `<scribe-upload>`, `<scribe-transcript>` and `<scribe-outline-player>`, registered on
import. Use from a
bundler (`import 'scribekit/elements'`) or, with nothing to build, from one classic script tag:
`<script src="…/scribekit.iife.js"></script>` (global `Scribekit`).

@module
*/
import './upload/define.js';
import './transcript/define.js';
import './outline-player/define.js';

export { ScribeUpload } from './upload/upload.js';
export { ScribeTranscript } from './transcript/transcript.js';
export { ScribeOutlinePlayer } from './outline-player/outline-player.js';
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
