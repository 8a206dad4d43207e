// How close to the bottom (px) still counts as at the bottom: sub-pixel layouts never reach it exactly.
const bottomSlack = 8;

/**
Keeps a scrolling transcript pinned to its newest line while the reader follows along, and lets go
as soon as they scroll up to read something earlier: following resumes when they scroll back to the
bottom, or through {@link resume}. At most one scroll per animation frame, however many updates
arrive.
*/
export class AutoScroll {
  readonly #element: HTMLElement;
  readonly #onChange: (following: boolean) => void;
  #following = true;
  #enabled = true;
  #lastTop = 0;
  #frame: number | undefined;

  /**
  @param element The scrolling element.
  @param onChange Called when following pauses or resumes.
  */
  constructor(element: HTMLElement, onChange: (following: boolean) => void) {
    this.#element = element;
    this.#onChange = onChange;
  }

  /** Whether new content scrolls into view: not after the reader scrolled up. */
  get following(): boolean {
    return this.#following;
  }

  /** Whether scrolling happens at all (`no-autoscroll` turns it off). */
  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(enabled: boolean) {
    this.#enabled = enabled;
  }

  /** Content was added: scroll to the bottom in the next frame, if following. */
  request(): void {
    if (!this.#enabled || !this.#following || this.#frame !== undefined) return;
    const view = this.#element.ownerDocument.defaultView;
    if (view?.requestAnimationFrame === undefined) {
      this.#toBottom();
      return;
    }
    this.#frame = view.requestAnimationFrame(() => {
      this.#frame = undefined;
      if (this.#following && this.#enabled) this.#toBottom();
    });
  }

  /** Follows again and jumps to the newest line. */
  resume(): void {
    this.#setFollowing(true);
    this.#toBottom();
  }

  /** Starts over (a new session): following, at the top. */
  reset(): void {
    this.cancel();
    this.#lastTop = 0;
    this.#setFollowing(true);
  }

  /** The reader scrolled (or we did): pause when they moved up, resume once they are back at the bottom. */
  onScroll(): void {
    const element = this.#element;
    const top = element.scrollTop;
    const atBottom = element.scrollHeight - top - element.clientHeight <= bottomSlack;
    if (atBottom) this.#setFollowing(true);
    else if (top < this.#lastTop) this.#setFollowing(false);
    this.#lastTop = top;
  }

  /** A wheel turned: upward pauses at once, before the scroll event says so. */
  onWheel(event: WheelEvent): void {
    if (event.deltaY < 0 && this.#element.scrollTop > 0) this.#setFollowing(false);
  }

  /** Cancels a pending scroll (the element left the page). */
  cancel(): void {
    if (this.#frame === undefined) return;
    this.#element.ownerDocument.defaultView?.cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  #toBottom(): void {
    const element = this.#element;
    element.scrollTop = element.scrollHeight;
    this.#lastTop = element.scrollTop;
  }

  #setFollowing(following: boolean): void {
    if (following === this.#following) return;
    this.#following = following;
    this.#onChange(following);
  }
}
