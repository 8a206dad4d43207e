import type { SampleWord } from '../samples/demo-sample.js';
import { SANDBOX_SCRIPT } from '../samples/sandbox-words.js';
import type { PcmLayout } from './soniox-realtime-audio.js';

/** What a recognizer has decided so far, in order: final words, and the ends of utterances. */
export type RecognizerEvent =
  | { readonly kind: 'word'; readonly word: SampleWord }
  | {
      readonly kind: 'utterance-end';
      /** Where the utterance ended, in ms. */
      readonly atMs: number;
      /** Whether a `finalize` cut it rather than a pause (no `<end>` is due then). */
      readonly byFinalize: boolean;
    };

/**
The sandbox's stand-in for speech recognition in a live session: it is fed audio as it arrives
and decides, paced by that audio, which words are heard (provisional) and which are final.
*/
export interface RealtimeRecognizer {
  /** Audio received so far, in ms. */
  readonly receivedMs: number;
  /** Audio before this point (ms) can no longer change any word. */
  readonly settledMs: number;
  /** Final words and utterance ends, appended in order; never changed. */
  readonly events: readonly RecognizerEvent[];
  /** Feeds audio bytes (after any container header). */
  push(bytes: Uint8Array): void;
  /** Makes every word heard so far final (`finalize`, and the end of audio). */
  finalizeAll(): void;
  /** Words heard but not final yet. */
  provisionalWords(): SampleWord[];
}

// A word turns final this long after its end has been heard, like a real model's finalization delay.
const FINAL_LAG_MS = 240;
// A known word shows as provisional once this much of it (or half of a shorter one) is heard.
const HEARD_MS = 150;

/**
Recognises a demo sample: its known words, revealed as the audio reaches them. A word is
provisional once partly heard and final {@link FINAL_LAG_MS} after its end, or at `finalizeAll`
(a word cut off by it ends where the audio does). A word that ends a sentence ends an utterance.
*/
export class KnownWordsRecognizer implements RealtimeRecognizer {
  readonly events: RecognizerEvent[] = [];
  readonly #words: readonly SampleWord[];
  readonly #bytesPerSecond: number;
  #receivedBytes = 0;
  #final = 0;
  #finalizedUpTo = 0;

  constructor(words: readonly SampleWord[], bytesPerSecond: number) {
    this.#words = words;
    this.#bytesPerSecond = bytesPerSecond;
  }

  get receivedMs(): number {
    return (this.#receivedBytes * 1000) / this.#bytesPerSecond;
  }

  get settledMs(): number {
    const next = this.#words[this.#final];
    return next === undefined ? this.receivedMs : Math.min(next.startMs, this.receivedMs);
  }

  push(bytes: Uint8Array): void {
    this.#receivedBytes += bytes.byteLength;
    this.#advance();
  }

  finalizeAll(): void {
    this.#finalizedUpTo = this.receivedMs;
    this.#advance();
  }

  provisionalWords(): SampleWord[] {
    const heard: SampleWord[] = [];
    const received = this.receivedMs;
    for (let index = this.#final; index < this.#words.length; index++) {
      const word = this.#words[index];
      if (word === undefined || received < word.startMs + Math.min(HEARD_MS, (word.endMs - word.startMs) / 2))
        break;
      heard.push(word);
    }
    return heard;
  }

  #advance(): void {
    const received = this.receivedMs;
    for (;;) {
      const word = this.#words[this.#final];
      if (word === undefined) return;
      const cut = word.startMs < this.#finalizedUpTo;
      if (!cut && received < word.endMs + FINAL_LAG_MS) return;
      const endMs = Math.max(word.startMs, Math.min(word.endMs, Math.round(received)));
      this.events.push({ kind: 'word', word: endMs === word.endMs ? word : { ...word, endMs } });
      this.#final++;
      if (/[.!?…]$/u.test(word.text))
        this.events.push({ kind: 'utterance-end', atMs: endMs, byFinalize: cut });
    }
  }
}

// Voice activity: 10 ms frames, voiced above this RMS (about -36 dBFS).
const FRAME_MS = 10;
const VOICED_RMS = 0.015;
// Silence that ends an utterance, and the shortest sound that counts as one.
const HANGOVER_MS = 300;
const MIN_REGION_MS = 50;
// Placeholder words fill voiced audio at about 2.5 words a second.
const SLOT_MS = 400;
const GAP_MS = 80;

const SCRIPT_WORDS: readonly string[] = SANDBOX_SCRIPT.flatMap((sentence) => sentence.split(' '));

interface Region {
  readonly startMs: number;
  voicedEndMs: number;
  /** Words of this region already final. */
  final: number;
}

/**
Transcribes nothing: finds the voiced stretches of raw PCM with a simple energy detector
(10 ms frames, RMS above about -36 dBFS, 300 ms of silence ends a stretch) and fills each with
the sandbox's placeholder words, one every 400 ms. Without a decodable layout (a container it
cannot decode, μ-law) all audio counts as voiced, its time measured by size.

A word is final once the voice has carried on into the next slot and {@link FINAL_LAG_MS} has
passed since its end, or when its stretch ends; the last word of a stretch ends a sentence.
*/
export class VoiceActivityRecognizer implements RealtimeRecognizer {
  readonly events: RecognizerEvent[] = [];
  readonly #layout: PcmLayout | undefined;
  readonly #bytesPerSecond: number;
  readonly #frameBytes: number;
  #carry = new Uint8Array(0);
  #frames = 0;
  #region: Region | undefined;
  #wordCount = 0;

  /** @param layout How to read samples; `undefined` counts every frame as voiced. */
  constructor(layout: PcmLayout | undefined, bytesPerSecond: number) {
    this.#layout = layout;
    this.#bytesPerSecond = bytesPerSecond;
    const frameSamples =
      layout === undefined ? 0 : Math.max(1, Math.round((layout.sampleRate * FRAME_MS) / 1000));
    this.#frameBytes =
      layout === undefined
        ? Math.max(1, Math.round((bytesPerSecond * FRAME_MS) / 1000))
        : frameSamples * layout.channels * layout.bytesPerSample;
  }

  get receivedMs(): number {
    return this.#frames * FRAME_MS + (this.#carry.byteLength * 1000) / this.#bytesPerSecond;
  }

  get settledMs(): number {
    const region = this.#region;
    return region === undefined ? this.#frames * FRAME_MS : region.startMs + region.final * SLOT_MS;
  }

  push(bytes: Uint8Array): void {
    let data = bytes;
    if (this.#carry.byteLength > 0) {
      data = new Uint8Array(this.#carry.byteLength + bytes.byteLength);
      data.set(this.#carry);
      data.set(bytes, this.#carry.byteLength);
    }
    let offset = 0;
    for (; offset + this.#frameBytes <= data.byteLength; offset += this.#frameBytes) {
      this.#frame(data.subarray(offset, offset + this.#frameBytes));
    }
    this.#carry = data.slice(offset);
    this.#finalizeFullSlots();
  }

  finalizeAll(): void {
    const region = this.#region;
    if (region !== undefined) this.#close(region, true);
  }

  provisionalWords(): SampleWord[] {
    const region = this.#region;
    if (region === undefined) return [];
    const words: SampleWord[] = [];
    for (let index = region.final; region.startMs + index * SLOT_MS < region.voicedEndMs; index++) {
      words.push(this.#word(region, index, this.#wordCount + words.length, false));
    }
    return words;
  }

  #frame(frame: Uint8Array): void {
    const startMs = this.#frames * FRAME_MS;
    this.#frames++;
    const endMs = startMs + FRAME_MS;
    const region = this.#region;
    if (this.#isVoiced(frame)) {
      if (region === undefined) this.#region = { startMs, voicedEndMs: endMs, final: 0 };
      else region.voicedEndMs = endMs;
    } else if (region !== undefined && endMs - region.voicedEndMs >= HANGOVER_MS) {
      this.#close(region, false);
    }
  }

  #isVoiced(frame: Uint8Array): boolean {
    const layout = this.#layout;
    if (layout?.read === undefined) return true;
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    let sum = 0;
    let count = 0;
    for (
      let offset = 0;
      offset + layout.bytesPerSample <= frame.byteLength;
      offset += layout.bytesPerSample
    ) {
      const sample = layout.read(view, offset);
      sum += sample * sample;
      count++;
    }
    return count > 0 && Math.sqrt(sum / count) >= VOICED_RMS;
  }

  #finalizeFullSlots(): void {
    const region = this.#region;
    if (region === undefined) return;
    const received = this.receivedMs;
    for (;;) {
      const slotStart = region.startMs + region.final * SLOT_MS;
      const slotEnd = slotStart + SLOT_MS - GAP_MS;
      // Only once the voice carries on into the next slot: the last word of a stretch waits for its end and its period.
      if (region.voicedEndMs <= slotStart + SLOT_MS || received < slotEnd + FINAL_LAG_MS) return;
      this.#emit(this.#word(region, region.final, this.#wordCount, false));
      region.final++;
    }
  }

  #close(region: Region, byFinalize: boolean): void {
    this.#region = undefined;
    if (region.voicedEndMs - region.startMs < MIN_REGION_MS && region.final === 0) return;
    for (let index = region.final; region.startMs + index * SLOT_MS < region.voicedEndMs; index++) {
      const last = region.startMs + (index + 1) * SLOT_MS >= region.voicedEndMs;
      this.#emit(this.#word(region, index, this.#wordCount, last));
    }
    this.events.push({ kind: 'utterance-end', atMs: region.voicedEndMs, byFinalize });
  }

  #emit(word: SampleWord): void {
    this.events.push({ kind: 'word', word });
    this.#wordCount++;
  }

  #word(region: Region, index: number, number: number, endsSentence: boolean): SampleWord {
    const startMs = region.startMs + index * SLOT_MS;
    const endMs = Math.min(startMs + SLOT_MS - GAP_MS, region.voicedEndMs);
    const text = SCRIPT_WORDS[number % SCRIPT_WORDS.length] ?? 'sandbox';
    return {
      text: endsSentence && !/[.!?]$/.test(text) ? `${text.replace(/[,;:]$/, '')}.` : text,
      startMs,
      endMs,
    };
  }
}
