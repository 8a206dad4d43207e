import type { Chapter } from '../../core/index.js';

/**
The chapters a player can show: those with a finite `start`, sorted by it. Chapters that start at
the same time keep their order.
*/
export function sortChapters(chapters: readonly Chapter[]): Chapter[] {
  return chapters
    .filter((chapter) => typeof chapter.start === 'number' && Number.isFinite(chapter.start))
    .sort((a, b) => a.start - b.start);
}

/**
The index of the chapter playing at `timeInSeconds` in `chapters` (sorted by start, as
{@link sortChapters} returns them), or -1 before the first one.

A chapter runs until the next one starts, or until its own `end` when that comes first: in the gap
after such an `end`, no chapter is playing. Binary search, so a call per animation frame costs
nothing even for a long outline.
*/
export function findChapter(chapters: readonly Chapter[], timeInSeconds: number): number {
  let low = 0;
  let high = chapters.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((chapters[middle]?.start ?? Infinity) <= timeInSeconds) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const chapter = chapters[found];
  if (chapter === undefined) return -1;
  const end = chapter.end;
  return end !== undefined && end > chapter.start && timeInSeconds >= end ? -1 : found;
}
