import { defineElement } from '../shared/define-element.js';
import { ScribeTranscript } from './transcript.js';

export { ScribeTranscript } from './transcript.js';
export type { DownloadFormat, ScribeMediaTarget } from './transcript.js';
export { SeekRequestEvent, type SeekRequestDetail } from '../events/seek-request-event.js';

// Registers <scribe-transcript>, unless this or another copy of scribekit already did.
defineElement('scribe-transcript', ScribeTranscript);
