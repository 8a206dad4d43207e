import type { Word } from '../../core/index.js';

/** The detail of a {@link TranscriptPartialEvent}. */
export interface TranscriptPartialDetail {
  /**
  The whole provisional tail, in order: it replaces the previous one (it is not a delta). The words
  may still change or disappear; an empty list means nothing is pending.
  */
  readonly words: readonly Word[];
  /** The tail as display text. */
  readonly text: string;
}

/**
`scribe-transcript-partial`: the provisional tail of a live transcript changed. Fired for every
change the provider reports, so many times a second while someone speaks: show it, do not store it.
Bubbles and crosses shadow roots.

@example
```ts
live.addEventListener('scribe-transcript-partial', (event) => {
  caption.dataset.pending = event.detail.text;
});
```
*/
export class TranscriptPartialEvent extends Event {
  readonly detail: TranscriptPartialDetail;

  constructor(detail: TranscriptPartialDetail) {
    super('scribe-transcript-partial', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-transcript-partial': TranscriptPartialEvent;
  }
}
