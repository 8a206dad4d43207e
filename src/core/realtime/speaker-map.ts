import type { Word } from '../transcript/transcript-schema.js';

/**
Keeps speaker labels stable across the connections of one session.

A provider numbers speakers afresh in every connection, so after a reconnect its `1` need not be
the `1` from before. Labels of the first connection are kept as they are. In a later connection,
each new label is given, in order of first appearance, the stable label heard most recently that
this connection has not claimed yet: the replayed audio starts right after the last final word,
so the first voice of the new connection is most likely the last voice of the old one. Labels
left over get fresh stable labels (the next number when all labels are numbers). This is a
heuristic: it cannot tell voices apart, it only keeps continuity where that is likely.

@internal
*/
export class SpeakerMap {
  #connection = 0;
  #mapping = new Map<string, string>();
  readonly #claimed = new Set<string>();
  /** Stable labels, most recently heard last. */
  readonly #recency: string[] = [];

  /** Starts mapping the labels of a new connection. */
  nextConnection(): void {
    this.#connection++;
    this.#mapping = new Map();
    this.#claimed.clear();
  }

  /** The words with their speakers mapped to stable labels; words without a speaker are kept. */
  map(words: readonly Word[]): Word[] {
    return words.map((word) => {
      if (word.speaker === undefined) return word;
      const speaker = this.#label(word.speaker);
      return speaker === word.speaker ? word : { ...word, speaker };
    });
  }

  /** Records that final words were heard, so their speakers count as the most recent. */
  heard(words: readonly Word[]): void {
    for (const word of words) {
      if (word.speaker === undefined || this.#recency.at(-1) === word.speaker) continue;
      const index = this.#recency.indexOf(word.speaker);
      if (index !== -1) this.#recency.splice(index, 1);
      this.#recency.push(word.speaker);
    }
  }

  #label(raw: string): string {
    const known = this.#mapping.get(raw);
    if (known !== undefined) return known;
    let stable: string;
    if (this.#connection <= 1) {
      stable = raw;
    } else {
      stable = [...this.#recency].reverse().find((label) => !this.#claimed.has(label)) ?? this.#fresh(raw);
    }
    this.#mapping.set(raw, stable);
    this.#claimed.add(stable);
    return stable;
  }

  #fresh(raw: string): string {
    const labels = [...this.#recency, ...this.#mapping.values()];
    if (labels.every((label) => /^\d+$/.test(label)) && /^\d+$/.test(raw)) {
      return String(labels.reduce((max, label) => Math.max(max, Number(label)), 0) + 1);
    }
    let candidate = raw;
    for (let suffix = 2; labels.includes(candidate); suffix++) candidate = `${raw}-${suffix}`;
    return candidate;
  }
}
