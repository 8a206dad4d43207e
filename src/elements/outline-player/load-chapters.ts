import { ApiCallError, NetworkError, parseVttChapters, type Chapter } from '../../core/index.js';
import type { ChapterSource } from './chapter-loader.js';
import { loadSoferAIChapters } from './load-soferai-chapters.js';

/** How {@link loadChapters} reaches the network. */
export interface LoadChaptersOptions {
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
}

/**
Loads the chapters of `source`: a WebVTT chapters file read with `parseVttChapters`, or SoferAI's
outline of a transcription through the scribekit Worker.

Rejects with a `NetworkError` when the file cannot be reached and an `ApiCallError` when it answers
with an error status; SoferAI's client rejects with its own scribekit errors. Rejects with the
signal's reason when aborted.
*/
export async function loadChapters(source: ChapterSource, options: LoadChaptersOptions): Promise<Chapter[]> {
  switch (source.kind) {
    case 'vtt':
      return loadVttChapters(source.url, options);
    case 'soferai':
      return loadSoferAIChapters(source.endpoint, source.transcriptionId, options);
  }
}

async function loadVttChapters(url: string, { fetch, signal }: LoadChaptersOptions): Promise<Chapter[]> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new NetworkError({ provider: 'webvtt', method: 'GET', url, cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ApiCallError({ provider: 'webvtt', method: 'GET', url, status: response.status });
  }
  return parseVttChapters(await response.text());
}
