import { createTranscript } from '../../transcript/index.js';
import type { Transcript, Word } from '../../transcript/index.js';
import type { SonioxToken, SonioxTranscript, SonioxTranscription } from './soniox-api.js';

/** Control tokens of the realtime API; they mark events, not speech. */
const controlTokens = new Set(['<end>', '<fin>']);

/** Translated text kept beside the transcript, in `providerMetadata.soniox.translation`. */
export interface SonioxTranslationText {
  /** The translation's text, its tokens joined as sent. */
  text: string;
  /** The target language of each stretch of translated text, in order. */
  languages: string[];
}

/**
Merges Soniox tokens into whole words. A token whose text starts with whitespace starts a new
word (Soniox puts the space inside the token: `" Hel"`, `"lo"`); so does a change of speaker or
language. A word spans its first token's start to its last token's end, and its confidence is
that of its least certain piece. Translation and control tokens are skipped.
*/
export function sonioxTokensToWords(tokens: readonly SonioxToken[]): Word[] {
  const words: Word[] = [];
  let current:
    | {
        text: string;
        start: number;
        end: number;
        confidence: number | undefined;
        speaker: string | undefined;
        language: string | undefined;
      }
    | undefined;
  const flush = () => {
    if (current === undefined) return;
    const text = current.text.trim();
    if (text !== '') {
      const word: Word = { text, start: current.start, end: Math.max(current.start, current.end) };
      if (current.confidence !== undefined) word.confidence = current.confidence;
      if (current.speaker !== undefined) word.speaker = current.speaker;
      if (current.language !== undefined) word.language = current.language;
      words.push(word);
    }
    current = undefined;
  };

  for (const token of tokens) {
    if (token.translationStatus === 'translation' || controlTokens.has(token.text.trim())) continue;
    if (token.startMs === undefined || token.endMs === undefined) continue;
    const start = token.startMs / 1000;
    const end = token.endMs / 1000;
    const startsWord =
      current === undefined ||
      /^\s/.test(token.text) ||
      token.speaker !== current.speaker ||
      (token.language !== undefined && token.language !== current.language);
    if (startsWord) {
      flush();
      current = {
        text: token.text,
        start,
        end,
        confidence: token.confidence,
        speaker: token.speaker,
        language: token.language,
      };
    } else if (current !== undefined) {
      current.text += token.text;
      current.end = Math.max(current.end, end);
      if (token.confidence !== undefined) {
        current.confidence =
          current.confidence === undefined
            ? token.confidence
            : Math.min(current.confidence, token.confidence);
      }
    }
  }
  flush();
  return words;
}

/** Collects the translation tokens' text, or `undefined` when the transcript has none. */
export function sonioxTranslation(tokens: readonly SonioxToken[]): SonioxTranslationText | undefined {
  let text = '';
  const languages: string[] = [];
  for (const token of tokens) {
    if (token.translationStatus !== 'translation') continue;
    text += token.text;
    if (token.language !== undefined && languages.at(-1) !== token.language) languages.push(token.language);
  }
  return text === '' ? undefined : { text: text.trim(), languages };
}

/**
Turns a Soniox transcript (and, when given, its transcription job) into the normalized
{@link Transcript}: tokens merged into words, segments on speaker or language change and pauses,
seconds throughout. Translations go to `providerMetadata.soniox.translation`.

@example
```ts
import { createSoniox, sonioxToTranscript } from 'scribekit/soniox';

const soniox = createSoniox({ apiKey });
const transcript = sonioxToTranscript(await soniox.stt.getTranscript(id), await soniox.stt.get(id));
```
*/
export function sonioxToTranscript(
  transcript: SonioxTranscript,
  transcription?: SonioxTranscription,
): Transcript {
  const words = sonioxTokensToWords(transcript.tokens);
  const translation = sonioxTranslation(transcript.tokens);
  const metadata: Record<string, unknown> = {};
  if (translation !== undefined) metadata.translation = translation;
  if (transcription !== undefined) metadata.model = transcription.model;
  return createTranscript({
    provider: 'soniox',
    id: transcript.id,
    words,
    language: dominantLanguage(words) ?? transcription?.languageHints?.[0],
    durationInSeconds:
      transcription?.audioDurationMs === undefined ? undefined : transcription.audioDurationMs / 1000,
    providerMetadata: Object.keys(metadata).length === 0 ? undefined : { soniox: metadata },
  });
}

function dominantLanguage(words: readonly Word[]): string | undefined {
  const counts = new Map<string, number>();
  for (const word of words)
    if (word.language !== undefined) counts.set(word.language, (counts.get(word.language) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [language, count] of counts) {
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  return best;
}
