import type { Word } from '../../core/index.js';

/** The detail of a {@link TranscriptFinalEvent}. */
export interface TranscriptFinalDetail {
  /** The words that just became final, in order, on the session's timeline; each is reported once. */
  readonly words: readonly Word[];
  /** The new words as display text, without leading or trailing space. */
  readonly text: string;
}

/**
`scribe-transcript-final`: words of a live transcript became final. They never change again, so
appending `detail.words` to what came before gives the transcript so far. Bubbles and crosses shadow
roots.

@example
```ts
const words = [];
live.addEventListener('scribe-transcript-final', (event) => {
  words.push(...event.detail.words);
});
```
*/
export class TranscriptFinalEvent extends Event {
  readonly detail: TranscriptFinalDetail;

  constructor(detail: TranscriptFinalDetail) {
    super('scribe-transcript-final', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-transcript-final': TranscriptFinalEvent;
  }
}
