import type { Transcript } from '../../core/index.js';

/** The detail of {@link TranscriptCompleteEvent}. */
export interface TranscriptCompleteDetail {
  /** The finished, normalized transcript. */
  transcript: Transcript;
}

/**
`scribe-transcript-complete`: a transcription finished and its `Transcript` is ready. Bubbles and
crosses shadow roots, so a `<scribe-transcript>` elsewhere on the page can be fed from one listener.

@example
```ts
upload.addEventListener('scribe-transcript-complete', (event) => {
  transcriptView.transcript = event.detail.transcript;
});
```
*/
export class TranscriptCompleteEvent extends Event {
  readonly detail: TranscriptCompleteDetail;

  constructor(detail: TranscriptCompleteDetail) {
    super('scribe-transcript-complete', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-transcript-complete': TranscriptCompleteEvent;
  }
}
