import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiCallError,
  createTranscript,
  InvalidArgumentError,
  type ProviderTranscribeRequest,
  type TranscriptionProvider,
} from '../../src/core/index.js';
import { createSoniox } from '../../src/core/providers/soniox/index.js';
import type { ScribeErrorEvent } from '../../src/elements/events/scribe-error-event.js';
import type { TranscriptCompleteEvent } from '../../src/elements/events/transcript-complete-event.js';
import type { UploadProgressDetail } from '../../src/elements/events/upload-progress-event.js';
import '../../src/elements/upload/define.js';
import type { ScribeUpload } from '../../src/elements/upload/upload.js';
import { createSandbox, type Sandbox } from '../../worker/src/sandbox/index.js';

// Paths, not URLs: the URL global is happy-dom's here, which node:fs does not take.
const fixtures = join(fileURLToPath(import.meta.url), '../../fixtures/audio');
const speechBytes = readFileSync(join(fixtures, 'speech.wav'));
const speechDurationInSeconds = (
  JSON.parse(readFileSync(join(fixtures, 'durations.json'), 'utf8')) as Record<string, number>
)['speech.wav'];

function speechFile(name = 'speech.wav', type = 'audio/wav'): File {
  return new File([speechBytes], name, { type });
}

type SandboxFetch = (request: Request) => Promise<Response>;

/** A Soniox client on a sandbox whose clock the test moves; `wrap` can stand between them. */
function sonioxOnSandbox(wrap: (fetch: SandboxFetch) => SandboxFetch = (fetch) => fetch) {
  const clock = { now: Date.now() };
  const sandbox = createSandbox({ now: () => clock.now, jobDelays: { queuedMs: 10, processingMs: 20 } });
  const client = createSoniox({
    baseUrl: 'https://api.soniox.com',
    apiKey: 'sandbox',
    // The client calls fetch(request, init) with a Request, which is all the sandbox takes.
    fetch: wrap(sandbox.fetch.bind(sandbox)) as typeof globalThis.fetch,
    retry: false,
  });
  return { clock, sandbox, client };
}

/** Moves the sandbox clock past each stage as soon as the element reports it, so polls see every stage. */
function stepClockOnProgress(element: ScribeUpload, clock: { now: number }): void {
  element.addEventListener('scribe-upload-progress', (event) => {
    if (event.detail.stage === 'queued' || event.detail.stage === 'processing') clock.now += 20;
  });
}

const mounted: Element[] = [];

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

async function mount(
  options: { client?: ScribeUpload['client']; attributes?: Record<string, string>; lang?: string } = {},
): Promise<ScribeUpload> {
  const element = document.createElement('scribe-upload');
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  if (options.client !== undefined) element.client = options.client;
  const container = document.createElement('div');
  if (options.lang !== undefined) container.lang = options.lang;
  container.append(element);
  document.body.append(container);
  mounted.push(container);
  await element.updateComplete;
  return element;
}

function present<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('expected a value');
  return value;
}

function part<T extends HTMLElement = HTMLElement>(element: ScribeUpload, name: string): T | null {
  return element.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

function fileInput(element: ScribeUpload): HTMLInputElement {
  const input = element.shadowRoot?.querySelector<HTMLInputElement>('input[type="file"]');
  if (input == null) throw new Error('no file input');
  return input;
}

function liveRegion(element: ScribeUpload): HTMLElement {
  const region = element.shadowRoot?.querySelector<HTMLElement>('[aria-live]');
  if (region == null) throw new Error('no live region');
  return region;
}

/** Chooses `file` through the file input, as the picker would. */
async function choose(element: ScribeUpload, file: File): Promise<void> {
  const input = fileInput(element);
  input.files = [file] as unknown as FileList;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(['ready', 'idle']).toContain(element.status));
  await element.updateComplete;
}

/** A drag event carrying `transfer`: happy-dom's DragEvent is a plain Event without `dataTransfer`. */
function dragEvent(type: string, transfer: DataTransfer): Event {
  const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'dataTransfer', { value: transfer });
  return event;
}

/** A silent 8 kHz 8-bit mono WAV of `seconds`: small enough to build, long enough to cost cents. */
function silentWav(seconds: number): File {
  const dataSize = 8000 * seconds;
  const header = new DataView(new ArrayBuffer(44));
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) header.setUint8(offset + index, text.charCodeAt(index));
  };
  ascii(0, 'RIFF');
  header.setUint32(4, 36 + dataSize, true);
  ascii(8, 'WAVEfmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, 8000, true);
  header.setUint32(28, 8000, true);
  header.setUint16(32, 1, true);
  header.setUint16(34, 8, true);
  ascii(36, 'data');
  header.setUint32(40, dataSize, true);
  return new File([header.buffer, new Uint8Array(dataSize).fill(128)], 'silence.wav', { type: 'audio/wav' });
}

function fileInfo(element: ScribeUpload): Record<string, string> {
  const info = part(element, 'file-info');
  const terms = [...(info?.querySelectorAll('dt') ?? [])].map((term) => term.textContent?.trim() ?? '');
  const details = [...(info?.querySelectorAll('dd') ?? [])].map((detail) => detail.textContent?.trim() ?? '');
  return Object.fromEntries(terms.map((term, index) => [term, details[index] ?? '']));
}

function collectStages(element: ScribeUpload): UploadProgressDetail[] {
  const details: UploadProgressDetail[] = [];
  element.addEventListener('scribe-upload-progress', (event) => details.push(event.detail));
  return details;
}

function nextEvent<K extends 'scribe-transcript-complete' | 'scribe-error'>(
  element: ScribeUpload,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => element.addEventListener(type, (event) => resolve(event), { once: true }));
}

describe('<scribe-upload>', () => {
  describe('selecting a file', () => {
    it('shows the chosen file’s name, size, probed duration and estimated cost', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client });

      await choose(element, speechFile());

      expect(element.status).toBe('ready');
      expect(speechDurationInSeconds).toBeCloseTo(3.44, 2);
      expect(fileInfo(element)).toEqual({
        File: 'speech.wav',
        Size: '110 kB',
        Duration: '0:03',
        // 3.4 s at $0.10 an hour.
        'Estimated cost': '< $0.01',
      });
      expect(part(element, 'start-button')?.textContent?.trim()).toBe('Transcribe');
    });

    it('shows the cost rounded to the cent with ≈ for longer audio', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client });

      await choose(element, silentWav(12 * 60));

      // 12 minutes at $0.10 an hour.
      expect(fileInfo(element)).toMatchObject({ Duration: '12:00', 'Estimated cost': '≈ $0.02' });
    });

    it('takes a dropped file and shows the drag-over state meanwhile', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client });
      const base = part(element, 'base');
      const transfer = new DataTransfer();
      transfer.items.add(speechFile('dropped.wav'));

      base?.dispatchEvent(dragEvent('dragenter', transfer));
      await element.updateComplete;
      expect(part(element, 'dropzone')?.classList.contains('is-dragover')).toBe(true);
      expect(part(element, 'dropzone')?.textContent).toContain('Release to use this file');

      base?.dispatchEvent(dragEvent('drop', transfer));
      await vi.waitFor(() => expect(element.status).toBe('ready'));
      await element.updateComplete;

      expect(part(element, 'dropzone')?.classList.contains('is-dragover')).toBe(false);
      expect(fileInfo(element).File).toBe('dropped.wav');
    });

    it('takes a pasted file and leaves pasted text alone', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client });
      const text = new DataTransfer();
      text.setData('text/plain', 'hello');
      const textPaste = new ClipboardEvent('paste', {
        clipboardData: text,
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      part(element, 'url-input')?.dispatchEvent(textPaste);
      expect(textPaste.defaultPrevented).toBe(false);

      const files = new DataTransfer();
      files.items.add(speechFile('pasted.wav'));
      const filePaste = new ClipboardEvent('paste', {
        clipboardData: files,
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      part(element, 'dropzone')?.dispatchEvent(filePaste);
      await vi.waitFor(() => expect(element.status).toBe('ready'));
      await element.updateComplete;

      expect(filePaste.defaultPrevented).toBe(true);
      expect(fileInfo(element).File).toBe('pasted.wav');
    });

    it('refuses a file larger than max-size with a clear message and scribe-error', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client, attributes: { 'max-size': '100KB' } });
      const error = nextEvent(element, 'scribe-error');

      await choose(element, speechFile());

      const event = await error;
      expect(element.status).toBe('idle');
      expect(part(element, 'error')?.textContent?.trim()).toBe('This file is 110 kB; the limit is 100 kB.');
      expect(part(element, 'error')?.getAttribute('role')).toBe('alert');
      expect(event.detail.message).toBe('This file is 110 kB; the limit is 100 kB.');
      expect(InvalidArgumentError.isInstance(event.detail.error)).toBe(true);
      expect(part(element, 'file-info')).toBeNull();
    });

    it('accepts max-size as a byte count', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client, attributes: { 'max-size': String(speechBytes.byteLength) } });

      await choose(element, speechFile());

      expect(element.status).toBe('ready');
    });

    it('refuses a file that does not match accept', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client });
      const error = nextEvent(element, 'scribe-error');

      await choose(element, new File(['%PDF-1.7'], 'notes.pdf', { type: 'application/pdf' }));

      expect((await error).detail.message).toBe('notes.pdf is not an accepted file type.');
      expect(part(element, 'error')?.textContent?.trim()).toBe('notes.pdf is not an accepted file type.');
      expect(fileInput(element).accept).toBe('audio/*,video/*');
    });

    it('checks a custom accept list of extensions', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client, attributes: { accept: '.mp3,.m4a' } });

      await choose(element, speechFile());

      expect(part(element, 'error')?.textContent?.trim()).toBe('speech.wav is not an accepted file type.');
      expect(fileInput(element).accept).toBe('.mp3,.m4a');
    });
  });

  describe('links', () => {
    it('resolves a Dropbox share link to its dl=1 download', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client });
      const input = part<HTMLInputElement>(element, 'url-input');
      if (input === null) throw new Error('no url input');

      input.value = 'https://www.dropbox.com/scl/fi/a1b2c3/talk.mp3?rlkey=xyz&dl=0';
      part(element, 'url-form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await element.updateComplete;

      expect(element.status).toBe('ready');
      expect(fileInfo(element)).toEqual({
        Link: 'https://www.dropbox.com/scl/fi/a1b2c3/talk.mp3?rlkey=xyz&dl=1',
      });
      expect(input.getAttribute('dir')).toBe('ltr');
    });

    it('shows an inline error for a folder link', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client });
      const error = nextEvent(element, 'scribe-error');
      const input = part<HTMLInputElement>(element, 'url-input');
      if (input === null) throw new Error('no url input');

      input.value = 'https://www.dropbox.com/scl/fo/abc/def?rlkey=1&dl=0';
      part(element, 'url-form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await element.updateComplete;

      expect(element.status).toBe('idle');
      expect(part(element, 'error')?.textContent?.trim()).toBe(
        'Folder links cannot be transcribed: share the file itself.',
      );
      expect(InvalidArgumentError.isInstance((await error).detail.error)).toBe(true);
    });
  });

  describe('transcribing', () => {
    it(
      'uploads, follows the job and fires scribe-transcript-complete with the Transcript',
      { timeout: 15_000 },
      async () => {
        const { client, clock } = sonioxOnSandbox();
        const element = await mount({ client, attributes: { language: 'en', diarize: '' } });
        stepClockOnProgress(element, clock);
        const stages = collectStages(element);
        await choose(element, speechFile());
        const complete = nextEvent(element, 'scribe-transcript-complete');

        part(element, 'start-button')?.click();
        await vi.waitFor(() => expect(element.status).toBe('uploading'));
        const { detail } = await complete;

        expect(detail.transcript.provider).toBe('soniox');
        expect(detail.transcript.words.length).toBeGreaterThan(0);
        expect(detail.transcript.durationInSeconds).toBeGreaterThan(0);
        expect(element.transcript).toBe(detail.transcript);
        expect(element.status).toBe('completed');
        expect(part(element, 'status-text')?.textContent?.trim()).toBe('Transcription complete');

        const order = ['uploading', 'queued', 'processing', 'completed'];
        expect(
          stages.map((stage) => stage.stage).filter((stage, index, all) => stage !== all[index - 1]),
        ).toEqual(order);
        const uploads = stages.filter((stage) => stage.stage === 'uploading');
        expect(uploads.at(-1)?.loadedBytes).toBe(uploads.at(-1)?.totalBytes);
        expect(uploads.at(-1)?.loadedBytes).toBeGreaterThanOrEqual(speechBytes.byteLength);
        const jobId = stages.find((stage) => stage.stage === 'queued')?.jobId;
        expect(jobId).toEqual(expect.any(String));
        expect(
          stages.filter((stage) => stage.stage !== 'uploading').every((stage) => stage.jobId === jobId),
        ).toBe(true);
      },
    );

    it('sends the language and speaker labelling it shows', { timeout: 15_000 }, async () => {
      const requests: { url: string; body: unknown }[] = [];
      const { client, clock } = sonioxOnSandbox((fetch) => async (request) => {
        if (request.method === 'POST' && request.url.endsWith('/v1/transcriptions')) {
          requests.push({ url: request.url, body: await request.clone().json() });
        }
        return fetch(request);
      });
      const element = await mount({ client });
      stepClockOnProgress(element, clock);
      await choose(element, speechFile());

      const select = present(part<HTMLSelectElement>(element, 'language-select'));
      const diarize = present(part<HTMLInputElement>(element, 'diarize-checkbox'));
      expect(select.options[0]?.textContent?.trim()).toBe('Detect automatically');
      expect(
        [...select.options].some((option) => option.value === 'he' && option.textContent === 'Hebrew'),
      ).toBe(true);
      // Soniox diarizes without a speaker count, so none is offered.
      diarize.checked = true;
      diarize.dispatchEvent(new Event('change'));
      select.value = 'he';
      select.dispatchEvent(new Event('change'));
      await element.updateComplete;
      expect(part(element, 'speaker-count-input')).toBeNull();
      expect(element.language).toBe('he');
      expect(element.diarize).toBe(true);

      const complete = nextEvent(element, 'scribe-transcript-complete');
      part(element, 'start-button')?.click();
      await complete;

      expect(requests[0]?.body).toMatchObject({ language_hints: ['he'], enable_speaker_diarization: true });
    });

    it('offers a speaker count only when the provider takes one and speakers are labelled', async () => {
      const provider = fakeProvider({ speakerCount: true });
      const element = await mount({ client: provider, attributes: { diarize: '', 'speaker-count': '3' } });
      await choose(element, speechFile());

      expect(present(part<HTMLInputElement>(element, 'speaker-count-input')).value).toBe('3');
      await element.start();
      expect(provider.requests[0]).toMatchObject({ diarize: true, speakerCount: 3 });

      element.diarize = false;
      await element.updateComplete;
      expect(part(element, 'speaker-count-input')).toBeNull();
    });

    it('offers only what the provider can do', async () => {
      const element = await mount({
        client: fakeProvider({ language: false, diarization: false, audioUrl: false }),
      });

      expect(part(element, 'language-select')).toBeNull();
      expect(part(element, 'diarize-checkbox')).toBeNull();
      expect(part(element, 'url-form')).toBeNull();
      expect(part(element, 'dropzone')).not.toBeNull();
    });

    it('keeps a language attribute outside the provider’s list selectable', async () => {
      const element = await mount({ client: fakeProvider(), attributes: { language: 'yi' } });

      const select = present(part<HTMLSelectElement>(element, 'language-select'));
      expect(select.value).toBe('yi');
      expect(select.selectedOptions[0]?.textContent).toBe('Yiddish');
    });

    it(
      'cancels mid-way: the request is aborted and the job and file are deleted',
      { timeout: 15_000 },
      async () => {
        const { client, clock } = sonioxOnSandbox();
        const element = await mount({ client });
        const stages = collectStages(element);
        const completions: TranscriptCompleteEvent[] = [];
        const errors: ScribeErrorEvent[] = [];
        element.addEventListener('scribe-transcript-complete', (event) => completions.push(event));
        element.addEventListener('scribe-error', (event) => errors.push(event));
        await choose(element, speechFile());

        part(element, 'start-button')?.click();
        await vi.waitFor(() => expect(element.status).toBe('queued'));
        await element.updateComplete;
        expect((await client.stt.list()).transcriptions).toHaveLength(1);
        part(element, 'cancel-button')?.click();
        await element.updateComplete;

        expect(element.status).toBe('cancelled');
        expect(part(element, 'status-text')?.textContent?.trim()).toBe('Cancelled');
        expect(part(element, 'cancel-button')).toBeNull();
        expect(part(element, 'start-button')).not.toBeNull();
        // Soniox deletes a job only once it settles: let it, then the clean-up runs.
        clock.now += 1000;
        await vi.waitFor(
          async () => {
            expect((await client.stt.list()).transcriptions).toHaveLength(0);
            expect((await client.files.list()).files).toHaveLength(0);
          },
          { timeout: 5000, interval: 100 },
        );
        expect(stages.map((stage) => stage.stage)).not.toContain('completed');
        expect(completions).toHaveLength(0);
        expect(errors).toHaveLength(0);
      },
    );

    it(
      'shows a server error with scribe-error, and Retry runs the same file again',
      { timeout: 15_000 },
      async () => {
        let failures = 1;
        const { client, clock } = sonioxOnSandbox((fetch) => async (request) => {
          if (failures > 0 && request.method === 'POST' && request.url.endsWith('/v1/files')) {
            failures--;
            return new Response(
              JSON.stringify({
                status_code: 500,
                error_type: 'internal_error',
                message: 'Boom',
                request_id: 'r1',
              }),
              {
                status: 500,
                headers: { 'content-type': 'application/json' },
              },
            );
          }
          return fetch(request);
        });
        const element = await mount({ client });
        stepClockOnProgress(element, clock);
        await choose(element, speechFile());
        const error = nextEvent(element, 'scribe-error');

        part(element, 'start-button')?.click();
        const event = await error;

        expect(element.status).toBe('error');
        expect(ApiCallError.isInstance(event.detail.error)).toBe(true);
        expect(event.detail.message).toBe('The transcription service refused the request (HTTP 500).');
        expect(part(element, 'error')?.textContent?.trim()).toBe(event.detail.message);
        expect(part(element, 'status-text')?.textContent?.trim()).toBe('Transcription failed');
        const retryButton = part(element, 'retry-button');
        expect(retryButton?.textContent?.trim()).toBe('Try again');

        const complete = nextEvent(element, 'scribe-transcript-complete');
        retryButton?.click();
        await complete;

        expect(element.status).toBe('completed');
        expect(part(element, 'error')?.textContent).toBe('');
        expect(part(element, 'retry-button')).toBeNull();
      },
    );

    it('transcribes through the Worker endpoint with XMLHttpRequest', { timeout: 15_000 }, async () => {
      const worker = await serveWorkerProxy(createSandbox({ jobDelays: { queuedMs: 0, processingMs: 0 } }));
      try {
        const element = await mount({ attributes: { endpoint: `${worker.origin}/api`, provider: 'soniox' } });
        const stages = collectStages(element);
        await choose(element, speechFile());
        expect(fileInfo(element)['Estimated cost']).toBe('< $0.01');
        const complete = nextEvent(element, 'scribe-transcript-complete');

        part(element, 'start-button')?.click();
        const { detail } = await complete;

        expect(detail.transcript.provider).toBe('soniox');
        expect(stages[0]).toMatchObject({ stage: 'uploading' });
        expect(stages.at(-1)).toMatchObject({ stage: 'completed' });
        expect(worker.paths).toContain('POST /api/soniox/v1/files');
        expect(worker.paths).toContain('POST /api/soniox/v1/transcriptions');
        // The job and its file are deleted once the transcript is in hand.
        await vi.waitFor(() =>
          expect(worker.paths.filter((path) => path.startsWith('DELETE '))).toEqual([
            expect.stringMatching(/^DELETE \/api\/soniox\/v1\/transcriptions\/.+/),
            expect.stringMatching(/^DELETE \/api\/soniox\/v1\/files\/.+/),
          ]),
        );
      } finally {
        await worker.close();
      }
    });

    it('aborts the running transcription when it leaves the document', async () => {
      const provider = fakeProvider({ progressSteps: 4, holdAt: 1 });
      const element = await mount({ client: provider });
      await choose(element, speechFile());
      const run = element.start();
      await vi.waitFor(() => expect(provider.requests).toHaveLength(1));

      element.remove();
      provider.release();

      expect(await run).toBeUndefined();
      expect(provider.requests[0]?.signal?.aborted).toBe(true);
      expect(element.status).toBe('cancelled');
    });

    it('fails with a message when it has neither endpoint nor client', async () => {
      const element = await mount();
      const error = nextEvent(element, 'scribe-error');
      await choose(element, speechFile());

      part(element, 'start-button')?.click();

      expect((await error).detail.message).toBe(
        'No transcription service is set up: give the element an endpoint or a client.',
      );
      expect(part(element, 'retry-button')).not.toBeNull();
    });
  });

  describe('accessibility', () => {
    it('opens the file picker from the drop zone with Enter, Space and a click', async () => {
      const element = await mount({ client: fakeProvider() });
      const click = vi.spyOn(fileInput(element), 'click').mockImplementation(() => undefined);
      const dropzone = part(element, 'dropzone');

      expect(dropzone?.tagName).toBe('BUTTON');
      const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      dropzone?.dispatchEvent(enter);
      expect(click).toHaveBeenCalledTimes(1);
      expect(enter.defaultPrevented).toBe(true);
      dropzone?.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
      expect(click).toHaveBeenCalledTimes(2);
      dropzone?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
      expect(click).toHaveBeenCalledTimes(2);
      dropzone?.click();
      expect(click).toHaveBeenCalledTimes(3);
    });

    it('gives every control an accessible name and keeps the file input out of the tab order', async () => {
      const element = await mount({
        client: fakeProvider({ speakerCount: true }),
        attributes: { diarize: '' },
      });
      await choose(element, speechFile());
      const root = present(element.shadowRoot);

      for (const button of root.querySelectorAll('button')) expect(button.textContent?.trim()).not.toBe('');
      for (const control of root.querySelectorAll<HTMLElement>('input:not([type="file"]), select')) {
        const labelled =
          control.closest('label') !== null ||
          (control.id !== '' && root.querySelector(`label[for="${control.id}"]`) !== null);
        expect(labelled, control.outerHTML).toBe(true);
      }
      expect(fileInput(element).tabIndex).toBe(-1);
      expect(part(element, 'dropzone')?.getAttribute('aria-describedby')).toBe('dropzone-hint');
      expect(root.getElementById('dropzone-hint')).not.toBeNull();
    });

    it('announces stages politely and upload progress once per tenth, not on every tick', async () => {
      const element = await mount({ client: fakeProvider({ progressSteps: 100 }) });
      const region = liveRegion(element);
      const announcements: string[] = [];
      element.addEventListener('scribe-upload-progress', () => {
        void element.updateComplete.then(() => {
          if (announcements.at(-1) !== region.textContent) announcements.push(region.textContent ?? '');
        });
      });
      await choose(element, speechFile());
      const complete = nextEvent(element, 'scribe-transcript-complete');

      part(element, 'start-button')?.click();
      await complete;
      await element.updateComplete;
      if (announcements.at(-1) !== region.textContent) announcements.push(region.textContent ?? '');

      expect(region.getAttribute('aria-live')).toBe('polite');
      expect(announcements).toEqual([
        'Uploading…',
        ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((percent) => `Uploaded ${percent}%`),
        'Waiting in the queue…',
        'Transcribing…',
        'Transcription complete',
      ]);
    });

    it('shows bytes sent next to a determinate progress bar while uploading', async () => {
      const provider = fakeProvider({ progressSteps: 4, holdAt: 2 });
      const element = await mount({ client: provider });
      await choose(element, speechFile());

      part(element, 'start-button')?.click();
      await vi.waitFor(() =>
        expect(part(element, 'progress-text')?.textContent?.trim()).toBe('55 kB of 110 kB'),
      );
      const progress = part<HTMLProgressElement>(element, 'progress');
      expect(progress?.getAttribute('max')).toBe(String(speechBytes.byteLength));
      expect(progress?.getAttribute('value')).toBe(String(speechBytes.byteLength / 2));
      expect(progress?.getAttribute('aria-label')).toBe('Upload progress');
      provider.release();
      await vi.waitFor(() => expect(element.status).toBe('completed'));
    });
  });

  describe('in Hebrew', () => {
    it('speaks Hebrew under lang="he"', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client, lang: 'he', attributes: { 'max-size': '1MB' } });

      expect(part(element, 'dropzone')?.textContent).toContain('גררו לכאן קובץ שמע או וידאו, או בחרו קובץ');
      expect(part(element, 'url-button')?.textContent?.trim()).toBe('שימוש בקישור');
      await choose(element, speechFile());
      expect(Object.keys(fileInfo(element))).toEqual(['קובץ', 'גודל', 'משך', 'עלות משוערת']);
      expect(part(element, 'start-button')?.textContent?.trim()).toBe('תמלול');
      const languages = part<HTMLSelectElement>(element, 'language-select');
      expect(languages?.options[0]?.textContent?.trim()).toBe('זיהוי אוטומטי');
      expect([...(languages?.options ?? [])].find((option) => option.value === 'he')?.textContent).toBe(
        'עברית',
      );
      expect(liveRegion(element).textContent).toBe('מוכן לתמלול');
    });

    it('explains a refused file in Hebrew', async () => {
      const { client } = sonioxOnSandbox();
      const element = await mount({ client, lang: 'he', attributes: { 'max-size': '100KB' } });

      await choose(element, speechFile());

      expect(part(element, 'error')?.textContent?.trim()).toBe('גודל הקובץ 110 kB; המגבלה היא 100 kB.');
    });
  });
});

/** A provider that reports `progressSteps` upload ticks then each job stage, with the capabilities asked for. */
function fakeProvider(
  options: Partial<TranscriptionProvider['capabilities']> & { progressSteps?: number; holdAt?: number } = {},
): TranscriptionProvider & { release(): void; requests: ProviderTranscribeRequest[] } {
  const { progressSteps = 2, holdAt, ...capabilities } = options;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    id: 'fake',
    name: 'Fake',
    capabilities: {
      language: true,
      languageDetection: true,
      diarization: true,
      speakerCount: false,
      contextTerms: false,
      wordTimestamps: true,
      audioUrl: false,
      cancellation: true,
      ...capabilities,
    },
    release: () => release(),
    requests: [] as ProviderTranscribeRequest[],
    async transcribe(request) {
      this.requests.push(request);
      const total = (request.audio as Blob).size;
      for (let step = 0; step <= progressSteps; step++) {
        request.signal?.throwIfAborted();
        request.onProgress?.({
          stage: 'uploading',
          loadedBytes: Math.round((total * step) / progressSteps),
          totalBytes: total,
        });
        if (step === holdAt) await held;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      for (const stage of ['queued', 'processing', 'completed'] as const) {
        request.onProgress?.({ stage, jobId: 'job-1' });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return createTranscript({ provider: 'fake', words: [{ text: 'Hello.', start: 0, end: 0.5 }] });
    },
  };
}

/**
A stand-in for the scribekit Worker on 127.0.0.1: `/api/soniox/<path>` goes to the sandbox's
`https://api.soniox.com/<path>` with a key added, and CORS answers the happy-dom page's origin.
*/
async function serveWorkerProxy(
  sandbox: Sandbox,
): Promise<{ origin: string; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const server = createServer((incoming, outgoing) => {
    void proxy(incoming, outgoing).catch((error: unknown) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    });
  });
  async function proxy(incoming: IncomingMessage, outgoing: ServerResponse) {
    outgoing.setHeader('access-control-allow-origin', 'http://localhost:3000');
    if (incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, DELETE',
        'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? '',
      });
      outgoing.end();
      return;
    }
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    paths.push(`${incoming.method} ${url.pathname}`);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = new Headers({ authorization: 'Bearer sandbox' });
    if (incoming.headers['content-type'] !== undefined)
      headers.set('content-type', incoming.headers['content-type']);
    const response = await sandbox.fetch(
      new Request(`https://api.soniox.com${url.pathname.replace(/^\/api\/soniox/, '')}${url.search}`, {
        method: incoming.method ?? 'GET',
        headers,
        ...(body.byteLength === 0 ? {} : { body: new Uint8Array(body) }),
      }),
    );
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    outgoing.writeHead(response.status, responseHeaders);
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
