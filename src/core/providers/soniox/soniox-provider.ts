import { TranscriptionFailedError } from '../../errors/index.js';
import { capabilitiesOf, sonioxCapabilityEntry } from '../../transcribe/capabilities.js';
import type { JobEventSource, ProviderCapabilities, TranscriptionProvider } from '../../transcribe/index.js';
import { omitUndefined, type SonioxTranscriptionConfig } from './soniox-options.js';
import type { SonioxStt } from './soniox-stt.js';
import type { SonioxTranscription } from './soniox-api.js';
import { sonioxToTranscript } from './soniox-to-transcript.js';
import type { SonioxFiles } from './soniox-files.js';

/** What Soniox honours of the common `transcribe()` options: its row of `providerCapabilities`. */
export const sonioxCapabilities: ProviderCapabilities = capabilitiesOf(sonioxCapabilityEntry);

/** Soniox behind the common `transcribe()`: upload, job, wait, transcript, then delete both. */
export function createSonioxTranscriptionProvider(stt: SonioxStt, files: SonioxFiles): TranscriptionProvider {
  return {
    id: 'soniox',
    name: 'Soniox',
    capabilities: sonioxCapabilities,
    async transcribe(request) {
      const native = request.providerOptions ?? {};
      const nativeConfig = native.config as SonioxTranscriptionConfig | undefined;
      const config: SonioxTranscriptionConfig = omitUndefined({
        ...nativeConfig,
        languageHints: request.language === undefined ? undefined : [request.language],
        enableSpeakerDiarization: request.diarize,
        context: withTerms(nativeConfig?.context, request.contextTerms),
      });
      const common = omitUndefined({
        model: native.model as string | undefined,
        config,
        signal: request.signal,
      });
      const isUrl = typeof request.audio === 'string' || request.audio instanceof URL;
      const transcription: SonioxTranscription = isUrl
        ? await stt.create({ ...common, audioUrl: String(request.audio) })
        : await stt.transcribeFromFile(request.audio, {
            ...common,
            ...omitUndefined({ filename: request.filename }),
            onUploadProgress: (progress) => request.onProgress?.({ stage: 'uploading', ...progress }),
          });
      let lastStage: string | undefined;
      const report = (job: SonioxTranscription) => {
        const stage =
          job.status === 'queued' ? 'queued' : job.status === 'processing' ? 'processing' : undefined;
        if (stage === undefined || stage === lastStage) return;
        lastStage = stage;
        request.onProgress?.({ stage, jobId: job.id });
      };
      try {
        report(transcription);
        const done = await settle(stt, transcription.id, request.signal, report, request.jobEvents);
        if (done.status !== 'completed') {
          throw new TranscriptionFailedError({
            provider: 'soniox',
            jobId: done.id,
            code: done.errorType,
            providerMessage: done.errorMessage,
          });
        }
        const transcript = sonioxToTranscript(
          await stt.getTranscript(done.id, omitUndefined({ signal: request.signal })),
          done,
        );
        request.onProgress?.({ stage: 'completed', jobId: done.id });
        void stt.destroy(done.id).catch(() => undefined);
        return transcript;
      } catch (error) {
        if (request.signal?.aborted) void destroyWhenSettled(stt, files, transcription);
        else void stt.destroy(transcription.id).catch(() => undefined);
        throw error;
      }
    },
  };
}

/**
The context with `contextTerms` added to its terms: a structured context from
`providerOptions.soniox.config` keeps its other fields, and a plain-text one becomes its `text`.
*/
function withTerms(
  context: SonioxTranscriptionConfig['context'],
  terms: readonly string[] | undefined,
): SonioxTranscriptionConfig['context'] {
  if (terms === undefined) return context;
  if (context === undefined) return { terms: [...terms] };
  const structured = typeof context === 'string' ? { text: context } : context;
  return { ...structured, terms: [...(structured.terms ?? []), ...terms] };
}

/**
Waits for the job to leave `queued`/`processing`. With push updates (webhooks through the
scribekit Worker) it listens to them and polls only every 15 s as a safety net, in case a webhook
is lost; without, it polls every second.
*/
async function settle(
  stt: SonioxStt,
  jobId: string,
  signal: AbortSignal | undefined,
  report: (job: SonioxTranscription) => void,
  jobEvents: JobEventSource | undefined,
): Promise<SonioxTranscription> {
  if (jobEvents === undefined)
    return stt.wait(jobId, { ...omitUndefined({ signal }), onStatusChange: report });
  const race = new AbortController();
  const stop = () => race.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  const pushed = (async () => {
    try {
      for await (const event of jobEvents(jobId, race.signal)) {
        if (event.id !== jobId) continue;
        if (event.status === 'completed' || event.status === 'error')
          return await stt.get(jobId, { signal: race.signal });
      }
    } catch (error) {
      if (race.signal.aborted) throw error;
      // A broken stream leaves the polling safety net to finish the wait.
    }
    return new Promise<never>(() => {});
  })();
  try {
    return await Promise.race([
      pushed,
      stt.wait(jobId, { intervalMs: 15_000, timeoutMs: false, signal: race.signal, onStatusChange: report }),
    ]);
  } finally {
    signal?.removeEventListener('abort', stop);
    race.abort();
  }
}

/**
Soniox refuses to delete a job while it is processing (409), so an aborted job is deleted once it
settles: polled without the caller's (aborted) signal, for at most ten minutes.
*/
async function destroyWhenSettled(
  stt: SonioxStt,
  files: SonioxFiles,
  transcription: SonioxTranscription,
): Promise<void> {
  try {
    await stt.wait(transcription.id, { timeoutMs: 600_000 });
    await stt.destroy(transcription.id);
  } catch {
    if (transcription.fileId !== undefined)
      await files.deleteIfExists(transcription.fileId).catch(() => undefined);
  }
}
