/** The detail of a {@link ScribeErrorEvent}. */
export interface ScribeErrorDetail {
  /** The error: usually a `ScribeError` subclass (check with its `isInstance`). */
  error: unknown;
  /** A message fit to show a person, in the element's language. */
  message: string;
}

/**
`scribe-error`: an element's async work failed. Bubbles and crosses shadow roots, so one listener
on `document` sees every element's errors.
*/
export class ScribeErrorEvent extends Event {
  readonly detail: ScribeErrorDetail;

  constructor(detail: ScribeErrorDetail) {
    super('scribe-error', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'scribe-error': ScribeErrorEvent;
  }
}
