import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { parseVttChapters, toVttChapters } from '../../../src/core/transcript/index.js';

describe('toVttChapters', () => {
  it('runs each chapter to the next one and the last to the duration', () => {
    expect(
      toVttChapters(
        [
          { title: 'Intro', start: 0 },
          { title: 'Q&A', start: 95.5 },
        ],
        { durationInSeconds: 180 },
      ),
    ).toBe('WEBVTT\n\n00:00:00.000 --> 00:01:35.500\nIntro\n\n00:01:35.500 --> 00:03:00.000\nQ&amp;A\n');
  });

  it('uses a chapter’s own end, but never past the next chapter’s start', () => {
    expect(
      toVttChapters([
        { title: 'One', start: 0, end: 10 },
        { title: 'Two', start: 20, end: 40 },
        { title: 'Three', start: 30, end: 50 },
      ]),
    ).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:10.000\nOne\n\n00:00:20.000 --> 00:00:30.000\nTwo\n\n00:00:30.000 --> 00:00:50.000\nThree\n',
    );
  });

  it('sorts chapters by start time', () => {
    expect(
      toVttChapters(
        [
          { title: 'B', start: 10 },
          { title: 'A', start: 0 },
        ],
        { durationInSeconds: 20 },
      ),
    ).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:10.000\nA\n\n00:00:10.000 --> 00:00:20.000\nB\n');
  });

  it('keeps Hebrew titles and escapes markup and line breaks', () => {
    expect(toVttChapters([{ title: 'פתיחה <intro>\n--> next', start: 3600, end: 360_000 }])).toBe(
      'WEBVTT\n\n01:00:00.000 --> 100:00:00.000\nפתיחה &lt;intro&gt; --&gt; next\n',
    );
  });

  it('writes only the header for no chapters', () => {
    expect(toVttChapters([])).toBe('WEBVTT\n');
  });

  it('needs a duration when the last chapter has no end', () => {
    expect(() => toVttChapters([{ title: 'Intro', start: 0 }])).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', argument: 'durationInSeconds' }),
    );
  });

  it('rejects invalid times', () => {
    expect(() => toVttChapters([{ title: 'x', start: -1, end: 2 }])).toThrow(InvalidArgumentError);
    expect(() => toVttChapters([{ title: 'x', start: 3, end: 2 }])).toThrow(
      expect.objectContaining({ argument: 'chapters[0].end' }),
    );
    expect(() => toVttChapters([{ title: 'x', start: 0 }], { durationInSeconds: Number.NaN })).toThrow(
      InvalidArgumentError,
    );
  });

  it('raises an end before the start to the start', () => {
    expect(toVttChapters([{ title: 'x', start: 10 }], { durationInSeconds: 5 })).toBe(
      'WEBVTT\n\n00:00:10.000 --> 00:00:10.000\nx\n',
    );
  });
});

describe('parseVttChapters', () => {
  it('reads what toVttChapters writes', () => {
    const chapters = [
      { title: 'Intro', start: 0, end: 95.5 },
      { title: 'Q&A <live>', start: 95.5, end: 180 },
    ];
    expect(parseVttChapters(toVttChapters(chapters))).toEqual(chapters);
  });

  it('tolerates cue identifiers, NOTE, STYLE and REGION blocks, and short timestamps', () => {
    const track = [
      'WEBVTT - chapters',
      'Kind: chapters',
      '',
      'NOTE written by hand',
      'over two lines',
      '',
      'STYLE',
      '::cue { color: red }',
      '',
      'REGION',
      'id:r1',
      '',
      'chapter-1',
      '00:00.000 --> 01:35.500 align:start',
      'Intro',
      '',
      '2',
      '01:35.500 --> 1:02:03.004',
      '<b>Q&amp;A</b> &lrm;&#x5D0;&#1489;',
      'second line',
      '',
    ].join('\n');
    expect(parseVttChapters(track)).toEqual([
      { title: 'Intro', start: 0, end: 95.5 },
      { title: 'Q&A \u200Eאב second line', start: 95.5, end: 3723.004 },
    ]);
  });

  it('tolerates a byte order mark, CRLF, comma separators and a missing header', () => {
    expect(parseVttChapters('\uFEFFWEBVTT\r\n\r\n00:00:01,000 --> 00:00:02,5\r\nA\r\n')).toEqual([
      { title: 'A', start: 1, end: 2.5 },
    ]);
    expect(parseVttChapters('00:01.000 --> 00:02.000\nB')).toEqual([{ title: 'B', start: 1, end: 2 }]);
  });

  it('reads hours past 99', () => {
    expect(parseVttChapters('WEBVTT\n\n100:00:00.000 --> 123:45:06.789\nLong')).toEqual([
      { title: 'Long', start: 360_000, end: 445_506.789 },
    ]);
  });

  it('skips blocks it cannot read', () => {
    const track =
      'WEBVTT\n\nno timing here\n\n00:61.000 --> 01:00.000\nBad minutes\n\n00:01.000 --> 00:02.000\nGood\n';
    expect(parseVttChapters(track)).toEqual([{ title: 'Good', start: 1, end: 2 }]);
  });

  it('keeps the start of a cue that ends before it starts', () => {
    expect(parseVttChapters('WEBVTT\n\n00:05.000 --> 00:01.000\nBackwards')).toEqual([
      { title: 'Backwards', start: 5 },
    ]);
  });

  it('reads an empty title', () => {
    expect(parseVttChapters('WEBVTT\n\n00:00.000 --> 00:01.000\n\n00:01.000 --> 00:02.000\nB')).toEqual([
      { title: '', start: 0, end: 1 },
      { title: 'B', start: 1, end: 2 },
    ]);
  });

  it('returns no chapters for an empty track', () => {
    expect(parseVttChapters('WEBVTT\n')).toEqual([]);
    expect(parseVttChapters('')).toEqual([]);
  });
});
