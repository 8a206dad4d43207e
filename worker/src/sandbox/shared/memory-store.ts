/** One stored item and the sequence number that fixes its place in insertion order. */
export interface StoredEntry<T> {
  /**
  Grows by one per insertion and is never reused, so a cursor that names it stays meaningful
  after earlier items are deleted.
  */
  readonly sequence: number;
  /** The item itself. */
  readonly value: T;
}

/**
A typed in-memory collection keyed by `id`, kept in insertion order.

It lives as long as the sandbox that created it: nothing is persisted, and two sandboxes never
share a store.
*/
export class MemoryStore<T extends { readonly id: string }> {
  readonly #entries = new Map<string, StoredEntry<T>>();
  #lastSequence = 0;

  /** How many items the store holds. */
  get size(): number {
    return this.#entries.size;
  }

  /** Builds an item around a fresh id from `crypto.randomUUID()` and stores it. */
  create(build: (id: string) => T): T {
    const id = crypto.randomUUID();
    const value = build(id);
    if (value.id !== id) {
      throw new TypeError(`MemoryStore.create: the built item's id ${value.id} is not the id it was given (${id}).`);
    }
    return this.insert(value);
  }

  /**
  Stores an item whose id the caller chose (some services let the client pick it).

  Throws when the id is already taken, because silently replacing an item would move it in the
  insertion order.
  */
  insert(value: T): T {
    if (this.#entries.has(value.id)) {
      throw new Error(`MemoryStore.insert: an item with id ${value.id} already exists.`);
    }
    this.#lastSequence += 1;
    this.#entries.set(value.id, { sequence: this.#lastSequence, value });
    return value;
  }

  /** The item with this id, or `undefined`. */
  get(id: string): T | undefined {
    return this.#entries.get(id)?.value;
  }

  /** Whether an item with this id is stored. */
  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** Replaces an item with `change(current)`, keeping its place; `undefined` when there is no such item. */
  update(id: string, change: (current: T) => T): T | undefined {
    const entry = this.#entries.get(id);
    if (entry === undefined) {
      return undefined;
    }
    const value = change(entry.value);
    if (value.id !== id) {
      throw new TypeError(`MemoryStore.update: an update may not change the id (${id} → ${value.id}).`);
    }
    this.#entries.set(id, { sequence: entry.sequence, value });
    return value;
  }

  /** Removes the item; `false` when there was none. */
  delete(id: string): boolean {
    return this.#entries.delete(id);
  }

  /** Removes every item. Sequence numbers keep growing, so old cursors never match new items. */
  clear(): void {
    this.#entries.clear();
  }

  /** The items, oldest first. */
  values(): T[] {
    return Array.from(this.#entries.values(), (entry) => entry.value);
  }

  /** The items with their sequence numbers, oldest first. */
  entries(): StoredEntry<T>[] {
    return Array.from(this.#entries.values());
  }
}
