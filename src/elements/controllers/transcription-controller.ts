import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  probeDuration,
  transcribe,
  type AudioProbe,
  type TranscribeOptions,
  type TranscribeProgress,
  type Transcript,
} from '../../core/index.js';

/** Every {@link TranscriptionStatus}, in the order a run goes through them. */
export const transcriptionStatuses = [
  'idle',
  'probing',
  'ready',
  'uploading',
  'queued',
  'processing',
  'completed',
  'error',
  'cancelled',
] as const;

/**
Where a {@link TranscriptionController} is. `idle` has nothing selected; `probing` reads the
selected file's header; `ready` waits for `start()`; `uploading`, `queued` and `processing` follow
the provider; `completed`, `error` and `cancelled` end a run.
*/
export type TranscriptionStatus = (typeof transcriptionStatuses)[number];

/** What is transcribed: a local file, or a URL the provider downloads. */
export type TranscriptionSource = { kind: 'file'; file: File } | { kind: 'url'; url: string };

/** The options of one run: everything `transcribe()` takes but the audio, signal and progress. */
export type TranscriptionRunOptions = Omit<TranscribeOptions, 'audio' | 'signal' | 'onProgress'>;

/** Callbacks and inputs of a {@link TranscriptionController}. */
export interface TranscriptionControllerOptions {
  /** Called when a run starts (and on `retry()`), so the options reflect the host's current state. */
  options: () => TranscriptionRunOptions;
  /** Every progress report of the running transcription. */
  onProgress?: (progress: TranscribeProgress) => void;
  /** The run finished. */
  onComplete?: (transcript: Transcript) => void;
  /** The run failed (not called when it was cancelled). */
  onError?: (error: unknown) => void;
}

/**
A reactive controller that owns one transcription at a time: it probes the selected file, runs
`transcribe()` with an `AbortSignal`, tracks the stage and upload bytes, and asks its host to
update on every change. Cancelling (or the host leaving the document) aborts the run, which makes
the provider delete its job; `retry()` runs the same source again.

Modelled on `@lit/task`, written out because a run here has more stages than pending/complete.

@example
```ts
import { LitElement, html } from 'lit';
import { TranscriptionController } from 'scribekit/elements';

class MyUpload extends LitElement {
  private readonly transcription = new TranscriptionController(this, {
    options: () => ({ provider: this.client, language: 'en' }),
    onComplete: (transcript) => console.log(transcript.text),
  });
  override render() {
    return html`<p>${this.transcription.status}</p>`;
  }
}
```
*/
export class TranscriptionController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly callbacks: TranscriptionControllerOptions;
  private abortController: AbortController | undefined;
  private _status: TranscriptionStatus = 'idle';
  private _source: TranscriptionSource | undefined;
  private _probe: AudioProbe | undefined;
  private _upload: { loadedBytes: number; totalBytes: number | undefined } | undefined;
  private _jobId: string | undefined;
  private _transcript: Transcript | undefined;
  private _error: unknown;

  constructor(host: ReactiveControllerHost, options: TranscriptionControllerOptions) {
    this.host = host;
    this.callbacks = options;
    host.addController(this);
  }

  /** The current stage. */
  get status(): TranscriptionStatus {
    return this._status;
  }
  /** The selected file or URL. */
  get source(): TranscriptionSource | undefined {
    return this._source;
  }
  /** What probing the selected file found (container, duration). */
  get probe(): AudioProbe | undefined {
    return this._probe;
  }
  /** Upload bytes of the current run, once known. */
  get upload(): { loadedBytes: number; totalBytes: number | undefined } | undefined {
    return this._upload;
  }
  /** The provider's job id, from `queued` on. */
  get jobId(): string | undefined {
    return this._jobId;
  }
  /** The transcript of the last completed run. */
  get transcript(): Transcript | undefined {
    return this._transcript;
  }
  /** Why the last run failed. */
  get error(): unknown {
    return this._error;
  }
  /** Whether a run is under way (uploading, queued or processing). */
  get isRunning(): boolean {
    return this._status === 'uploading' || this._status === 'queued' || this._status === 'processing';
  }

  /**
  Selects what to transcribe, aborting whatever was running. A file is probed for its duration
  (`probing`, then `ready`); a URL is `ready` at once.
  */
  async select(source: TranscriptionSource): Promise<void> {
    const signal = this.begin();
    this._source = source;
    this._probe = undefined;
    if (source.kind === 'url') {
      this.set('ready');
      return;
    }
    this.set('probing');
    let probe: AudioProbe = {};
    try {
      probe = await probeDuration(source.file, { signal });
    } catch {
      // A file that cannot be read or probed can still be sent: the provider decides.
    }
    if (signal.aborted) return;
    this._probe = probe;
    this.set('ready');
  }

  /** Forgets the selection and any result, aborting whatever was running. */
  reset(): void {
    this.begin();
    this._source = undefined;
    this._probe = undefined;
    this.set('idle');
  }

  /**
  Transcribes the selected source. Resolves with the transcript, or `undefined` when the run
  failed, was cancelled or superseded (the failure is in `error` and went to `onError`).
  */
  async start(): Promise<Transcript | undefined> {
    const source = this._source;
    if (source === undefined) return undefined;
    const signal = this.begin();
    this.set('uploading');
    try {
      const options = this.callbacks.options();
      const transcript = await transcribe({
        ...options,
        audio: source.kind === 'file' ? source.file : source.url,
        ...(source.kind === 'file' && options.filename === undefined ? { filename: source.file.name } : {}),
        signal,
        onProgress: (progress) => {
          if (!signal.aborted) this.progress(progress);
        },
      });
      if (signal.aborted) return undefined;
      this._transcript = transcript;
      this.set('completed');
      this.callbacks.onComplete?.(transcript);
      return transcript;
    } catch (error) {
      if (signal.aborted) return undefined;
      this._error = error;
      this.set('error');
      this.callbacks.onError?.(error);
      return undefined;
    }
  }

  /** Runs the selected source again, with the host's current options. */
  retry(): Promise<Transcript | undefined> {
    return this.start();
  }

  /** Aborts the running transcription; the provider deletes its job. Does nothing when none runs. */
  cancel(): void {
    if (!this.isRunning && this._status !== 'probing') return;
    const wasProbing = this._status === 'probing';
    this.abortController?.abort(new DOMException('The transcription was cancelled.', 'AbortError'));
    this.abortController = undefined;
    this.set(wasProbing ? 'ready' : 'cancelled');
  }

  hostConnected(): void {
    // Nothing to resume: a run aborted on disconnect stays `cancelled` until `retry()`.
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private begin(): AbortSignal {
    this.abortController?.abort(new DOMException('Superseded by a newer transcription.', 'AbortError'));
    this.abortController = new AbortController();
    this._upload = undefined;
    this._jobId = undefined;
    this._transcript = undefined;
    this._error = undefined;
    return this.abortController.signal;
  }

  private progress(progress: TranscribeProgress): void {
    if (progress.stage === 'uploading') {
      // A client may confirm a finished upload again with a slightly different size (the form
      // fields rather than the multipart body): once complete, it stays complete.
      if (this._upload !== undefined && isComplete(this._upload) && isComplete(progress)) return;
      this._upload = { loadedBytes: progress.loadedBytes, totalBytes: progress.totalBytes };
      if (this._status !== 'uploading') this.set('uploading');
      else this.host.requestUpdate();
    } else {
      this._jobId = progress.jobId;
      // `completed` is set once the transcript is in hand, not when the job reports done.
      if (progress.stage !== 'completed') this.set(progress.stage);
    }
    this.callbacks.onProgress?.(progress);
  }

  private set(status: TranscriptionStatus): void {
    this._status = status;
    this.host.requestUpdate();
  }
}

function isComplete(upload: { loadedBytes: number; totalBytes: number | undefined }): boolean {
  return upload.totalBytes !== undefined && upload.loadedBytes >= upload.totalBytes;
}
