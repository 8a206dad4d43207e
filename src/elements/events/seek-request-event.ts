/** The detail of a {@link SeekRequestEvent}. */
export interface SeekRequestDetail {
  /** Where the user asked playback to go, in seconds from the start of the media. */
  readonly timeInSeconds: number;
}

/**
`scribe-seek-request`: the user asked to play from a point in time (clicked a word or a chapter).

Bubbles and crosses shadow roots, and is cancelable: a player that handles the request itself (a
custom or embedded player) calls `preventDefault()`, and the element that dispatched it then leaves
its linked media alone.

@example
```ts
transcript.addEventListener('scribe-seek-request', (event) => {
  event.preventDefault();
  youtubePlayer.seekTo(event.detail.timeInSeconds, true);
});
```
*/
export class SeekRequestEvent extends Event {
  readonly detail: SeekRequestDetail;

  constructor(detail: SeekRequestDetail) {
    super('scribe-seek-request', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-seek-request': SeekRequestEvent;
  }
}
