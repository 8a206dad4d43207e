import { identifyAudioBytes, identifyAudioUrl, type AudioIdentity } from '../samples/identify-audio.js';
import type { SampleRegistry } from '../samples/sample-registry.js';

/** What a request's `audio_url` / `audio_file` pair resolves to: audio, or the 400 message. */
export type AudioResult =
  { readonly ok: true; readonly audio: AudioIdentity } | { readonly ok: false; readonly detail: string };

/**
Checks that exactly one of `audio_url` and `audio_file` is given ("Either audio_url or audio_file
must be provided, but not both", the create-transcription docs) and identifies the audio: a
base64 file by its bytes, a URL by its name (the sandbox never downloads). The status codes and
wording of these 400s are the sandbox's own: SoferAI documents neither.
*/
export async function resolveAudio(
  audioUrl: string | null,
  audioFile: string | null,
  samples: SampleRegistry,
): Promise<AudioResult> {
  if ((audioUrl === null) === (audioFile === null)) {
    return { ok: false, detail: 'Either audio_url or audio_file must be provided, but not both.' };
  }
  if (audioUrl !== null) {
    if (!/^https?:\/\/\S+$/i.test(audioUrl)) {
      return { ok: false, detail: 'audio_url must be a direct http(s) link to an audio file.' };
    }
    return { ok: true, audio: identifyAudioUrl(audioUrl, samples) };
  }
  const bytes = decodeBase64(audioFile ?? '');
  if (typeof bytes === 'string') return { ok: false, detail: bytes };
  return { ok: true, audio: await identifyAudioBytes(bytes, samples) };
}

/** Decodes standard padded base64, or explains why it is not. */
export function decodeBase64(text: string): ArrayBuffer | string {
  if (text.startsWith('data:')) return 'audio_file must be plain base64, without a data: URI prefix.';
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    return 'audio_file is not valid base64.';
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}
