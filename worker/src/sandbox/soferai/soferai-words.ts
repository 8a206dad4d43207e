import type { SampleWord } from '../samples/demo-sample.js';

/**
The sandbox's placeholder speech for audio it does not know, per primary language. A word written
`transliteration|עברית` is a Hebrew word inside English (or French) speech, which SoferAI renders
according to `hebrew_word_format`. Each script says plainly that it is not a transcription.
*/
export const SOFERAI_SANDBOX_SCRIPTS: Readonly<Record<'en' | 'he' | 'yi' | 'fr', readonly string[]>> = {
  en: [
    'This is a sandbox transcript of a shiur|שיעור.',
    'The scribekit sandbox does not transcribe audio, so these words are placeholders.',
    'They span the real length of your recording, from the first pasuk|פסוק to the last.',
  ],
  he: [
    'זהו תמלול של ארגז החול.',
    'ארגז החול של scribekit אינו מתמלל שמע, ולכן המילים האלה ממלאות מקום בלבד.',
    'הן נפרסות על פני האורך האמיתי של ההקלטה.',
  ],
  yi: [
    'דאָס איז אַ סאַנדבאָקס טראַנסקריפּט.',
    'דער סאַנדבאָקס טראַנסקריבירט נישט קיין אַודיאָ, דערפֿאַר זענען די ווערטער בלויז אָרטהאַלטערס.',
    'זיי דעקן די גאַנצע לענג פֿון אײַער רעקאָרדירונג.',
  ],
  fr: [
    'Ceci est une transcription factice du bac à sable pour un shiur|שיעור.',
    "Le bac à sable de scribekit ne transcrit pas l'audio, ces mots ne sont que des substituts.",
    'Ils couvrent la durée réelle de votre enregistrement.',
  ],
};

/** One spoken word: plain, or a Hebrew term with both its forms. */
export interface SpokenWord extends SampleWord {
  /** Set for a Hebrew word inside other speech; `text` is then its transliteration. */
  readonly term?: { readonly transliteration: string; readonly hebrew: string; readonly punctuation: string };
}

// About 2.5 words a second, the pace of ordinary speech (as the shared placeholder words).
const WORD_SLOT_MS = 400;
const WORD_GAP_MS = 80;

/**
Placeholder words for `durationMs` of unknown audio in `language` (English for a language without
a script): the script repeated, one word every ~400 ms from 0 to the end, the last one ending a
sentence. With `speakers` above 1 the speaker changes with every sentence.
*/
export function soferaiSandboxWords(durationMs: number, language: string, speakers: number): SpokenWord[] {
  if (!(durationMs > 0)) return [];
  const script = (
    SOFERAI_SANDBOX_SCRIPTS[language as keyof typeof SOFERAI_SANDBOX_SCRIPTS] ?? SOFERAI_SANDBOX_SCRIPTS.en
  ).map((sentence) => sentence.split(' '));
  const count = Math.max(1, Math.floor(durationMs / WORD_SLOT_MS));
  const slot = durationMs / count;
  const gap = Math.min(WORD_GAP_MS, slot / 5);
  const words: SpokenWord[] = [];
  let sentence = 0;
  let position = 0;
  for (let index = 0; index < count; index++) {
    const tokens = script[sentence % script.length] ?? [];
    let raw = tokens[position] ?? '';
    if (index === count - 1 && !/[.!?]$/.test(raw)) raw = `${raw.replace(/[,;:]$/, '')}.`;
    const timing = { startMs: Math.round(index * slot), endMs: Math.round((index + 1) * slot - gap) };
    const speaker = speakers > 1 ? { speaker: String((sentence % speakers) + 1) } : {};
    words.push({ ...parseWord(raw), ...timing, ...speaker });
    position++;
    if (position >= tokens.length) {
      sentence++;
      position = 0;
    }
  }
  return words;
}

function parseWord(raw: string): Pick<SpokenWord, 'text' | 'term'> {
  const match = /^([^|]+)\|([^.,;:!?]+)([.,;:!?]*)$/u.exec(raw);
  if (match === null) return { text: raw };
  const [, transliteration = '', hebrew = '', punctuation = ''] = match;
  return { text: `${transliteration}${punctuation}`, term: { transliteration, hebrew, punctuation } };
}

/** One entry of SoferAI's `timestamps`. */
export interface SoferaiTimestamp {
  readonly word: string;
  /** Seconds. */
  readonly start: number;
  /** Seconds. */
  readonly end: number;
  readonly hebrew_word_format: readonly string[] | null;
  readonly speaker: string | null;
}

/** What a transcription's words look like on the wire: its text and its timestamps. */
export interface RenderedTranscript {
  readonly text: string;
  readonly timestamps: readonly SoferaiTimestamp[];
}

/**
Renders words as SoferAI would for a `hebrew_word_format`:

- `["he"]` or `["en"]` alone: each Hebrew term in that one form, untagged punctuation after it;
- both `en` and `he`: the transliteration (tagged `["en"]`, in `<i>` tags in the text) followed by
  the Hebrew (tagged `["he"]`), both timed as the spoken word, as the OpenAPI's example text
  `Welcome to today's <i>shiur</i> שיעור.` shows;
- `hybrid`: one token holding both forms, tagged `["en", "he"]`, the text as for both.

How hybrid tokens look is unconfirmed (reference/soferai.md §3.1, §3.5); this is the sandbox's
reading of "transliteration and Hebrew for each word". Words without a term are untagged.
*/
export function renderTranscript(
  words: readonly SpokenWord[],
  formats: readonly string[],
  options: { speakerLabels: boolean },
): RenderedTranscript {
  const timestamps: SoferaiTimestamp[] = [];
  const texts: string[] = [];
  const hybrid = formats.includes('hybrid');
  const both = hybrid || (formats.includes('en') && formats.includes('he'));
  const onlyHebrew = !both && formats.includes('he');
  for (const word of words) {
    const timing = {
      start: word.startMs / 1000,
      end: word.endMs / 1000,
      speaker: options.speakerLabels ? (word.speaker ?? '1') : null,
    };
    const term = word.term;
    if (term === undefined) {
      timestamps.push({ word: word.text, ...timing, hebrew_word_format: null });
      texts.push(word.text);
    } else if (hybrid) {
      timestamps.push({
        word: `${term.transliteration} ${term.hebrew}${term.punctuation}`,
        ...timing,
        hebrew_word_format: ['en', 'he'],
      });
      texts.push(`<i>${term.transliteration}</i> ${term.hebrew}${term.punctuation}`);
    } else if (both) {
      timestamps.push({ word: term.transliteration, ...timing, hebrew_word_format: ['en'] });
      timestamps.push({ word: `${term.hebrew}${term.punctuation}`, ...timing, hebrew_word_format: ['he'] });
      texts.push(`<i>${term.transliteration}</i> ${term.hebrew}${term.punctuation}`);
    } else if (onlyHebrew) {
      timestamps.push({ word: `${term.hebrew}${term.punctuation}`, ...timing, hebrew_word_format: ['he'] });
      texts.push(`${term.hebrew}${term.punctuation}`);
    } else {
      timestamps.push({ word: word.text, ...timing, hebrew_word_format: ['en'] });
      texts.push(word.text);
    }
  }
  return { text: texts.join(' '), timestamps };
}
