import type { SampleWord } from './demo-sample.js';

/**
What the sandbox "hears" in audio it does not know, sentence by sentence. It says plainly that it
is not a transcription, so nobody mistakes it for one.
*/
export const SANDBOX_SCRIPT: readonly string[] = [
  'This is a sandbox transcript.',
  'The scribekit sandbox does not transcribe audio, so these words are placeholders.',
  'They span the real length of your recording.',
];

// About 2.5 words a second, the pace of ordinary speech.
const WORD_SLOT_MS = 400;
const WORD_GAP_MS = 80;

/**
Placeholder words for unknown audio of `durationMs`: {@link SANDBOX_SCRIPT} repeated, one word
every ~400 ms, so that they run from 0 to `durationMs` and a player can follow them.

Words fill equal slots: word `i` of `n` starts at `i·durationMs/n` and ends a fifth of a slot (at
most 80 ms) before the next starts, so the last one ends slightly before `durationMs`. The last word
always ends a sentence. With `speakers` above 1, the speaker changes with every sentence (`1`, `2`,
...). Audio shorter than one slot gets one word; a zero or negative duration gets none.
*/
export function sandboxWords(durationMs: number, options: { speakers?: number } = {}): SampleWord[] {
  if (!(durationMs > 0)) {
    return [];
  }
  const script = SANDBOX_SCRIPT.map((sentence) => sentence.split(' '));
  const count = Math.max(1, Math.floor(durationMs / WORD_SLOT_MS));
  const slot = durationMs / count;
  const gap = Math.min(WORD_GAP_MS, slot / 5);
  const speakers = Math.max(1, Math.floor(options.speakers ?? 1));
  const words: SampleWord[] = [];
  let sentenceIndex = 0;
  let wordIndex = 0;
  let sentenceCount = 0;
  for (let i = 0; i < count; i++) {
    const sentence = script[sentenceIndex % script.length] ?? [];
    let text = sentence[wordIndex] ?? '';
    if (i === count - 1 && !/[.!?]$/.test(text)) {
      text = `${text.replace(/[,;:]$/, '')}.`;
    }
    const word: SampleWord = {
      text,
      startMs: Math.round(i * slot),
      endMs: Math.round((i + 1) * slot - gap),
    };
    words.push(speakers > 1 ? { ...word, speaker: String((sentenceCount % speakers) + 1) } : word);
    wordIndex += 1;
    if (wordIndex >= sentence.length) {
      sentenceIndex += 1;
      sentenceCount += 1;
      wordIndex = 0;
    }
  }
  return words;
}
