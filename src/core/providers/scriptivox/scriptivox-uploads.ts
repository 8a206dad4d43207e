import { normalizeAudioInput, type AudioInput } from '../../audio/index.js';
import { InvalidArgumentError } from '../../errors/index.js';
import {
  createHttpClient,
  type ClientOptions,
  type HttpClient,
  type UploadProgress,
} from '../../http/index.js';
import { ScriptivoxUploadSchema, type ScriptivoxUpload } from './scriptivox-api.js';
import { scriptivoxMediaType, scriptivoxMediaTypes } from './scriptivox-media-types.js';

/** Options of the calls that send a file's bytes. */
export interface ScriptivoxUploadOptions {
  /** The file name Scriptivox sees; its extension must be one of the 25 supported formats. Defaults to the `File`'s name or `audio.<extension>`. */
  filename?: string;
  signal?: AbortSignal;
  /** Progress of the PUT, in bytes. */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/**
`scriptivox.uploads`: the first two steps of transcribing a local file. `create` asks for a
presigned URL, `put` sends the bytes there, `send` does both; then pass `uploadId` to
`transcribe.create` (or let `transcribe.createFromFile` do all three).
*/
export interface ScriptivoxUploads {
  /** `POST /v1/upload`: a presigned URL for a file of this name, valid for an hour and usable by one job. */
  create(options: { filename: string; signal?: AbortSignal }): Promise<ScriptivoxUpload>;
  /**
  Sends the bytes to the presigned URL with exactly the headers it was signed for, and without
  the API key. Any {@link AudioInput} but a URL; a stream is gathered first.
  */
  put(
    upload: ScriptivoxUpload,
    audio: AudioInput,
    options?: Omit<ScriptivoxUploadOptions, 'filename'>,
  ): Promise<void>;
  /** `create`, then `put`: returns the upload whose `uploadId` a job can use. */
  send(audio: AudioInput, options?: ScriptivoxUploadOptions): Promise<ScriptivoxUpload>;
}

/** Checks a file name the way `POST /v1/upload` will: a supported extension, nothing path-like. */
export function checkUploadFilename(filename: unknown): string {
  if (typeof filename !== 'string' || filename.trim() === '' || filename.length > 255) {
    throw new InvalidArgumentError({
      argument: 'filename',
      message: 'must be a non-empty string of at most 255 characters',
      value: filename,
    });
  }
  const hasControl = [...filename].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127);
  if (hasControl || /[/\\]/.test(filename) || filename.startsWith('.')) {
    throw new InvalidArgumentError({
      argument: 'filename',
      message: 'must be a plain file name, without slashes, control characters or a leading dot',
      value: filename,
    });
  }
  if (scriptivoxMediaType(filename) === undefined) {
    throw new InvalidArgumentError({
      argument: 'filename',
      message: `must end in an extension Scriptivox accepts (${Object.keys(scriptivoxMediaTypes).join(', ')}); pass \`filename\` when the audio has none`,
      value: filename,
    });
  }
  return filename;
}

/**
Builds the `uploads` namespace. The PUT goes through its own HTTP client: another host, no API key
and none of the client's extra headers, the same `fetch`, retries and timeout otherwise.
*/
export function createScriptivoxUploads(
  http: HttpClient,
  storageOptions: Pick<ClientOptions, 'fetch' | 'retry' | 'timeout'>,
): ScriptivoxUploads {
  const uploads: ScriptivoxUploads = {
    async create(options) {
      const filename = checkUploadFilename(options?.filename);
      return http.json(
        { method: 'POST', path: 'v1/upload', json: { filename }, signal: options.signal },
        ScriptivoxUploadSchema,
      );
    },
    async put(upload, audio, options = {}) {
      const input = await normalizeAudioInput(audio);
      if (input.kind === 'url') {
        throw new InvalidArgumentError({
          argument: 'audio',
          message: 'an upload needs bytes; pass a URL as `url` to transcribe.create',
        });
      }
      // A Blob can be sent again when the PUT is retried, and reports its size; a stream can do neither.
      const blob = input.kind === 'blob' ? input.blob : await new Response(input.stream).blob();
      const url = new URL(upload.uploadUrl);
      const headers = { ...upload.headers };
      const contentType = Object.keys(headers).find((name) => name.toLowerCase() === 'content-type');
      // The URL is signed for the type /v1/upload named; the table is only for a server that names none.
      if (contentType === undefined) {
        headers['Content-Type'] = scriptivoxMediaType(decodeURIComponent(url.pathname)) ?? input.mimeType;
      }
      const slash = url.pathname.lastIndexOf('/');
      const storage = createHttpClient({
        ...storageOptions,
        provider: 'scriptivox',
        providerName: 'Scriptivox storage',
        baseUrl: `${url.origin}${url.pathname.slice(0, slash)}`,
        defaultBaseUrl: url.origin,
        auth: { type: 'raw', header: 'Authorization' },
      });
      await storage.empty({
        method: upload.method,
        // The signed query string is kept byte for byte.
        path: `${url.pathname.slice(slash + 1)}${url.search}`,
        body: blob,
        headers,
        signal: options.signal,
        timeout: false,
        onUploadProgress: options.onUploadProgress,
      });
    },
    async send(audio, options = {}) {
      const input = await normalizeAudioInput(audio, { filename: options.filename });
      if (input.kind === 'url') {
        throw new InvalidArgumentError({
          argument: 'audio',
          message: 'an upload needs bytes; pass a URL as `url` to transcribe.create',
        });
      }
      const upload = await uploads.create({
        filename: input.filename,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      const { filename: _filename, ...putOptions } = options;
      await uploads.put(upload, input.kind === 'blob' ? input.blob : input.stream, putOptions);
      return upload;
    },
  };
  return uploads;
}
