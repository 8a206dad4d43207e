import { InvalidArgumentError, TranscriptionFailedError } from '../../errors/index.js';
import { capabilitiesOf, soferaiCapabilityEntry } from '../../transcribe/capabilities.js';
import type { ProviderCapabilities, TranscriptionProvider } from '../../transcribe/index.js';
import type { SoferAIStatus } from './soferai-api.js';
import type { SoferAIHebrewWordDisplay } from './soferai-hebrew-words.js';
import { omitUndefined, type SoferAITranscriptionSettings } from './soferai-options.js';
import { soferaiToTranscript } from './soferai-to-transcript.js';
import type { SoferAITranscribe } from './soferai-transcribe.js';

/** What SoferAI honours of the common `transcribe()` options: its row of `providerCapabilities`. */
export const soferaiCapabilities: ProviderCapabilities = capabilitiesOf(soferaiCapabilityEntry);

const languages: ReadonlySet<string> = new Set(soferaiCapabilityEntry.languages);
const queuedStatuses: ReadonlySet<SoferAIStatus> = new Set(['RECEIVED', 'PENDING', 'UPLOADED']);

/**
`providerOptions.soferai` for `transcribe()`: any transcription setting (`model`, `title`,
`hebrewWordFormat`, …; `language`, `diarize` and `speakerCount` win over theirs), which form of
Hebrew words the transcript shows, and how long to wait.
*/
export interface SoferAIProviderOptions extends SoferAITranscriptionSettings {
  /** See `soferaiToTranscript`. @default 'both' */
  hebrewWords?: SoferAIHebrewWordDisplay;
  /** The first wait between status polls, in ms (later waits grow). @default 2000 */
  waitIntervalMs?: number;
  /** How long to wait for the transcription, in ms, or `false`. @default 1800000 */
  waitTimeoutMs?: number | false;
}

/** SoferAI behind the common `transcribe()`: create (base64 or URL), wait, fetch, map. */
export function createSoferAITranscriptionProvider(transcribe: SoferAITranscribe): TranscriptionProvider {
  return {
    id: 'soferai',
    name: 'SoferAI',
    capabilities: soferaiCapabilities,
    async transcribe(request) {
      const { hebrewWords, waitIntervalMs, waitTimeoutMs, ...settings } = (request.providerOptions ??
        {}) as SoferAIProviderOptions;
      const language = request.language?.split('-')[0];
      if (language !== undefined && !languages.has(language)) {
        throw new InvalidArgumentError({
          argument: 'language',
          message: 'SoferAI transcribes English, Hebrew, Yiddish and French ("en", "he", "yi", "fr")',
          value: request.language,
        });
      }
      // `diarize` (and `speakerCount`) replace whatever speaker setting providerOptions carried.
      const { numSpeakers, autoDetectSpeakers, ...rest } = settings;
      const speakers =
        request.diarize === true
          ? request.speakerCount === undefined
            ? { autoDetectSpeakers: true }
            : { numSpeakers: request.speakerCount }
          : omitUndefined({ numSpeakers, autoDetectSpeakers });
      const info = { ...rest, ...omitUndefined({ primaryLanguage: language }), ...speakers };
      const isUrl = typeof request.audio === 'string' || request.audio instanceof URL;
      const id = await transcribe.createTranscription({
        info,
        ...(isUrl ? { audioUrl: String(request.audio) } : { audio: request.audio }),
        ...omitUndefined({ signal: request.signal }),
        onUploadProgress: (progress) => {
          if (!isUrl) request.onProgress?.({ stage: 'uploading', ...progress });
        },
      });
      let lastStage: string | undefined;
      const report = (status: SoferAIStatus) => {
        const stage =
          status === 'PROCESSING' ? 'processing' : queuedStatuses.has(status) ? 'queued' : undefined;
        if (stage === undefined || stage === lastStage) return;
        lastStage = stage;
        request.onProgress?.({ stage, jobId: id });
      };
      // Create answers only the id: a new transcription is RECEIVED.
      report('RECEIVED');
      const done = await transcribe.wait(id, {
        ...omitUndefined({ signal: request.signal, intervalMs: waitIntervalMs, timeoutMs: waitTimeoutMs }),
        onStatusChange: (info) => report(info.status),
      });
      if (done.status !== 'COMPLETED') {
        throw new TranscriptionFailedError({
          provider: 'soferai',
          jobId: id,
          code: done.status,
          providerMessage:
            done.status === 'INSUFFICIENT_FUNDS'
              ? 'the account balance does not cover this transcription'
              : undefined,
        });
      }
      const transcription = await transcribe.getTranscription(id, omitUndefined({ signal: request.signal }));
      request.onProgress?.({ stage: 'completed', jobId: id });
      return soferaiToTranscript(transcription, omitUndefined({ hebrewWords }));
    },
  };
}
