import type { Chapter } from '../../core/index.js';

/** The detail of a {@link ChapterChangeEvent}. */
export interface ChapterChangeDetail {
  /** The chapter playback moved into. */
  readonly chapter: Chapter;
  /** Its position in the chapter list as shown (sorted by start time), from 0. */
  readonly index: number;
}

/**
`scribe-chapter-change`: playback moved into another chapter, because the media played on or the
user sought. Not dispatched when the page sets the chapters or links the media. Bubbles and crosses
shadow roots.

@example
```ts
player.addEventListener('scribe-chapter-change', (event) => {
  heading.textContent = event.detail.chapter.title;
});
```
*/
export class ChapterChangeEvent extends Event {
  readonly detail: ChapterChangeDetail;

  constructor(detail: ChapterChangeDetail) {
    super('scribe-chapter-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-chapter-change': ChapterChangeEvent;
  }
}
