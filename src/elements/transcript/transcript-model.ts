import { buildSegments, joinWords, type Segment, type Transcript } from '../../core/index.js';

/** One clickable unit of the rendered transcript: a word, or a whole segment that has no word timings. */
export interface TranscriptToken {
  /** The text shown, trimmed, with punctuation-only neighbours attached. */
  readonly text: string;
  /** When it starts, in seconds. */
  readonly start: number;
  /** When it ends, in seconds. */
  readonly end: number;
  /** The index of its paragraph in {@link TranscriptModel.paragraphs}. */
  readonly paragraph: number;
  /** Whether a space separates it from the token before it in the same paragraph. */
  readonly spaceBefore: boolean;
  /** Its language, only when it differs from its paragraph's. */
  readonly language?: string;
}

/** One rendered paragraph: a segment of the transcript. */
export interface TranscriptParagraph {
  /** The index of its first token. */
  readonly firstToken: number;
  /** The index after its last token (`firstToken` when it has none). */
  readonly endToken: number;
  /** The provider's speaker label. */
  readonly speaker?: string;
  /** The segment's language. */
  readonly language?: string;
  /** The direction `dir="auto"` resolves to: that of the first strongly directional character. */
  readonly direction: 'ltr' | 'rtl';
  /** Text shown without timings, for a transcript that has neither words nor segments. */
  readonly untimedText?: string;
}

/** A transcript flattened for rendering: paragraphs, and their tokens in one array. */
export interface TranscriptModel {
  readonly tokens: readonly TranscriptToken[];
  readonly paragraphs: readonly TranscriptParagraph[];
}

// Right-to-left letters and marks, as in the Unicode bidi algorithm's strong R and AL classes.
const rightToLeft =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\u200F\u061C]/u;
const strong = /[\p{L}\u200E\u200F\u061C]/u;
// A word with no letter or digit: punctuation that belongs to its neighbour, not a seek target.
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
Flattens a transcript into paragraphs and tokens.

Segments become paragraphs; without segments, the words are segmented with core's defaults. A
punctuation-only word (`,` or `“` as a word of its own, as Whisper-style models return them) is
attached to its neighbour, so a comma is never the highlighted word. A segment without word timings
becomes a single token spanning the segment.
*/
export function buildTranscriptModel(transcript: Transcript): TranscriptModel {
  const words = Array.isArray(transcript.words) ? transcript.words : [];
  let segments: readonly Segment[] = Array.isArray(transcript.segments) ? transcript.segments : [];
  if (segments.length === 0 && words.length > 0) segments = buildSegments(words);

  const tokens: TranscriptToken[] = [];
  const paragraphs: TranscriptParagraph[] = [];
  for (const segment of segments) {
    const index = paragraphs.length;
    const firstToken = tokens.length;
    appendSegmentTokens(segment, index, tokens);
    if (tokens.length === firstToken) continue;
    const paragraph: Mutable<TranscriptParagraph> = {
      firstToken,
      endToken: tokens.length,
      direction: directionOf(tokens, firstToken),
    };
    if (segment.speaker !== undefined && segment.speaker.trim() !== '') paragraph.speaker = segment.speaker;
    if (segment.language !== undefined) paragraph.language = segment.language;
    paragraphs.push(paragraph);
  }

  const text = typeof transcript.text === 'string' ? normalize(transcript.text) : '';
  if (paragraphs.length === 0 && text !== '') {
    paragraphs.push({
      firstToken: 0,
      endToken: 0,
      direction: firstStrongDirection(text) ?? 'ltr',
      untimedText: text,
    });
  }
  return { tokens, paragraphs };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function appendSegmentTokens(segment: Segment, paragraph: number, tokens: TranscriptToken[]): void {
  const words = Array.isArray(segment.words) ? segment.words : [];
  const first = tokens.length;
  let previousText: string | undefined;
  // Opening punctuation waiting for the word it opens.
  let pending: { text: string; start: number; spaceBefore: boolean } | undefined;

  for (const word of words) {
    const text = normalize(word.text);
    if (text === '') continue;
    const spaceBefore = previousText !== undefined && needsSpaceBetween(previousText, text);
    previousText = text;

    if (!letterOrDigit.test(text)) {
      const last = tokens.length > first ? tokens[tokens.length - 1] : undefined;
      if (pending === undefined && last !== undefined && !spaceBefore) {
        tokens[tokens.length - 1] = { ...last, text: last.text + text, end: Math.max(last.end, word.end) };
        continue;
      }
      if (pending !== undefined && !spaceBefore) {
        pending = { ...pending, text: pending.text + text };
        continue;
      }
      if (pending === undefined) {
        pending = { text, start: word.start, spaceBefore };
        continue;
      }
    }

    const token: Mutable<TranscriptToken> = {
      text: pending === undefined ? text : pending.text + (spaceBefore ? ' ' : '') + text,
      start: pending === undefined ? word.start : Math.min(pending.start, word.start),
      end: word.end,
      paragraph,
      spaceBefore: pending === undefined ? spaceBefore : pending.spaceBefore,
    };
    if (word.language !== undefined && word.language !== segment.language) token.language = word.language;
    tokens.push(token);
    pending = undefined;
  }
  // Punctuation with nothing after it to open: it stands on its own.
  if (pending !== undefined) {
    tokens.push({
      text: pending.text,
      start: pending.start,
      end: pending.start,
      paragraph,
      spaceBefore: pending.spaceBefore,
    });
  }

  if (tokens.length === first) {
    const text = typeof segment.text === 'string' ? normalize(segment.text) : '';
    if (text !== '')
      tokens.push({ text, start: segment.start, end: segment.end, paragraph, spaceBefore: false });
  }
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Core's joinWords is the one source of the spacing rules (no space before `,`, none between
// Chinese characters, …): with two non-empty normalized texts it returns them either joined or
// separated by exactly one space.
function needsSpaceBetween(before: string, after: string): boolean {
  return joinWords([{ text: before }, { text: after }]) !== before + after;
}

function directionOf(tokens: readonly TranscriptToken[], from: number): 'ltr' | 'rtl' {
  for (let index = from; index < tokens.length; index++) {
    const direction = firstStrongDirection(tokens[index]?.text ?? '');
    if (direction !== undefined) return direction;
  }
  return 'ltr';
}

/**
The direction of the first strongly directional character of `text`, as `dir="auto"` decides it;
`undefined` when there is none.
*/
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | undefined {
  const match = strong.exec(text);
  if (match === null) return undefined;
  return rightToLeft.test(match[0]) ? 'rtl' : 'ltr';
}
