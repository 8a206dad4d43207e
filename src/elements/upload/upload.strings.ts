import type { Strings } from '../shared/locale.js';

/** Every string `<scribe-upload>` shows or announces. */
export interface UploadStrings {
  dropzone: string;
  dropzoneHint: string;
  dropzoneActive: string;
  urlLabel: string;
  urlPlaceholder: string;
  urlButton: string;
  fileName: string;
  fileSize: string;
  duration: string;
  estimatedCost: string;
  costBelowCent: (cent: string) => string;
  approximately: (cost: string) => string;
  link: string;
  language: string;
  detectLanguage: string;
  diarize: string;
  speakerCount: string;
  speakerCountAny: string;
  start: string;
  cancel: string;
  retry: string;
  progressLabel: string;
  bytesOf: (loaded: string, total: string) => string;
  uploadedPercent: (percent: number) => string;
  status: {
    probing: string;
    ready: string;
    uploading: string;
    queued: string;
    processing: string;
    completed: string;
    cancelled: string;
    error: string;
  };
  errors: {
    tooLarge: (size: string, maxSize: string) => string;
    wrongType: (name: string) => string;
    folderLink: string;
    badLink: string;
    noEndpoint: string;
    network: string;
    timeout: string;
    api: (status: number) => string;
    failed: string;
    unknown: string;
  };
}

/** English and Hebrew strings of `<scribe-upload>`. */
export const uploadStrings: Strings<UploadStrings> = {
  en: {
    dropzone: 'Drop an audio or video file here, or choose one',
    dropzoneHint: 'You can also paste a file.',
    dropzoneActive: 'Release to use this file',
    urlLabel: 'Or transcribe a link',
    urlPlaceholder: 'https://… (Google Drive, Dropbox, OneDrive or a direct link)',
    urlButton: 'Use link',
    fileName: 'File',
    fileSize: 'Size',
    duration: 'Duration',
    estimatedCost: 'Estimated cost',
    costBelowCent: (cent) => `< ${cent}`,
    approximately: (cost) => `≈ ${cost}`,
    link: 'Link',
    language: 'Language',
    detectLanguage: 'Detect automatically',
    diarize: 'Label speakers',
    speakerCount: 'Number of speakers',
    speakerCountAny: 'Any',
    start: 'Transcribe',
    cancel: 'Cancel',
    retry: 'Try again',
    progressLabel: 'Upload progress',
    bytesOf: (loaded, total) => `${loaded} of ${total}`,
    uploadedPercent: (percent) => `Uploaded ${percent}%`,
    status: {
      probing: 'Reading the file…',
      ready: 'Ready to transcribe',
      uploading: 'Uploading…',
      queued: 'Waiting in the queue…',
      processing: 'Transcribing…',
      completed: 'Transcription complete',
      cancelled: 'Cancelled',
      error: 'Transcription failed',
    },
    errors: {
      tooLarge: (size, maxSize) => `This file is ${size}; the limit is ${maxSize}.`,
      wrongType: (name) => `${name} is not an accepted file type.`,
      folderLink: 'Folder links cannot be transcribed: share the file itself.',
      badLink: 'This link cannot be transcribed: paste a link to an audio or video file.',
      noEndpoint: 'No transcription service is set up: give the element an endpoint or a client.',
      network: 'The server could not be reached. Check your connection and try again.',
      timeout: 'The server took too long to answer. Try again.',
      api: (status) => `The transcription service refused the request (HTTP ${status}).`,
      failed: 'The transcription service could not transcribe this audio.',
      unknown: 'Something went wrong. Try again.',
    },
  },
  he: {
    dropzone: 'גררו לכאן קובץ שמע או וידאו, או בחרו קובץ',
    dropzoneHint: 'אפשר גם להדביק קובץ.',
    dropzoneActive: 'שחררו כדי להשתמש בקובץ הזה',
    urlLabel: 'או תמללו קישור',
    urlPlaceholder: 'https://… (Google Drive,‏ Dropbox,‏ OneDrive או קישור ישיר)',
    urlButton: 'שימוש בקישור',
    fileName: 'קובץ',
    fileSize: 'גודל',
    duration: 'משך',
    estimatedCost: 'עלות משוערת',
    costBelowCent: (cent) => `פחות מ־${cent}`,
    approximately: (cost) => `כ־${cost}`,
    link: 'קישור',
    language: 'שפה',
    detectLanguage: 'זיהוי אוטומטי',
    diarize: 'זיהוי דוברים',
    speakerCount: 'מספר דוברים',
    speakerCountAny: 'לא ידוע',
    start: 'תמלול',
    cancel: 'ביטול',
    retry: 'ניסיון חוזר',
    progressLabel: 'התקדמות ההעלאה',
    bytesOf: (loaded, total) => `${loaded} מתוך ${total}`,
    uploadedPercent: (percent) => `הועלו ${percent}%`,
    status: {
      probing: 'קורא את הקובץ…',
      ready: 'מוכן לתמלול',
      uploading: 'מעלה…',
      queued: 'ממתין בתור…',
      processing: 'מתמלל…',
      completed: 'התמלול הושלם',
      cancelled: 'בוטל',
      error: 'התמלול נכשל',
    },
    errors: {
      tooLarge: (size, maxSize) => `גודל הקובץ ${size}; המגבלה היא ${maxSize}.`,
      wrongType: (name) => `סוג הקובץ ${name} אינו נתמך כאן.`,
      folderLink: 'אי אפשר לתמלל קישור לתיקייה: שתפו את הקובץ עצמו.',
      badLink: 'אי אפשר לתמלל את הקישור הזה: הדביקו קישור לקובץ שמע או וידאו.',
      noEndpoint: 'לא הוגדר שירות תמלול: יש לתת לרכיב endpoint או client.',
      network: 'אין חיבור לשרת. בדקו את החיבור ונסו שוב.',
      timeout: 'השרת לא ענה בזמן. נסו שוב.',
      api: (status) => `שירות התמלול דחה את הבקשה (HTTP ${status}).`,
      failed: 'שירות התמלול לא הצליח לתמלל את השמע הזה.',
      unknown: 'משהו השתבש. נסו שוב.',
    },
  },
};
