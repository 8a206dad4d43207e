import type { DemoSample } from './demo-sample.js';

/**
`test/fixtures/audio/speech.wav`: espeak-ng (`en-us`, 150 wpm) reading "The quick brown fox jumps
over the lazy dog.", resampled to 16 kHz mono PCM by `scripts/make-audio-fixtures.sh`.

The word timings are an estimate, not an alignment: the nine words share the voiced span of the
file (10 ms to 3050 ms, where the 10 ms peak envelope first and last exceeds 300 of 32767)
evenly, 30 ms apart. The file lasts 3438.5 ms (55 016 samples).
*/
const FOX: DemoSample = {
  id: 'fox',
  sha256: ['a33cb0daad90095e53ab8c566fb7d8f36a9b3c876a8d4deb3ea67b27652e8a77'],
  fileNames: ['speech.wav'],
  language: 'en',
  durationMs: 3439,
  words: [
    { text: 'The', startMs: 10, endMs: 318 },
    { text: 'quick', startMs: 348, endMs: 656 },
    { text: 'brown', startMs: 686, endMs: 993 },
    { text: 'fox', startMs: 1023, endMs: 1331 },
    { text: 'jumps', startMs: 1361, endMs: 1669 },
    { text: 'over', startMs: 1699, endMs: 2007 },
    { text: 'the', startMs: 2037, endMs: 2344 },
    { text: 'lazy', startMs: 2374, endMs: 2682 },
    { text: 'dog.', startMs: 2712, endMs: 3050 },
  ],
};

/**
The recordings every sandbox emulator recognises, by content hash or by file name.

The demo's own recordings join this list as they are made; each needs its hashes, file names and
timed words (see {@link DemoSample}).
*/
export const DEMO_SAMPLES: readonly DemoSample[] = [FOX];
