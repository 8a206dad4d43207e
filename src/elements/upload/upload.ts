import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  followJobEvents,
  InvalidArgumentError,
  providerCapabilities,
  resolveShareLink,
  type TranscribeProgress,
  type Transcript,
  type TranscriptionProvider,
  type TranscriptionProviderSource,
} from '../../core/index.js';
import { FileDropController } from '../controllers/file-drop-controller.js';
import {
  TranscriptionController,
  transcriptionStatuses,
  type TranscriptionRunOptions,
  type TranscriptionStatus,
  type TranscriptionSource,
} from '../controllers/transcription-controller.js';
import { ScribeErrorEvent } from '../events/scribe-error-event.js';
import { TranscriptCompleteEvent } from '../events/transcript-complete-event.js';
import { UploadProgressEvent, type UploadProgressDetail } from '../events/upload-progress-event.js';
import { resolveLocale, type ScribeLocale } from '../shared/locale.js';
import { acceptsFile } from './accepts-file.js';
import { formatBytes, formatDuration, formatUsd } from './format.js';
import { languagesFor } from './languages.js';
import { parseSize } from './parse-size.js';
import { estimateCostInUsd } from './pricing.js';
import { createProviderClient, toTranscriptionProvider } from './provider-clients.js';
import { describeLinkError, describeUploadError } from './upload-error-message.js';
import { uploadStyles } from './upload.styles.js';
import { uploadStrings, type UploadStrings } from './upload.strings.js';

/**
A file uploader that transcribes: drop, pick or paste an audio or video file, or give a link, and
get a `Transcript` back through the scribekit Worker (or any client you pass).

It shows the file's name, size, duration and estimated cost before anything is sent, then the
upload in bytes and the provider's job status. Cancel aborts the upload and deletes the job;
Retry runs the same file again. Only the options the provider honours are offered. Progress is
announced politely to screen readers, at most once per tenth of the upload.

@tagname scribe-upload
@summary Drop, pick, paste or link audio and transcribe it.

@event {UploadProgressEvent} scribe-upload-progress - Upload bytes, then each job stage (`queued`, `processing`, `completed`).
@event {TranscriptCompleteEvent} scribe-transcript-complete - The transcription finished; `detail.transcript` holds it.
@event {ScribeErrorEvent} scribe-error - A file or link was refused, or the transcription failed.
@event {Event} change - A file or link was selected; read it from `source`.

@csspart base - The wrapper of everything else.
@csspart dropzone - The drop target, a button that opens the file picker.
@csspart dropzone-hint - The hint under the drop zone's label.
@csspart url-form - The link form.
@csspart url-input - The link field.
@csspart url-button - The button that uses the link.
@csspart file-info - The selected file's name, size, duration and cost (a `<dl>`).
@csspart options - The language, speaker and speaker-count controls.
@csspart language-select - The language `<select>`.
@csspart diarize-checkbox - The "label speakers" checkbox.
@csspart speaker-count-input - The speaker-count field.
@csspart actions - The row of buttons.
@csspart start-button - Starts the transcription.
@csspart cancel-button - Cancels the running transcription.
@csspart retry-button - Runs the failed transcription again.
@csspart status - The progress bar, bytes and status text.
@csspart progress - The `<progress>` bar.
@csspart progress-text - "3.2 MB of 10 MB".
@csspart status-text - The job's status.
@csspart error - The error message (`role="alert"`).

@cssproperty [--scribe-upload-display=block] - The host's `display`.
@cssproperty [--scribe-upload-accent=var(--scribe-color-accent, #2563eb)] - Focus ring, drag-over and progress colour.
@cssproperty [--scribe-upload-text-color=var(--scribe-color-text, inherit)] - Text colour.
@cssproperty [--scribe-upload-muted-color=var(--scribe-color-muted, #5f6368)] - Hints, labels and status text.
@cssproperty [--scribe-upload-border-color=var(--scribe-color-border, #9aa0a6)] - The drop zone's dashed border.
@cssproperty [--scribe-upload-background=var(--scribe-color-surface, transparent)] - Background.
@cssproperty [--scribe-upload-error-color=var(--scribe-color-error, #b3261e)] - The error message.
@cssproperty [--scribe-upload-radius=var(--scribe-radius, 0.5rem)] - The drop zone's corner radius.
@cssproperty [--scribe-upload-gap=var(--scribe-spacing, 0.75rem)] - Space between rows.
@cssproperty [--scribe-upload-font-family=var(--scribe-font-family, inherit)] - Font.
@cssproperty [--scribe-upload-focus-ring=var(--scribe-focus-ring, 2px solid accent)] - Focus outline.
@cssproperty [--scribe-upload-dropzone-min-height=8rem] - The drop zone's minimum height.

@cssstate dragover - A file is being dragged over the element.
@cssstate probing - The selected file's header is being read.
@cssstate ready - A file or link is selected and can be transcribed.
@cssstate uploading - The file is being uploaded.
@cssstate queued - The provider's job waits in its queue.
@cssstate processing - The provider is transcribing.
@cssstate completed - The transcript arrived.
@cssstate error - The transcription failed.
@cssstate cancelled - The transcription was cancelled.

@example
```html
<script type="module" src="https://unpkg.com/scribekit/dist/elements/upload.js"></script>
<scribe-upload endpoint="/api" provider="scriptivox" language="en" diarize max-size="500MB"></scribe-upload>
<script>
  document.querySelector('scribe-upload').addEventListener('scribe-transcript-complete', (event) => {
    console.log(event.detail.transcript.text);
  });
</script>
```
*/
export class ScribeUpload extends LitElement {
  static override styles = uploadStyles;

  static override properties = {
    endpoint: { type: String },
    provider: { type: String },
    client: { attribute: false },
    language: { type: String },
    diarize: { type: Boolean },
    speakerCount: { type: Number, attribute: 'speaker-count' },
    accept: { type: String },
    maxSize: { attribute: 'max-size' },
    _inputError: { state: true },
    _announcement: { state: true },
  };

  /** The scribekit Worker's API base (`/api`, or a full URL); requests go to `<endpoint>/<provider>/…`. */
  declare endpoint: string | undefined;
  /**
  Which provider the Worker should use: `soniox`, `soferai`, `mistral` or `scriptivox`. The options
  shown follow its capabilities (`providerCapabilities` in core). @default 'soniox'
  */
  declare provider: string;
  /** A configured scribekit client (`createSoniox(…)`) or provider, used instead of `endpoint`. */
  declare client: TranscriptionProviderSource | undefined;
  /** The spoken language (ISO 639-1, such as `en` or `he`); empty to detect it. */
  declare language: string | undefined;
  /** Label speakers. */
  declare diarize: boolean;
  /** How many speakers to expect, where the provider takes it (needs `diarize`). */
  declare speakerCount: number | undefined;
  /** The file types offered and accepted, as `<input accept>` takes them. @default 'audio/*,video/*' */
  declare accept: string;
  /** The largest file accepted: bytes, or a size such as `500MB` or `1GiB`; never more than the provider takes. */
  declare maxSize: string | number | undefined;

  declare private _inputError: string | undefined;
  declare private _announcement: string;

  private readonly transcription = new TranscriptionController(this, {
    options: () => this.runOptions(),
    onProgress: (progress) => this.onProgress(progress),
    onComplete: (transcript) => void this.notify(new TranscriptCompleteEvent({ transcript })),
    onError: (error) =>
      void this.notify(
        new ScribeErrorEvent({ error, message: describeUploadError(error, this.strings.errors) }),
      ),
  });
  private readonly drop = new FileDropController(this, {
    onFile: (file) => void this.selectFile(file),
    isEnabled: () => !this.transcription.isRunning,
  });
  private readonly internals: ElementInternals | undefined;
  private clientCache: { key: string; client: TranscriptionProviderSource | undefined } | undefined;
  /** Which providers' jobs the Worker at `endpoint` follows by webhook, from its `/config`. */
  private workerWebhooks: { endpoint: string; providers: Record<string, boolean> } | undefined;
  private announcedTenth = -1;
  private announcedStatus: TranscriptionStatus = 'idle';

  constructor() {
    super();
    this.endpoint = undefined;
    this.provider = 'soniox';
    this.client = undefined;
    this.language = undefined;
    this.diarize = false;
    this.speakerCount = undefined;
    this.accept = 'audio/*,video/*';
    this.maxSize = undefined;
    this._inputError = undefined;
    this._announcement = '';
    // happy-dom and older browsers lack ElementInternals; the states are extra styling hooks there.
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /** Where the transcription is: `idle`, `probing`, `ready`, `uploading`, `queued`, `processing`, … */
  get status(): TranscriptionStatus {
    return this.transcription.status;
  }

  /** The selected file or link: `{ kind: 'file', file }` or `{ kind: 'url', url }`, or `undefined`. */
  get source(): TranscriptionSource | undefined {
    return this.transcription.source;
  }

  /** The transcript of the last completed run. */
  get transcript(): Transcript | undefined {
    return this.transcription.transcript;
  }

  /** Selects `file` as if it had been dropped: checks `accept` and `max-size`, then reads its duration. */
  async selectFile(file: File): Promise<void> {
    this._inputError = undefined;
    const { errors } = this.strings;
    if (!acceptsFile(file, this.accept)) {
      const message = errors.wrongType(file.name);
      this.refuse(new InvalidArgumentError({ argument: 'accept', message, value: file.type }), message);
      return;
    }
    const maxBytes = smallest(parseSize(this.maxSize), this.resolveProvider()?.capabilities.maxFileBytes);
    if (maxBytes !== undefined && file.size > maxBytes) {
      const message = errors.tooLarge(
        formatBytes(file.size, this.locale),
        formatBytes(maxBytes, this.locale),
      );
      this.refuse(new InvalidArgumentError({ argument: 'maxSize', message, value: file.size }), message);
      return;
    }
    this.announcedTenth = -1;
    await this.transcription.select({ kind: 'file', file });
    // A choice was made, as with <input type="file">: pages listen for `change` to preview the file.
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Selects a link to transcribe; Google Drive, Dropbox and OneDrive sharing links become downloads. */
  selectUrl(url: string): void {
    this._inputError = undefined;
    let resolved: string;
    try {
      resolved = resolveShareLink(url.trim()).url;
    } catch (error) {
      this.refuse(error, describeLinkError(error, this.strings.errors));
      return;
    }
    this.announcedTenth = -1;
    void this.transcription.select({ kind: 'url', url: resolved });
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Transcribes the selected file or link. Resolves with the transcript, or `undefined` if it failed or was cancelled. */
  start(): Promise<Transcript | undefined> {
    this._inputError = undefined;
    this.announcedTenth = -1;
    return this.transcription.start();
  }

  /** Cancels the running transcription: the upload is aborted and the provider's job deleted. */
  cancel(): void {
    this.transcription.cancel();
  }

  /** Runs the failed (or cancelled) transcription again with the same file or link. */
  retry(): Promise<Transcript | undefined> {
    this._inputError = undefined;
    this.announcedTenth = -1;
    return this.transcription.retry();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const status = this.transcription.status;
    if (status === this.announcedStatus) return;
    this.announcedStatus = status;
    // Errors are announced by the alert; probing is over before it is worth saying.
    if (status !== 'idle' && status !== 'probing' && status !== 'error') {
      this._announcement = this.strings.status[status];
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('endpoint')) void this.readWorkerConfig();
    const states = this.internals?.states;
    if (states === undefined) return;
    try {
      for (const state of transcriptionStatuses) {
        if (state === this.status) states.add(state);
        else states.delete(state);
      }
      if (this.drop.isDragOver) states.add('dragover');
      else states.delete('dragover');
    } catch {
      // Chromium before 125 accepted only `--name` states; the element works without them.
    }
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const provider = this.resolveProvider();
    const isBusy = this.transcription.isRunning;
    const isDragOver = this.drop.isDragOver;
    // One line each: whitespace would keep `.error:empty` from hiding the box.
    const error = this._inputError ?? this.runErrorMessage();
    return html`
      <div part="base" class="base">
        <input
          class="visually-hidden"
          type="file"
          tabindex="-1"
          aria-hidden="true"
          accept=${this.accept}
          @change=${this.onFileChange}
        />
        <button
          part="dropzone"
          class="dropzone ${isDragOver ? 'is-dragover' : ''}"
          type="button"
          ?disabled=${isBusy}
          aria-describedby="dropzone-hint"
          @click=${this.openPicker}
          @keydown=${this.onDropzoneKeyDown}
        >
          <span>${isDragOver ? strings.dropzoneActive : strings.dropzone}</span>
          <span part="dropzone-hint" class="hint" id="dropzone-hint">${strings.dropzoneHint}</span>
        </button>
        ${provider?.capabilities.audioUrl === false ? nothing : this.renderUrlForm(strings, isBusy)}
        ${this.renderSource(strings)}
        ${provider === undefined ? nothing : this.renderChoices(provider, isBusy)}
        ${this.renderActions(strings)} ${this.renderStatus(strings)}
        <div part="error" class="error" role="alert">${error}</div>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this._announcement}</div>
      </div>
    `;
  }

  private renderUrlForm(strings: UploadStrings, isBusy: boolean): TemplateResult {
    return html`<form part="url-form" class="url-form" @submit=${this.onUrlSubmit}>
      <label for="url">${strings.urlLabel}</label>
      <input
        part="url-input"
        class="url-input"
        id="url"
        name="url"
        type="url"
        dir="ltr"
        inputmode="url"
        autocomplete="url"
        placeholder=${strings.urlPlaceholder}
        ?disabled=${isBusy}
      />
      <button part="url-button" type="submit" ?disabled=${isBusy}>${strings.urlButton}</button>
    </form>`;
  }

  private renderSource(strings: UploadStrings): TemplateResult | typeof nothing {
    const source = this.transcription.source;
    if (source === undefined) return nothing;
    if (source.kind === 'url') {
      return html`<dl part="file-info" class="file-info">${row(strings.link, source.url, 'ltr')}</dl>`;
    }
    const locale = this.locale;
    const duration = this.transcription.probe?.durationInSeconds;
    const provider = this.resolveProvider();
    const cost = estimateCostInUsd(provider?.id ?? '', duration, {
      diarize: this.diarize && provider?.capabilities.diarization === true,
    });
    const costText =
      cost === undefined
        ? undefined
        : cost < 0.005
          ? strings.costBelowCent(formatUsd(0.01, locale))
          : strings.approximately(formatUsd(cost, locale));
    return html`<dl part="file-info" class="file-info">
      ${row(strings.fileName, source.file.name, 'auto')}
      ${row(strings.fileSize, formatBytes(source.file.size, locale))}
      ${duration === undefined ? nothing : row(strings.duration, formatDuration(duration), 'ltr')}
      ${costText === undefined ? nothing : row(strings.estimatedCost, costText)}
    </dl>`;
  }

  private renderChoices(provider: TranscriptionProvider, isBusy: boolean): TemplateResult {
    const strings = this.strings;
    const { capabilities } = provider;
    // A provider that cannot detect the language transcribes its default one (SoferAI: English).
    const language =
      this.language ?? (capabilities.languageDetection ? '' : (defaultLanguageOf(provider.id) ?? ''));
    const languageSelect = html`<label>
      ${strings.language}
      <select part="language-select" name="language" ?disabled=${isBusy} @change=${this.onLanguageChange}>
        ${
          capabilities.languageDetection
            ? html`<option value="" ?selected=${language === ''}>${strings.detectLanguage}</option>`
            : nothing
        }
        ${languagesFor(provider, this.locale, language).map(
          ({ code, name }) => html`<option value=${code} ?selected=${code === language}>${name}</option>`,
        )}
      </select>
    </label>`;
    const diarizeCheckbox = html`<label>
      <input
        part="diarize-checkbox"
        type="checkbox"
        name="diarize"
        .checked=${this.diarize}
        ?disabled=${isBusy}
        @change=${this.onDiarizeChange}
      />
      ${strings.diarize}
    </label>`;
    const speakerCountInput = html`<label>
      ${strings.speakerCount}
      <input
        part="speaker-count-input"
        type="number"
        name="speaker-count"
        min="1"
        max="50"
        placeholder=${strings.speakerCountAny}
        .value=${this.speakerCount === undefined ? '' : String(this.speakerCount)}
        ?disabled=${isBusy}
        @change=${this.onSpeakerCountChange}
      />
    </label>`;
    return html`<div part="options" class="options">
      ${capabilities.language ? languageSelect : nothing}
      ${capabilities.diarization ? diarizeCheckbox : nothing}
      ${capabilities.diarization && capabilities.speakerCount && this.diarize ? speakerCountInput : nothing}
    </div>`;
  }

  private renderActions(strings: UploadStrings): TemplateResult {
    const status = this.transcription.status;
    const canStart = status === 'ready' || status === 'cancelled' || status === 'probing';
    const start = html`<button
      part="start-button"
      type="button"
      ?disabled=${status === 'probing'}
      @click=${this.start}
    >
      ${strings.start}
    </button>`;
    const cancel = html`<button part="cancel-button" type="button" @click=${this.cancel}>
      ${strings.cancel}
    </button>`;
    const retry = html`<button part="retry-button" type="button" @click=${this.retry}>
      ${strings.retry}
    </button>`;
    return html`<div part="actions" class="actions">
      ${canStart ? start : nothing} ${this.transcription.isRunning ? cancel : nothing}
      ${status === 'error' ? retry : nothing}
    </div>`;
  }

  private renderStatus(strings: UploadStrings): TemplateResult | typeof nothing {
    const status = this.transcription.status;
    if (status === 'idle') return nothing;
    const locale = this.locale;
    const upload = status === 'uploading' ? this.transcription.upload : undefined;
    const total = upload?.totalBytes;
    const loaded = upload === undefined ? undefined : Math.min(upload.loadedBytes, total ?? Infinity);
    const bytes =
      loaded === undefined
        ? undefined
        : total === undefined
          ? formatBytes(loaded, locale)
          : strings.bytesOf(formatBytes(loaded, locale), formatBytes(total, locale));
    // Without a value the bar is indeterminate: the job's own progress is not known.
    const progress = html`<progress
      part="progress"
      class="progress"
      aria-label=${strings.progressLabel}
      max=${total ?? 1}
      value=${ifDefined(total === undefined ? undefined : loaded)}
    ></progress>`;
    return html`<div part="status" class="status">
      ${this.transcription.isRunning ? progress : nothing}
      ${bytes === undefined ? nothing : html`<span part="progress-text"><bdi>${bytes}</bdi></span>`}
      <span part="status-text">${strings.status[status]}</span>
    </div>`;
  }

  private readonly openPicker = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };

  private readonly onDropzoneKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    // The button's own key activation is cancelled so one key press opens the picker once.
    event.preventDefault();
    if (!event.repeat) this.openPicker();
  };

  private readonly onFileChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again still fires `change`.
    input.value = '';
    if (file !== undefined) void this.selectFile(file);
  };

  private readonly onUrlSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = form.querySelector<HTMLInputElement>('input[name="url"]')?.value.trim() ?? '';
    if (value !== '') this.selectUrl(value);
  };

  private readonly onLanguageChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.language = value === '' ? undefined : value;
  };

  private readonly onDiarizeChange = (event: Event): void => {
    this.diarize = (event.target as HTMLInputElement).checked;
  };

  private readonly onSpeakerCountChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    this.speakerCount = Number.isFinite(value) ? value : undefined;
  };

  private onProgress(progress: TranscribeProgress): void {
    const detail: UploadProgressDetail =
      progress.stage === 'uploading'
        ? {
            stage: 'uploading',
            loadedBytes: progress.loadedBytes,
            ...(progress.totalBytes === undefined ? {} : { totalBytes: progress.totalBytes }),
          }
        : {
            stage: progress.stage,
            ...(progress.jobId === undefined ? {} : { jobId: progress.jobId }),
          };
    this.dispatchEvent(new UploadProgressEvent(detail));
    if (progress.stage === 'uploading') this.announceUpload(progress.loadedBytes, progress.totalBytes);
  }

  /**
  Announces upload progress once per tenth of the file, so a screen reader is not flooded. Stage
  changes are announced from `willUpdate`.
  */
  private announceUpload(loadedBytes: number, totalBytes: number | undefined): void {
    if (totalBytes === undefined || totalBytes === 0) return;
    const tenth = Math.min(10, Math.floor((loadedBytes / totalBytes) * 10));
    if (tenth <= this.announcedTenth) return;
    this.announcedTenth = tenth;
    if (tenth > 0) this._announcement = this.strings.uploadedPercent(tenth * 10);
  }

  private async notify(event: Event): Promise<void> {
    // Listeners see the element already showing what the event describes.
    await this.updateComplete;
    this.dispatchEvent(event);
  }

  /** Shows why a file or link was refused, drops the previous selection, and reports it as `scribe-error`. */
  private refuse(error: unknown, message: string): void {
    if (!this.transcription.isRunning) this.transcription.reset();
    this._inputError = message;
    void this.notify(new ScribeErrorEvent({ error, message }));
  }

  private runOptions(): TranscriptionRunOptions {
    const client = this.resolveClient();
    if (client === undefined) {
      throw new InvalidArgumentError({ argument: 'endpoint', message: this.strings.errors.noEndpoint });
    }
    const capabilities = toTranscriptionProvider(client).capabilities;
    const diarize = this.diarize && capabilities.diarization;
    const language = this.language === '' ? undefined : this.language;
    const endpoint = this.endpoint;
    const pushed =
      this.client === undefined &&
      endpoint !== undefined &&
      this.workerWebhooks?.endpoint === endpoint &&
      this.workerWebhooks.providers[this.provider] === true;
    return {
      provider: client,
      ...(pushed ? { jobEvents: followJobEvents(endpoint) } : {}),
      ...(language === undefined ? {} : { language }),
      ...(diarize ? { diarize } : {}),
      ...(diarize && capabilities.speakerCount && this.speakerCount !== undefined
        ? { speakerCount: this.speakerCount }
        : {}),
    };
  }

  /**
  Asks the Worker whether it receives webhooks for our provider: if so, runs follow the job over
  its event stream instead of polling. Any failure just leaves polling on.
  */
  private async readWorkerConfig(): Promise<void> {
    const endpoint = this.endpoint;
    if (endpoint === undefined || endpoint === '' || typeof fetch !== 'function') return;
    try {
      const response = await fetch(`${endpoint.replace(/\/+$/, '')}/config`);
      if (!response.ok) return;
      const config = (await response.json()) as { webhooks?: Record<string, boolean> };
      if (this.endpoint === endpoint) this.workerWebhooks = { endpoint, providers: config.webhooks ?? {} };
    } catch {
      // Polling works without it.
    }
  }

  private resolveClient(): TranscriptionProviderSource | undefined {
    if (this.client !== undefined) return this.client;
    if (this.endpoint === undefined || this.endpoint === '') return undefined;
    const key = `${this.provider}\n${this.endpoint}`;
    if (this.clientCache?.key !== key) {
      this.clientCache = { key, client: createProviderClient(this.provider, this.endpoint) };
    }
    return this.clientCache.client;
  }

  private resolveProvider(): TranscriptionProvider | undefined {
    const client = this.resolveClient();
    return client === undefined ? undefined : toTranscriptionProvider(client);
  }

  private get locale(): ScribeLocale {
    return resolveLocale(this);
  }

  private get strings(): UploadStrings {
    return uploadStrings[this.locale];
  }

  private runErrorMessage(): string {
    if (this.transcription.status !== 'error') return '';
    return describeUploadError(this.transcription.error, this.strings.errors);
  }
}

/** The smaller of two optional limits. */
function smallest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** The language a provider of the capability table transcribes when given none, if it says. */
function defaultLanguageOf(providerId: string): string | undefined {
  return Object.hasOwn(providerCapabilities, providerId)
    ? providerCapabilities[providerId as keyof typeof providerCapabilities].defaultLanguage
    : undefined;
}

/** A `<dt>`/`<dd>` pair of the file info; values are isolated so names and numbers keep their direction. */
function row(term: string, value: string, dir?: 'ltr' | 'auto'): TemplateResult {
  return html`<dt>${term}</dt>
    <dd><bdi dir=${ifDefined(dir)}>${value}</bdi></dd>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'scribe-upload': ScribeUpload;
  }
}
