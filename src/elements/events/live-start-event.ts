/** The detail of a {@link LiveStartEvent}. */
export interface LiveStartDetail {
  /** The realtime provider, such as `soniox`. */
  readonly provider: string;
  /** Where the audio comes from: the microphone, or another source (a file played as the microphone). */
  readonly source: 'microphone' | 'audio';
  /**
  What is sent: `pcm_s16le` with its rate and channel count, or `auto` for a container
  (`MediaRecorder`'s WebM or Ogg).
  */
  readonly audioFormat:
    | { readonly format: 'pcm_s16le'; readonly sampleRate: number; readonly numChannels: number }
    | { readonly format: 'auto'; readonly mimeType: string };
}

/**
`scribe-live-start`: a live session is connected and audio flows to it. Bubbles and crosses shadow
roots.

@example
```ts
live.addEventListener('scribe-live-start', (event) => {
  console.log(`transcribing the ${event.detail.source} with ${event.detail.provider}`);
});
```
*/
export class LiveStartEvent extends Event {
  readonly detail: LiveStartDetail;

  constructor(detail: LiveStartDetail) {
    super('scribe-live-start', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-live-start': LiveStartEvent;
  }
}
