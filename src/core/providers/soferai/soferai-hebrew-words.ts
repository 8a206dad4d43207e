import type { Word } from '../../transcript/index.js';
import type { SoferAITimestamp } from './soferai-api.js';

/** Which form of Hebrew words a transcript shows: both (as SoferAI sent them), or one. */
export type SoferAIHebrewWordDisplay = 'both' | 'hebrew' | 'transliteration';

/**
What `providerMetadata.soferai.wordForms[i]` says about `transcript.words[i]`: `null` for an
ordinary word, otherwise which script the word is in and both forms of the Hebrew word or phrase
it belongs to, so a view can show Hebrew, transliteration or both, or one with the other as a
tooltip. Words with the same `group` are one Hebrew word or phrase.
*/
export interface SoferAIWordForms {
  /** The script of this word. */
  readonly script: 'hebrew' | 'transliteration';
  /** The group in Hebrew letters, when SoferAI gave that form. */
  readonly hebrew?: string;
  /** The group transliterated into Latin letters, when SoferAI gave that form. */
  readonly transliteration?: string;
  /** Which Hebrew word or phrase of the transcript this is, counting from 0. */
  readonly group: number;
}

type Kind = 'plain' | 'hebrew' | 'transliteration';

interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | undefined;
  readonly kind: Kind;
}

const hebrewLetters = /[\u0590-\u05FF\uFB1D-\uFB4F]/u;
const latinLetters = /\p{Script=Latin}/u;
const italicTag = /<\s*\/?\s*i\s*>/giu;
const hasItalicTag = /<\s*\/?\s*i\s*>/iu;

/** SoferAI's text with its `<i>` tags removed. */
export function stripItalics(text: string): string {
  return text.replace(italicTag, '');
}

/**
SoferAI's full text in one form, for a transcription without timestamps: `hebrew` drops the
`<i>…</i>` transliterations (as SoferAI's own `he` filter does), `transliteration` drops the
Hebrew-letter words that follow one, `both` keeps everything. Tags are removed in every case.
*/
export function textInForm(text: string, display: SoferAIHebrewWordDisplay): string {
  let shown = text;
  if (display === 'hebrew') shown = text.replace(/<\s*i\s*>[\s\S]*?<\s*\/\s*i\s*>/giu, '');
  if (display === 'transliteration') {
    shown = text.replace(/(<\s*\/\s*i\s*>)((?:\s*[\u0590-\u05FF\uFB1D-\uFB4F]+)+)/gu, '$1');
  }
  return stripItalics(shown)
    .replace(/\s+/gu, ' ')
    .replace(/\s+([.,;:!?])/gu, '$1')
    .trim();
}

/**
Turns SoferAI's timestamps into words, telling Hebrew words in Hebrew letters from their Latin
transliterations and pairing the two forms of the same word or phrase.

A token is a transliteration when tagged `["en"]` or set in `<i>` tags, Hebrew when tagged `["he"]`
(or untagged but written in Hebrew letters); a token tagged both ways (`hybrid`) is split into its
two forms, which share its time. A run of transliterations next to a run of Hebrew, in either
order (the order is unconfirmed: reference/soferai.md §3.5), is one group. With `classify: false`
(a Hebrew or Yiddish transcript, where every word is in Hebrew letters) no word is marked.
*/
export function timestampsToWords(
  timestamps: readonly SoferAITimestamp[],
  options: { display: SoferAIHebrewWordDisplay; classify: boolean },
): { words: Word[]; forms: (SoferAIWordForms | null)[] } {
  const pieces = timestamps.flatMap((timestamp) => toPieces(timestamp, options.classify));
  const words: Word[] = [];
  const forms: (SoferAIWordForms | null)[] = [];
  let group = 0;
  const emit = (piece: Piece, form: SoferAIWordForms | null) => {
    const word: Word = { text: piece.text, start: piece.start, end: piece.end };
    if (piece.speaker !== undefined) word.speaker = piece.speaker;
    // BCP 47: a transliteration is Hebrew written in Latin script.
    if (piece.kind !== 'plain') word.language = piece.kind === 'hebrew' ? 'he' : 'he-Latn';
    words.push(word);
    forms.push(form);
  };
  for (let index = 0; index < pieces.length;) {
    const piece = pieces[index];
    if (piece === undefined) break;
    if (piece.kind === 'plain') {
      emit(piece, null);
      index++;
      continue;
    }
    const first = runOf(pieces, index, piece.kind);
    const secondKind: Kind = piece.kind === 'hebrew' ? 'transliteration' : 'hebrew';
    const second = runOf(pieces, index + first.length, secondKind);
    const hebrew = joined(piece.kind === 'hebrew' ? first : second);
    const transliteration = joined(piece.kind === 'hebrew' ? second : first);
    const base = {
      group,
      ...(hebrew === undefined ? {} : { hebrew }),
      ...(transliteration === undefined ? {} : { transliteration }),
    };
    const paired = second.length > 0;
    // Only a paired group has a form to spare; an unpaired word is all there is of it.
    const shown =
      paired && options.display !== 'both'
        ? keepingPunctuation(
            options.display === piece.kind ? first : second,
            options.display === piece.kind ? second : first,
          )
        : [...first, ...second];
    for (const member of shown)
      emit(member, { script: member.kind as 'hebrew' | 'transliteration', ...base });
    group++;
    index += first.length + second.length;
  }
  return { words, forms };
}

function toPieces(timestamp: SoferAITimestamp, classify: boolean): Piece[] {
  if (!Number.isFinite(timestamp.start) || !Number.isFinite(timestamp.end)) return [];
  const start = Math.max(0, timestamp.start);
  const times = { start, end: Math.max(start, timestamp.end), speaker: timestamp.speaker };
  const clean = (text: string) => stripItalics(text).trim();
  const text = clean(timestamp.word);
  if (text === '') return [];
  if (!classify) return [{ text, ...times, kind: 'plain' }];
  const tags = new Set(timestamp.hebrewWordFormat ?? []);
  const isItalic = hasItalicTag.test(timestamp.word);
  const hasHebrew = hebrewLetters.test(text);
  const hasLatin = latinLetters.test(text);
  if (hasHebrew && hasLatin && (tags.size > 0 || isItalic)) {
    const parts = splitForms(timestamp.word);
    if (parts !== undefined) {
      return parts.map((part) => ({ text: clean(part.text), ...times, kind: part.kind }));
    }
  }
  if ((tags.has('en') && !tags.has('he')) || (isItalic && !hasHebrew))
    return [{ text, ...times, kind: 'transliteration' }];
  if (tags.has('he') || (hasHebrew && !hasLatin)) return [{ text, ...times, kind: 'hebrew' }];
  return [{ text, ...times, kind: 'plain' }];
}

/** Splits a token holding both forms ("<i>shiur</i> שיעור", "shiur שיעור") in its own order. */
function splitForms(word: string): { text: string; kind: 'hebrew' | 'transliteration' }[] | undefined {
  const italic = /<\s*i\s*>([\s\S]*?)<\s*\/\s*i\s*>/iu.exec(word);
  let parts: { text: string; kind: 'hebrew' | 'transliteration'; at: number }[];
  if (italic !== null) {
    const rest = (word.slice(0, italic.index) + ' ' + word.slice(italic.index + italic[0].length)).trim();
    parts = [
      { text: italic[1] ?? '', kind: 'transliteration', at: italic.index },
      { text: rest, kind: 'hebrew', at: word.indexOf(rest.split(/\s+/u)[0] ?? '') },
    ];
  } else {
    const tokens = word.trim().split(/\s+/u);
    const hebrew = tokens.filter((token) => hebrewLetters.test(token));
    const latin = tokens.filter((token) => !hebrewLetters.test(token));
    parts = [
      { text: latin.join(' '), kind: 'transliteration', at: word.indexOf(latin[0] ?? '') },
      { text: hebrew.join(' '), kind: 'hebrew', at: word.indexOf(hebrew[0] ?? '') },
    ];
  }
  if (parts.some((part) => stripItalics(part.text).trim() === '')) return undefined;
  return parts.sort((left, right) => left.at - right.at).map(({ text, kind }) => ({ text, kind }));
}

const trailingPunctuation = /[.,;:!?…]+$/u;

/** The `kept` run, its last word taking the sentence punctuation that ended the `dropped` run. */
function keepingPunctuation(kept: readonly Piece[], dropped: readonly Piece[]): Piece[] {
  const punctuation = trailingPunctuation.exec(dropped.at(-1)?.text ?? '')?.[0];
  const last = kept.at(-1);
  if (punctuation === undefined || last === undefined || trailingPunctuation.test(last.text))
    return [...kept];
  return [...kept.slice(0, -1), { ...last, text: `${last.text}${punctuation}` }];
}

function runOf(pieces: readonly Piece[], from: number, kind: Kind): Piece[] {
  const run: Piece[] = [];
  for (let index = from; pieces[index]?.kind === kind; index++) run.push(pieces[index] as Piece);
  return run;
}

function joined(pieces: readonly Piece[]): string | undefined {
  // The forms name the word, so the sentence punctuation around it is left out.
  return pieces.length === 0
    ? undefined
    : pieces
        .map((piece) => piece.text)
        .join(' ')
        .replace(trailingPunctuation, '');
}
