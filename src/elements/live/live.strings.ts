import type { Strings } from '../shared/locale.js';
import type { DownloadFormat } from '../transcript/download.js';
import type { LiveState } from './live-session-controller.js';

/** Why a live session failed, as `<scribe-live>` tells the user. */
export interface LiveErrorStrings {
  permissionDenied: string;
  noDevice: string;
  deviceBusy: string;
  unsupported: string;
  deviceLost: string;
  /** Neither `endpoint` nor a `realtime` client is set. */
  noEndpoint: string;
  /** The Worker refused to mint more keys for now (429). */
  rateLimited: string;
  /** The Worker refused to mint a key (any other status). */
  keyRefused: string;
  /** The Worker could not be reached. */
  network: string;
  /** The realtime connection or the provider failed. */
  connection: string;
  /** A recording played as the microphone could not be read or decoded. */
  audio: string;
  /** Anything else. */
  generic: string;
}

/** The words `<scribe-live>` shows and announces. */
export interface LiveStrings {
  /** The accessible name of the control group. */
  controls: string;
  /** The accessible name of the transcript region. */
  transcript: string;
  /** Shown before the first words. */
  empty: string;
  start: string;
  stop: string;
  pause: string;
  resume: string;
  mute: string;
  unmute: string;
  /** The accessible name of the level meter. */
  level: string;
  /** The button that scrolls back to the newest words after the reader scrolled up. */
  jumpToLive: string;
  /** The label of a speaker the provider numbered (`1`). */
  speaker: (id: string) => string;
  /** The status line for each state, and for a paused session. */
  status: Record<LiveState | 'paused', string>;
  /** The label of the group of download buttons. */
  downloads: string;
  /** A download button's visible text. */
  formatShortName: Record<DownloadFormat, string>;
  /** A download button's accessible name. */
  downloadFormat: Record<DownloadFormat, string>;
  /** The message of the `scribe-error` a failed download dispatches. */
  downloadFailed: string;
  errors: LiveErrorStrings;
}

/** English and Hebrew strings of `<scribe-live>`. */
export const liveStrings: Strings<LiveStrings> = {
  en: {
    controls: 'Live transcription',
    transcript: 'Live transcript',
    empty: 'Press Start and speak: the words appear here as they are recognised.',
    start: 'Start',
    stop: 'Stop',
    pause: 'Pause',
    resume: 'Resume',
    mute: 'Mute',
    unmute: 'Unmute',
    level: 'Input level',
    jumpToLive: 'Jump to live',
    speaker: (id) => `Speaker ${id}`,
    status: {
      idle: 'Ready',
      'requesting-permission': 'Waiting for microphone permission…',
      connecting: 'Connecting…',
      live: 'Listening',
      paused: 'Paused',
      reconnecting: 'Reconnecting…',
      stopping: 'Finishing…',
      error: 'Stopped by an error',
    },
    downloads: 'Download',
    formatShortName: { srt: 'SRT', vtt: 'VTT', txt: 'TXT', json: 'JSON' },
    downloadFormat: {
      srt: 'Download subtitles (SRT)',
      vtt: 'Download captions (WebVTT)',
      txt: 'Download text (TXT)',
      json: 'Download data (JSON)',
    },
    downloadFailed: 'The transcript could not be downloaded.',
    errors: {
      permissionDenied:
        'Microphone access was blocked. Allow it in the browser’s site settings, then press Start again.',
      noDevice: 'No microphone was found.',
      deviceBusy: 'The microphone is in use by another application, or could not be started.',
      unsupported: 'This browser cannot record from the microphone here (it needs HTTPS).',
      deviceLost: 'The microphone was disconnected.',
      noEndpoint: 'No server is configured: set the endpoint attribute or a realtime client.',
      rateLimited: 'Too many sessions were started; try again in a minute.',
      keyRefused: 'The server refused to start a transcription session.',
      network: 'The server could not be reached.',
      connection: 'The connection to the transcription service failed.',
      audio: 'The recording could not be played.',
      generic: 'Live transcription failed.',
    },
  },
  he: {
    controls: 'תמלול חי',
    transcript: 'תמליל חי',
    empty: 'לחצו על „התחלה” ודברו: המילים יופיעו כאן תוך כדי זיהוי.',
    start: 'התחלה',
    stop: 'עצירה',
    pause: 'השהיה',
    resume: 'המשך',
    mute: 'השתקה',
    unmute: 'ביטול השתקה',
    level: 'עוצמת הקלט',
    jumpToLive: 'חזרה לזמן אמת',
    speaker: (id) => `דובר ${id}`,
    status: {
      idle: 'מוכן',
      'requesting-permission': 'ממתין להרשאת מיקרופון…',
      connecting: 'מתחבר…',
      live: 'מאזין',
      paused: 'מושהה',
      reconnecting: 'מתחבר מחדש…',
      stopping: 'מסיים…',
      error: 'נעצר בגלל שגיאה',
    },
    downloads: 'הורדה',
    formatShortName: { srt: 'SRT', vtt: 'VTT', txt: 'TXT', json: 'JSON' },
    downloadFormat: {
      srt: 'הורדת כתוביות (SRT)',
      vtt: 'הורדת כתוביות (WebVTT)',
      txt: 'הורדת טקסט (TXT)',
      json: 'הורדת נתונים (JSON)',
    },
    downloadFailed: 'לא ניתן להוריד את התמליל.',
    errors: {
      permissionDenied: 'הגישה למיקרופון נחסמה. אפשרו אותה בהגדרות האתר בדפדפן ולחצו שוב על „התחלה”.',
      noDevice: 'לא נמצא מיקרופון.',
      deviceBusy: 'המיקרופון בשימוש של יישום אחר, או שלא ניתן להפעיל אותו.',
      unsupported: 'הדפדפן אינו יכול להקליט מהמיקרופון בדף הזה (נדרש HTTPS).',
      deviceLost: 'המיקרופון נותק.',
      noEndpoint: 'לא הוגדר שרת: הגדירו את המאפיין endpoint או לקוח realtime.',
      rateLimited: 'נפתחו יותר מדי הפעלות; נסו שוב בעוד דקה.',
      keyRefused: 'השרת סירב לפתוח הפעלת תמלול.',
      network: 'לא ניתן להגיע לשרת.',
      connection: 'החיבור לשירות התמלול נכשל.',
      audio: 'לא ניתן לנגן את ההקלטה.',
      generic: 'התמלול החי נכשל.',
    },
  },
};
