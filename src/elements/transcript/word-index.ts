// Media elements may report a time a hair before the one they were asked to seek to; without this
// slack, clicking a word could highlight the word before it.
const toleranceInSeconds = 0.01;

/**
Finds the word being spoken at a playback time in O(log n), for highlighting on every
`timeupdate` and animation frame of a three-hour transcript.
*/
export class WordIndex {
  readonly #starts: Float64Array;
  // Token indices in start-time order, when the tokens are not already in it (overlapping speakers).
  readonly #order: Int32Array | undefined;
  readonly #lastEnd: number;

  constructor(words: readonly { readonly start: number; readonly end: number }[]) {
    let sorted = true;
    for (let index = 1; index < words.length; index++) {
      if ((words[index]?.start ?? 0) < (words[index - 1]?.start ?? 0)) {
        sorted = false;
        break;
      }
    }
    const order = sorted ? undefined : Int32Array.from(words.keys());
    if (order !== undefined) order.sort((a, b) => (words[a]?.start ?? 0) - (words[b]?.start ?? 0));
    this.#order = order;
    this.#starts = Float64Array.from(order ?? words.keys(), (index) => words[index]?.start ?? 0);
    let lastEnd = -Infinity;
    for (const word of words) lastEnd = Math.max(lastEnd, word.end);
    this.#lastEnd = lastEnd;
  }

  /**
  The index of the current word at `timeInSeconds`, or -1 for none.

  The current word is the last one to have started: it stays current through the pause after it,
  until the next word starts. There is none before the first word starts or after the last one ends.
  */
  find(timeInSeconds: number): number {
    const starts = this.#starts;
    if (!Number.isFinite(timeInSeconds) || timeInSeconds > this.#lastEnd + toleranceInSeconds) return -1;
    const time = timeInSeconds + toleranceInSeconds;
    // The first position whose start is after `time`; the one before it is the answer.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] ?? 0) <= time) low = middle + 1;
      else high = middle;
    }
    const position = low - 1;
    if (position < 0) return -1;
    return this.#order === undefined ? position : (this.#order[position] ?? -1);
  }
}
