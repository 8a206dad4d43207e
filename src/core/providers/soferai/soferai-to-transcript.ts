import { createTranscript, type Transcript, type Warning } from '../../transcript/index.js';
import type { SoferAITranscription, SoferAITranscriptionInfo } from './soferai-api.js';
import {
  textInForm,
  timestampsToWords,
  type SoferAIHebrewWordDisplay,
  type SoferAIWordForms,
} from './soferai-hebrew-words.js';

/** Options of {@link soferaiToTranscript}. */
export interface SoferAIToTranscriptOptions {
  /**
  Which form of Hebrew words `words` and `text` show when SoferAI sent both (English speech with
  `hebrewWordFormat: ['en', 'he']` or `['hybrid']`): `both`, `hebrew` (letters) or
  `transliteration`. The other form stays in `providerMetadata.soferai.wordForms`.

  @default 'both'
  */
  hebrewWords?: SoferAIHebrewWordDisplay;
}

/** What `transcript.providerMetadata.soferai` holds. */
export interface SoferAITranscriptMetadata {
  /** The transcription's settings and status. */
  info: SoferAITranscriptionInfo;
  /** SoferAI's own text, `<i>` tags and all. */
  text: string;
  /** Which form of Hebrew words the transcript shows. */
  hebrewWords: SoferAIHebrewWordDisplay;
  /** Parallel to `transcript.words`: `null`, or the word's script and both forms of its Hebrew word. */
  wordForms: (SoferAIWordForms | null)[];
}

// Primary languages written in Hebrew letters throughout: their words need no script marking.
const hebrewScriptLanguages = new Set(['he', 'yi']);

/**
Turns a SoferAI transcription into the normalized {@link Transcript}: its timed words with their
speakers, segments on speaker change and pauses (not on the switch between English and Hebrew
words), its duration, and `language` set to the primary language (`he` and `yi` render right to
left).

In English speech, Hebrew words keep their script: a word in Hebrew letters gets `language: 'he'`,
a transliteration `language: 'he-Latn'` (Hebrew in Latin script), and
`providerMetadata.soferai.wordForms[i]` pairs each with its other form (see
{@link SoferAIWordForms}). `hebrewWords` picks which forms `words` and `text` show; SoferAI's `<i>`
tags never reach `text`. A transcription without timestamps keeps SoferAI's text, with no words.

@example
```ts
import { createSoferAI, soferaiToTranscript } from 'scribekit/soferai';

const soferai = createSoferAI({ apiKey });
const transcription = await soferai.transcribe.getTranscription(id);
const hebrewOnly = soferaiToTranscript(transcription, { hebrewWords: 'hebrew' });
```
*/
export function soferaiToTranscript(
  transcription: SoferAITranscription,
  options: SoferAIToTranscriptOptions = {},
): Transcript {
  const display = options.hebrewWords ?? 'both';
  const { info } = transcription;
  const { words: classified, forms } = timestampsToWords(transcription.timestamps, {
    display,
    classify: !hebrewScriptLanguages.has(info.primaryLanguage),
  });
  // SoferAI marks only its Hebrew words; the rest are in the primary language. Saying so keeps a
  // paragraph with one Hebrew word in it an English (left-to-right) paragraph.
  const words = classified.map((word) =>
    word.language === undefined ? { ...word, language: info.primaryLanguage } : word,
  );
  const warnings: Warning[] = [];
  if (info.status !== 'COMPLETED') {
    warnings.push({
      type: 'other',
      message: `The SoferAI transcription is ${info.status}, not COMPLETED: the transcript may be empty or partial.`,
    });
  }
  const metadata: SoferAITranscriptMetadata = {
    info,
    text: transcription.text,
    hebrewWords: display,
    wordForms: forms,
  };
  return createTranscript({
    provider: 'soferai',
    id: info.id,
    words,
    text: words.length === 0 ? textInForm(transcription.text, display) : undefined,
    language: info.primaryLanguage,
    durationInSeconds: info.durationInSeconds,
    warnings,
    segmentation: { splitOnLanguageChange: false },
    providerMetadata: { soferai: metadata },
  });
}
