import type { AudioIdentity } from '../samples/identify-audio.js';
import type { JobClock } from '../shared/job-clock.js';
import { soferaiBalance } from './soferai-account.js';
import { chargeCents } from './soferai-billing.js';
import { labelsSpeakers, type SoferaiJob } from './soferai-job.js';
import type { SoferaiState } from './soferai-state.js';
import {
  checkBool,
  checkEnum,
  checkInt,
  checkList,
  checkObject,
  checkString,
  checkUuid,
  INVALID,
  type Issues,
  type Location,
} from './soferai-validation.js';

/** The primary languages of the newest OpenAPI. */
export const SOFERAI_LANGUAGES = ['en', 'he', 'yi', 'fr'] as const;
/** The Hebrew-word formats. */
export const SOFERAI_WORD_FORMATS = ['en', 'he', 'hybrid'] as const;

/** A validated `TranscriptionRequestInfo`, absent fields `null`. */
export interface TranscriptionSettings {
  readonly model: string | null;
  readonly id: string | null;
  readonly title: string | null;
  readonly primary_language: string | null;
  readonly hebrew_word_format: readonly string[] | null;
  readonly num_speakers: number | null;
  readonly auto_detect_speakers: boolean | null;
}

const valid = <T>(value: T | null | typeof INVALID): T | null => (value === INVALID ? null : value);

/** Checks an `info` object field by field, recording pydantic issues; `undefined` when it is not an object. */
export function parseSettings(
  value: unknown,
  loc: Location,
  issues: Issues,
): TranscriptionSettings | undefined {
  const info = checkObject(value, loc, issues);
  if (info === INVALID || info === null) return undefined;
  return {
    model: valid(checkString(info['model'], [...loc, 'model'], issues)),
    id: valid(checkUuid(info['id'], [...loc, 'id'], issues)),
    title: valid(checkString(info['title'], [...loc, 'title'], issues)),
    primary_language: valid(
      checkEnum(info['primary_language'], [...loc, 'primary_language'], issues, SOFERAI_LANGUAGES),
    ),
    hebrew_word_format: valid(
      checkList(info['hebrew_word_format'], [...loc, 'hebrew_word_format'], issues, (item, itemLoc) =>
        checkEnum(item, itemLoc, issues, SOFERAI_WORD_FORMATS),
      ),
    ),
    num_speakers: valid(checkInt(info['num_speakers'], [...loc, 'num_speakers'], issues, { min: 1 })),
    auto_detect_speakers: valid(
      checkBool(info['auto_detect_speakers'], [...loc, 'auto_detect_speakers'], issues),
    ),
  };
}

/** The 400 message when both speaker settings are set, or `undefined`. */
export function speakerConflict(
  settings: Pick<TranscriptionSettings, 'num_speakers' | 'auto_detect_speakers'>,
): string | undefined {
  // Documented to be HTTP 400 (reference/soferai.md §3.2); the wording is the sandbox's.
  return settings.num_speakers !== null && settings.auto_detect_speakers !== null
    ? 'num_speakers and auto_detect_speakers are mutually exclusive'
    : undefined;
}

/** What one new transcription is made of. */
export interface NewJob {
  readonly id?: string | undefined;
  readonly settings: TranscriptionSettings;
  readonly title: string;
  readonly audio: AudioIdentity;
  readonly clientItemId: string | null;
  readonly standardBatch: boolean;
}

/**
Stores a new transcription, charging it against the balance: when the available balance cannot
cover its price it is stored as INSUFFICIENT_FUNDS and never runs.
*/
export function createJob(state: SoferaiState, clock: JobClock, request: NewJob): SoferaiJob {
  const { settings } = request;
  const primaryLanguage = settings.primary_language ?? 'en';
  const priced = {
    model: settings.model ?? 'v1',
    numSpeakers: settings.num_speakers,
    autoDetectSpeakers: settings.auto_detect_speakers === true,
  };
  const durationMs = 'durationMs' in request.audio ? request.audio.durationMs : 0;
  const charge = chargeCents(
    { ...priced, labelsSpeakers: labelsSpeakers(priced), standardBatch: request.standardBatch },
    durationMs,
  );
  const insufficientFunds = soferaiBalance(state, clock).available_balance < charge;
  const build = (id: string): SoferaiJob => ({
    id,
    createdAtMs: clock.now(),
    title: request.title,
    ...priced,
    primaryLanguage,
    // English defaults to both forms; the other languages have only Hebrew letters (reference/soferai.md §3.2).
    hebrewWordFormat: settings.hebrew_word_format ?? (primaryLanguage === 'en' ? ['en', 'he'] : ['he']),
    clientItemId: request.clientItemId,
    audio: request.audio,
    chargeCents: charge,
    insufficientFunds,
  });
  return request.id === undefined
    ? state.transcriptions.create(build)
    : state.transcriptions.insert(build(request.id));
}
