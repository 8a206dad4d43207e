import type { SampleWord } from '../samples/demo-sample.js';
import { sha256Hex } from '../samples/sample-registry.js';
import { judgeKey } from '../shared/api-key.js';
import type { JobClock } from '../shared/job-clock.js';
import { SONIOX_TEMPORARY_KEY_PREFIX, type SonioxKeyStore } from './soniox-key-store.js';
import { rawPcmLayout, readStreamHeader, type PcmLayout } from './soniox-realtime-audio.js';
import { parseSonioxRealtimeConfig, type SonioxRealtimeSessionConfig } from './soniox-realtime-config.js';
import { sonioxRealtimeErrors, type SonioxRealtimeErrorMessage } from './soniox-realtime-errors.js';
import {
  KnownWordsRecognizer,
  VoiceActivityRecognizer,
  type RealtimeRecognizer,
} from './soniox-realtime-recognizer.js';
import type { SandboxSocket, SandboxSocketHandlers } from './soniox-realtime-socket.js';
import { sonioxTokens, type SonioxToken } from './soniox-tokens.js';
import type { SampleRegistry } from '../samples/sample-registry.js';

/** How a session's key arrived. */
export type SonioxRealtimeAuthMethod = 'header' | 'subprotocol' | 'message';

/** What the sandbox reports about a session when it ends (a test hook). */
export interface SonioxRealtimeSessionInfo {
  /** 1 for the first session that sent a valid configuration, and so on; 0 if it never did. */
  readonly index: number;
  /** How the key arrived, once known. */
  readonly authentication: SonioxRealtimeAuthMethod | undefined;
  /** The validated configuration, if it was. */
  readonly config: SonioxRealtimeSessionConfig | undefined;
  /** Audio bytes the session received and processed. */
  readonly audioBytes: number;
  /** The demo sample recognised, if any. */
  readonly sampleId: string | undefined;
  /** How it ended: finished after the end of audio, an error sent, dropped by the test hook, or closed by the client. */
  readonly outcome: 'finished' | 'error' | 'dropped' | 'client-closed';
  /** The `error_code` sent, for `error`. */
  readonly errorCode: number | undefined;
}

/** The realtime emulator's knobs; every one has the real service's value by default. */
export interface SonioxRealtimeEmulatorOptions {
  /** Close with 408 after this long without audio or keepalive. @default 20000 */
  readonly idleTimeoutMs?: number | undefined;
  /** The most audio one session may carry, in ms. @default 18000000 (300 minutes) */
  readonly maxAudioMs?: number | undefined;
  /**
  Test hook: the number of audio bytes after which session `index` (1-based, counting sessions
  that sent a valid configuration) is dropped abnormally, or `undefined` to leave it alone.
  */
  readonly dropAfterAudioBytes?: ((index: number) => number | undefined) | undefined;
  /** Test hook: called once per session when it ends. */
  readonly onSessionEnd?: ((info: SonioxRealtimeSessionInfo) => void) | undefined;
}

/** What one session needs from the emulator. */
export interface SonioxRealtimeSessionContext {
  readonly keys: SonioxKeyStore;
  readonly samples: SampleRegistry;
  readonly clock: JobClock;
  readonly options: SonioxRealtimeEmulatorOptions;
  /** The key from the upgrade request (header or subprotocol), and how it came. */
  readonly connectionKey: { readonly key: string; readonly method: 'header' | 'subprotocol' } | undefined;
  /** Numbers the next configured session. */
  nextIndex(): number;
}

/**
PCM fingerprints of the demo samples: the SHA-256 of the first bytes of their PCM data, so a live
stream of a sample is recognised by its content. Computed from `test/fixtures/audio/speech.wav`
(the data chunk's first 8000 bytes, 0.25 s of 16 kHz mono s16le). A stream in another format, or
one that does not start at the sample's start, is not recognised.
*/
const PCM_FINGERPRINTS = [
  {
    sampleId: 'fox',
    format: 'pcm_s16le',
    sampleRate: 16_000,
    channels: 1,
    bytes: 8000,
    sha256: '2d0c998de091be9c20b91472182ea9b3ab7d0918c370733769aad58498d960bb',
  },
] as const;

// Time of container streams the sandbox cannot decode, measured at a common speech bitrate.
const CONTAINER_BYTES_PER_SECOND = 16_000;
const DEFAULT_IDLE_MS = 20_000;
const DEFAULT_MAX_AUDIO_MS = 300 * 60 * 1000;

type Phase = 'awaiting-config' | 'streaming' | 'ended';

/**
One realtime session on an accepted socket: the protocol of reference/soniox.md §4 from the
server's side.

1. The first frame must be the JSON configuration; the key comes from the connection (header or
   subprotocol) or, deprecated, from its `api_key`. Temporary keys are checked against the key
   store: expired, already used (single use) or minted for TTS are refused with 401.
2. Binary frames are audio. The stream is identified once: a demo sample by the PCM fingerprint
   of its first 0.25 s, or by a `client_reference_id` equal to the sample's file name
   (`speech.wav`); anything else goes to the voice-activity placeholder recognizer. A WAV stream
   sent with `audio_format: "auto"` is read through its header.
3. After each audio frame, a result message: newly final tokens, then the provisional ones,
   `final_audio_proc_ms` (everything before it settled) and `total_audio_proc_ms`. `<end>`
   follows an utterance when endpoint detection is on; translations follow their utterance.
4. `{"type":"keepalive"}` resets the idle timer; `{"type":"finalize"}` makes everything heard
   final and adds `<fin>`; an empty text frame finishes: the last tokens, then `finished: true`,
   then close 1000.
5. Errors are one JSON message and a close 1000 (Soniox documents no close code): 408 after the
   idle time, 400 past the longest session (the key's `max_session_duration_seconds`, wall clock,
   or 300 minutes of audio).
*/
export class SonioxRealtimeSession {
  readonly handlers: SandboxSocketHandlers;
  readonly #socket: SandboxSocket;
  readonly #context: SonioxRealtimeSessionContext;
  #phase: Phase = 'awaiting-config';
  #tail: Promise<void> = Promise.resolve();
  #config: SonioxRealtimeSessionConfig | undefined;
  #authentication: SonioxRealtimeAuthMethod | undefined;
  #index = 0;
  #audioBytes = 0;
  #dropAt: number | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #capTimer: ReturnType<typeof setTimeout> | undefined;

  #layout: PcmLayout | undefined;
  #bytesPerSecond = CONTAINER_BYTES_PER_SECOND;
  #header: Uint8Array | undefined;
  #identifying: Uint8Array | undefined;
  #recognizer: RealtimeRecognizer | undefined;
  #sampleId: string | undefined;
  #language = 'en';

  #cursor = 0;
  #tokensSent = false;
  #lastProvisional = '';
  #utterance: SampleWord[] = [];

  constructor(socket: SandboxSocket, context: SonioxRealtimeSessionContext) {
    this.#socket = socket;
    this.#context = context;
    this.#authentication = context.connectionKey?.method;
    this.handlers = {
      message: (data) => {
        this.#tail = this.#tail
          .then(() => this.#receive(data))
          .catch(() => {
            // A sandbox bug: end the session the way Soniox ends one it cannot continue.
            this.#fail(sonioxRealtimeErrors.cannotContinue(1));
          });
      },
      closed: () => {
        if (this.#phase !== 'ended') this.#end('client-closed', undefined);
      },
    };
    this.#touch();
  }

  async #receive(frame: string | ArrayBuffer | Uint8Array | Blob): Promise<void> {
    if (this.#phase === 'ended') return;
    // Frames are handled one at a time on a promise chain, so reading a Blob cannot reorder them.
    const data = frame instanceof Blob ? await frame.arrayBuffer() : frame;
    if (this.#phase === 'awaiting-config') {
      if (typeof data !== 'string') {
        this.#fail(
          sonioxRealtimeErrors.invalidRequest(
            'Invalid configuration: the first message must be the JSON configuration, not audio.',
          ),
        );
        return;
      }
      this.#configure(data);
      return;
    }
    if (typeof data !== 'string') {
      await this.#audio(data instanceof Uint8Array ? data : new Uint8Array(data));
      return;
    }
    if (data === '') {
      await this.#finish();
      return;
    }
    let control: unknown;
    try {
      control = JSON.parse(data);
    } catch {
      control = undefined;
    }
    const type = (control as { type?: unknown } | undefined)?.type;
    if (type === 'keepalive') {
      this.#touch();
    } else if (type === 'finalize') {
      const silence = (control as { trailing_silence_ms?: unknown }).trailing_silence_ms;
      if (
        silence !== undefined &&
        silence !== null &&
        (!Number.isInteger(silence) || (silence as number) < 0)
      ) {
        this.#fail(
          sonioxRealtimeErrors.invalidRequest(
            'Invalid finalize message: trailing_silence_ms must be a non-negative integer.',
          ),
        );
        return;
      }
      await this.#identify(true);
      this.#recognizer?.finalizeAll();
      this.#publish({ fin: true });
    } else {
      this.#fail(
        sonioxRealtimeErrors.invalidRequest(
          'Invalid control message: expected {"type":"keepalive"} or {"type":"finalize"}.',
        ),
      );
    }
  }

  #configure(text: string): void {
    const parsed = parseSonioxRealtimeConfig(text);
    const connectionKey = this.#context.connectionKey;
    const key = connectionKey?.key ?? (parsed.ok ? (parsed.config.apiKey ?? undefined) : readApiKey(text));
    this.#authentication ??= key === undefined ? undefined : 'message';
    // Authentication is checked before the configuration, so a bad key never reveals config errors.
    const refused = this.#authenticate(key);
    if (refused !== undefined) {
      this.#fail(refused);
      return;
    }
    if (!parsed.ok) {
      this.#fail(parsed.error);
      return;
    }
    const config = parsed.config;
    this.#config = config;
    this.#phase = 'streaming';
    this.#index = this.#context.nextIndex();
    this.#dropAt = this.#context.options.dropAfterAudioBytes?.(this.#index);
    this.#language = config.languageHints?.[0] ?? 'en';
    if (config.sampleRate !== null && config.numChannels !== null) {
      this.#layout = rawPcmLayout(config.audioFormat, config.sampleRate, config.numChannels);
      this.#bytesPerSecond = this.#layout.bytesPerSecond;
    } else {
      this.#header = new Uint8Array(0);
    }
    const cap = this.#temporaryKeyCap(key);
    if (cap !== undefined) {
      this.#capTimer = setTimeout(() => this.#fail(sonioxRealtimeErrors.sessionTooLong(cap)), cap * 1000);
    }
    this.#touch();
  }

  /** The error to refuse `key` with, or `undefined` when it opens a session (a temporary key is then used up). */
  #authenticate(key: string | undefined): SonioxRealtimeErrorMessage | undefined {
    const verdict = judgeKey(key);
    if (verdict === 'missing' || key === undefined) return sonioxRealtimeErrors.missingApiKey();
    if (verdict === 'rejected') return sonioxRealtimeErrors.invalidApiKey();
    if (!key.startsWith(SONIOX_TEMPORARY_KEY_PREFIX)) return undefined;
    const keys = this.#context.keys;
    const found = keys.lookup(key, this.#context.clock.now());
    switch (found.status) {
      case 'unknown':
        return sonioxRealtimeErrors.invalidApiKey();
      case 'expired':
        return sonioxRealtimeErrors.expiredTemporaryKey();
      case 'used':
        return sonioxRealtimeErrors.usedTemporaryKey();
      case 'valid':
        if (found.key.usageType !== 'transcribe_websocket') return sonioxRealtimeErrors.wrongKeyUsage();
        keys.markUsed(key);
        return undefined;
    }
  }

  #temporaryKeyCap(key: string | undefined): number | undefined {
    if (key === undefined || !key.startsWith(SONIOX_TEMPORARY_KEY_PREFIX)) return undefined;
    const found = this.#context.keys.lookup(key, 0);
    return found.status === 'unknown' ? undefined : (found.key.maxSessionDurationSeconds ?? undefined);
  }

  async #audio(chunk: Uint8Array): Promise<void> {
    this.#touch();
    let bytes = chunk;
    const dropAt = this.#dropAt;
    const drop = dropAt !== undefined && this.#audioBytes + bytes.byteLength >= dropAt;
    if (drop) bytes = bytes.subarray(0, Math.max(0, dropAt - this.#audioBytes));
    this.#audioBytes += bytes.byteLength;
    await this.#feed(bytes);
    if (this.#phase !== 'streaming') return;
    const maxAudioMs = this.#context.options.maxAudioMs ?? DEFAULT_MAX_AUDIO_MS;
    if ((this.#recognizer?.receivedMs ?? 0) > maxAudioMs) {
      this.#fail(sonioxRealtimeErrors.sessionTooLong(Math.round(maxAudioMs / 1000)));
      return;
    }
    this.#publish({});
    if (drop) {
      this.#end('dropped', undefined);
      this.#socket.drop();
    }
  }

  /** Passes audio to the recognizer, reading a container header and identifying the stream first. */
  async #feed(bytes: Uint8Array): Promise<void> {
    if (this.#header !== undefined) {
      const header = concat(this.#header, bytes);
      const found = readStreamHeader(header);
      if (found.kind === 'need-more') {
        this.#header = header;
        return;
      }
      this.#header = undefined;
      if (found.kind === 'wav') {
        this.#layout = found.layout;
        this.#bytesPerSecond = found.layout.bytesPerSecond;
        bytes = header.subarray(found.dataOffset);
      } else {
        bytes = header;
      }
    }
    if (this.#recognizer !== undefined) {
      this.#recognizer.push(bytes);
      return;
    }
    this.#identifying = concat(this.#identifying ?? new Uint8Array(0), bytes);
    await this.#identify(false);
  }

  /** Chooses the recognizer once enough audio is in, or now when `force` (finalize, end of audio). */
  async #identify(force: boolean): Promise<void> {
    if (this.#recognizer !== undefined || this.#phase !== 'streaming') return;
    const buffered = this.#identifying ?? this.#header ?? new Uint8Array(0);
    const byName = this.#config?.clientReferenceId;
    let sample =
      byName === null || byName === undefined ? undefined : this.#context.samples.byFileName(byName);
    if (sample === undefined && this.#layout !== undefined) {
      const layout = this.#layout;
      const fingerprint = PCM_FINGERPRINTS.find(
        (entry) =>
          entry.format === layout.format &&
          entry.sampleRate === layout.sampleRate &&
          entry.channels === layout.channels,
      );
      if (fingerprint !== undefined && buffered.byteLength < fingerprint.bytes && !force) return;
      if (fingerprint !== undefined && buffered.byteLength >= fingerprint.bytes) {
        const hash = await sha256Hex(buffered.slice(0, fingerprint.bytes));
        if (hash === fingerprint.sha256)
          sample = this.#context.samples.samples.find((entry) => entry.id === fingerprint.sampleId);
      }
    }
    if (sample !== undefined) {
      this.#sampleId = sample.id;
      this.#language = sample.language;
      this.#recognizer = new KnownWordsRecognizer(sample.words, this.#bytesPerSecond);
    } else {
      this.#recognizer = new VoiceActivityRecognizer(this.#layout, this.#bytesPerSecond);
    }
    this.#identifying = undefined;
    this.#header = undefined;
    this.#recognizer.push(buffered);
  }

  /** Sends a result message if anything changed (always with `fin` or `finished`). */
  #publish(options: { fin?: boolean; finished?: boolean }): void {
    const recognizer = this.#recognizer;
    const config = this.#config;
    if (config === undefined) return;
    const tokens: (SonioxToken & { is_final: boolean })[] = [];
    let changed = options.fin === true || options.finished === true;
    if (recognizer !== undefined) {
      for (; this.#cursor < recognizer.events.length; this.#cursor++) {
        const event = recognizer.events[this.#cursor];
        if (event === undefined) break;
        changed = true;
        if (event.kind === 'word') {
          tokens.push(...this.#wordTokens(event.word, true));
          this.#utterance.push(event.word);
          continue;
        }
        // <end> closes the utterance's own tokens; its translation follows.
        if (config.endpointDetection && !event.byFinalize) {
          tokens.push({
            text: '<end>',
            start_ms: event.atMs,
            end_ms: event.atMs,
            confidence: 1,
            is_final: true,
          });
        }
        tokens.push(...this.#translationTokens());
      }
      if (options.fin === true) {
        const at = Math.round(recognizer.receivedMs);
        tokens.push({ text: '<fin>', start_ms: at, end_ms: at, confidence: 1, is_final: true });
      }
      const provisional = recognizer
        .provisionalWords()
        .flatMap((word, index) => this.#wordTokens(word, false, index));
      const key = JSON.stringify(provisional);
      if (key !== this.#lastProvisional) changed = true;
      this.#lastProvisional = key;
      tokens.push(...provisional);
    }
    if (!changed) return;
    this.#send({
      tokens,
      final_audio_proc_ms: Math.round(recognizer?.settledMs ?? 0),
      total_audio_proc_ms: Math.round(recognizer?.receivedMs ?? 0),
      ...(options.finished === true && { finished: true }),
    });
  }

  /** A word's Soniox tokens; the very first token of the session has no leading space. */
  #wordTokens(
    word: SampleWord,
    isFinal: boolean,
    provisionalIndex = 0,
  ): (SonioxToken & { is_final: boolean })[] {
    const config = this.#config;
    if (config === undefined) return [];
    const first = isFinal ? !this.#tokensSent : !this.#tokensSent && provisionalIndex === 0;
    const pieces = sonioxTokens([word], {
      language: this.#language,
      durationMs: Math.max(word.endMs, this.#recognizer?.receivedMs ?? 0),
      diarization: config.diarization,
      languageIdentification: config.languageIdentification,
      translation: config.translation,
    }).filter((token) => token.translation_status !== 'translation');
    if (isFinal && pieces.length > 0) this.#tokensSent = true;
    return pieces.map((token, index) => ({
      ...token,
      text: index === 0 && !first ? ` ${token.text}` : token.text,
      is_final: isFinal,
    }));
  }

  /** The translation of the utterance that just ended, as final tokens (none without translation). */
  #translationTokens(): (SonioxToken & { is_final: boolean })[] {
    const config = this.#config;
    const words = this.#utterance;
    this.#utterance = [];
    if (config?.translation === null || config === undefined || words.length === 0) return [];
    return sonioxTokens(words, {
      language: this.#language,
      durationMs: words.at(-1)?.endMs ?? 0,
      diarization: config.diarization,
      languageIdentification: config.languageIdentification,
      translation: config.translation,
    })
      .filter((token) => token.translation_status === 'translation')
      .map((token) => ({ ...token, is_final: true }));
  }

  async #finish(): Promise<void> {
    await this.#identify(true);
    this.#recognizer?.finalizeAll();
    this.#publish({});
    if (this.#utterance.length > 0) {
      const translation = this.#translationTokens();
      if (translation.length > 0) this.#send({ tokens: translation, ...this.#progress() });
    }
    this.#send({ tokens: [], ...this.#progress(), finished: true });
    this.#end('finished', undefined);
    this.#socket.close(1000, '');
  }

  #progress(): { final_audio_proc_ms: number; total_audio_proc_ms: number } {
    return {
      final_audio_proc_ms: Math.round(this.#recognizer?.settledMs ?? 0),
      total_audio_proc_ms: Math.round(this.#recognizer?.receivedMs ?? 0),
    };
  }

  #fail(error: SonioxRealtimeErrorMessage): void {
    if (this.#phase === 'ended') return;
    this.#send(error);
    this.#end('error', error.error_code);
    this.#socket.close(1000, '');
  }

  #send(message: unknown): void {
    try {
      this.#socket.send(JSON.stringify(message));
    } catch {
      // The client is gone; its close ends the session.
    }
  }

  #touch(): void {
    if (this.#phase === 'ended') return;
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    const idleMs = this.#context.options.idleTimeoutMs ?? DEFAULT_IDLE_MS;
    this.#idleTimer = setTimeout(
      () => this.#fail(sonioxRealtimeErrors.idleTimeout(Math.round(idleMs / 1000))),
      idleMs,
    );
  }

  #end(outcome: SonioxRealtimeSessionInfo['outcome'], errorCode: number | undefined): void {
    if (this.#phase === 'ended') return;
    this.#phase = 'ended';
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    if (this.#capTimer !== undefined) clearTimeout(this.#capTimer);
    this.#context.options.onSessionEnd?.({
      index: this.#index,
      authentication: this.#authentication,
      config: this.#config,
      audioBytes: this.#audioBytes,
      sampleId: this.#sampleId,
      outcome,
      errorCode,
    });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a);
  joined.set(b, a.byteLength);
  return joined;
}

/** The `api_key` of a configuration that failed validation, so the key is still checked first. */
function readApiKey(text: string): string | undefined {
  try {
    const key = (JSON.parse(text) as { api_key?: unknown } | null)?.api_key;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}
