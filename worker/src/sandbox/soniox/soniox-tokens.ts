import type { SampleWord } from '../samples/demo-sample.js';
import type { SonioxTranslationConfig } from './soniox-transcription-payload.js';

/** One token of `GET /v1/transcriptions/{id}/transcript`, fields in Soniox's order. */
export interface SonioxToken {
  /** A sub-word piece; a word's first piece carries the space before it. */
  readonly text: string;
  /** Start in ms; absent on translation tokens. */
  readonly start_ms?: number;
  /** End in ms; absent on translation tokens. */
  readonly end_ms?: number;
  /** 0.0–1.0. */
  readonly confidence: number;
  /** With diarization only. */
  readonly speaker?: string;
  /** With language identification or translation: spoken language, or target language of a translation. */
  readonly language?: string;
  /** On translation tokens only: the language translated from. */
  readonly source_language?: string;
  /** With translation only. */
  readonly translation_status?: 'none' | 'original' | 'translation';
}

/** What shapes the tokens of one transcript. */
export interface SonioxTokenOptions {
  /** The language of words that do not name their own. */
  readonly language: string;
  /** The audio's length in ms; no token ends after it. */
  readonly durationMs: number;
  /** Adds `speaker` (a word's own, else `1`). */
  readonly diarization: boolean;
  /** Adds `language`. */
  readonly languageIdentification: boolean;
  /** Adds `translation_status` and the translated tokens. */
  readonly translation: SonioxTranslationConfig | null;
}

const TRAILING_PUNCTUATION = /^(.*?)([.,!?;:…]+)$/su;
// How long after its word a punctuation token lasts, at most.
const PUNCTUATION_MS = 60;

/**
Turns timed words into Soniox tokens, the way Soniox cuts them: sub-word pieces of at most about
four letters (`Hello` → `Hel`, `lo`), the space before a word on its first piece (none before the
transcript's first word), trailing punctuation as its own token right after the word. A word's
time is shared among its pieces by length.

With translation, words are grouped into utterances (a sentence, or a run of one speaker and one
language). An utterance that is translated has `translation_status: "original"` and is followed
by its translation: tokens with `translation_status: "translation"`, the target `language`, the
`source_language`, and no timing. The sandbox cannot translate, so a translation is the original
words behind a `[<target>]` marker. Speech already in the target language (one-way), or in neither
language (two-way), is `"none"` and gets no translation; Soniox documents `"none"` only for the
two-way case, so the one-way reading is the sandbox's.

Confidences are made up but stable: the same words always give the same numbers.
*/
export function sonioxTokens(words: readonly SampleWord[], options: SonioxTokenOptions): SonioxToken[] {
  const tokens: SonioxToken[] = [];
  for (const utterance of utterances(words, options)) {
    const status = translationStatus(utterance.language, options.translation);
    for (const [index, word] of utterance.words.entries()) {
      const next = utterance.words[index + 1] ?? utterance.after;
      const pieces = wordPieces(word.text);
      const letters = pieces.reduce((sum, piece) => sum + piece.weight, 0) || 1;
      let before = 0;
      for (const piece of pieces) {
        const timing =
          piece.kind === 'punctuation'
            ? punctuationTiming(word, next?.startMs ?? options.durationMs, options.durationMs)
            : letterTiming(word, before / letters, (before + piece.weight) / letters);
        before += piece.weight;
        tokens.push(originalToken(piece, timing, tokens.length === 0, utterance, status, options));
      }
    }
    if (status === 'original' && options.translation !== null) {
      const target = translationTarget(utterance.language, options.translation);
      const translated = [`[${target}]`, ...utterance.words.map((word) => word.text)];
      for (const word of translated) {
        for (const piece of wordPieces(word)) {
          const text = piece.kind === 'first' ? ` ${piece.text}` : piece.text;
          tokens.push({
            text,
            confidence: confidence(tokens.length, text),
            ...(options.diarization && { speaker: utterance.speaker }),
            language: target,
            source_language: utterance.language,
            translation_status: 'translation',
          });
        }
      }
    }
  }
  return tokens;
}

/** One piece of a word: its first piece, a later piece, or the punctuation after it. */
export interface WordPiece {
  /** The piece's text, without the leading space. */
  readonly text: string;
  /** Where it sits in the word. */
  readonly kind: 'first' | 'rest' | 'punctuation';
  /** Its share of the word's letters, 0 for punctuation. */
  readonly weight: number;
}

/**
Cuts a word into Soniox-like pieces: words of up to four letters stay whole, longer ones split
into `ceil(n/4)` near-equal pieces (longer pieces first), never between a letter and its
combining marks; trailing punctuation becomes a piece of its own.
*/
export function wordPieces(word: string): WordPiece[] {
  const match = TRAILING_PUNCTUATION.exec(word);
  const core = match?.[1] ?? word;
  const punctuation = match?.[2] ?? '';
  if (core === '') {
    return [{ text: word, kind: 'first', weight: 1 }];
  }
  const letters = core.match(/\P{M}\p{M}*/gu) ?? [core];
  const count = letters.length <= 4 ? 1 : Math.ceil(letters.length / 4);
  const base = Math.floor(letters.length / count);
  const longer = letters.length % count;
  const pieces: WordPiece[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const size = base + (index < longer ? 1 : 0);
    pieces.push({
      text: letters.slice(offset, offset + size).join(''),
      kind: index === 0 ? 'first' : 'rest',
      weight: size,
    });
    offset += size;
  }
  if (punctuation !== '') {
    pieces.push({ text: punctuation, kind: 'punctuation', weight: 0 });
  }
  return pieces;
}

interface Utterance {
  readonly words: SampleWord[];
  readonly speaker: string;
  readonly language: string;
  /** The first word after the utterance, which bounds its last punctuation token. */
  after: SampleWord | undefined;
}

function utterances(words: readonly SampleWord[], options: SonioxTokenOptions): Utterance[] {
  const result: Utterance[] = [];
  let current: Utterance | undefined;
  for (const word of words) {
    const speaker = word.speaker ?? '1';
    const language = word.language ?? options.language;
    if (current === undefined || current.speaker !== speaker || current.language !== language) {
      if (current !== undefined) {
        current.after = word;
      }
      current = { words: [], speaker, language, after: undefined };
      result.push(current);
    }
    current.words.push(word);
    if (/[.!?…]$/u.test(word.text)) {
      current = undefined;
    }
  }
  for (const [index, utterance] of result.entries()) {
    utterance.after ??= result[index + 1]?.words[0];
  }
  return result;
}

function originalToken(
  piece: WordPiece,
  [startMs, endMs]: readonly [number, number],
  isFirstToken: boolean,
  utterance: Utterance,
  status: SonioxToken['translation_status'],
  options: SonioxTokenOptions,
): SonioxToken {
  const text = piece.kind === 'first' && !isFirstToken ? ` ${piece.text}` : piece.text;
  return {
    text,
    start_ms: startMs,
    end_ms: endMs,
    confidence: confidence(startMs, text),
    ...(options.diarization && { speaker: utterance.speaker }),
    ...((options.languageIdentification || options.translation !== null) && { language: utterance.language }),
    ...(status !== undefined && { translation_status: status }),
  };
}

// The part of a word's time between two fractions of its letters.
function letterTiming(word: SampleWord, from: number, to: number): [number, number] {
  const span = word.endMs - word.startMs;
  return [Math.round(word.startMs + span * from), Math.round(word.startMs + span * to)];
}

// Punctuation follows its word briefly, never overlapping the next word or passing the end.
function punctuationTiming(word: SampleWord, nextStartMs: number, durationMs: number): [number, number] {
  return [word.endMs, Math.max(word.endMs, Math.min(word.endMs + PUNCTUATION_MS, nextStartMs, durationMs))];
}

function translationStatus(
  language: string,
  translation: SonioxTranslationConfig | null,
): SonioxToken['translation_status'] {
  if (translation === null) {
    return undefined;
  }
  if (translation.type === 'one_way') {
    return language === translation.target_language ? 'none' : 'original';
  }
  return language === translation.language_a || language === translation.language_b ? 'original' : 'none';
}

function translationTarget(language: string, translation: SonioxTranslationConfig): string {
  if (translation.type === 'one_way') {
    return translation.target_language;
  }
  return language === translation.language_a ? translation.language_b : translation.language_a;
}

// Between 0.85 and 0.99, from a hash of the token's place and text.
function confidence(seed: number, text: string): number {
  let hash = Math.imul(seed + 1, 2654435761) >>> 0;
  for (const char of text) {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  }
  return Math.round((0.85 + ((hash % 1000) / 1000) * 0.14) * 1000) / 1000;
}
