import type { Strings } from '../shared/locale.js';

/** The words `<scribe-outline-player>` shows and announces. */
export interface OutlinePlayerStrings {
  /** The accessible name of the playback controls. */
  player: string;
  /** The play button's accessible name while paused. */
  play: string;
  /** The play button's accessible name while playing. */
  pause: string;
  /** The progress bar's accessible name. */
  position: string;
  /** The progress bar's value: the time, out of the length when it is known. */
  timeOf: (time: string, duration: string) => string;
  /** A chapter named by its number (from 1) and title, in the progress bar's value and announcements. */
  chapter: (number: number, title: string) => string;
  /** The accessible name of the chapter list. */
  chapters: string;
  /** How to use the chapter list from the keyboard, read as its description. */
  keyboardHint: string;
  /** Describes a chapter whose start time is uncertain; also the marker's tooltip. */
  lowConfidence: string;
  /** Shown while chapters load. */
  loading: string;
  /** Shown, and the message of the `scribe-error` dispatched, when chapters cannot be loaded. */
  loadFailed: string;
  /** The message of the `scribe-error` dispatched when the media refuses to play. */
  playFailed: string;
}

/** English and Hebrew strings of `<scribe-outline-player>`. */
export const outlinePlayerStrings: Strings<OutlinePlayerStrings> = {
  en: {
    player: 'Player',
    play: 'Play',
    pause: 'Pause',
    position: 'Playback position',
    timeOf: (time, duration) => `${time} of ${duration}`,
    chapter: (number, title) => `Chapter ${number}: ${title}`,
    chapters: 'Chapters',
    keyboardHint: 'Up and down arrows move between chapters. Enter plays from the selected chapter.',
    lowConfidence: 'Approximate start time',
    loading: 'Loading chapters…',
    loadFailed: 'The chapters could not be loaded.',
    playFailed: 'The audio could not be played.',
  },
  he: {
    player: 'נגן',
    play: 'הפעלה',
    pause: 'השהיה',
    position: 'מיקום הניגון',
    timeOf: (time, duration) => `${time} מתוך ${duration}`,
    chapter: (number, title) => `פרק ${number}: ${title}`,
    chapters: 'פרקים',
    keyboardHint: 'מקשי החצים למעלה ולמטה עוברים בין הפרקים. Enter מנגן מהפרק שנבחר.',
    lowConfidence: 'זמן התחלה משוער',
    loading: 'טוען פרקים…',
    loadFailed: 'לא ניתן לטעון את הפרקים.',
    playFailed: 'לא ניתן לנגן את ההקלטה.',
  },
};
