import type { Strings } from '../shared/locale.js';
import type { DownloadFormat } from './download.js';

/** The words `<scribe-transcript>` shows and announces. */
export interface TranscriptStrings {
  /** The accessible name of the word list. */
  transcript: string;
  /** Shown when there is no transcript. */
  empty: string;
  /** How to use the word list from the keyboard, read as its description. */
  keyboardHint: string;
  /** The label of a speaker the provider numbered or lettered (`1`, `A`). */
  speaker: (id: string) => string;
  /** The search box's accessible name. */
  search: string;
  /** The search box's placeholder. */
  searchPlaceholder: string;
  /** Which match is selected, out of how many. */
  matchPosition: (position: number, count: number) => string;
  /** Announced when the search settles. */
  matchCount: (count: number) => string;
  /** Shown and announced when a search finds nothing. */
  noMatches: string;
  previousMatch: string;
  nextMatch: string;
  /** The label of the group of download buttons. */
  downloads: string;
  /** A download button's visible text. */
  formatShortName: Record<DownloadFormat, string>;
  /** A download button's accessible name. */
  downloadFormat: Record<DownloadFormat, string>;
  /** The button that scrolls back to the playing word after the user scrolled away. */
  followPlayback: string;
  /** The message of the `scribe-error` a failed download dispatches. */
  downloadFailed: string;
}

/** English and Hebrew strings of `<scribe-transcript>`. */
export const transcriptStrings: Strings<TranscriptStrings> = {
  en: {
    transcript: 'Transcript',
    empty: 'No transcript yet.',
    keyboardHint: 'Arrow keys move between words. Enter plays from the selected word.',
    speaker: (id) => `Speaker ${id}`,
    search: 'Search the transcript',
    searchPlaceholder: 'Search',
    matchPosition: (position, count) => `${position} of ${count}`,
    matchCount: (count) => (count === 1 ? '1 match' : `${count} matches`),
    noMatches: 'No matches',
    previousMatch: 'Previous match',
    nextMatch: 'Next match',
    downloads: 'Download',
    formatShortName: { srt: 'SRT', vtt: 'VTT', txt: 'TXT', json: 'JSON' },
    downloadFormat: {
      srt: 'Download subtitles (SRT)',
      vtt: 'Download captions (WebVTT)',
      txt: 'Download text (TXT)',
      json: 'Download data (JSON)',
    },
    followPlayback: 'Follow playback',
    downloadFailed: 'The transcript could not be downloaded.',
  },
  he: {
    transcript: 'תמליל',
    empty: 'אין עדיין תמליל.',
    keyboardHint: 'מקשי החצים עוברים בין המילים. Enter מנגן מהמילה שנבחרה.',
    speaker: (id) => `דובר ${id}`,
    search: 'חיפוש בתמליל',
    searchPlaceholder: 'חיפוש',
    matchPosition: (position, count) => `${position} מתוך ${count}`,
    matchCount: (count) => (count === 1 ? 'תוצאה אחת' : `${count} תוצאות`),
    noMatches: 'אין תוצאות',
    previousMatch: 'התוצאה הקודמת',
    nextMatch: 'התוצאה הבאה',
    downloads: 'הורדה',
    formatShortName: { srt: 'SRT', vtt: 'VTT', txt: 'TXT', json: 'JSON' },
    downloadFormat: {
      srt: 'הורדת כתוביות (SRT)',
      vtt: 'הורדת כתוביות (WebVTT)',
      txt: 'הורדת טקסט (TXT)',
      json: 'הורדת נתונים (JSON)',
    },
    followPlayback: 'מעקב אחר הניגון',
    downloadFailed: 'לא ניתן להוריד את התמליל.',
  },
};
