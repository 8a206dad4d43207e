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
`demo/samples/shiur.wav`: a short English shiur on the first mishnah of Berakhot, made by
`scripts/make-demo-samples.sh` with espeak-ng (`en-us` at 170 wpm; the mishnah's question in
Hebrew letters by the `he` voice at 140 wpm), 16 kHz mono PCM. Three parts of 31 words each (the
evening Shema, the morning Shema, the conclusion) lie about 1.9 s apart, and the Hebrew question
stands alone between pauses of about 1.7 s, so the transcript shows them as separate paragraphs.

The word timings are an estimate within measured boundaries, not an alignment: the script
synthesizes each sentence on its own and measures its voiced span (where the 10 ms peak envelope
first and last exceeds 300 of 32767), and knows where the span lies in the file because it lays the
sentences and silences end to end; within a sentence the words share the span in proportion to
their letters, 30 ms apart. The Hebrew words keep their script (`language: 'he'`); SoferAI's sandbox
sends them untagged, and scribekit's mapper marks them Hebrew by their letters. The file lasts
38 930 ms (622 880 samples).
*/
const SHIUR: DemoSample = {
  id: 'shiur',
  sha256: ['215932e02928d13668d67eada5ad0f83eadf174bac9afe93875bc3faa52ac84e'],
  fileNames: ['shiur.wav'],
  language: 'en',
  durationMs: 38930,
  words: [
    { text: 'Today', startMs: 40, endMs: 329 },
    { text: 'we', startMs: 359, endMs: 475 },
    { text: 'learn', startMs: 505, endMs: 794 },
    { text: 'the', startMs: 824, endMs: 998 },
    { text: 'first', startMs: 1028, endMs: 1317 },
    { text: 'mishnah', startMs: 1347, endMs: 1752 },
    { text: 'of', startMs: 1782, endMs: 1897 },
    { text: 'Berakhot.', startMs: 1927, endMs: 2390 },
    { text: 'It', startMs: 2740, endMs: 2857 },
    { text: 'asks', startMs: 2887, endMs: 3121 },
    { text: 'about', startMs: 3151, endMs: 3443 },
    { text: 'the', startMs: 3473, endMs: 3648 },
    { text: 'evening', startMs: 3678, endMs: 4088 },
    { text: 'Shema:', startMs: 4118, endMs: 4410 },
    { text: 'מאימתי', startMs: 6060, endMs: 6796, language: 'he' },
    { text: 'קורין', startMs: 6826, endMs: 7440, language: 'he' },
    { text: 'את', startMs: 7470, endMs: 7715, language: 'he' },
    { text: 'שמע', startMs: 7745, endMs: 8114, language: 'he' },
    { text: 'בערבית?', startMs: 8144, endMs: 8880, language: 'he' },
    { text: 'From', startMs: 10540, endMs: 10740 },
    { text: 'when', startMs: 10770, endMs: 10970 },
    { text: 'may', startMs: 11000, endMs: 11150 },
    { text: 'we', startMs: 11180, endMs: 11280 },
    { text: 'recite', startMs: 11310, endMs: 11610 },
    { text: 'the', startMs: 11640, endMs: 11790 },
    { text: 'Shema', startMs: 11820, endMs: 12070 },
    { text: 'in', startMs: 12100, endMs: 12200 },
    { text: 'the', startMs: 12230, endMs: 12380 },
    { text: 'evening?', startMs: 12410, endMs: 12760 },
    { text: 'From', startMs: 13120, endMs: 13360 },
    { text: 'nightfall.', startMs: 13390, endMs: 13930 },
    { text: 'Second,', startMs: 15790, endMs: 16207 },
    { text: 'the', startMs: 16237, endMs: 16446 },
    { text: 'morning', startMs: 16476, endMs: 16962 },
    { text: 'Shema.', startMs: 16992, endMs: 17340 },
    { text: 'The', startMs: 17700, endMs: 17872 },
    { text: 'next', startMs: 17902, endMs: 18131 },
    { text: 'mishnah', startMs: 18161, endMs: 18562 },
    { text: 'asks', startMs: 18592, endMs: 18821 },
    { text: 'when', startMs: 18851, endMs: 19080 },
    { text: 'we', startMs: 19110, endMs: 19225 },
    { text: 'may', startMs: 19255, endMs: 19427 },
    { text: 'recite', startMs: 19457, endMs: 19801 },
    { text: 'the', startMs: 19831, endMs: 20003 },
    { text: 'morning', startMs: 20033, endMs: 20434 },
    { text: 'Shema.', startMs: 20464, endMs: 20750 },
    { text: 'Once', startMs: 21100, endMs: 21373 },
    { text: 'one', startMs: 21403, endMs: 21608 },
    { text: 'can', startMs: 21638, endMs: 21843 },
    { text: 'tell', startMs: 21873, endMs: 22146 },
    { text: 'blue', startMs: 22176, endMs: 22449 },
    { text: 'from', startMs: 22479, endMs: 22752 },
    { text: 'white,', startMs: 22782, endMs: 23124 },
    { text: 'the', startMs: 23154, endMs: 23359 },
    { text: 'mishnah', startMs: 23389, endMs: 23867 },
    { text: 'says.', startMs: 23897, endMs: 24170 },
    { text: 'Rabbi', startMs: 24520, endMs: 24872 },
    { text: 'Eliezer', startMs: 24902, endMs: 25394 },
    { text: 'says:', startMs: 25424, endMs: 25706 },
    { text: 'blue', startMs: 25736, endMs: 26017 },
    { text: 'from', startMs: 26047, endMs: 26328 },
    { text: 'green.', startMs: 26358, endMs: 26710 },
    { text: 'In', startMs: 28560, endMs: 28701 },
    { text: 'conclusion,', startMs: 28731, endMs: 29438 },
    { text: 'the', startMs: 29468, endMs: 29680 },
    { text: 'Shema', startMs: 29710, endMs: 30063 },
    { text: 'has', startMs: 30093, endMs: 30305 },
    { text: 'two', startMs: 30335, endMs: 30547 },
    { text: 'times.', startMs: 30577, endMs: 30930 },
    { text: 'At', startMs: 31280, endMs: 31404 },
    { text: 'night', startMs: 31434, endMs: 31744 },
    { text: 'we', startMs: 31774, endMs: 31898 },
    { text: 'recite', startMs: 31928, endMs: 32301 },
    { text: 'it', startMs: 32331, endMs: 32455 },
    { text: 'from', startMs: 32485, endMs: 32733 },
    { text: 'nightfall,', startMs: 32763, endMs: 33321 },
    { text: 'by', startMs: 33351, endMs: 33475 },
    { text: 'day', startMs: 33505, endMs: 33691 },
    { text: 'from', startMs: 33721, endMs: 33970 },
    { text: 'first', startMs: 34000, endMs: 34310 },
    { text: 'light.', startMs: 34340, endMs: 34650 },
    { text: 'Both', startMs: 35010, endMs: 35265 },
    { text: 'times', startMs: 35295, endMs: 35614 },
    { text: 'follow', startMs: 35644, endMs: 36026 },
    { text: 'what', startMs: 36056, endMs: 36311 },
    { text: 'we', startMs: 36341, endMs: 36469 },
    { text: 'see.', startMs: 36499, endMs: 36690 },
    { text: 'Next,', startMs: 37040, endMs: 37300 },
    { text: 'the', startMs: 37330, endMs: 37525 },
    { text: 'blessings', startMs: 37555, endMs: 38140 },
    { text: 'of', startMs: 38170, endMs: 38300 },
    { text: 'the', startMs: 38330, endMs: 38525 },
    { text: 'Shema.', startMs: 38555, endMs: 38880 },
  ],
};

/**
The recordings every sandbox emulator recognises, by content hash or by file name.

The demo's own recordings join this list as they are made; each needs its hashes, file names and
timed words (see {@link DemoSample}).
*/
export const DEMO_SAMPLES: readonly DemoSample[] = [FOX, SHIUR];
