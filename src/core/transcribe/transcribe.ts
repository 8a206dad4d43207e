import * as v from 'valibot';
import type { AudioInput } from '../audio/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import type { Transcript, Warning } from '../transcript/index.js';
import type { JobEventSource } from './job-events.js';
import type {
  ProviderCapabilities,
  TimestampGranularity,
  TranscribeProgress,
  TranscriptionProvider,
  TranscriptionProviderSource,
} from './transcription-provider.js';

/** Options of {@link transcribe}. */
export interface TranscribeOptions {
  /** A scribekit client (`createSoniox()`, …) or its `transcriptionProvider`. */
  provider: TranscriptionProviderSource;
  /** The audio: a `File` or `Blob`, bytes, a stream, or an http(s) URL the provider fetches. */
  audio: AudioInput;
  /** The name to upload bytes or a stream under. */
  filename?: string;
  /** The spoken language (an ISO 639-1 code such as `en` or `he`); omit to detect. */
  language?: string;
  /** Label speakers. */
  diarize?: boolean;
  /** How many speakers to expect (1–50); needs `diarize`. */
  speakerCount?: number;
  /** Words to recognize reliably: names, jargon. */
  contextTerms?: string[];
  /**
  How finely the transcript must be timed. `word` warns when the provider (or its model) times
  segments only; `segment` lets a provider skip word alignment. The finest available when omitted.
  */
  timestamps?: TimestampGranularity;
  /** Cancels the call, and the provider's job where its API allows. */
  signal?: AbortSignal;
  /** Reports upload bytes, then the job's stage. */
  onProgress?: (progress: TranscribeProgress) => void;
  /**
  Follow the provider's job by push instead of polling: `followJobEvents('/api')` with the
  scribekit Worker when its webhooks are configured (`/api/config` says so).
  */
  jobEvents?: JobEventSource;
  /** Options for one provider only, keyed by provider id: `{ soniox: { model: 'stt-async-v5' } }`. */
  providerOptions?: Record<string, Record<string, unknown>>;
}

const optionsSchema = v.object({
  language: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language code such as "en" or "he"'),
    ),
  ),
  diarize: v.optional(v.boolean('must be a boolean')),
  speakerCount: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(50, 'must be at most 50'),
    ),
  ),
  contextTerms: v.optional(
    v.array(
      v.pipe(v.string('must be strings'), v.minLength(1, 'must not be empty')),
      'must be an array of strings',
    ),
  ),
  timestamps: v.optional(v.picklist(['word', 'segment'], 'must be "word" or "segment"')),
  filename: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))),
});

/**
Transcribes audio with any scribekit provider and returns the normalized {@link Transcript}.
Options a provider cannot honour come back as `warnings`; invalid combinations throw an
`InvalidArgumentError` before any request.

@example
```ts
import { transcribe, toSrt } from 'scribekit';
import { createSoniox } from 'scribekit/soniox';

const transcript = await transcribe({
  provider: createSoniox({ apiKey: env.SONIOX_API_KEY }),
  audio: file,
  language: 'en',
  diarize: true,
  onProgress: (progress) => console.log(progress.stage),
});
console.log(toSrt(transcript));
```
*/
export async function transcribe(options: TranscribeOptions): Promise<Transcript> {
  const provider = resolveProvider(options?.provider);
  const result = v.safeParse(optionsSchema, options);
  if (!result.success) {
    const issue = result.issues[0];
    const key = (issue.path?.[0] as { key?: unknown } | undefined)?.key;
    throw new InvalidArgumentError({
      argument: String(key ?? 'options'),
      message: issue.message,
      value: issue.input,
    });
  }
  if (options.speakerCount !== undefined && options.diarize !== true) {
    throw new InvalidArgumentError({
      argument: 'speakerCount',
      message: 'needs `diarize: true`',
      value: options.speakerCount,
    });
  }
  options.signal?.throwIfAborted();
  const providerOptions = options.providerOptions?.[provider.id];
  const capabilities = provider.capabilitiesFor?.(providerOptions) ?? provider.capabilities;
  const warnings = unsupportedWarnings(capabilities, options);
  const transcript = await provider.transcribe({
    audio: options.audio,
    filename: options.filename,
    language: options.language,
    diarize: options.diarize,
    speakerCount: capabilities.speakerCount ? options.speakerCount : undefined,
    contextTerms: capabilities.contextTerms ? options.contextTerms : undefined,
    timestamps: options.timestamps,
    signal: options.signal,
    onProgress: options.onProgress,
    jobEvents: options.jobEvents,
    providerOptions,
  });
  if (warnings.length === 0) return transcript;
  // The provider's own warning about a feature says more (which model, why) than the generic one.
  const ownFeatures = new Set(transcript.warnings.map((warning) => warning.feature));
  const generic = warnings.filter((warning) => !ownFeatures.has(warning.feature));
  return { ...transcript, warnings: [...generic, ...transcript.warnings] };
}

function resolveProvider(source: TranscriptionProviderSource | undefined): TranscriptionProvider {
  const provider =
    source !== undefined && 'transcriptionProvider' in source ? source.transcriptionProvider : source;
  if (provider === undefined || typeof provider !== 'object' || typeof provider.transcribe !== 'function') {
    throw new InvalidArgumentError({
      argument: 'provider',
      message: 'must be a scribekit client such as createSoniox({ apiKey })',
    });
  }
  return provider;
}

function unsupportedWarnings(capabilities: ProviderCapabilities, options: TranscribeOptions): Warning[] {
  const warnings: Warning[] = [];
  const warn = (feature: string, message: string) => warnings.push({ type: 'unsupported', feature, message });
  if (options.diarize === true && !capabilities.diarization)
    warn('diarize', 'this provider does not label speakers');
  if (options.speakerCount !== undefined && !capabilities.speakerCount)
    warn('speakerCount', 'this provider does not take a speaker count; it was ignored');
  if (options.contextTerms !== undefined && !capabilities.contextTerms)
    warn('contextTerms', 'this provider does not take context terms; they were ignored');
  if (options.language !== undefined && !capabilities.language)
    warn('language', 'this provider does not take a language; it detected one');
  if (options.timestamps === 'word' && !capabilities.wordTimestamps)
    warn('timestamps', 'this provider times segments only; words carry no times of their own');
  return warnings;
}
