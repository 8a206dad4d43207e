import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScribeMediaTarget } from '../transcript/media-time-controller.js';

/**
What `<scribe-outline-player>` plays, follows and seeks: an `<audio>` or `<video>`, or any element
with their `currentTime`, `duration` and `paused` properties, `play()` and `pause()` methods and
events (custom media elements such as media-chrome's). Without `play()` the play button is hidden.
*/
export interface OutlinePlayerMedia extends ScribeMediaTarget {
  readonly duration?: number;
  play?(): Promise<void> | void;
  pause?(): void;
}

const stateEvents = [
  'play',
  'playing',
  'pause',
  'ended',
  'emptied',
  'durationchange',
  'loadedmetadata',
] as const;

/**
Keeps its host informed of whether a media element is playing and how long it is, asking it to
update when either changes. (The playback time comes from `MediaTimeController`, which reports it
without an update per frame.) Listens only while the host is connected.
*/
export class MediaStateController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #target: OutlinePlayerMedia | undefined;
  #connected = false;
  #paused = true;
  #duration = NaN;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The media whose state is kept, if any. */
  get target(): OutlinePlayerMedia | undefined {
    return this.#target;
  }

  set target(target: OutlinePlayerMedia | undefined) {
    if (target === this.#target) return;
    this.#detach();
    this.#target = target;
    if (this.#connected) this.#attach();
    else this.#read();
  }

  /** Whether the media is paused (true without media). */
  get paused(): boolean {
    return this.#paused;
  }

  /** The media's length in seconds; `NaN` while unknown, `Infinity` for a live stream. */
  get duration(): number {
    return this.#duration;
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
    if (target !== undefined) for (const type of stateEvents) target.addEventListener(type, this.#read);
    this.#read();
  }

  #detach(): void {
    const target = this.#target;
    if (target !== undefined) for (const type of stateEvents) target.removeEventListener(type, this.#read);
  }

  readonly #read = (): void => {
    const target = this.#target;
    const paused = target?.paused !== false;
    const duration = typeof target?.duration === 'number' ? target.duration : NaN;
    if (paused === this.#paused && Object.is(duration, this.#duration)) return;
    this.#paused = paused;
    this.#duration = duration;
    this.#host.requestUpdate();
  };
}
