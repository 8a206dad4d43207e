import type { CaptureMediaDevices, CaptureTrack } from './capture-environment.js';

/** What a {@link TrackWatcher} reports. @internal */
export interface TrackWatcherHandlers {
  /** The watched track was muted or unmuted by the system or the browser. */
  onMuteChange(isMuted: boolean): void;
  /** The watched track's device went away: the track ended, or the device left the device list. */
  onLost(track: CaptureTrack): void;
}

/**
Watches the microphone in use: the track's `mute`, `unmute` and `ended` events, and
`devicechange`, after which the device list is checked for the track's device (browsers do not
always end a track whose device was unplugged).

@internal
*/
export class TrackWatcher {
  readonly #mediaDevices: CaptureMediaDevices;
  readonly #handlers: TrackWatcherHandlers;
  #track: CaptureTrack | undefined;
  #unwatch: (() => void) | undefined;
  #isWatchingDevices = false;

  constructor(mediaDevices: CaptureMediaDevices, handlers: TrackWatcherHandlers) {
    this.#mediaDevices = mediaDevices;
    this.#handlers = handlers;
  }

  /** The track being watched. */
  get track(): CaptureTrack | undefined {
    return this.#track;
  }

  /** Watches `track` instead of the previous one. */
  watch(track: CaptureTrack): void {
    this.#unwatch?.();
    this.#track = track;
    const onMute = (): void => this.#handlers.onMuteChange(true);
    const onUnmute = (): void => this.#handlers.onMuteChange(false);
    const onEnded = (): void => this.#handlers.onLost(track);
    track.addEventListener('mute', onMute);
    track.addEventListener('unmute', onUnmute);
    track.addEventListener('ended', onEnded);
    this.#unwatch = () => {
      track.removeEventListener('mute', onMute);
      track.removeEventListener('unmute', onUnmute);
      track.removeEventListener('ended', onEnded);
    };
    if (!this.#isWatchingDevices) {
      this.#mediaDevices.addEventListener('devicechange', this.#onDeviceChange);
      this.#isWatchingDevices = true;
    }
  }

  /** Stops watching. */
  dispose(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#track = undefined;
    if (this.#isWatchingDevices) this.#mediaDevices.removeEventListener('devicechange', this.#onDeviceChange);
    this.#isWatchingDevices = false;
  }

  readonly #onDeviceChange = (): void => {
    void this.#checkDevice();
  };

  async #checkDevice(): Promise<void> {
    const track = this.#track;
    const deviceId = track?.getSettings().deviceId;
    if (track === undefined || deviceId === undefined || deviceId === '') return;
    let devices: readonly { readonly kind: string; readonly deviceId: string }[];
    try {
      devices = await this.#mediaDevices.enumerateDevices();
    } catch {
      return;
    }
    const inputs = devices.filter((device) => device.kind === 'audioinput');
    // Without permission the browser hides device ids; then absence proves nothing.
    if (inputs.some((device) => device.deviceId === '')) return;
    if (track === this.#track && !inputs.some((device) => device.deviceId === deviceId))
      this.#handlers.onLost(track);
  }
}
