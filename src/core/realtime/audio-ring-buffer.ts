/**
The captured audio a realtime session may still have to send or send again, addressed by byte
offset from the start of the capture.

Chunks are kept as given (no copying on read). `trimBefore` drops audio that will never be
needed again (everything before the last settled point); `append` evicts the oldest audio once
more than `capacity` bytes are held, and `evictedBytes` counts what was lost that way. Finding
the chunk that holds an offset is a binary search, so no operation walks the whole buffer.

@internal
*/
export class AudioRingBuffer {
  readonly #capacity: number;
  #chunks: Uint8Array[] = [];
  #starts: number[] = [];
  #head = 0;
  #start = 0;
  #end = 0;
  #evicted = 0;

  /** @param capacity The most bytes held at once; older audio is evicted beyond it. */
  constructor(capacity: number) {
    this.#capacity = Math.max(0, Math.floor(capacity));
  }

  /** The offset of the first byte still held. */
  get start(): number {
    return this.#start;
  }

  /** The offset just past the last byte captured: the total captured so far. */
  get end(): number {
    return this.#end;
  }

  /** Bytes held now. */
  get size(): number {
    return this.#end - this.#start;
  }

  /** Bytes evicted by `append` because the buffer was full (not those dropped by `trimBefore`). */
  get evictedBytes(): number {
    return this.#evicted;
  }

  /** Adds a chunk at the end, evicting the oldest audio beyond the capacity. */
  append(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.#chunks.push(chunk);
    this.#starts.push(this.#end);
    this.#end += chunk.byteLength;
    const overflow = this.size - this.#capacity;
    if (overflow > 0) {
      this.#evicted += overflow;
      this.#drop(this.#start + overflow);
    }
  }

  /** Forgets everything before `offset` (clamped to what is held). */
  trimBefore(offset: number): void {
    this.#drop(Math.min(offset, this.#end));
  }

  /**
  The held bytes from `offset` on, as views of the stored chunks, at most `maxBytes` in all.
  Starts at {@link start} when `offset` is before it.
  */
  read(offset: number, maxBytes = Infinity): Uint8Array[] {
    const views: Uint8Array[] = [];
    let position = Math.max(offset, this.#start);
    let budget = maxBytes;
    let index = this.#indexOf(position);
    while (index < this.#chunks.length && budget > 0) {
      const chunk = this.#chunks[index];
      const chunkStart = this.#starts[index];
      if (chunk === undefined || chunkStart === undefined) break;
      const from = position - chunkStart;
      const to = Math.min(chunk.byteLength, from + budget);
      if (to > from) {
        views.push(chunk.subarray(from, to));
        budget -= to - from;
        position += to - from;
      }
      index++;
    }
    return views;
  }

  #drop(offset: number): void {
    if (offset <= this.#start) return;
    this.#start = offset;
    const index = this.#indexOf(offset);
    const chunk = this.#chunks[index];
    const chunkStart = this.#starts[index];
    if (chunk !== undefined && chunkStart !== undefined && chunkStart < offset) {
      this.#chunks[index] = chunk.subarray(offset - chunkStart);
      this.#starts[index] = offset;
    }
    // Chunks before `index` are gone; compact once the dead prefix outweighs the live part.
    this.#head = index;
    if (index >= this.#chunks.length) {
      this.#chunks = [];
      this.#starts = [];
      this.#head = 0;
    } else if (this.#head > 64 && this.#head * 2 > this.#chunks.length) {
      this.#chunks = this.#chunks.slice(this.#head);
      this.#starts = this.#starts.slice(this.#head);
      this.#head = 0;
    }
  }

  /** The index of the live chunk that holds `offset` (or the first live one after it). */
  #indexOf(offset: number): number {
    let low = this.#head;
    let high = this.#chunks.length - 1;
    let found = this.#chunks.length;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = this.#starts[middle] ?? 0;
      const chunk = this.#chunks[middle];
      const end = start + (chunk?.byteLength ?? 0);
      if (offset < start) {
        found = middle;
        high = middle - 1;
      } else if (offset >= end) {
        low = middle + 1;
      } else {
        return middle;
      }
    }
    return found;
  }
}
