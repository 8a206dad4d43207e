import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import {
  InvalidArgumentError,
  type RealtimePart,
  type RealtimeSession,
  type Transcript,
} from '../../core/index.js';
import type { SonioxRealtimeConnectOptions } from '../../core/providers/soniox/index.js';
import { MicrophoneCapture } from '../capture/index.js';
import { LiveEndEvent } from '../events/live-end-event.js';
import { LiveStartEvent } from '../events/live-start-event.js';
import { ScribeErrorEvent } from '../events/scribe-error-event.js';
import { TranscriptFinalEvent } from '../events/transcript-final-event.js';
import { TranscriptPartialEvent } from '../events/transcript-partial-event.js';
import { resolveLocale, type ScribeLocale } from '../shared/locale.js';
import {
  parseDownloadFormats,
  renderDownload,
  saveFile,
  type DownloadFormat,
} from '../transcript/download.js';
import { AudioFileSource, type AudioFileInput } from './audio-file-source.js';
import { AutoScroll } from './auto-scroll.js';
import { createEndpointRealtime, type LiveRealtimeClient } from './endpoint-realtime.js';
import { isLiveAudioSource, pcmFrameSource, type LiveAudioSource } from './live-audio-source.js';
import { describeLiveError } from './live-error-message.js';
import {
  LiveSessionController,
  liveStates,
  type LiveSourceChoice,
  type LiveState,
} from './live-session-controller.js';
import { LiveTranscriptView } from './live-view.js';
import { liveStrings, type LiveStrings } from './live.strings.js';
import { liveStyles } from './live.styles.js';
import { SentenceAnnouncer } from './sentence-announcer.js';

export type { LiveState } from './live-session-controller.js';

/** Session options `<scribe-live>` passes through as they are (everything but the audio and the callbacks). */
export type LiveRealtimeOptions = Omit<
  SonioxRealtimeConnectOptions,
  'audioFormat' | 'sampleRate' | 'numChannels' | 'signal' | 'onPart'
>;

// Speaker labels a provider numbers or letters (`1`, `A`) read as "Speaker 1"; names are shown as they are.
const bareSpeakerId = /^(\d+|\p{L})$/u;
// The level meter shows -60 dBFS to 0 dBFS, where speech lives, rather than the raw RMS.
const meterFloorDb = -60;

/**
Live captions from the microphone: words appear as they are spoken, steady once final, with the
provisional tail shown apart; paragraphs begin where the speaker pauses or changes; language changes
are marked and translations sit under their originals.

Set `endpoint` to a scribekit Worker: for every connection (and reconnection) the element asks
`<endpoint>/soniox/temporary-api-key` for a fresh single-use key, so the page holds no secret. Or
pass a realtime client of your own as the `realtime` property. The microphone is captured as 16 kHz
PCM in an `AudioWorklet` (or compressed by `MediaRecorder` where that is missing); set `source` to
send other audio, or call `startWithAudio(url)` to play a recording as the microphone.

The transcript grows by appending: each final word is added to the page once, each partial update
rewrites one node, and paragraphs off screen skip layout, so an hour-long session costs no more per
word than its first minute. It scrolls to the newest words until the reader scrolls up, and offers
"Jump to live" to follow again. Screen readers hear each finished sentence once, through a polite
log, never the provisional words. Once stopped, the transcript can be downloaded as SRT, WebVTT,
text or JSON.

@tagname scribe-live
@summary Live microphone transcription with partial and final text, speakers, languages and translation.

@slot empty - What to show before the first words (default: "Press Start and speak…").

@event {LiveStartEvent} scribe-live-start - The session is connected and audio flows.
@event {TranscriptPartialEvent} scribe-transcript-partial - The provisional tail changed (`detail.words` replaces the previous tail).
@event {TranscriptFinalEvent} scribe-transcript-final - Words became final (`detail.words` are new, each reported once).
@event {LiveEndEvent} scribe-live-end - The session is over; `detail.transcript` is its `Transcript`.
@event {ScribeErrorEvent} scribe-error - The microphone, the key request or the connection failed, or a download could not be written.

@csspart base - The wrapper of everything else.
@csspart controls - The row of buttons, meter and status.
@csspart start-button - Starts a session (it becomes the stop button while one runs).
@csspart stop-button - Stops the session: the last words are finalized first.
@csspart pause-button - Pauses and resumes sending audio.
@csspart mute-button - Mutes and unmutes the microphone.
@csspart level - The input level meter.
@csspart level-bar - The filled part of the meter.
@csspart status - The state, in words.
@csspart transcript - The scrolling transcript.
@csspart segment - A paragraph: a speaker label, the text, a translation.
@csspart speaker - A speaker label, where the speaker changes.
@csspart text - The words of a paragraph.
@csspart run - Words of one language inside a paragraph.
@csspart language - A language label, where the spoken language changes.
@csspart partial - The provisional words at the end of the newest paragraph.
@csspart translation - The translation under a paragraph.
@csspart translation-partial - The provisional end of a translation.
@csspart jump-button - "Jump to live", shown after the reader scrolled up.
@csspart downloads - The group of download buttons, shown when stopped.
@csspart download - Every download button; each also has `download-srt`, `download-vtt`, `download-txt` or `download-json`.
@csspart empty - What shows before the first words.
@csspart error - The error message (`role="alert"`).

@cssproperty [--scribe-live-accent=var(--scribe-color-accent, #2563eb)] - The focus ring and meter colour.
@cssproperty [--scribe-live-text-color=var(--scribe-color-text, inherit)] - Text colour.
@cssproperty [--scribe-live-muted-color=var(--scribe-color-muted, #5f6368)] - Status, labels and the default provisional colour.
@cssproperty [--scribe-live-partial-color=var(--scribe-live-muted-color)] - The provisional words.
@cssproperty [--scribe-live-translation-color=var(--scribe-live-muted-color)] - Translations.
@cssproperty [--scribe-live-speaker-color=var(--scribe-live-muted-color)] - Speaker labels.
@cssproperty [--scribe-live-border-color=var(--scribe-color-border, #9aa0a6)] - The transcript's border and the meter's track.
@cssproperty [--scribe-live-error-color=var(--scribe-color-error, #b3261e)] - The error message.
@cssproperty [--scribe-live-level-color=var(--scribe-live-accent)] - The meter's bar.
@cssproperty [--scribe-live-level-width=6rem] - The meter's length.
@cssproperty [--scribe-live-max-height=20rem] - The height past which the transcript scrolls.
@cssproperty [--scribe-live-line-height=1.6] - The transcript's line height.
@cssproperty [--scribe-live-segment-gap=0.75em] - The space between paragraphs.
@cssproperty [--scribe-live-gap=var(--scribe-spacing, 0.75rem)] - Space between rows.
@cssproperty [--scribe-live-radius=var(--scribe-radius, 0.5rem)] - The transcript's corner radius.
@cssproperty [--scribe-live-font-family=var(--scribe-font-family, inherit)] - Font.
@cssproperty [--scribe-live-focus-ring=var(--scribe-focus-ring, 2px solid accent)] - Focus outline.

@cssstate idle - No session (before the first, and after one ended).
@cssstate requesting-permission - The browser asks for the microphone.
@cssstate connecting - The key is being fetched and the connection opened.
@cssstate live - Audio flows.
@cssstate reconnecting - A lost connection is being replaced; no audio is lost.
@cssstate stopping - The last words are being finalized.
@cssstate error - The session failed; `error` says why.
@cssstate paused - Audio is held back.
@cssstate muted - Silence is sent instead of the microphone.

@example
```html
<script type="module" src="https://unpkg.com/scribekit/dist/scribekit.js"></script>
<scribe-live endpoint="/api" language-hints="en he" diarize translate-to="en"></scribe-live>
<script>
  document.querySelector('scribe-live').addEventListener('scribe-live-end', (event) => {
    console.log(event.detail.transcript.text);
  });
</script>
```
*/
export class ScribeLive extends LitElement {
  static override styles = liveStyles;

  static override properties = {
    endpoint: { type: String },
    model: { type: String },
    languageHints: { attribute: 'language-hints' },
    diarize: { type: Boolean },
    identifyLanguage: { type: Boolean, attribute: 'identify-language' },
    translateTo: { attribute: 'translate-to' },
    clientReferenceId: { attribute: 'client-reference-id' },
    noAutoscroll: { type: Boolean, attribute: 'no-autoscroll' },
    downloadFormats: { attribute: 'download-formats' },
    realtime: { attribute: false },
    source: { attribute: false },
    realtimeOptions: { attribute: false },
    _hasText: { state: true },
    _following: { state: true },
    _errorMessage: { state: true },
  };

  /** The scribekit Worker's API base (`/api`, or a full URL): keys come from `<endpoint>/soniox/temporary-api-key`. */
  declare endpoint: string | undefined;
  /** The realtime model, such as `stt-rt-v5`; the provider's default when empty. */
  declare model: string | undefined;
  /** Expected languages, separated by spaces or commas (`en he`). Two or more also turn on language identification. */
  declare languageHints: string | undefined;
  /** Label speakers. */
  declare diarize: boolean;
  /** Label each word with its language, so language changes are marked (attribute `identify-language`). */
  declare identifyLanguage: boolean;
  /**
  Translate as it goes (attribute `translate-to`): one language (`en`) translates everything into it;
  two (`en he`) translate each into the other.
  */
  declare translateTo: string | undefined;
  /** Your id for the session in the provider's usage logs (attribute `client-reference-id`). */
  declare clientReferenceId: string | undefined;
  /** Leaves the scroll position alone as words arrive (attribute `no-autoscroll`). */
  declare noAutoscroll: boolean;
  /**
  The download buttons shown once stopped, space-separated, in order: any of `srt`, `vtt`, `txt` and
  `json`; empty for none (attribute `download-formats`).
  */
  declare downloadFormats: string;
  /**
  A realtime client to use instead of `endpoint`: `createSonioxRealtime({ apiKey })`, anything with
  the same `connect()`, or a whole `createSoniox({ … })` client (its `realtime` is used).
  */
  declare realtime: LiveRealtimeClient | { readonly realtime: LiveRealtimeClient } | undefined;
  /**
  Audio to transcribe instead of the microphone, from the next `start()` on: a `LiveAudioSource`
  (such as `AudioFileSource`, or a `MicrophoneCapture` you configured), or an async iterable of
  16 kHz mono 16-bit PCM frames (read once).
  */
  declare source: LiveAudioSource | AsyncIterable<Uint8Array> | undefined;
  /** Further session options (`context`, endpoint tuning, `reconnect`, …), applied last. */
  declare realtimeOptions: LiveRealtimeOptions | undefined;

  declare private _hasText: boolean;
  declare private _following: boolean;
  declare private _errorMessage: string;

  readonly #controller = new LiveSessionController(this, {
    client: () => this.#client(),
    source: () => this.#sourceChoice(),
    connectOptions: () => this.#connectOptions(),
    onReset: () => this.#reset(),
    onPart: (part) => this.#onPart(part),
    onStart: (detail) => void this.#notify(new LiveStartEvent(detail)),
    onEnd: (transcript, reason) => this.#onEnd(transcript, reason),
    onError: (error) => this.#onError(error),
    onLevel: (level) => this.#showLevel(level),
  });
  readonly #transcriptRef = createRef<HTMLDivElement>();
  readonly #announcerRef = createRef<HTMLDivElement>();
  readonly #levelRef = createRef<HTMLDivElement>();
  readonly #internals: ElementInternals | undefined;
  #view: LiveTranscriptView | undefined;
  #announcer: SentenceAnnouncer | undefined;
  #scroll: AutoScroll | undefined;
  #shownLevel = -1;
  #languageNames: { locale: ScribeLocale; names: Intl.DisplayNames | undefined } | undefined;

  constructor() {
    super();
    this.endpoint = undefined;
    this.model = undefined;
    this.languageHints = undefined;
    this.diarize = false;
    this.identifyLanguage = false;
    this.translateTo = undefined;
    this.clientReferenceId = undefined;
    this.noAutoscroll = false;
    this.downloadFormats = 'srt vtt txt json';
    this.realtime = undefined;
    this.source = undefined;
    this.realtimeOptions = undefined;
    this._hasText = false;
    this._following = true;
    this._errorMessage = '';
    // happy-dom and older browsers lack ElementInternals; the states are extra styling hooks there.
    this.#internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /** Where the session is: `idle`, `requesting-permission`, `connecting`, `live`, `reconnecting`, `stopping` or `error`. */
  get state(): LiveState {
    return this.#controller.state;
  }

  /** Whether audio is held back (`pause()`). */
  get paused(): boolean {
    return this.#controller.paused;
  }

  /** Whether silence is sent instead of the audio. */
  get muted(): boolean {
    return this.#controller.muted;
  }

  /** The last failure, while `state` is `error`. */
  get error(): unknown {
    return this.#controller.error;
  }

  /** The realtime session while one runs, for its parts and statistics. */
  get session(): RealtimeSession | undefined {
    return this.#controller.session;
  }

  /**
  The transcript: of the running session so far (its final words), else of the last session, else
  `undefined`. Building it walks every word, so read it when needed rather than on every update.
  */
  get transcript(): Transcript | undefined {
    return this.#controller.transcript;
  }

  /**
  Starts a session with the microphone (or `source`): the browser asks for permission, a key is
  fetched, the connection opens, and audio flows. Call it from a click, so the browser lets audio
  run. Resolves once audio flows or the start failed (then `state` is `error` and `scribe-error` is
  dispatched); does nothing while a session runs.
  */
  async start(): Promise<void> {
    await this.updateComplete;
    return this.#controller.start();
  }

  /**
  Starts a session that plays a recording as if it were the microphone: a URL, a `Blob` or bytes,
  decoded to 16 kHz mono PCM and sent at the pace of real time. The session ends by itself when the
  recording does.
  */
  async startWithAudio(input: AudioFileInput): Promise<void> {
    await this.updateComplete;
    return this.#controller.start({ source: new AudioFileSource(input), kind: 'audio' });
  }

  /**
  Stops the audio and waits for the last words to become final; resolves with the session's
  transcript (`scribe-live-end` carries it too).
  */
  stop(): Promise<Transcript | undefined> {
    return this.#controller.stop();
  }

  /** Ends the session at once, without waiting for the last words. */
  cancel(): void {
    this.#controller.cancel();
  }

  /** Holds the audio back without ending the session; what was heard so far is finalized. */
  pause(): void {
    this.#controller.pause();
  }

  /** Sends audio again after `pause()`. */
  resume(): void {
    this.#controller.resume();
  }

  /** Sends silence instead of the microphone. */
  mute(): void {
    this.#controller.mute();
  }

  /** Sends the microphone again after `mute()`. */
  unmute(): void {
    this.#controller.unmute();
  }

  /** Downloads the transcript as `transcript.<format>`; does nothing while a session runs or without one. */
  download(format: DownloadFormat): void {
    const transcript = this.#controller.lastTranscript;
    if (transcript === undefined) return;
    const strings = this.#strings();
    try {
      saveFile(
        this.renderRoot,
        renderDownload(transcript, format, {
          speakerLabel: (speaker) => this.#speakerName(speaker, strings),
        }),
      );
    } catch (error) {
      this.dispatchEvent(new ScribeErrorEvent({ error, message: strings.downloadFailed }));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#scroll?.cancel();
  }

  protected override firstUpdated(): void {
    const list = this.#transcriptRef.value;
    const region = this.#announcerRef.value;
    if (list === undefined || region === undefined) return;
    this.#view = new LiveTranscriptView(list, {
      speaker: (speaker) => this.#speakerName(speaker, this.#strings()),
      language: (code) => this.#languageName(code),
    });
    this.#announcer = new SentenceAnnouncer(region);
    this.#scroll = new AutoScroll(list, (following) => {
      this._following = following;
    });
    this.#scroll.enabled = !this.noAutoscroll;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('noAutoscroll') && this.#scroll !== undefined) this.#scroll.enabled = !this.noAutoscroll;
    const state = this.#controller.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    const states = this.#internals?.states;
    if (states === undefined) return;
    try {
      for (const name of liveStates) {
        if (name === state) states.add(name);
        else states.delete(name);
      }
      toggle(states, 'paused', this.#controller.paused);
      toggle(states, 'muted', this.#controller.muted);
    } catch {
      // Chromium before 125 accepted only `--name` states; the element works without them.
    }
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const controller = this.#controller;
    const state = controller.state;
    const active = controller.isActive;
    const flowing = state === 'live' || state === 'reconnecting';
    const status = controller.paused && flowing ? strings.status.paused : strings.status[state];
    const formats = active ? [] : parseDownloadFormats(this.downloadFormats);
    const canDownload = formats.length > 0 && this._hasText && controller.lastTranscript !== undefined;
    return html`
      <div part="base">
        <div part="controls" role="group" aria-label=${strings.controls}>
          <button
            part=${active ? 'stop-button' : 'start-button'}
            type="button"
            ?disabled=${state === 'stopping'}
            @click=${active ? this.#onStopClick : this.#onStartClick}
          >
            ${active ? strings.stop : strings.start}
          </button>
          <button
            part="pause-button"
            type="button"
            ?hidden=${!active}
            ?disabled=${!flowing}
            @click=${this.#onPauseClick}
          >
            ${controller.paused ? strings.resume : strings.pause}
          </button>
          <button part="mute-button" type="button" ?hidden=${!active} @click=${this.#onMuteClick}>
            ${controller.muted ? strings.unmute : strings.mute}
          </button>
          <div
            ${ref(this.#levelRef)}
            part="level"
            role="meter"
            aria-label=${strings.level}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow="0"
            ?hidden=${!active}
          >
            <div part="level-bar"></div>
          </div>
          <span part="status" role="status">${status}</span>
        </div>
        <div
          ${ref(this.#transcriptRef)}
          part="transcript"
          role="region"
          aria-label=${strings.transcript}
          aria-live="off"
          tabindex="0"
          ?hidden=${!this._hasText}
          @scroll=${this.#onScroll}
          @wheel=${{ handleEvent: this.#onWheel, passive: true }}
        ></div>
        <p part="empty" ?hidden=${this._hasText}><slot name="empty">${strings.empty}</slot></p>
        <button
          part="jump-button"
          type="button"
          ?hidden=${this._following || !this._hasText || this.noAutoscroll}
          @click=${this.#onJumpClick}
        >
          ${strings.jumpToLive}
        </button>
        ${canDownload ? this.#renderDownloads(strings, formats) : nothing}
        <div part="error" role="alert">${this._errorMessage}</div>
        <div
          ${ref(this.#announcerRef)}
          class="visually-hidden"
          role="log"
          aria-live="polite"
          aria-relevant="additions"
        ></div>
      </div>
    `;
  }

  #renderDownloads(strings: LiveStrings, formats: readonly DownloadFormat[]): TemplateResult {
    return html`<div part="downloads" role="group" aria-label=${strings.downloads}>
      ${formats.map(
        (format) =>
          html`<button
            part="download download-${format}"
            type="button"
            aria-label=${strings.downloadFormat[format]}
            title=${strings.downloadFormat[format]}
            @click=${() => this.download(format)}
          >
            ${strings.formatShortName[format]}
          </button>`,
      )}
    </div>`;
  }

  readonly #onStartClick = (): void => {
    void this.start();
  };

  readonly #onStopClick = (): void => {
    void this.stop();
  };

  readonly #onPauseClick = (): void => {
    if (this.#controller.paused) this.resume();
    else this.pause();
  };

  readonly #onMuteClick = (): void => {
    if (this.#controller.muted) this.unmute();
    else this.mute();
  };

  readonly #onJumpClick = (): void => {
    this.#scroll?.resume();
  };

  readonly #onScroll = (): void => {
    this.#scroll?.onScroll();
  };

  readonly #onWheel = (event: WheelEvent): void => {
    this.#scroll?.onWheel(event);
  };

  #client(): LiveRealtimeClient {
    const realtime = this.realtime;
    if (realtime !== undefined && realtime !== null)
      return 'connect' in realtime ? realtime : realtime.realtime;
    const endpoint = this.endpoint?.trim() ?? '';
    if (endpoint === '') {
      throw new InvalidArgumentError({
        argument: 'endpoint',
        message: 'is required: set endpoint="/api" (a scribekit Worker) or the realtime property',
      });
    }
    const clientReferenceId = nonEmpty(this.clientReferenceId);
    return createEndpointRealtime(endpoint, clientReferenceId === undefined ? {} : { clientReferenceId });
  }

  #sourceChoice(): LiveSourceChoice {
    const source = this.source;
    if (source === undefined || source === null)
      return { source: new MicrophoneCapture(), kind: 'microphone' };
    if (isLiveAudioSource(source)) return { source, kind: source.kind ?? 'microphone' };
    return { source: pcmFrameSource(source), kind: 'audio' };
  }

  #connectOptions(): SonioxRealtimeConnectOptions {
    const hints = splitList(this.languageHints);
    const targets = splitList(this.translateTo);
    const model = nonEmpty(this.model);
    const clientReferenceId = nonEmpty(this.clientReferenceId);
    const [first, second] = targets;
    return {
      ...(model === undefined ? {} : { model }),
      ...(hints.length === 0 ? {} : { languageHints: hints }),
      ...(this.diarize ? { enableSpeakerDiarization: true } : {}),
      ...(this.identifyLanguage || hints.length > 1 ? { enableLanguageIdentification: true } : {}),
      enableEndpointDetection: true,
      ...(first === undefined
        ? {}
        : second === undefined
          ? { translation: { type: 'one_way', targetLanguage: first } }
          : { translation: { type: 'two_way', languageA: first, languageB: second } }),
      ...(clientReferenceId === undefined ? {} : { clientReferenceId }),
      ...this.realtimeOptions,
    };
  }

  #reset(): void {
    this.#view?.clear();
    this.#announcer?.clear();
    this.#scroll?.reset();
    this._hasText = false;
    this._following = true;
    this._errorMessage = '';
    this.#showLevel(0);
  }

  #onPart(part: RealtimePart): void {
    const view = this.#view;
    switch (part.type) {
      case 'transcript-final':
        view?.appendFinal(part.words);
        this.#announcer?.add(part.words);
        this.#changed();
        this.dispatchEvent(new TranscriptFinalEvent({ words: part.words, text: part.text }));
        return;
      case 'transcript-partial':
        view?.setPartial(part.words);
        this.#changed();
        this.dispatchEvent(new TranscriptPartialEvent({ words: part.words, text: part.text }));
        return;
      case 'endpoint':
        view?.endpoint();
        this.#announcer?.flush();
        return;
      case 'translation-final':
        view?.appendTranslation(part.text, part.language);
        this.#changed();
        return;
      case 'translation-partial':
        view?.setTranslationPartial(part.text, part.language);
        this.#changed();
        return;
      default:
        return;
    }
  }

  /** The transcript changed: show it, and keep the newest words in view. */
  #changed(): void {
    if (!this._hasText && this.#view?.isEmpty === false) this._hasText = true;
    this.#scroll?.request();
  }

  #onEnd(transcript: Transcript, reason: 'finished' | 'cancelled' | 'failed'): void {
    this.#view?.setPartial([]);
    this.#view?.setTranslationPartial('', undefined);
    this.#announcer?.flush();
    this.#showLevel(0);
    this.requestUpdate();
    void this.#notify(new LiveEndEvent({ transcript, reason }));
  }

  #onError(error: unknown): void {
    const message = describeLiveError(error, this.#strings().errors, this.#controller.sourceKind);
    this._errorMessage = message;
    void this.#notify(new ScribeErrorEvent({ error, message }));
  }

  #showLevel(level: number): void {
    const meter = this.#levelRef.value;
    if (meter === undefined) return;
    const db = 20 * Math.log10(Math.max(level, 1e-6));
    const shown = Math.min(1, Math.max(0, (db - meterFloorDb) / -meterFloorDb));
    // Whole percent steps: the meter is repainted (and its value changes) only when that is visible.
    const percent = Math.round(shown * 100);
    if (percent === this.#shownLevel) return;
    this.#shownLevel = percent;
    meter.style.setProperty('--_level', String(percent / 100));
    meter.setAttribute('aria-valuenow', String(percent));
  }

  async #notify(event: Event): Promise<void> {
    // Listeners see the element already showing what the event describes.
    await this.updateComplete;
    this.dispatchEvent(event);
  }

  #strings(): LiveStrings {
    return liveStrings[resolveLocale(this)];
  }

  #speakerName(speaker: string, strings: LiveStrings): string {
    return bareSpeakerId.test(speaker.trim()) ? strings.speaker(speaker.trim()) : speaker;
  }

  #languageName(code: string): string {
    const locale = resolveLocale(this);
    if (this.#languageNames?.locale !== locale) {
      let names: Intl.DisplayNames | undefined;
      try {
        names = new Intl.DisplayNames([locale], { type: 'language' });
      } catch {
        names = undefined;
      }
      this.#languageNames = { locale, names };
    }
    try {
      return this.#languageNames.names?.of(code) ?? code;
    } catch {
      return code;
    }
  }
}

function toggle(states: CustomStateSet, name: string, on: boolean): void {
  if (on) states.add(name);
  else states.delete(name);
}

function splitList(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((item) => item !== '');
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

declare global {
  interface HTMLElementTagNameMap {
    'scribe-live': ScribeLive;
  }
}
