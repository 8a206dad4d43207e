import { InvalidArgumentError, TranscriptionFailedError } from '../../errors/index.js';
import { capabilitiesOf, scriptivoxCapabilityEntry } from '../../transcribe/capabilities.js';
import type { ProviderCapabilities, TranscriptionProvider } from '../../transcribe/index.js';
import { omitUndefined } from '../shared/omit-undefined.js';
import type { ScriptivoxTranscription } from './scriptivox-api.js';
import type { ScriptivoxTranscribe } from './scriptivox-transcribe.js';
import { scriptivoxToTranscript } from './scriptivox-to-transcript.js';

/** What Scriptivox honours of the common `transcribe()` options: its row of `providerCapabilities`. */
export const scriptivoxCapabilities: ProviderCapabilities = capabilitiesOf(scriptivoxCapabilityEntry);

const languages: ReadonlySet<string> = new Set(scriptivoxCapabilityEntry.languages);

const queuedStatuses = new Set(['created', 'downloading', 'pending']);

/**
Scriptivox behind the common `transcribe()`: upload (or URL), job with `align` on (off for
`timestamps: 'segment'` without `diarize`), wait, result, then delete the job. A language outside
Scriptivox's list is refused before the upload, which its 400 would only come after. An aborted
call cancels the job, which releases its reserved balance.
`providerOptions.scriptivox.webhookUrl` has Scriptivox report to your webhook as well.
*/
export function createScriptivoxTranscriptionProvider(
  transcribe: ScriptivoxTranscribe,
): TranscriptionProvider {
  return {
    id: 'scriptivox',
    name: 'Scriptivox',
    capabilities: scriptivoxCapabilities,
    async transcribe(request) {
      const native = request.providerOptions ?? {};
      // Scriptivox takes bare codes (`en`, `yue`), not regional tags.
      const language = request.language?.split('-')[0]?.toLowerCase();
      if (language !== undefined && !languages.has(language)) {
        throw new InvalidArgumentError({
          argument: 'language',
          message: `Scriptivox does not transcribe "${language}"; it takes one of its ${languages.size} codes (providerCapabilities.scriptivox.languages)`,
          value: request.language,
        });
      }
      const settings = omitUndefined({
        language,
        diarize: request.diarize,
        speakerCount: request.speakerCount,
        webhookUrl: typeof native.webhookUrl === 'string' ? native.webhookUrl : undefined,
        // Word times cost an alignment pass; diarization forces it on anyway (reference/scriptivox.md §3).
        align: request.timestamps !== 'segment' || request.diarize === true,
        signal: request.signal,
      });
      const isUrl = typeof request.audio === 'string' || request.audio instanceof URL;
      const created = isUrl
        ? await transcribe.create({ ...settings, url: String(request.audio) })
        : await transcribe.createFromFile(request.audio, {
            ...settings,
            ...omitUndefined({ filename: request.filename }),
            onUploadProgress: (progress) => request.onProgress?.({ stage: 'uploading', ...progress }),
          });
      let lastStage: string | undefined;
      const report = (job: Pick<ScriptivoxTranscription, 'id' | 'status'>) => {
        const stage = queuedStatuses.has(job.status)
          ? 'queued'
          : job.status === 'processing'
            ? 'processing'
            : undefined;
        if (stage === undefined || stage === lastStage) return;
        lastStage = stage;
        request.onProgress?.({ stage, jobId: job.id });
      };
      try {
        report(created);
        const done = await transcribe.wait(created.id, {
          ...omitUndefined({ signal: request.signal }),
          onStatusChange: report,
        });
        if (done.status !== 'completed') {
          throw new TranscriptionFailedError({
            provider: 'scriptivox',
            jobId: done.id,
            code: done.error?.code,
            providerMessage: done.error?.message,
          });
        }
        const transcript = scriptivoxToTranscript(done);
        request.onProgress?.({ stage: 'completed', jobId: done.id });
        void transcribe.delete(done.id).catch(() => undefined);
        return transcript;
      } catch (error) {
        void cancelAndDelete(transcribe, created.id);
        throw error;
      }
    },
  };
}

/** Cancels a job if it is still running (a finished one answers 409, which is fine), then deletes it; without the caller's signal, which may be the reason we are here. */
async function cancelAndDelete(transcribe: ScriptivoxTranscribe, transcriptionId: string): Promise<void> {
  await transcribe.cancel(transcriptionId).catch(() => undefined);
  await transcribe.delete(transcriptionId).catch(() => undefined);
}
