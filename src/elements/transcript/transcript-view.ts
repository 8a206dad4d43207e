import type { SearchMatch } from './search.js';
import type { TranscriptModel } from './transcript-model.js';

/** How many tokens one rendering step adds at least: a few milliseconds of DOM work. */
const chunkSizeInTokens = 400;

/** How a {@link TranscriptView} labels paragraphs. */
export interface TranscriptViewOptions {
  /** The label shown where the speaker changes, or `undefined` to show none. */
  speakerLabel: ((speaker: string) => string) | undefined;
}

// A match-state per token: not matched, matched, or part of the selected match.
const matched = 1;
const activeMatch = 2;

/**
The word list of `<scribe-transcript>`, rendered outside Lit's template so that it can be built in
chunks and updated word by word.

The first chunk is rendered synchronously by {@link renderChunk}; {@link start} renders the rest in
idle time (`requestIdleCallback`, else `setTimeout`), so a three-hour transcript never blocks the
main thread for long. All of it is rendered in the end, so the browser's find-in-page sees every
word; `content-visibility: auto` on the paragraphs keeps layout of the off-screen ones cheap.

Word state (current, tab stop, search matches) is kept here and written to a word's attributes when
it changes or when its chunk is rendered, so moving the highlight touches the two words involved and
nothing else.
*/
export class TranscriptView {
  readonly model: TranscriptModel;
  readonly #container: HTMLElement;
  readonly #options: TranscriptViewOptions;
  readonly #words: (HTMLElement | undefined)[];
  readonly #matchFlags: Uint8Array;
  #matches: readonly SearchMatch[] = [];
  #activeMatch = -1;
  #current = -1;
  #tabStop = 0;
  #renderedParagraphs = 0;
  #cancelScheduled: (() => void) | undefined;
  #resolveComplete: () => void = () => undefined;

  /** Settles when every paragraph is rendered, or when the view is {@link dispose}d. */
  readonly complete: Promise<void>;

  constructor(container: HTMLElement, model: TranscriptModel, options: TranscriptViewOptions) {
    this.#container = container;
    this.model = model;
    this.#options = options;
    this.#words = Array.from({ length: model.tokens.length });
    this.#matchFlags = new Uint8Array(model.tokens.length);
    this.complete = new Promise((resolve) => {
      this.#resolveComplete = resolve;
    });
    container.replaceChildren();
    this.#updateBusy();
  }

  /** Whether every paragraph has been rendered. */
  get done(): boolean {
    return this.#renderedParagraphs >= this.model.paragraphs.length;
  }

  /** The number of tokens rendered so far. */
  get renderedTokens(): number {
    const paragraph = this.model.paragraphs[this.#renderedParagraphs - 1];
    return paragraph === undefined ? 0 : paragraph.endToken;
  }

  /** The current word's index, or -1. */
  get current(): number {
    return this.#current;
  }

  /** The index of the word that takes the list's one tab stop. */
  get tabStop(): number {
    return this.#tabStop;
  }

  /** The rendered element of token `index`, if its chunk is rendered. */
  element(index: number): HTMLElement | undefined {
    return this.#words[index];
  }

  /** The token index of a word element of this view, or `undefined`. */
  indexOf(node: EventTarget | null): number | undefined {
    if (!(node instanceof Element)) return undefined;
    const word = node.closest<HTMLElement>('[data-index]');
    if (word === null || !this.#container.contains(word)) return undefined;
    const index = Number(word.dataset.index);
    return this.#words[index] === word ? index : undefined;
  }

  /** Renders the next chunk of paragraphs (at least {@link chunkSizeInTokens} tokens, or the rest). */
  renderChunk(): void {
    const paragraphs = this.model.paragraphs;
    const fragment = this.#container.ownerDocument.createDocumentFragment();
    let tokens = 0;
    while (this.#renderedParagraphs < paragraphs.length && tokens < chunkSizeInTokens) {
      const paragraph = paragraphs[this.#renderedParagraphs];
      if (paragraph === undefined) break;
      fragment.append(this.#renderParagraph(this.#renderedParagraphs));
      tokens += Math.max(1, paragraph.endToken - paragraph.firstToken);
      this.#renderedParagraphs++;
    }
    this.#container.append(fragment);
    if (this.done) this.#finish();
  }

  /** Renders synchronously every chunk up to the one holding token `index`. */
  renderThrough(index: number): void {
    while (!this.done && this.renderedTokens <= index) this.renderChunk();
  }

  /** Renders the remaining chunks in idle time; does nothing if already done or scheduled. */
  start(): void {
    if (this.done || this.#cancelScheduled !== undefined) return;
    const view = this.#container.ownerDocument.defaultView ?? globalThis;
    const step = (deadline?: IdleDeadline): void => {
      this.#cancelScheduled = undefined;
      do this.renderChunk();
      while (!this.done && deadline !== undefined && deadline.timeRemaining() > 4);
      this.start();
    };
    if (typeof view.requestIdleCallback === 'function') {
      // The timeout keeps rendering going on a page that is never idle (a playing video).
      const id = view.requestIdleCallback(step, { timeout: 200 });
      this.#cancelScheduled = () => view.cancelIdleCallback(id);
    } else {
      const id = setTimeout(step, 0);
      this.#cancelScheduled = () => clearTimeout(id);
    }
  }

  /** Pauses background rendering (the element left the document); {@link start} resumes it. */
  stop(): void {
    this.#cancelScheduled?.();
    this.#cancelScheduled = undefined;
  }

  /** Stops for good: the element shows another transcript. Settles {@link complete}. */
  dispose(): void {
    this.stop();
    this.#resolveComplete();
  }

  /** Marks token `index` (or none, with -1) as the current word. */
  setCurrent(index: number): void {
    const previous = this.#current;
    if (index === previous) return;
    this.#current = index;
    this.#refresh(previous);
    this.#refresh(index);
  }

  /** Gives token `index` the list's one tab stop (roving tabindex). */
  setTabStop(index: number): void {
    const previous = this.#tabStop;
    if (index === previous || index < 0 || index >= this.model.tokens.length) return;
    this.#tabStop = index;
    this.#refresh(previous);
    this.#refresh(index);
  }

  /** Marks the words of `matches`, and those of `matches[active]` as the selected match. */
  setMatches(matches: readonly SearchMatch[], active: number): void {
    const flags = this.#matchFlags;
    const changed = new Set<number>();
    for (const match of this.#matches) {
      for (let index = match.first; index <= match.last; index++) {
        flags[index] = 0;
        changed.add(index);
      }
    }
    matches.forEach((match, position) => {
      const flag = position === active ? activeMatch : matched;
      for (let index = match.first; index <= match.last; index++) {
        if (flags[index] === activeMatch) continue;
        flags[index] = flag;
        changed.add(index);
      }
    });
    this.#matches = matches;
    this.#activeMatch = active;
    for (const index of changed) this.#refresh(index);
  }

  /** The selected match, if any. */
  get activeMatch(): SearchMatch | undefined {
    return this.#matches[this.#activeMatch];
  }

  #finish(): void {
    this.stop();
    this.#updateBusy();
    this.#resolveComplete();
  }

  #updateBusy(): void {
    if (this.done) this.#container.removeAttribute('aria-busy');
    else this.#container.setAttribute('aria-busy', 'true');
  }

  #renderParagraph(paragraphIndex: number): HTMLElement {
    const document = this.#container.ownerDocument;
    const paragraph = this.model.paragraphs[paragraphIndex];
    const element = document.createElement('p');
    element.setAttribute('part', 'segment');
    // The browser picks each paragraph's direction from its first strong character: a Hebrew segment
    // is right to left and an English one left to right, whatever the page's direction.
    element.dir = 'auto';
    if (paragraph === undefined) return element;
    if (paragraph.language !== undefined) element.lang = paragraph.language;

    const label = this.#speakerLabel(paragraphIndex);
    if (label !== undefined) {
      // The label lines up with its paragraph's start, and its text is a <bdi>: `dir="auto"` skips a
      // <bdi> when it looks for the paragraph's first strong character, so an English label cannot
      // turn a Hebrew paragraph left to right, and the label takes its own direction ("דובר 1").
      const speaker = document.createElement('span');
      speaker.setAttribute('part', 'speaker');
      const name = document.createElement('bdi');
      name.textContent = label;
      speaker.append(name);
      element.append(speaker);
    }
    if (paragraph.untimedText !== undefined) {
      element.append(paragraph.untimedText);
      return element;
    }

    // Words are not isolated from each other (no <bdi> per word): isolating each would break a run
    // of English words inside a Hebrew sentence into separately ordered pieces, reversing their order.
    for (let index = paragraph.firstToken; index < paragraph.endToken; index++) {
      const token = this.model.tokens[index];
      if (token === undefined) continue;
      if (token.spaceBefore && index > paragraph.firstToken) element.append(' ');
      const word = document.createElement('span');
      word.dataset.index = String(index);
      word.dataset.start = String(token.start);
      if (token.language !== undefined) word.lang = token.language;
      word.textContent = token.text;
      this.#words[index] = word;
      this.#write(index, word);
      element.append(word);
    }
    return element;
  }

  #speakerLabel(paragraphIndex: number): string | undefined {
    const label = this.#options.speakerLabel;
    const speaker = this.model.paragraphs[paragraphIndex]?.speaker;
    if (label === undefined || speaker === undefined) return undefined;
    if (this.model.paragraphs[paragraphIndex - 1]?.speaker === speaker) return undefined;
    return label(speaker);
  }

  #refresh(index: number): void {
    const word = this.#words[index];
    if (word !== undefined) this.#write(index, word);
  }

  #write(index: number, word: HTMLElement): void {
    const flag = this.#matchFlags[index];
    let part = 'word';
    if (index === this.#current) part += ' current';
    if (flag === matched || flag === activeMatch) part += ' match';
    if (flag === activeMatch) part += ' active-match';
    if (word.getAttribute('part') !== part) word.setAttribute('part', part);

    const tabIndex = index === this.#tabStop ? '0' : '-1';
    if (word.getAttribute('tabindex') !== tabIndex) word.setAttribute('tabindex', tabIndex);

    if (index === this.#current) word.setAttribute('aria-current', 'true');
    else if (word.hasAttribute('aria-current')) word.removeAttribute('aria-current');
  }
}
