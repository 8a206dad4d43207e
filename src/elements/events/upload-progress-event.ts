/** Where a `<scribe-upload>` transcription is: the detail of {@link UploadProgressEvent}. */
export interface UploadProgressDetail {
  /** The stage: bytes going up, then the provider's job waiting, running and done. */
  stage: 'uploading' | 'queued' | 'processing' | 'completed';
  /** Bytes sent so far, while `stage` is `uploading`. */
  loadedBytes?: number;
  /** The upload's size in bytes, while `stage` is `uploading` and the size is known. */
  totalBytes?: number;
  /** The provider's job id, from `queued` on. */
  jobId?: string;
}

/**
`scribe-upload-progress`: a transcription moved on. Fired for every upload progress report, then
once per job stage. Bubbles and crosses shadow roots.

@example
```ts
import type { UploadProgressEvent } from 'scribekit/elements';

upload.addEventListener('scribe-upload-progress', (event: UploadProgressEvent) => {
  if (event.detail.stage === 'uploading') console.log(event.detail.loadedBytes, event.detail.totalBytes);
});
```
*/
export class UploadProgressEvent extends Event {
  readonly detail: UploadProgressDetail;

  constructor(detail: UploadProgressDetail) {
    super('scribe-upload-progress', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-upload-progress': UploadProgressEvent;
  }
}
