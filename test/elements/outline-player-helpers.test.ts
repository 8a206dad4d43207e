import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../src/core/index.js';
import { findChapter, sortChapters } from '../../src/elements/outline-player/current-chapter.js';
import { formatTime, toDurationString } from '../../src/elements/outline-player/format-time.js';

describe('sortChapters', () => {
  it('sorts by start, keeps the order of equal starts and drops chapters without a finite start', () => {
    const chapters = [
      { title: 'C', start: 30 },
      { title: 'A', start: 0 },
      { title: 'B1', start: 10 },
      { title: 'broken', start: Number.NaN },
      { title: 'B2', start: 10 },
    ] as Chapter[];
    expect(sortChapters(chapters).map((chapter) => chapter.title)).toEqual(['A', 'B1', 'B2', 'C']);
  });
});

describe('findChapter', () => {
  const chapters: Chapter[] = [
    { title: 'A', start: 5 },
    { title: 'B', start: 10, end: 20 },
    { title: 'C', start: 30, end: 40 },
  ];

  it('finds the last chapter that started, until the next one starts', () => {
    expect([4.99, 5, 9.99, 10, 19.99].map((time) => findChapter(chapters, time))).toEqual([-1, 0, 0, 1, 1]);
  });

  it('finds no chapter after an end and before the next start, nor after the last end', () => {
    expect([20, 29.9, 30, 39.9, 40, 1e6].map((time) => findChapter(chapters, time))).toEqual([
      -1, -1, 2, 2, -1, -1,
    ]);
  });

  it('finds nothing in an empty outline and ignores an end that is not after the start', () => {
    expect(findChapter([], 3)).toBe(-1);
    expect(findChapter([{ title: 'Zero', start: 1, end: 1 }], 100)).toBe(0);
  });

  it('agrees with a linear scan over a long outline', () => {
    const long: Chapter[] = Array.from({ length: 500 }, (_, index) => ({
      title: `${index}`,
      start: index * 7,
    }));
    for (let time = -3; time < 3600; time += 2.5) {
      const linear = long.findLastIndex((chapter) => chapter.start <= time);
      expect(findChapter(long, time)).toBe(linear);
    }
  });
});

describe('formatTime', () => {
  it('writes M:SS under an hour and H:MM:SS from an hour, rounding down', () => {
    expect([0, 5.99, 65, 725.9, 3599.999, 3600, 3725, 36000].map((time) => formatTime(time))).toEqual([
      '0:00',
      '0:05',
      '1:05',
      '12:05',
      '59:59',
      '1:00:00',
      '1:02:05',
      '10:00:00',
    ]);
  });

  it('adds hours on request, and reads negative and non-finite times as zero', () => {
    expect(formatTime(95.5, true)).toBe('0:01:35');
    expect([-4, Number.NaN, Infinity].map((time) => formatTime(time))).toEqual(['0:00', '0:00', '0:00']);
  });
});

describe('toDurationString', () => {
  it('writes an HTML duration string, keeping milliseconds', () => {
    expect([0, 5, 95.5, 3600, 3725.125, -1].map(toDurationString)).toEqual([
      'PT0S',
      'PT5S',
      'PT1M35.5S',
      'PT1H0S',
      'PT1H2M5.125S',
      'PT0S',
    ]);
  });
});
