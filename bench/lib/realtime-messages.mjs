// Soniox realtime server messages, and a WebSocket that delivers them from memory. Shared by the
// Node realtime bench and the <scribe-live> page (MemorySocket is serialized into the page).
import { random } from './speech.mjs';

/** Soniox-shaped server messages: a few newly final tokens, then the provisional tail. */
export function serverMessages(tokens) {
  const next = random(11);
  const messages = [];
  let index = 0;
  while (index < tokens.length) {
    const finals = tokens
      .slice(index, index + 1 + Math.floor(next() * 6))
      .map((token) => ({ ...token, is_final: true }));
    index += finals.length;
    if (finals.at(-1).text.endsWith('.') && next() < 0.3)
      finals.push({ text: '<end>', confidence: 1, is_final: true });
    const tail = tokens
      .slice(index, index + Math.floor(next() * 7))
      .map((token) => ({ ...token, is_final: false }));
    const lastFinal = finals.findLast((token) => token.end_ms !== undefined);
    messages.push(
      JSON.stringify({
        tokens: [...finals, ...tail],
        final_audio_proc_ms: lastFinal?.end_ms ?? 0,
        total_audio_proc_ms: (tail.at(-1) ?? lastFinal)?.end_ms ?? 0,
      }),
    );
  }
  return messages;
}

/** Just enough WebSocket for the clients: open at once, server frames delivered by `receive`. */
export class MemorySocket {
  static last;
  readyState = 1;
  bufferedAmount = 0;
  protocol = '';
  binaryType = 'blob';
  #listeners = new Map();
  constructor() {
    MemorySocket.last = this;
    queueMicrotask(() => this.#dispatch('open', {}));
  }
  addEventListener(type, listener) {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type, listener) {
    this.#listeners.set(
      type,
      (this.#listeners.get(type) ?? []).filter((entry) => entry !== listener),
    );
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  receive(text) {
    this.#dispatch('message', { data: text });
  }
  #dispatch(type, event) {
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }
}
