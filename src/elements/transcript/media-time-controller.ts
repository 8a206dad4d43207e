import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
What `<scribe-transcript>` can follow and seek: an `<audio>` or `<video>`, or any element with the
same `currentTime` property and `timeupdate`, `seeked`, `play` and `pause` events (custom media
elements such as media-chrome's).
*/
export interface ScribeMediaTarget extends EventTarget {
  currentTime: number;
  readonly paused?: boolean;
}

const timeEvents = ['timeupdate', 'seeked', 'seeking', 'loadedmetadata', 'emptied'] as const;
const playEvents = ['play', 'playing'] as const;
const stopEvents = ['pause', 'ended', 'emptied'] as const;

/**
Reports a media element's playback time to its host: on `timeupdate` and seeks, and on every
animation frame while it plays (`timeupdate` alone fires only about four times a second, too coarse
for word highlighting). Listens only while the host is connected.
*/
export class MediaTimeController implements ReactiveController {
  readonly #onTime: (timeInSeconds: number) => void;
  #target: ScribeMediaTarget | undefined;
  #connected = false;
  #frame: number | undefined;

  constructor(host: ReactiveControllerHost, onTime: (timeInSeconds: number) => void) {
    this.#onTime = onTime;
    host.addController(this);
  }

  /** The media followed, if any. */
  get target(): ScribeMediaTarget | undefined {
    return this.#target;
  }

  set target(target: ScribeMediaTarget | undefined) {
    if (target === this.#target) return;
    this.#detach();
    this.#target = target;
    if (this.#connected) this.#attach();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#attach();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#detach();
  }

  #attach(): void {
    const target = this.#target;
    if (target === undefined) return;
    for (const type of timeEvents) target.addEventListener(type, this.#report);
    for (const type of playEvents) target.addEventListener(type, this.#startFrames);
    for (const type of stopEvents) target.addEventListener(type, this.#stopFrames);
    this.#report();
    if (target.paused === false) this.#startFrames();
  }

  #detach(): void {
    const target = this.#target;
    this.#stopFrames();
    if (target === undefined) return;
    for (const type of timeEvents) target.removeEventListener(type, this.#report);
    for (const type of playEvents) target.removeEventListener(type, this.#startFrames);
    for (const type of stopEvents) target.removeEventListener(type, this.#stopFrames);
  }

  readonly #report = (): void => {
    const time = this.#target?.currentTime;
    if (typeof time === 'number' && Number.isFinite(time)) this.#onTime(time);
  };

  readonly #startFrames = (): void => {
    if (this.#frame !== undefined || typeof requestAnimationFrame !== 'function') return;
    const tick = (): void => {
      this.#report();
      this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  };

  readonly #stopFrames = (): void => {
    if (this.#frame === undefined) return;
    cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  };
}
