import {
  LitElement,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { guard } from 'lit/directives/guard.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Chapter } from '../../core/index.js';
import { ChapterChangeEvent } from '../events/chapter-change-event.js';
import { ScribeErrorEvent } from '../events/scribe-error-event.js';
import { SeekRequestEvent } from '../events/seek-request-event.js';
import { resolveLocale } from '../shared/locale.js';
import { MediaTimeController } from '../transcript/media-time-controller.js';
import { ChapterLoader, type ChapterSource } from './chapter-loader.js';
import { findChapter, sortChapters } from './current-chapter.js';
import { formatTime, toDurationString } from './format-time.js';
import { loadChapters } from './load-chapters.js';
import { MediaStateController, type OutlinePlayerMedia } from './media-state-controller.js';
import { outlinePlayerStrings, type OutlinePlayerStrings } from './outline-player.strings.js';
import { outlinePlayerStyles } from './outline-player.styles.js';
import { findMedia } from '../shared/find-media.js';

export type { ChapterLoadStatus, ChapterSource } from './chapter-loader.js';
export type { OutlinePlayerMedia } from './media-state-controller.js';

// How far the arrow keys move the progress bar.
const arrowStepInSeconds = 5;
// PageDown within this long of a chapter's start goes to the chapter before, as a player's "previous" does.
const restartWindowInSeconds = 3;
// How long a chapter change waits before it is announced, so scrubbing across chapters announces one.
const announceDelayInMilliseconds = 700;
// The reactive state that playback changes.
const playbackState: ReadonlySet<PropertyKey> = new Set(['_time', '_current', '_tabStop', '_announcement']);

/**
An audio player with a chapter list: play and pause, a progress bar with a mark where each chapter
starts, and the chapters with their start times, the one playing highlighted.

The media is, in order of precedence, the `media` property, an `<audio>` or `<video>` in the `media`
slot, one named by `for`, or an `<audio>` the element makes from `src`. A slotted
`<audio>` is hidden: the element's controls replace its own (leave `controls` off a slotted
`<video>`). `<scribe-transcript for="…">` can follow the same media.

Chapters come from, in order of precedence: the `chapters` property; SoferAI's outline of
`transcription-id`, asked through the scribekit Worker at `endpoint`; the WebVTT file at
`chapters-src`; a `<track kind="chapters" src="…">` inside the media. The chapter list is shown
sorted by start time. A chapter whose `confidence` is under `low-confidence-threshold` is marked as
having an approximate start.

Keyboard: the chapter list is one tab stop; Up and Down (and Home and End) move between chapters,
and Enter or Space plays from the focused one. On the progress bar (a slider), Left and Right (or
Down and Up) move 5 seconds, PageUp and PageDown go to the next and previous chapter, and Home and
End to the ends. The chapter playing has `aria-current="true"`, and a polite live region names a
new chapter once playback settles in it.

Bidi: the controls and times are always left to right, as players are in right-to-left languages;
each chapter title is isolated with `dir="auto"`, so Hebrew titles read right to left in a page of
either direction.

@tagname scribe-outline-player
@summary Audio player with a chapter list, chapter marks on the progress bar and click-to-seek.

@slot media - An `<audio>` or `<video>` to play; a `<track kind="chapters">` inside it supplies chapters.

@event {ChapterChangeEvent} scribe-chapter-change - Playback moved into another chapter (the media played on or the user sought); not dispatched when chapters are set or loaded.
@event {SeekRequestEvent} scribe-seek-request - The user chose a chapter or moved the progress bar. Cancel it to seek a player of your own; otherwise the media's `currentTime` is set.
@event {ScribeErrorEvent} scribe-error - The chapters could not be loaded, or the media refused to play.

@csspart controls - The left-to-right row of playback controls.
@csspart play-button - The play/pause button.
@csspart progress - The progress bar: the slider and its hit area.
@csspart progress-track - The visible bar.
@csspart progress-fill - The played part of the bar.
@csspart chapter-mark - A mark on the bar where a chapter starts; also `current` for the chapter playing and `low-confidence`.
@csspart time - The elapsed time and length.
@csspart chapters - The chapter list (`<ol>`).
@csspart chapter - A chapter (`<li>`); also `current` for the chapter playing and `low-confidence`.
@csspart chapter-button - The button that plays a chapter.
@csspart chapter-title - A chapter's title.
@csspart chapter-start - A chapter's start: its time and, when uncertain, the marker.
@csspart chapter-time - A chapter's start time (`<time>`).
@csspart low-confidence-marker - The "≈" before an approximate start time.
@csspart loading - "Loading chapters…", while they load.
@csspart error - The message shown when chapters cannot be loaded.

@cssproperty [--scribe-outline-player-display=block] - The host's `display`.
@cssproperty [--scribe-outline-player-font-family=var(--scribe-font-family, inherit)] - The font.
@cssproperty [--scribe-outline-player-color=var(--scribe-color-text, inherit)] - The text color.
@cssproperty [--scribe-outline-player-muted-color=var(--scribe-color-muted, #5f6368)] - Times and the loading text.
@cssproperty [--scribe-outline-player-accent-color=var(--scribe-color-accent, #0b57d0)] - The play button and the played part of the bar.
@cssproperty [--scribe-outline-player-accent-text-color=#fff] - The play button's icon.
@cssproperty [--scribe-outline-player-track-color=var(--scribe-color-border, #dadce0)] - The unplayed part of the bar.
@cssproperty [--scribe-outline-player-track-height=0.375rem] - The bar's thickness.
@cssproperty [--scribe-outline-player-mark-color=var(--scribe-color-text, #202124)] - The chapter marks.
@cssproperty [--scribe-outline-player-mark-width=2px] - The chapter marks' width.
@cssproperty [--scribe-outline-player-low-confidence-color=var(--scribe-color-warning, #b06000)] - Marks and markers of approximate starts.
@cssproperty [--scribe-outline-player-current-color=var(--scribe-color-highlight, #e8f0fe)] - The background of the chapter playing.
@cssproperty [--scribe-outline-player-current-text-color=inherit] - The text color of the chapter playing.
@cssproperty [--scribe-outline-player-hover-color=rgb(0 0 0 / 6%)] - The background of a chapter under the pointer.
@cssproperty [--scribe-outline-player-focus-color=var(--scribe-color-focus, #0b57d0)] - Focus rings.
@cssproperty [--scribe-outline-player-error-color=var(--scribe-color-error, #b3261e)] - The error message.
@cssproperty [--scribe-outline-player-radius=var(--scribe-radius, 0.5rem)] - Corner radius of chapters.
@cssproperty [--scribe-outline-player-gap=var(--scribe-spacing, 0.75rem)] - Space between the controls and around them.
@cssproperty [--scribe-outline-player-max-height=20rem] - The height past which the chapter list scrolls; `none` lets it grow.

@example
```html
<scribe-outline-player chapters-src="/shiur.chapters.vtt">
  <audio slot="media" src="/shiur.mp3"></audio>
</scribe-outline-player>

<scribe-outline-player src="/shiur.mp3" endpoint="/api" transcription-id="…"></scribe-outline-player>
```
*/
export class ScribeOutlinePlayer extends LitElement {
  static override styles = outlinePlayerStyles;

  static override properties: PropertyDeclarations = {
    chapters: { attribute: false },
    media: { attribute: false },
    fetch: { attribute: false },
    src: {},
    endpoint: {},
    transcriptionId: { attribute: 'transcription-id' },
    chaptersSrc: { attribute: 'chapters-src' },
    lowConfidenceThreshold: { type: Number, attribute: 'low-confidence-threshold' },
    htmlFor: { attribute: 'for' },
    _time: { state: true },
    _current: { state: true },
    _tabStop: { state: true },
    _linked: { state: true },
    _trackSrc: { state: true },
    _announcement: { state: true },
  };

  /**
  The chapters to show, in seconds (`{ title, start, end?, confidence? }`, as scribekit's core
  returns them). When set, no chapters are loaded. Assign a new array to change them.
  */
  declare chapters: readonly Chapter[] | undefined;
  /**
  The media to play and follow, when neither the `media` slot nor `for` can name it (it lives in
  another shadow root, say). Takes precedence over both, and over `src`.
  */
  declare media: OutlinePlayerMedia | undefined;
  /** The `fetch` chapters are loaded with (a WebVTT file, or SoferAI through the Worker); `globalThis.fetch` by default. */
  declare fetch: typeof globalThis.fetch | undefined;
  /** The URL of an audio file to play when no media is slotted, named by `for` or set as `media`. */
  declare src: string;
  /**
  The scribekit Worker's API base (`/api`, or an absolute URL). With `transcription-id`, the chapters
  are SoferAI's outline of that transcription, asked through the Worker's `/soferai` proxy.
  */
  declare endpoint: string;
  /** The SoferAI transcription whose outline to show, with `endpoint` (attribute `transcription-id`). */
  declare transcriptionId: string;
  /** The URL of a WebVTT chapters file (attribute `chapters-src`). */
  declare chaptersSrc: string;
  /**
  Chapters whose `confidence` (0 to 1) is below this are marked as having an approximate start
  (attribute `low-confidence-threshold`). Chapters without a confidence are never marked.
  */
  declare lowConfidenceThreshold: number;
  /** The `id` of the `<audio>` or `<video>` to play, in the same document or shadow root (attribute `for`). */
  declare htmlFor: string;

  // Undefined until the media reports a time or one is set: no chapter is current before that.
  declare private _time: number | undefined;
  declare private _current: number;
  declare private _tabStop: number;
  declare private _linked: OutlinePlayerMedia | undefined;
  declare private _trackSrc: string;
  declare private _announcement: string;

  // The <audio> made for `src`, while there is no other media.
  #ownAudio: HTMLAudioElement | undefined;
  readonly #listRef = createRef<HTMLOListElement>();
  readonly #trackRef = createRef<HTMLDivElement>();
  readonly #mediaTime = new MediaTimeController(this, (time) => this.#applyTime(time, !this.#linking));
  readonly #mediaState = new MediaStateController(this);
  readonly #loader = new ChapterLoader(this, {
    load: loadChapters,
    onError: (error) =>
      this.dispatchEvent(new ScribeErrorEvent({ error, message: this.#strings().loadFailed })),
  });
  // Set while the media is being linked: its first time report is where it is, not playback moving.
  #linking = false;
  #sortedFrom: readonly Chapter[] | undefined;
  #sorted: readonly Chapter[] = [];
  #shownBefore: readonly Chapter[] | undefined;
  #dragPointer: number | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.chapters = undefined;
    this.media = undefined;
    this.fetch = undefined;
    this.src = '';
    this.endpoint = '';
    this.transcriptionId = '';
    this.chaptersSrc = '';
    this.lowConfidenceThreshold = 0.5;
    this.htmlFor = '';
    this._time = undefined;
    this._current = -1;
    this._tabStop = 0;
    this._linked = undefined;
    this._trackSrc = '';
    this._announcement = '';
  }

  /**
  The playback time the player shows, in seconds. It follows the media; setting it moves the
  highlight without seeking the media (for a player that is not a media element).
  */
  get currentTime(): number {
    return this._time ?? 0;
  }

  set currentTime(timeInSeconds: number) {
    this.#applyTime(timeInSeconds, false);
  }

  /** The chapters shown, sorted by start: the `chapters` property's, or the loaded ones. */
  get shownChapters(): readonly Chapter[] {
    const from = this.chapters ?? this.#loader.chapters;
    if (from !== this.#sortedFrom) {
      this.#sortedFrom = from;
      this.#sorted = Array.isArray(from) ? sortChapters(from) : [];
    }
    return this.#sorted;
  }

  /** The chapter playing, if any. */
  get currentChapter(): Chapter | undefined {
    return this.shownChapters[this._current];
  }

  override connectedCallback(): void {
    this.#linking = true;
    try {
      super.connectedCallback();
      this.#linkMedia();
    } finally {
      this.#linking = false;
    }
    const document = this.ownerDocument;
    // A `for` target further down the page is not parsed yet when this element connects.
    if (this._linked === undefined && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#linkMedia(), { once: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Most updates are playback moving, up to one a frame; they cannot change the media or the source.
    const playbackOnly = changed.size > 0 && [...changed.keys()].every((key) => playbackState.has(key));
    if (!playbackOnly) {
      if (this.isConnected) this.#linkMedia();
      this.#loader.setSource(this.#chapterSource(), this.fetch);
    }
    const shown = this.shownChapters;
    if (shown !== this.#shownBefore) {
      this.#shownBefore = shown;
      this._current = this._time === undefined ? -1 : findChapter(shown, this._time);
      this._tabStop = Math.max(0, this._current);
    }
    if (changed.has('_current') && !this.#focusInList()) this._tabStop = Math.max(0, this._current);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_current') && !this.#focusInList()) this.#revealCurrent();
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const chapters = this.shownChapters;
    const status = this.#loader.status;
    const withHours = Math.max(this.#duration() || 0, chapters.at(-1)?.start ?? 0) >= 3600;
    return html`
      <slot name="media" @slotchange=${this.#linkMedia}></slot>
      ${this.#ownAudio ?? nothing}
      ${this._linked === undefined ? nothing : this.#renderControls(strings, chapters)}
      ${
        status === 'loading' && chapters.length === 0
          ? html`<p part="loading">${strings.loading}</p>`
          : nothing
      }
      ${status === 'error' ? html`<p part="error" role="alert">${strings.loadFailed}</p>` : nothing}
      ${
        chapters.length === 0
          ? nothing
          : guard(
              [chapters, this._current, this._tabStop, this.lowConfidenceThreshold, strings, withHours],
              () => this.#renderChapters(strings, chapters, withHours),
            )
      }
      <span id="keyboard-hint" class="visually-hidden">${strings.keyboardHint}</span>
      <span id="low-confidence-hint" class="visually-hidden">${strings.lowConfidence}</span>
      <span class="visually-hidden" role="status">${this._announcement}</span>
    `;
  }

  #renderControls(strings: OutlinePlayerStrings, chapters: readonly Chapter[]): TemplateResult {
    const media = this._linked;
    const paused = this.#mediaState.paused;
    const duration = this.#duration();
    const time = this._time ?? 0;
    const known = Number.isFinite(duration) && duration > 0;
    const withHours = (known ? duration : time) >= 3600;
    const percent = known ? Math.min(100, Math.max(0, (time / duration) * 100)) : 0;
    const current = chapters[this._current];
    const valueText = [
      known ? strings.timeOf(formatTime(time, withHours), formatTime(duration, withHours)) : formatTime(time),
      current === undefined ? undefined : strings.chapter(this._current + 1, current.title),
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    return html`<div part="controls" dir="ltr" role="group" aria-label=${strings.player}>
      ${
        typeof media?.play === 'function'
          ? html`<button
              part="play-button"
              type="button"
              aria-label=${paused ? strings.play : strings.pause}
              @click=${this.#togglePlay}
            >
              ${paused ? playIcon : pauseIcon}
            </button>`
          : nothing
      }
      <div
        part="progress"
        role="slider"
        tabindex="0"
        aria-label=${strings.position}
        aria-valuemin="0"
        aria-valuemax=${known ? Math.round(duration) : nothing}
        aria-valuenow=${Math.round(time)}
        aria-valuetext=${valueText}
        @keydown=${this.#onProgressKeyDown}
        @pointerdown=${this.#onProgressPointerDown}
        @pointermove=${this.#onProgressPointerMove}
        @pointerup=${this.#endDrag}
        @pointercancel=${this.#endDrag}
      >
        <div part="progress-track" ${ref(this.#trackRef)}>
          <div part="progress-fill" style=${styleMap({ width: `${percent}%` })}></div>
          ${
            known
              ? guard([chapters, duration, this._current, this.lowConfidenceThreshold], () =>
                  chapters.map((chapter, index) =>
                    chapter.start > 0 && chapter.start < duration
                      ? html`<span
                          part=${this.#chapterParts('chapter-mark', chapter, index)}
                          data-index=${index}
                          title=${chapter.title}
                          style=${styleMap({ left: `${(chapter.start / duration) * 100}%` })}
                        ></span>`
                      : nothing,
                  ),
                )
              : nothing
          }
        </div>
      </div>
      <span part="time" aria-hidden="true"
        >${
          known
            ? `${formatTime(time, withHours)} / ${formatTime(duration, withHours)}`
            : formatTime(time, withHours)
        }</span
      >
    </div>`;
  }

  #renderChapters(
    strings: OutlinePlayerStrings,
    chapters: readonly Chapter[],
    withHours: boolean,
  ): TemplateResult {
    return html`<ol
      ${ref(this.#listRef)}
      part="chapters"
      aria-label=${strings.chapters}
      aria-describedby="keyboard-hint"
      @click=${this.#onListClick}
      @keydown=${this.#onListKeyDown}
      @keyup=${this.#onListKeyUp}
    >
      ${chapters.map((chapter, index) => {
        const low = this.#isLowConfidence(chapter);
        return html`<li part=${this.#chapterParts('chapter', chapter, index)}>
          <button
            part="chapter-button"
            type="button"
            data-index=${index}
            tabindex=${index === this._tabStop ? 0 : -1}
            aria-current=${index === this._current ? 'true' : nothing}
            aria-describedby=${low ? 'low-confidence-hint' : nothing}
          >
            <bdi part="chapter-title" dir="auto">${chapter.title}</bdi>
            <span part="chapter-start" dir="ltr"
              >${
                low
                  ? html`<span part="low-confidence-marker" aria-hidden="true" title=${strings.lowConfidence}
                      >≈</span
                    >`
                  : nothing
              }<time part="chapter-time" datetime=${toDurationString(chapter.start)}
                >${formatTime(chapter.start, withHours)}</time
              ></span
            >
          </button>
        </li>`;
      })}
    </ol>`;
  }

  #chapterParts(base: string, chapter: Chapter, index: number): string {
    let parts = base;
    if (index === this._current) parts += ' current';
    if (this.#isLowConfidence(chapter)) parts += ' low-confidence';
    return parts;
  }

  #isLowConfidence(chapter: Chapter): boolean {
    const confidence = chapter.confidence;
    return typeof confidence === 'number' && confidence < this.lowConfidenceThreshold;
  }

  #strings(): OutlinePlayerStrings {
    return outlinePlayerStrings[resolveLocale(this)];
  }

  // The media's length, or where the last chapter ends while the media does not know it yet.
  #duration(): number {
    const duration = this.#mediaState.duration;
    if (Number.isFinite(duration) && duration > 0) return duration;
    const ends = this.shownChapters.map((chapter) => chapter.end ?? chapter.start);
    const last = Math.max(0, ...ends);
    return last > 0 ? last : NaN;
  }

  #chapterSource(): ChapterSource | undefined {
    if (this.chapters !== undefined && this.chapters !== null) return undefined;
    const endpoint = this.endpoint.trim();
    const transcriptionId = this.transcriptionId.trim();
    if (endpoint !== '' && transcriptionId !== '') {
      const base = resolveUrl(endpoint, this.ownerDocument.baseURI).replace(/\/+$/, '');
      return { kind: 'soferai', endpoint: base, transcriptionId };
    }
    if (this.chaptersSrc.trim() !== '') {
      return { kind: 'vtt', url: resolveUrl(this.chaptersSrc.trim(), this.ownerDocument.baseURI) };
    }
    if (this._trackSrc !== '') return { kind: 'vtt', url: this._trackSrc };
    return undefined;
  }

  #linkMedia = (): void => {
    this.#updateOwnAudio();
    const media = this.#findMedia() ?? this.#ownAudio;
    if (media === this._linked) return;
    const linking = this.#linking;
    this.#linking = true;
    try {
      this.#mediaTime.target = media;
      this.#mediaState.target = media;
    } finally {
      this.#linking = linking;
    }
    this._linked = media;
    this._trackSrc = chaptersTrackSrc(media);
  };

  // Made here rather than in the template, so that it is linked before the render that shows it.
  #updateOwnAudio(): void {
    const src = this.src;
    if (src === '' || this.#findMedia() !== undefined) {
      this.#ownAudio?.pause();
      this.#ownAudio = undefined;
      return;
    }
    if (this.#ownAudio === undefined) {
      this.#ownAudio = this.ownerDocument.createElement('audio');
      this.#ownAudio.preload = 'metadata';
    }
    if (this.#ownAudio.getAttribute('src') !== src) this.#ownAudio.src = src;
  }

  #findMedia(): OutlinePlayerMedia | undefined {
    return findMedia<OutlinePlayerMedia>(this, { media: this.media, htmlFor: this.htmlFor, isMedia });
  }

  #applyTime(timeInSeconds: number, notify: boolean): void {
    if (typeof timeInSeconds !== 'number' || Number.isNaN(timeInSeconds)) return;
    this._time = timeInSeconds;
    const chapters = this.shownChapters;
    const index = findChapter(chapters, timeInSeconds);
    if (index === this._current) return;
    this._current = index;
    const chapter = chapters[index];
    if (!notify || chapter === undefined) return;
    this.dispatchEvent(new ChapterChangeEvent({ chapter, index }));
    clearTimeout(this.#announceTimer);
    const announcement = this.#strings().chapter(index + 1, chapter.title);
    this.#announceTimer = setTimeout(() => {
      this._announcement = announcement;
    }, announceDelayInMilliseconds);
  }

  #seek(timeInSeconds: number): void {
    const duration = this.#duration();
    let time = Math.max(0, timeInSeconds);
    if (Number.isFinite(duration) && duration > 0) time = Math.min(time, duration);
    const request = new SeekRequestEvent({ timeInSeconds: time });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    // The media may have appeared since the last lookup (a custom media element upgraded late).
    if (this.#mediaTime.target === undefined) this.#linkMedia();
    const media = this.#mediaTime.target;
    if (media !== undefined) media.currentTime = time;
    this.#applyTime(time, true);
  }

  #togglePlay = (): void => {
    const media = this._linked;
    if (media === undefined) return;
    if (media.paused === false) {
      media.pause?.();
      return;
    }
    try {
      const playing = media.play?.();
      if (typeof playing?.then === 'function') playing.catch((error: unknown) => this.#onPlayError(error));
    } catch (error) {
      this.#onPlayError(error);
    }
  };

  #onPlayError(error: unknown): void {
    // A pause or a new source interrupting play() is not a failure.
    if (error instanceof Error && error.name === 'AbortError') return;
    this.dispatchEvent(new ScribeErrorEvent({ error, message: this.#strings().playFailed }));
  }

  #onListClick = (event: MouseEvent): void => {
    const index = this.#chapterIndexOf(event.target);
    if (index === undefined) return;
    this._tabStop = index;
    this.#activate(index);
  };

  #onListKeyDown = (event: KeyboardEvent): void => {
    const index = this.#chapterIndexOf(event.target);
    const count = this.shownChapters.length;
    if (index === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    let target: number;
    switch (event.key) {
      case 'Enter':
      case ' ':
        // Handled here rather than by the button's own click, which Space would only send on keyup.
        event.preventDefault();
        this.#activate(index);
        return;
      case 'ArrowDown':
        target = Math.min(count - 1, index + 1);
        break;
      case 'ArrowUp':
        target = Math.max(0, index - 1);
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = count - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this._tabStop = target;
    this.#chapterButton(target)?.focus();
  };

  #onListKeyUp = (event: KeyboardEvent): void => {
    // Space already played the chapter on keydown; keep the button from clicking again on keyup.
    if (event.key === ' ' && this.#chapterIndexOf(event.target) !== undefined) event.preventDefault();
  };

  #activate(index: number): void {
    const chapter = this.shownChapters[index];
    if (chapter !== undefined) this.#seek(chapter.start);
  }

  #onProgressKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const time = this._time ?? 0;
    const chapters = this.shownChapters;
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        target = time + arrowStepInSeconds;
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        target = time - arrowStepInSeconds;
        break;
      case 'PageUp':
        target = chapters.find((chapter) => chapter.start > time + 0.001)?.start;
        break;
      case 'PageDown':
        target = chapters.findLast((chapter) => chapter.start < time - restartWindowInSeconds)?.start ?? 0;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = this.#duration();
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target !== undefined && Number.isFinite(target)) this.#seek(target);
  };

  #onProgressPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    const mark = event.target instanceof HTMLElement ? event.target.dataset.index : undefined;
    const chapter = mark === undefined ? undefined : this.shownChapters[Number(mark)];
    if (chapter !== undefined) {
      this.#seek(chapter.start);
      return;
    }
    const target = event.currentTarget as HTMLElement;
    this.#dragPointer = event.pointerId;
    target.setPointerCapture?.(event.pointerId);
    this.#seekToPointer(event);
  };

  #onProgressPointerMove = (event: PointerEvent): void => {
    if (event.pointerId === this.#dragPointer) this.#seekToPointer(event);
  };

  #endDrag = (event: PointerEvent): void => {
    if (event.pointerId !== this.#dragPointer) return;
    this.#dragPointer = undefined;
    (event.currentTarget as HTMLElement).releasePointerCapture?.(event.pointerId);
  };

  #seekToPointer(event: PointerEvent): void {
    const box = this.#trackRef.value?.getBoundingClientRect();
    const duration = this.#duration();
    if (box === undefined || box.width <= 0 || !(Number.isFinite(duration) && duration > 0)) return;
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    this.#seek(fraction * duration);
  }

  #chapterIndexOf(target: EventTarget | null): number | undefined {
    if (!(target instanceof Element)) return undefined;
    const button = target.closest('[part~="chapter-button"]');
    const index = button instanceof HTMLElement ? Number(button.dataset.index) : NaN;
    return Number.isInteger(index) ? index : undefined;
  }

  #chapterButton(index: number): HTMLElement | null {
    return this.#listRef.value?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;
  }

  #focusInList(): boolean {
    const active = this.shadowRoot?.activeElement ?? null;
    return active !== null && (this.#listRef.value?.contains(active) ?? false);
  }

  // Scrolls the list, not the page, so that following playback never pulls the page along.
  #revealCurrent(): void {
    const list = this.#listRef.value;
    const button = this.#chapterButton(this._current);
    if (list === undefined || button === null || list.scrollHeight <= list.clientHeight + 1) return;
    const listBox = list.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    if (box.top >= listBox.top && box.bottom <= listBox.bottom) return;
    const view = this.ownerDocument.defaultView;
    const reducedMotion = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    list.scrollTo({
      top: list.scrollTop + box.top - listBox.top - listBox.height / 3,
      behavior: reducedMotion ? 'instant' : 'smooth',
    });
  }
}

const playIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M8 5v14l11-7z" /></svg>`;
const pauseIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true">
  <path d="M6 5h4v14H6zm8 0h4v14h-4z" />
</svg>`;

function isMedia(element: Element | null | undefined): element is Element & OutlinePlayerMedia {
  return (
    element !== null &&
    element !== undefined &&
    typeof (element as Partial<OutlinePlayerMedia>).currentTime === 'number'
  );
}

// The chapters track of a media element, as an absolute URL; `''` when it has none.
function chaptersTrackSrc(media: OutlinePlayerMedia | undefined): string {
  if (!(media instanceof Element)) return '';
  for (const track of Array.from(media.querySelectorAll('track'))) {
    const src = track.getAttribute('src')?.trim() ?? '';
    if ((track.getAttribute('kind') ?? '').toLowerCase() === 'chapters' && src !== '') {
      return resolveUrl(src, track.baseURI);
    }
  }
  return '';
}

function resolveUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scribe-outline-player': ScribeOutlinePlayer;
  }
}
