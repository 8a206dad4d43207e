import { createTranscript } from '../transcript/create-transcript.js';
import { joinWords, needsSpaceBetween, normalizeText } from '../transcript/join-words.js';
import type { Transcript, Word } from '../transcript/transcript-schema.js';

/** Options of {@link RunningTranscript.transcript}. */
export interface RunningTranscriptSnapshotOptions {
  /**
  Whether the provisional (non-final) words are included after the final ones. They may still
  change or disappear.

  @default false
  */
  includePartial?: boolean | undefined;
  /** Provider-specific data to attach, such as a translation. */
  providerMetadata?: Record<string, unknown> | undefined;
}

/**
The transcript of a live session as it grows: final words appended once, the provisional tail
replaced on every server message.

Every update costs work proportional to the words it carries, never to the transcript so far:
final words are pushed onto an array, the final text is extended with the spacing rules of
`joinWords`, and language counts are kept as they come. Only {@link transcript}, which builds a
complete validated `Transcript` (segments included), walks every word.

@example
```ts
import { RunningTranscript } from 'scribekit/realtime';

const running = new RunningTranscript('soniox');
running.appendFinal([{ text: 'Hello', start: 0.1, end: 0.4 }]);
running.replacePartial([{ text: 'wor', start: 0.5, end: 0.7 }]);
running.text; //=> 'Hello wor'
running.transcript().text; //=> 'Hello'
```
*/
export class RunningTranscript {
  readonly #provider: string;
  readonly #final: Word[] = [];
  #partial: readonly Word[] = [];
  #finalText = '';
  #lastFinalText: string | undefined;
  readonly #languageCounts = new Map<string, number>();
  #language: string | undefined;
  #languageCount = 0;

  /** @param provider The provider name the snapshots carry, such as `soniox`. */
  constructor(provider: string) {
    this.#provider = provider;
  }

  /**
  Every final word so far, in order. A live view that grows as the session runs: copy it
  (`[...running.finalWords]`) to keep a snapshot.
  */
  get finalWords(): readonly Word[] {
    return this.#final;
  }

  /** The provisional tail: words heard but not final yet, replaced by every server message. */
  get partialWords(): readonly Word[] {
    return this.#partial;
  }

  /** The final words as display text. */
  get finalText(): string {
    return this.#finalText;
  }

  /** The provisional tail as display text. */
  get partialText(): string {
    return joinWords(this.#partial);
  }

  /** Final and provisional text together, as a live caption shows them. */
  get text(): string {
    const partial = this.partialText;
    if (partial === '') return this.#finalText;
    if (this.#lastFinalText === undefined) return partial;
    return needsSpaceBetween(this.#lastFinalText, normalizeText(this.#partial[0]?.text ?? ''))
      ? `${this.#finalText} ${partial}`
      : `${this.#finalText}${partial}`;
  }

  /** The end of the last final word in seconds, 0 before any. */
  get finalEnd(): number {
    return this.#final.at(-1)?.end ?? 0;
  }

  /** The language most final words have so far. */
  get language(): string | undefined {
    return this.#language;
  }

  /** Appends words that just became final; returns their display text. */
  appendFinal(words: readonly Word[]): string {
    const texts: string[] = [];
    let previous: string | undefined;
    for (const word of words) {
      this.#final.push(word);
      if (word.language !== undefined) this.#countLanguage(word.language);
      const text = normalizeText(word.text);
      if (text === '') continue;
      if (this.#lastFinalText !== undefined && needsSpaceBetween(this.#lastFinalText, text))
        this.#finalText += ' ';
      this.#finalText += text;
      this.#lastFinalText = text;
      if (previous !== undefined && needsSpaceBetween(previous, text)) texts.push(' ');
      texts.push(text);
      previous = text;
    }
    return texts.join('');
  }

  /** Replaces the provisional tail. */
  replacePartial(words: readonly Word[]): void {
    this.#partial = words;
  }

  /**
  A complete, validated `Transcript` of the session so far: segments, speakers, duration and the
  most common language, built from every final word (and, with `includePartial`, the tail).
  */
  transcript(options: RunningTranscriptSnapshotOptions = {}): Transcript {
    return createTranscript({
      provider: this.#provider,
      words: options.includePartial === true ? [...this.#final, ...this.#partial] : this.#final,
      language: this.#language,
      providerMetadata: options.providerMetadata,
    });
  }

  #countLanguage(language: string): void {
    const count = (this.#languageCounts.get(language) ?? 0) + 1;
    this.#languageCounts.set(language, count);
    // Strictly greater, so the language seen first keeps a tie.
    if (count > this.#languageCount) {
      this.#language = language;
      this.#languageCount = count;
    }
  }
}
