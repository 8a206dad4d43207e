import type { Transcript } from '../../core/index.js';

/** The detail of a {@link LiveEndEvent}. */
export interface LiveEndDetail {
  /** The session's whole transcript: every final word, with segments, speakers and language. */
  readonly transcript: Transcript;
  /**
  `finished`: stopped, and the provider made every word heard final; `cancelled`: closed without
  waiting for the last words (they are not in the transcript); `failed`: the session or the
  microphone failed, and the transcript holds what was final before that (a `scribe-error` says why).
  */
  readonly reason: 'finished' | 'cancelled' | 'failed';
}

/**
`scribe-live-end`: a live session is over and its `Transcript` is ready, to export or to show in a
`<scribe-transcript>`. Bubbles and crosses shadow roots.

@example
```ts
live.addEventListener('scribe-live-end', (event) => {
  document.querySelector('scribe-transcript').transcript = event.detail.transcript;
});
```
*/
export class LiveEndEvent extends Event {
  readonly detail: LiveEndDetail;

  constructor(detail: LiveEndDetail) {
    super('scribe-live-end', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-live-end': LiveEndEvent;
  }
}
