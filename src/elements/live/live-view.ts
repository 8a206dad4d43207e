import type { Word } from '../../core/index.js';
import { appendWords, needsSpace, wordText } from './spacing.js';

/** How a {@link LiveTranscriptView} names speakers and languages. */
export interface LiveViewLabels {
  /** A speaker's label, such as `Speaker 1`; `undefined` hides speaker labels. */
  speaker: ((speaker: string) => string) | undefined;
  /** A language's label, such as `Hebrew`, shown where the spoken language changes. */
  language: (code: string) => string;
}

interface Paragraph {
  /** The `segment` element: the speaker label, the text, then the translation. */
  readonly element: HTMLElement;
  /** The `text` element: runs of one language, then (in the current paragraph) the partial tail. */
  readonly text: HTMLElement;
  speaker: string | undefined;
  /** The `speaker` label, when the paragraph has one. */
  label: HTMLElement | undefined;
  /** The run final words go into, and its language. */
  run: HTMLElement | undefined;
  runLanguage: string | undefined;
  /** The display text of the last final word, for spacing. */
  last: string | undefined;
  hasFinal: boolean;
  translation: HTMLElement | undefined;
  translationLast: string;
}

/**
Renders a live transcript into a container, incrementally: every update costs DOM work in the size
of the update, never in the size of the transcript.

- Final words are appended as new text nodes to the current paragraph and never touched again.
- The provisional tail is one element whose one text node is rewritten on every partial update, and
  which moves only when a new paragraph begins.
- A paragraph begins at an endpoint (the speaker paused) and where the speaker changes; its speaker
  is labelled where it differs from the previous paragraph's.
- Where the spoken language changes, a new run begins (isolated, `dir="auto"`, with its `lang`),
  labelled with the language.
- Translations go in a line under the paragraph they translate.

Markup (each element has the `part` named):

```html
<div part="segment" data-speaker="1">
  <span part="speaker">Speaker 1</span>
  <p part="text" dir="auto">
    <span part="run" dir="auto" lang="en">The quick brown fox</span>
    <span part="language">Hebrew</span><span part="run" dir="auto" lang="he">…</span>
    <span part="partial">jumps over</span>
  </p>
  <p part="translation" dir="auto" lang="he">…<span part="translation-partial">…</span></p>
</div>
```
*/
export class LiveTranscriptView {
  readonly #root: HTMLElement;
  readonly #document: Document;
  #labels: LiveViewLabels;
  readonly #partial: HTMLElement;
  readonly #partialText: Text;
  readonly #translationPartial: HTMLElement;
  readonly #translationPartialText: Text;
  #paragraph: Paragraph | undefined;
  /** The paragraph whose words are the latest final ones: translations go under it. */
  #translated: Paragraph | undefined;
  #breakPending = false;
  #labelledSpeaker: string | undefined;
  #language: string | undefined;
  #finalWords = 0;
  #paragraphs = 0;

  constructor(root: HTMLElement, labels: LiveViewLabels) {
    this.#root = root;
    this.#document = root.ownerDocument;
    this.#labels = labels;
    this.#partial = this.#element('span', 'partial');
    this.#partialText = this.#document.createTextNode('');
    this.#partial.append(this.#partialText);
    this.#translationPartial = this.#element('span', 'translation-partial');
    this.#translationPartialText = this.#document.createTextNode('');
    this.#translationPartial.append(this.#translationPartialText);
  }

  /** How many final words are shown. */
  get finalWordCount(): number {
    return this.#finalWords;
  }

  /** How many paragraphs there are. */
  get paragraphCount(): number {
    return this.#paragraphs;
  }

  /** Whether anything, final or provisional, is shown. */
  get isEmpty(): boolean {
    return this.#paragraphs === 0;
  }

  /** Changes the labels of paragraphs and language changes from now on. */
  setLabels(labels: LiveViewLabels): void {
    this.#labels = labels;
  }

  /** Removes everything (a new session). */
  clear(): void {
    this.#root.replaceChildren();
    this.#partialText.data = '';
    this.#translationPartialText.data = '';
    this.#paragraph = undefined;
    this.#translated = undefined;
    this.#breakPending = false;
    this.#labelledSpeaker = undefined;
    this.#language = undefined;
    this.#finalWords = 0;
    this.#paragraphs = 0;
  }

  /** Appends words that became final. */
  appendFinal(words: readonly Word[]): void {
    let start = 0;
    while (start < words.length) {
      const first = words[start] as Word;
      // A group: consecutive words of one speaker and one language.
      let end = start + 1;
      while (end < words.length && sameRun(first, words[end] as Word)) end++;
      const group = words.slice(start, end);
      start = end;

      const paragraph = this.#paragraphFor(first.speaker, true);
      const run = this.#runFor(paragraph, first.language);
      const { text, last } = appendWords(paragraph.last, group);
      if (text !== '') run.append(this.#document.createTextNode(text));
      paragraph.last = last;
      paragraph.hasFinal = true;
      this.#translated = paragraph;
      this.#finalWords += group.length;
    }
    this.#placePartial();
  }

  /** Replaces the provisional tail (an empty list clears it). */
  setPartial(words: readonly Word[]): void {
    let text = '';
    if (words.length > 0) {
      const paragraph = this.#paragraphFor(undefined, false);
      const { text: joined } = appendWords(undefined, words);
      const first = words.map(wordText).find((value) => value !== '') ?? '';
      text = needsSpace(paragraph.last, first) ? ` ${joined}` : joined;
      this.#placePartial();
    }
    if (this.#partialText.data !== text) this.#partialText.data = text;
    if (words.length === 0) this.#dropEmptyParagraph();
  }

  /** The speaker paused: the next final words begin a paragraph. */
  endpoint(): void {
    if (this.#paragraph?.hasFinal === true) this.#breakPending = true;
  }

  /** Appends final translated text under the paragraph it translates, and clears the provisional translation. */
  appendTranslation(text: string, language: string | undefined): void {
    const paragraph = this.#translated ?? this.#paragraph;
    this.#translationPartialText.data = '';
    if (paragraph === undefined || text.trim() === '') return;
    const line = this.#translationLine(paragraph, language);
    const piece = paragraph.translationLast === '' ? text.trimStart() : text;
    line.insertBefore(
      this.#document.createTextNode(piece),
      this.#translationPartial.parentNode === line ? this.#translationPartial : null,
    );
    paragraph.translationLast = piece;
  }

  /** Replaces the provisional translation, shown after the final translation of the latest paragraph. */
  setTranslationPartial(text: string, language: string | undefined): void {
    const paragraph = this.#translated ?? this.#paragraph;
    if (paragraph === undefined) return;
    if (text.trim() === '') {
      this.#translationPartialText.data = '';
      return;
    }
    const line = this.#translationLine(paragraph, language);
    if (this.#translationPartial.parentNode !== line) line.append(this.#translationPartial);
    this.#translationPartialText.data = paragraph.translationLast === '' ? text.trimStart() : text;
  }

  /** The paragraph words of `speaker` go into, beginning one where an endpoint or a new speaker calls for it. */
  #paragraphFor(speaker: string | undefined, isFinal: boolean): Paragraph {
    const current = this.#paragraph;
    if (current !== undefined && !this.#breakPending) {
      if (!isFinal || speaker === undefined || speaker === current.speaker) return current;
      // The paragraph was begun for provisional words: it takes the speaker of its first final word.
      if (!current.hasFinal) {
        this.#setSpeaker(current, speaker);
        return current;
      }
    }
    if (current !== undefined && !current.hasFinal && this.#breakPending) {
      this.#breakPending = false;
      if (isFinal && speaker !== undefined) this.#setSpeaker(current, speaker);
      return current;
    }
    this.#breakPending = false;
    const element = this.#element('div', 'segment');
    const text = this.#element('p', 'text');
    text.dir = 'auto';
    element.append(text);
    const paragraph: Paragraph = {
      element,
      text,
      speaker: undefined,
      label: undefined,
      run: undefined,
      runLanguage: undefined,
      last: undefined,
      hasFinal: false,
      translation: undefined,
      translationLast: '',
    };
    if (isFinal && speaker !== undefined) this.#setSpeaker(paragraph, speaker);
    this.#root.append(element);
    this.#paragraph = paragraph;
    this.#paragraphs++;
    return paragraph;
  }

  #setSpeaker(paragraph: Paragraph, speaker: string): void {
    paragraph.speaker = speaker;
    paragraph.element.dataset.speaker = speaker;
    const label = this.#labels.speaker;
    if (label === undefined || speaker === this.#labelledSpeaker) return;
    this.#labelledSpeaker = speaker;
    const element = paragraph.label ?? this.#element('span', 'speaker');
    element.textContent = label(speaker);
    if (paragraph.label === undefined) paragraph.element.prepend(element);
    paragraph.label = element;
  }

  /** The run of `language` at the end of `paragraph`, begun (and labelled) where the language changes. */
  #runFor(paragraph: Paragraph, language: string | undefined): HTMLElement {
    const run = paragraph.run;
    if (run !== undefined && (language === undefined || language === paragraph.runLanguage)) return run;
    const before = this.#partial.parentNode === paragraph.text ? this.#partial : null;
    if (language !== undefined && this.#language !== undefined && language !== this.#language) {
      const label = this.#element('span', 'language');
      label.textContent = this.#labels.language(language);
      paragraph.text.insertBefore(label, before);
    }
    const next = this.#element('span', 'run');
    next.dir = 'auto';
    if (language !== undefined) {
      next.lang = language;
      this.#language = language;
    }
    paragraph.text.insertBefore(next, before);
    paragraph.run = next;
    paragraph.runLanguage = language;
    return next;
  }

  #translationLine(paragraph: Paragraph, language: string | undefined): HTMLElement {
    if (paragraph.translation !== undefined) return paragraph.translation;
    const line = this.#element('p', 'translation');
    line.dir = 'auto';
    if (language !== undefined) line.lang = language;
    paragraph.element.append(line);
    paragraph.translation = line;
    return line;
  }

  /** Removes a paragraph begun for provisional words that never became final. */
  #dropEmptyParagraph(): void {
    const paragraph = this.#paragraph;
    if (paragraph === undefined || paragraph.hasFinal) return;
    paragraph.element.remove();
    this.#paragraphs--;
    this.#paragraph = this.#translated;
    // The next final words still begin a paragraph of their own.
    this.#breakPending = this.#translated !== undefined;
  }

  /** Keeps the provisional tail at the end of the current paragraph. */
  #placePartial(): void {
    const paragraph = this.#paragraph;
    if (paragraph === undefined) return;
    if (this.#partial.parentNode !== paragraph.text || this.#partial.nextSibling !== null) {
      paragraph.text.append(this.#partial);
    }
  }

  #element(tag: string, part: string): HTMLElement {
    const element = this.#document.createElement(tag);
    element.setAttribute('part', part);
    return element;
  }
}

function sameRun(a: Word, b: Word): boolean {
  return (
    (b.speaker === undefined || b.speaker === a.speaker) &&
    (b.language === undefined || b.language === a.language)
  );
}
