import type { Word } from '../../core/index.js';
import { appendWords } from './spacing.js';

// A word that ends a sentence: a final stop, question or exclamation mark (Latin, Hebrew, Arabic,
// CJK), optionally followed by closing quotes or brackets.
const endsSentence = /[.!?…׃؟。！？]["'”’»)\]]*$/u;

/**
Announces a live transcript to screen readers one finished sentence at a time, never its
provisional words: final words collect until one ends a sentence (or the speaker pauses, at an
endpoint), and the sentence is then appended to a polite log region.

The region keeps only the last few sentences, so its size, and the cost of each announcement, does
not grow with the transcript.
*/
export class SentenceAnnouncer {
  readonly #region: HTMLElement;
  readonly #keep: number;
  #pending = '';
  #last: string | undefined;

  /**
  @param region A `role="log"` element (polite, additions): each sentence becomes a child of it.
  @param keep How many sentences stay in the region.
  */
  constructor(region: HTMLElement, keep = 3) {
    this.#region = region;
    this.#keep = keep;
  }

  /** The words of a final part, in order; each finished sentence among them is announced. */
  add(words: readonly Pick<Word, 'text'>[]): void {
    for (const word of words) {
      const { text, last } = appendWords(this.#pending === '' ? undefined : this.#last, [word]);
      if (text === '') continue;
      this.#pending += text;
      this.#last = last;
      if (last !== undefined && endsSentence.test(last)) this.flush();
    }
  }

  /** Announces what is pending even without a full stop: the speaker paused, or the session ended. */
  flush(): void {
    const sentence = this.#pending.trim();
    this.#pending = '';
    if (sentence === '') return;
    const item = this.#region.ownerDocument.createElement('p');
    item.textContent = sentence;
    this.#region.append(item);
    while (this.#region.childElementCount > this.#keep) this.#region.firstElementChild?.remove();
  }

  /** Forgets pending words and empties the region (a new session). */
  clear(): void {
    this.#pending = '';
    this.#last = undefined;
    this.#region.replaceChildren();
  }
}
