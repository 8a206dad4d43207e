import { defineElement } from '../shared/define-element.js';
import { ScribeUpload } from './upload.js';

export { ScribeUpload } from './upload.js';
export { ScribeErrorEvent, type ScribeErrorDetail } from '../events/scribe-error-event.js';
export {
  TranscriptCompleteEvent,
  type TranscriptCompleteDetail,
} from '../events/transcript-complete-event.js';
export { UploadProgressEvent, type UploadProgressDetail } from '../events/upload-progress-event.js';

// Registers <scribe-upload>, unless this or another copy of scribekit already did.
defineElement('scribe-upload', ScribeUpload);
