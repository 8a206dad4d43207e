import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCues,
  createTranscript,
  formatTimestamp,
  parseVttChapters,
  toSrt,
  toVtt,
  toVttChapters,
  type Chapter,
  type Cue,
  type CueOptions,
  type Transcript,
  type Word,
} from '../../../src/core/transcript/index.js';
import { parseSrt, parseVtt, type ParsedCue } from './subtitle-parsers.js';

// The whitespace the exporters may add, drop or collapse; everything else must survive.
const layoutWhitespace = /[ \t\n\v\f\r\u0085\u2028\u2029]/g;
const withoutLayout = (text: string) => text.replace(layoutWhitespace, '');
// The unit of maxCharactersPerCue, as its documentation defines it.
const visibleLength = (text: string) => [...text.replace(/[\p{M}\p{Cf}]/gu, '')].length;
const milliseconds = (seconds: number) => Math.round(seconds * 1000);

const wordText = fc.oneof(
  fc.constantFrom(
    'Hello',
    'world.',
    'שָׁלוֹם',
    'לכולם,',
    'React',
    'מה?',
    '.',
    ',',
    '?',
    '(',
    ')',
    '“',
    '—',
    '-->',
    '--->',
    '<b>',
    '</v>',
    'a&b',
    '&amp;',
    'x>y',
    ' leading',
    'line\nbreak',
    '\t',
    '',
    '我',
    '\u200Fמילה',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.stringMatching(/^[a-z\u05d0-\u05ea]{1,40}$/),
);

const speaker = fc.option(fc.constantFrom('A', 'B', 'דנה', 'Tom & <Jerry>', '1'), { nil: undefined });
const language = fc.option(fc.constantFrom('en', 'he'), { nil: undefined });

// Words in start order: each starts some time after the previous start, and may run past the next.
function wordsOf(text: fc.Arbitrary<string>): fc.Arbitrary<Word[]> {
  return fc
    .tuple(
      // Sometimes start far in: past one hour and past 100 hours.
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 * 3600 * 1000 })),
      fc.array(
        fc.record({
          text,
          gap: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 5000 })),
          length: fc.oneof(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 12_000 })),
          jitter: fc.integer({ min: 0, max: 999 }),
          speaker,
          language,
        }),
        { maxLength: 60 },
      ),
    )
    .map(([offset, items]) => {
      let start = offset;
      return items.map((item) => {
        // Microsecond jitter keeps times off the millisecond grid, still in start order.
        start += item.gap + item.jitter / 1000;
        const word: Word = { text: item.text, start: start / 1000, end: (start + item.length) / 1000 };
        if (item.speaker !== undefined) word.speaker = item.speaker;
        if (item.language !== undefined) word.language = item.language;
        return word;
      });
    });
}

// Three shapes of transcript: built from words, words without segments, timed segments without words.
function transcriptsOf(text: fc.Arbitrary<string>): fc.Arbitrary<Pick<Transcript, 'words' | 'segments'>> {
  return fc
    .tuple(
      wordsOf(text),
      fc.constantFrom('segments', 'words only', 'segment text only'),
      fc.record({
        maxPauseInSeconds: fc.constantFrom(0, 0.5, 1.5, 10),
        splitOnLanguageChange: fc.boolean(),
        maxSegmentDurationInSeconds: fc.constantFrom(2, 15, Infinity),
      }),
    )
    .map(([words, shape, segmentation]) => {
      const transcript = createTranscript({ provider: 'test', words, segmentation });
      if (shape === 'words only') return { words, segments: [] };
      if (shape === 'segment text only') {
        return { words: [], segments: transcript.segments.map((segment) => ({ ...segment, words: [] })) };
      }
      return transcript;
    });
}

const cueOptions: fc.Arbitrary<CueOptions> = fc.record({
  maxCharactersPerCue: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.constant(84)),
  maxCueDurationInSeconds: fc.oneof(
    fc.integer({ min: 100, max: 15_000 }).map((ms) => ms / 1000),
    fc.constant(7),
  ),
});

// Where the cue's text came from: its words, or (for segments without words) the segment text.
function isSingleWord(cue: Cue): boolean {
  return cue.words.length === 1 || (cue.words.length === 0 && !cue.text.includes(' '));
}

function expectOrderedAndDisjoint(cues: readonly ParsedCue[]): void {
  cues.forEach((cue, index) => {
    expect(cue.end).toBeGreaterThanOrEqual(cue.start);
    const next = cues[index + 1];
    if (next !== undefined) {
      expect(next.start).toBeGreaterThanOrEqual(cue.start);
      expect(cue.end).toBeLessThanOrEqual(next.start);
    }
  });
}

function segmentsOverlap(segments: Transcript['segments']): boolean {
  return segments.some((segment, index) => index > 0 && segment.start < (segments[index - 1]?.end ?? 0));
}

function sourceText(transcript: Pick<Transcript, 'words' | 'segments'>): string {
  if (transcript.words.length > 0) return transcript.words.map((word) => word.text).join('');
  return transcript.segments.map((segment) => segment.text).join('');
}

describe('subtitle format properties', () => {
  it('writes SRT whose every cue parses, in order, without overlaps, matching buildCues', () => {
    fc.assert(
      fc.property(transcriptsOf(wordText), cueOptions, fc.boolean(), (transcript, options, speakerLabels) => {
        const cues = buildCues(transcript, options);
        const parsed = parseSrt(toSrt(transcript, { ...options, speakerLabels }));
        expect(parsed).toHaveLength(cues.length);
        expectOrderedAndDisjoint(parsed);
        parsed.forEach((cue, index) => {
          const source = cues[index] as Cue;
          expect(cue.start).toBe(milliseconds(source.start));
          expect(cue.end).toBe(milliseconds(source.end));
          const text = source.text.replace(/-{2,}>/g, '->');
          if (speakerLabels && source.speaker !== undefined)
            expect(cue.text.endsWith(`: ${text}`)).toBe(true);
          else expect(cue.text).toBe(text);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes WebVTT whose every cue parses, in order, without overlaps, matching buildCues', () => {
    fc.assert(
      fc.property(transcriptsOf(wordText), cueOptions, (transcript, options) => {
        const cues = buildCues(transcript, options);
        const parsed = parseVtt(toVtt(transcript, options));
        expect(parsed).toHaveLength(cues.length);
        expectOrderedAndDisjoint(parsed);
        parsed.forEach((cue, index) => {
          const source = cues[index] as Cue;
          expect(cue.start).toBe(milliseconds(source.start));
          expect(cue.end).toBe(milliseconds(source.end));
          expect(cue.text).toBe(source.text);
          expect(cue.voice).toBe(source.speaker);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every cue within the character and duration limits unless it is a single word', () => {
    fc.assert(
      fc.property(transcriptsOf(wordText), cueOptions, (transcript, options) => {
        const maxCharacters = options.maxCharactersPerCue ?? 84;
        const maxDuration = options.maxCueDurationInSeconds ?? 7;
        for (const cue of buildCues(transcript, options)) {
          expect(cue.text).not.toBe('');
          expect(cue.end).toBeGreaterThanOrEqual(cue.start);
          if (isSingleWord(cue)) continue;
          expect(visibleLength(cue.text)).toBeLessThanOrEqual(maxCharacters);
          expect(cue.end - cue.start).toBeLessThanOrEqual(maxDuration + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('loses, adds and reorders no text', () => {
    fc.assert(
      fc.property(transcriptsOf(wordText), cueOptions, (transcript, options) => {
        const cues = buildCues(transcript, options);
        const vtt = parseVtt(toVtt(transcript, options));
        // Segments without words get times spread over their span; when such segments overlap,
        // their cues interleave by time, so only the characters (not their order) can be compared.
        const inOrder = transcript.words.length > 0 || !segmentsOverlap(transcript.segments);
        const normalize = (text: string) =>
          inOrder ? withoutLayout(text) : [...withoutLayout(text)].sort().join('');
        expect(normalize(cues.map((cue) => cue.text).join(''))).toBe(normalize(sourceText(transcript)));
        expect(normalize(vtt.map((cue) => cue.text).join(''))).toBe(normalize(sourceText(transcript)));
      }),
      { numRuns: 300 },
    );
  });

  it('puts every non-empty word in exactly one cue, in order', () => {
    fc.assert(
      fc.property(transcriptsOf(wordText), cueOptions, (transcript, options) => {
        fc.pre(transcript.words.length > 0);
        const inCues = buildCues(transcript, options).flatMap((cue) => cue.words);
        const spoken = transcript.words.filter((word) => withoutLayout(word.text) !== '');
        expect(inCues).toHaveLength(spoken.length);
        inCues.forEach((word, index) => expect(word).toBe(spoken[index]));
      }),
      { numRuns: 300 },
    );
  });

  it('writes each uniquely named word once, in order, in SRT', () => {
    const named = fc.integer({ min: 0, max: 1 }).map(() => '');
    fc.assert(
      fc.property(wordsOf(named), cueOptions, (words, options) => {
        const unique = words.map((word, index) => ({ ...word, text: `w${index}` }));
        const transcript = createTranscript({ provider: 'test', words: unique });
        const written = parseSrt(toSrt(transcript, options)).flatMap((cue) => cue.text.split(' '));
        expect(written).toEqual(unique.map((word) => word.text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatTimestamp properties', () => {
  it('writes the time rounded to the millisecond, with minutes and seconds under 60', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1e7, noNaN: true }),
          fc.integer({ min: 0, max: 400 * 3600 * 1000 }).map((ms) => ms / 1000 - 0.0004),
        ),
        fc.constantFrom<',' | '.'>(',', '.'),
        (seconds, separator) => {
          fc.pre(seconds >= 0);
          const match = /^(\d{2,}):([0-5]\d):([0-5]\d)([,.])(\d{3})$/.exec(
            formatTimestamp(seconds, { separator }),
          );
          expect(match).not.toBeNull();
          const [, hours, minutes, secs, written, millis] = match as unknown as [
            string,
            string,
            string,
            string,
            string,
            string,
          ];
          expect(written).toBe(separator);
          expect(((Number(hours) * 60 + Number(minutes)) * 60 + Number(secs)) * 1000 + Number(millis)).toBe(
            milliseconds(seconds),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('WebVTT chapters properties', () => {
  const title = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.constantFrom(
      'פתיחה',
      'Q&A <live>',
      '--> next',
      'NOTE',
      'WEBVTT',
      '&amp;',
      '  spaced  ',
      'a\nb',
      '00:00.000 --> 00:01.000',
    ),
  );
  const chapters = fc
    .tuple(
      fc.integer({ min: 0, max: 400 * 3600 * 1000 }),
      fc.array(
        fc.record({
          title,
          gap: fc.integer({ min: 0, max: 3_600_000 }),
          length: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
        }),
        { maxLength: 20 },
      ),
      fc.integer({ min: 0, max: 3_600_000 }),
    )
    .map(([offset, items, tail]) => {
      let start = offset;
      const list: Chapter[] = items.map((item) => {
        start += item.gap;
        const chapter: Chapter = { title: item.title, start: start / 1000 };
        if (item.length !== undefined) chapter.end = (start + item.length) / 1000;
        return chapter;
      });
      return { list, durationInSeconds: (start + tail) / 1000 };
    });

  it('reads back what it writes: titles, starts, and ends clamped to the next chapter', () => {
    fc.assert(
      fc.property(chapters, ({ list, durationInSeconds }) => {
        const track = toVttChapters(list, { durationInSeconds });
        parseVtt(track);
        const read = parseVttChapters(track);
        expect(read).toHaveLength(list.length);
        read.forEach((chapter, index) => {
          const source = list[index] as Chapter;
          const next = list[index + 1];
          const end = Math.min(source.end ?? Infinity, next?.start ?? Infinity);
          expect(chapter.title).toBe(
            source.title.replace(/[ \t\n\v\f\r\u0085\u2028\u2029]+/g, ' ').replace(/^ | $/g, ''),
          );
          expect(chapter.start).toBe(source.start);
          expect(chapter.end).toBe(Math.max(source.start, end === Infinity ? durationInSeconds : end));
        });
      }),
      { numRuns: 300 },
    );
  });
});
