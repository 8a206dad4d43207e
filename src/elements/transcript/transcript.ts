import {
  LitElement,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { live } from 'lit/directives/live.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { Transcript } from '../../core/index.js';
import { ScribeErrorEvent } from '../events/scribe-error-event.js';
import { SeekRequestEvent } from '../events/seek-request-event.js';
import { resolveLocale } from '../shared/locale.js';
import { parseDownloadFormats, renderDownload, saveFile, type DownloadFormat } from './download.js';
import { MediaTimeController, type ScribeMediaTarget } from './media-time-controller.js';
import { SearchIndex, type SearchMatch } from './search.js';
import { buildTranscriptModel, type TranscriptModel } from './transcript-model.js';
import { transcriptStrings, type TranscriptStrings } from './transcript.strings.js';
import { transcriptStyles } from './transcript.styles.js';
import { TranscriptView } from './transcript-view.js';
import { WordIndex } from './word-index.js';
import { findMedia } from '../shared/find-media.js';

export type { DownloadFormat } from './download.js';
export type { ScribeMediaTarget } from './media-time-controller.js';

// Speaker labels a provider numbers or letters (`1`, `A`) read as "Speaker 1"; names are shown as they are.
const bareSpeakerId = /^(\d+|\p{L})$/u;
// How long the search results wait before they are announced, so typing does not flood a screen reader.
const announceDelayInMilliseconds = 700;

/**
An interactive transcript: speaker-labelled paragraphs whose words light up as the linked media
plays and seek it when clicked.

Link the media with `for="<id of an audio or video element>"`, by putting it in the `media` slot, or
by setting the `media` property. Set the `transcript` property to a `Transcript` from scribekit's
core. Long transcripts render in chunks in idle time (`renderComplete` settles when all of it is in
the page), and moving the highlight touches only the two words involved.

Keyboard: the word list is one tab stop (it lands on the playing word); arrow keys move between
words (left and right follow each paragraph's direction; up and down move between paragraphs),
Home and End go to the paragraph's ends, Ctrl+Home and Ctrl+End to the transcript's, and Enter or
Space seeks. Words are focusable spans with no role, so the transcript still reads as prose to a
screen reader; the list is a labelled region described by the keyboard hint, and the current word has
`aria-current="true"`. In the search box, Enter selects the next match and Shift+Enter the previous
one, keeping focus in the box; the selected match becomes the list's tab stop.

Following: during playback the current word is kept in view. Scrolling the list by hand or stepping
through search matches pauses that and shows a "Follow playback" button; seeking from a word resumes
it. While a keyboard user moves through the words, the list does not scroll away from them.

Bidi: each paragraph has `dir="auto"`, so Hebrew and English segments each take their own direction
in a page of either direction, and speaker labels are isolated from the text they precede.

@tagname scribe-transcript
@summary Interactive transcript with playback highlight, click-to-seek, search and downloads.

@slot media - An `<audio>` or `<video>` (or an element that contains one) to follow and seek.
@slot empty - What to show when there is no transcript (default: "No transcript yet.").

@event {SeekRequestEvent} scribe-seek-request - A word was clicked or activated with the keyboard. Cancel it to seek a player of your own; otherwise the linked media's `currentTime` is set.
@event {ScribeErrorEvent} scribe-error - A download could not be written (the transcript has invalid times).

@csspart toolbar - The bar above the transcript that holds search and downloads.
@csspart search-box - The search box, its count and its buttons.
@csspart search - The search input.
@csspart search-count - "n of m", or "No matches".
@csspart search-previous - The previous-match button.
@csspart search-next - The next-match button.
@csspart follow - The "Follow playback" button, shown while following is paused.
@csspart downloads - The group of download buttons.
@csspart download - Every download button; each also has `download-srt`, `download-vtt`, `download-txt` or `download-json`.
@csspart transcript - The scrolling word list.
@csspart segment - A paragraph: one segment of the transcript.
@csspart speaker - A speaker label, shown where the speaker changes.
@csspart word - A word (or a segment without word timings).
@csspart current - The word being spoken.
@csspart match - A word of a search match.
@csspart active-match - A word of the selected search match.
@csspart empty - The empty state.

@cssproperty [--scribe-transcript-font-family=var(--scribe-font-family, inherit)] - The font.
@cssproperty [--scribe-transcript-color=var(--scribe-color-text, inherit)] - The text color.
@cssproperty [--scribe-transcript-muted-color=var(--scribe-color-muted, #5f6368)] - The color of the match count and empty state.
@cssproperty [--scribe-transcript-max-height=24rem] - The height past which the word list scrolls; `none` lets it grow.
@cssproperty [--scribe-transcript-line-height=1.6] - The line height of the word list.
@cssproperty [--scribe-transcript-segment-gap=0.75em] - The space between paragraphs.
@cssproperty [--scribe-transcript-speaker-color=var(--scribe-color-muted, #5f6368)] - The color of speaker labels.
@cssproperty [--scribe-transcript-highlight-color=var(--scribe-color-accent, #ffe27a)] - The background of the current word.
@cssproperty [--scribe-transcript-highlight-text-color=inherit] - The text color of the current word.
@cssproperty [--scribe-transcript-match-color=var(--scribe-color-highlight, #cde5ff)] - The background of search matches.
@cssproperty [--scribe-transcript-active-match-color=var(--scribe-color-focus, #0b57d0)] - The ring around the selected match.
@cssproperty [--scribe-transcript-focus-color=var(--scribe-color-focus, #0b57d0)] - The focus ring of words.

@example
```html
<audio id="talk" src="talk.mp3" controls></audio>
<scribe-transcript for="talk"></scribe-transcript>
<script type="module">
  // With scribekit's elements loaded (they register <scribe-transcript>):
  const response = await fetch('/talk.transcript.json');
  document.querySelector('scribe-transcript').transcript = await response.json();
</script>
```
*/
export class ScribeTranscript extends LitElement {
  static override styles = transcriptStyles;

  static override properties: PropertyDeclarations = {
    transcript: { attribute: false },
    media: { attribute: false },
    speakerNames: { attribute: false },
    htmlFor: { attribute: 'for' },
    query: {},
    noSpeakerLabels: { type: Boolean, attribute: 'no-speaker-labels' },
    noFollow: { type: Boolean, attribute: 'no-follow' },
    noSearch: { type: Boolean, attribute: 'no-search' },
    downloadFormats: { attribute: 'download-formats' },
    _matches: { state: true },
    _activeMatch: { state: true },
    _followPaused: { state: true },
    _announcement: { state: true },
  };

  /** The transcript to show. Assign a new object to change it; it is not watched for mutation. */
  declare transcript: Transcript | undefined;
  /**
  The media to follow and seek, when neither `for` nor the `media` slot can name it (it lives in
  another shadow root, say). Takes precedence over both.
  */
  declare media: ScribeMediaTarget | undefined;
  /** Display names by speaker label (`{ '1': 'Dana' }`), used on screen and in SRT, VTT and text downloads. */
  declare speakerNames: Readonly<Record<string, string>> | undefined;
  /** The `id` of the `<audio>` or `<video>` to follow, in the same document or shadow root (attribute `for`). */
  declare htmlFor: string;
  /** The search query; its matches are highlighted, nothing is filtered out. */
  declare query: string;
  /** Hides the speaker labels on screen and in downloads (attribute `no-speaker-labels`). */
  declare noSpeakerLabels: boolean;
  /** Stops the list from scrolling to the current word during playback (attribute `no-follow`). */
  declare noFollow: boolean;
  /** Hides the search box (attribute `no-search`). */
  declare noSearch: boolean;
  /**
  The download buttons to show, space-separated, in order: any of `srt`, `vtt`, `txt` and `json`.
  An empty value shows none (attribute `download-formats`).
  */
  declare downloadFormats: string;

  declare private _matches: readonly SearchMatch[];
  declare private _activeMatch: number;
  declare private _followPaused: boolean;
  declare private _announcement: string;

  readonly #listRef = createRef<HTMLDivElement>();
  readonly #media = new MediaTimeController(this, (time) => this.#applyTime(time));
  #model: TranscriptModel | undefined;
  #wordIndex: WordIndex | undefined;
  #searchIndex: SearchIndex | undefined;
  #view: TranscriptView | undefined;
  // Undefined until the media reports a time or one is set: nothing is highlighted before that.
  #time: number | undefined;
  // Set while a keyboard user moves through the words, so following does not scroll away from them.
  #keyboardReading = false;
  // Set when the user changed the query or stepped through matches, so the next update scrolls to one.
  #revealMatch = false;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.transcript = undefined;
    this.media = undefined;
    this.speakerNames = undefined;
    this.htmlFor = '';
    this.query = '';
    this.noSpeakerLabels = false;
    this.noFollow = false;
    this.noSearch = false;
    this.downloadFormats = 'srt vtt txt json';
    this._matches = [];
    this._activeMatch = -1;
    this._followPaused = false;
    this._announcement = '';
  }

  /**
  The playback time the highlight shows, in seconds. It follows the linked media; setting it moves the
  highlight without seeking the media (for a player that is not a media element).
  */
  get currentTime(): number {
    return this.#time ?? 0;
  }

  set currentTime(timeInSeconds: number) {
    this.#applyTime(timeInSeconds);
  }

  /**
  Settles when the element is updated and every paragraph of the transcript is in the page. The first
  chunk is there as soon as `updateComplete` settles; the rest follows in idle time, and waits while
  the element is out of the document.
  */
  get renderComplete(): Promise<void> {
    return (async () => {
      for (;;) {
        await this.updateComplete;
        const view = this.#view;
        await view?.complete;
        if (view === this.#view && !this.isUpdatePending) return;
      }
    })();
  }

  /** Downloads the transcript as `<id>.<format>` (or `transcript.<format>`); does nothing without one. */
  download(format: DownloadFormat): void {
    const transcript = this.transcript;
    if (transcript === undefined) return;
    const strings = this.#strings();
    try {
      const file = renderDownload(transcript, format, {
        speakerLabel: this.noSpeakerLabels ? undefined : (speaker) => this.#speakerName(speaker, strings),
      });
      saveFile(this.renderRoot, file);
    } catch (error) {
      this.dispatchEvent(new ScribeErrorEvent({ error, message: strings.downloadFailed }));
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#linkMedia();
    const document = this.ownerDocument;
    // A `for` target further down the page is not parsed yet when this element connects.
    if (this.#media.target === undefined && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#linkMedia(), { once: true });
    }
    this.#view?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.stop();
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('transcript')) {
      const transcript = this.transcript;
      this.#model =
        transcript === undefined || transcript === null ? undefined : buildTranscriptModel(transcript);
      this.#wordIndex = this.#model === undefined ? undefined : new WordIndex(this.#model.tokens);
      this.#searchIndex = undefined;
    }
    if (changed.has('transcript') || changed.has('query')) this.#search();
    if (this.#revealMatch && this._activeMatch >= 0 && !this.noFollow && (this.#view?.current ?? -1) >= 0) {
      this._followPaused = true;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('transcript') || changed.has('noSpeakerLabels') || changed.has('speakerNames')) {
      this.#rebuild();
    } else if (changed.has('_matches') || changed.has('_activeMatch')) {
      this.#view?.setMatches(this._matches, this._activeMatch);
    }
    if (changed.has('media') || changed.has('htmlFor')) this.#linkMedia();
    if (this.#revealMatch) {
      this.#revealMatch = false;
      this.#revealActiveMatch();
    }
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const model = this.#model;
    const hasText = model !== undefined && model.paragraphs.length > 0;
    const showSearch = hasText && !this.noSearch && model.tokens.length > 0;
    const formats = hasText ? parseDownloadFormats(this.downloadFormats) : [];
    const showFollow = this._followPaused && !this.noFollow && hasText;
    const toolbar =
      showSearch || showFollow || formats.length > 0
        ? html`<div part="toolbar">
            ${showSearch ? this.#renderSearch(strings) : nothing}
            ${
              showFollow
                ? html`<button part="follow" type="button" @click=${this.#resumeFollow}>
                    ${strings.followPlayback}
                  </button>`
                : nothing
            }
            ${
              formats.length > 0
                ? html`<div part="downloads" role="group" aria-label=${strings.downloads}>
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
                  </div>`
                : nothing
            }
          </div>`
        : nothing;

    // The word list's children are rendered by TranscriptView, not by this template: Lit never
    // touches the children of an element whose content has no bindings.
    return html`
      <slot name="media" @slotchange=${this.#linkMedia}></slot>
      ${toolbar}
      <div
        ${ref(this.#listRef)}
        part="transcript"
        role="region"
        aria-label=${strings.transcript}
        aria-describedby="keyboard-hint"
        ?hidden=${!hasText}
        @click=${this.#onListClick}
        @keydown=${this.#onListKeyDown}
        @focusout=${this.#onListFocusOut}
        @wheel=${{ handleEvent: this.#pauseFollow, passive: true }}
        @touchmove=${{ handleEvent: this.#pauseFollow, passive: true }}
        @pointerdown=${this.#onListPointerDown}
      ></div>
      <div part="empty" ?hidden=${hasText}><slot name="empty">${strings.empty}</slot></div>
      <span id="keyboard-hint" class="visually-hidden">${strings.keyboardHint}</span>
      <span class="visually-hidden" role="status">${this._announcement}</span>
    `;
  }

  #renderSearch(strings: TranscriptStrings): TemplateResult {
    const count = this._matches.length;
    const searching = this.query.trim() !== '';
    const status = count > 0 ? strings.matchPosition(this._activeMatch + 1, count) : strings.noMatches;
    return html`<div part="search-box" role="search">
      <input
        part="search"
        type="search"
        dir="auto"
        autocomplete="off"
        spellcheck="false"
        aria-label=${strings.search}
        placeholder=${strings.searchPlaceholder}
        .value=${live(this.query)}
        @input=${this.#onSearchInput}
        @keydown=${this.#onSearchKeyDown}
      />
      <span part="search-count" ?hidden=${!searching}>${searching ? status : ''}</span>
      <button
        part="search-previous"
        type="button"
        aria-label=${strings.previousMatch}
        title=${strings.previousMatch}
        ?disabled=${count === 0}
        @click=${() => this.#stepMatch(-1)}
      >
        ↑
      </button>
      <button
        part="search-next"
        type="button"
        aria-label=${strings.nextMatch}
        title=${strings.nextMatch}
        ?disabled=${count === 0}
        @click=${() => this.#stepMatch(1)}
      >
        ↓
      </button>
    </div>`;
  }

  #strings(): TranscriptStrings {
    return transcriptStrings[resolveLocale(this)];
  }

  #speakerName(speaker: string, strings: TranscriptStrings): string {
    const names = this.speakerNames;
    const name = names !== undefined && Object.hasOwn(names, speaker) ? names[speaker] : undefined;
    if (name !== undefined) return name;
    return bareSpeakerId.test(speaker.trim()) ? strings.speaker(speaker.trim()) : speaker;
  }

  #rebuild(): void {
    this.#view?.dispose();
    this.#view = undefined;
    const list = this.#listRef.value;
    const model = this.#model;
    if (list === undefined) return;
    if (model === undefined || model.paragraphs.length === 0) {
      list.replaceChildren();
      return;
    }
    const strings = this.#strings();
    const view = new TranscriptView(list, model, {
      speakerLabel: this.noSpeakerLabels ? undefined : (speaker) => this.#speakerName(speaker, strings),
    });
    this.#view = view;
    view.setMatches(this._matches, this._activeMatch);
    const current = this.#time === undefined ? -1 : (this.#wordIndex?.find(this.#time) ?? -1);
    view.setCurrent(current);
    if (current >= 0) view.setTabStop(current);
    view.renderChunk();
    if (this.isConnected) view.start();
  }

  #applyTime(timeInSeconds: number): void {
    if (typeof timeInSeconds !== 'number' || Number.isNaN(timeInSeconds)) return;
    this.#time = timeInSeconds;
    const view = this.#view;
    const index = this.#wordIndex?.find(timeInSeconds) ?? -1;
    if (view === undefined || index === view.current) return;
    view.setCurrent(index);
    if (index < 0) return;
    if (!this.#focusInList()) view.setTabStop(index);
    const follow = !this.noFollow && !this._followPaused && !(this.#keyboardReading && this.#focusInList());
    const word = view.element(index);
    if (follow && word !== undefined) this.#scrollToWord(word);
  }

  #linkMedia = (): void => {
    this.#media.target = this.#findMedia();
  };

  #findMedia(): ScribeMediaTarget | undefined {
    return findMedia<ScribeMediaTarget>(this, { media: this.media, htmlFor: this.htmlFor, isMedia });
  }

  #seek(index: number): void {
    const token = this.#model?.tokens[index];
    if (token === undefined) return;
    this._followPaused = false;
    const request = new SeekRequestEvent({ timeInSeconds: token.start });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    // The media may have appeared since the last lookup (a custom media element upgraded late).
    if (this.#media.target === undefined) this.#linkMedia();
    const media = this.#media.target;
    if (media !== undefined) media.currentTime = token.start;
    this.#applyTime(token.start);
  }

  #onListClick = (event: MouseEvent): void => {
    const view = this.#view;
    const index = view?.indexOf(event.target);
    if (view === undefined || index === undefined || this.#hasSelection()) return;
    this.#keyboardReading = false;
    view.setTabStop(index);
    this.#seek(index);
  };

  #onListKeyDown = (event: KeyboardEvent): void => {
    const view = this.#view;
    const index = view?.indexOf(event.target);
    if (view === undefined || index === undefined || event.altKey || event.metaKey) return;
    const { tokens, paragraphs } = view.model;
    const token = tokens[index];
    const paragraph = token === undefined ? undefined : paragraphs[token.paragraph];
    if (token === undefined || paragraph === undefined) return;
    const forward = paragraph.direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = paragraph.direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';

    let target: number | undefined;
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#seek(index);
        return;
      case forward:
        target = index + 1;
        break;
      case backward:
        target = index - 1;
        break;
      case 'ArrowDown':
        target = paragraphs[token.paragraph + 1]?.firstToken;
        break;
      case 'ArrowUp':
        target = paragraphs[token.paragraph - 1]?.firstToken;
        break;
      case 'Home':
        target = event.ctrlKey ? 0 : paragraph.firstToken;
        break;
      case 'End':
        target = event.ctrlKey ? tokens.length - 1 : paragraph.endToken - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target === undefined || target < 0 || target >= tokens.length) return;
    this.#keyboardReading = true;
    view.renderThrough(target);
    view.setTabStop(target);
    view.element(target)?.focus();
  };

  #onListFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !(this.#listRef.value?.contains(next) ?? false))
      this.#keyboardReading = false;
  };

  #onListPointerDown = (event: PointerEvent): void => {
    // A press on the list itself rather than on its text is a press on its scrollbar.
    if (event.target === this.#listRef.value) this.#pauseFollow();
  };

  #pauseFollow = (): void => {
    if (!this.noFollow && (this.#view?.current ?? -1) >= 0) this._followPaused = true;
  };

  #resumeFollow = (): void => {
    this._followPaused = false;
    const view = this.#view;
    const word = view === undefined ? undefined : view.element(view.current);
    if (word !== undefined) this.#scrollToWord(word);
  };

  #onSearchInput = (event: Event): void => {
    this.#revealMatch = true;
    this.query = (event.target as HTMLInputElement).value;
  };

  #onSearchKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.#stepMatch(event.shiftKey ? -1 : 1);
  };

  #stepMatch(step: number): void {
    const count = this._matches.length;
    if (count === 0) return;
    this.#revealMatch = true;
    this._activeMatch = (((this._activeMatch + step) % count) + count) % count;
  }

  #search(): void {
    const model = this.#model;
    const query = this.query ?? '';
    let matches: SearchMatch[] = [];
    if (model !== undefined && query.trim() !== '') {
      this.#searchIndex ??= new SearchIndex(model.tokens);
      matches = this.#searchIndex.find(query);
    }
    // Start from the first match at or after the playing word, as a reader would expect.
    const current = this.#time === undefined ? -1 : (this.#wordIndex?.find(this.#time) ?? -1);
    const next = matches.findIndex((match) => match.last >= current);
    this._matches = matches;
    this._activeMatch = matches.length === 0 ? -1 : Math.max(0, next);

    clearTimeout(this.#announceTimer);
    if (query.trim() === '') {
      this._announcement = '';
      return;
    }
    const strings = this.#strings();
    const announcement = matches.length > 0 ? strings.matchCount(matches.length) : strings.noMatches;
    this.#announceTimer = setTimeout(() => {
      this._announcement = announcement;
    }, announceDelayInMilliseconds);
  }

  #revealActiveMatch(): void {
    const view = this.#view;
    const match = view?.activeMatch;
    if (view === undefined || match === undefined) return;
    view.renderThrough(match.last);
    if (!this.#focusInList()) view.setTabStop(match.first);
    const word = view.element(match.first);
    if (word !== undefined) this.#scrollToWord(word);
  }

  #focusInList(): boolean {
    const active = this.shadowRoot?.activeElement ?? null;
    return active !== null && (this.#listRef.value?.contains(active) ?? false);
  }

  #hasSelection(): boolean {
    const root = this.shadowRoot as (ShadowRoot & { getSelection?: () => Selection | null }) | null;
    const selection = root?.getSelection?.() ?? this.ownerDocument.getSelection();
    return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
  }

  // Scrolls the list, not the page, when the list scrolls: scrollIntoView would also scroll every
  // ancestor and pull the page along during playback.
  #scrollToWord(word: HTMLElement): void {
    const list = this.#listRef.value;
    if (list === undefined) return;
    const view = this.ownerDocument.defaultView;
    const reducedMotion = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const wordBox = word.getBoundingClientRect();
    if (list.scrollHeight > list.clientHeight + 1) {
      const listBox = list.getBoundingClientRect();
      if (wordBox.top >= listBox.top && wordBox.bottom <= listBox.bottom) return;
      const distance = wordBox.top - listBox.top - listBox.height / 3;
      // A long way off (a seek), smooth scrolling would aim at paragraphs whose height is still the
      // content-visibility estimate and miss; jump instead.
      const far = Math.abs(distance) > listBox.height * 2;
      list.scrollTo({
        top: list.scrollTop + distance,
        behavior: reducedMotion || far ? 'instant' : 'smooth',
      });
      return;
    }
    const viewportHeight = view?.innerHeight ?? 0;
    if (wordBox.top >= 0 && wordBox.bottom <= viewportHeight) return;
    word.scrollIntoView({ block: 'nearest', behavior: reducedMotion ? 'instant' : 'smooth' });
  }
}

function isMedia(element: Element | null): element is Element & ScribeMediaTarget {
  return element !== null && typeof (element as Partial<ScribeMediaTarget>).currentTime === 'number';
}

declare global {
  interface HTMLElementTagNameMap {
    'scribe-transcript': ScribeTranscript;
  }
}
