import { outlineToChapters, type Chapter } from '../../core/index.js';
import { createSoferAI } from '../../core/providers/soferai/index.js';

/**
SoferAI's outline of a transcription as chapters, asked through the scribekit Worker at `endpoint`
(its `/api` base, as an absolute URL): the Worker's `/soferai` proxy adds the key.

Topics are aligned in order (`monotone`), and a "conclusion" is looked for in the last third of the
audio (`conclusionBias`): both are sent, since SoferAI does not document its defaults. Topics it
could not place are left out; each chapter's `confidence` is the topic's `scoreNorm`.
*/
export async function loadSoferAIChapters(
  endpoint: string,
  transcriptionId: string,
  options: { fetch: typeof globalThis.fetch; signal: AbortSignal },
): Promise<Chapter[]> {
  const soferai = createSoferAI({ baseUrl: `${endpoint}/soferai`, fetch: options.fetch });
  const topics = await soferai.timestamps.outline(transcriptionId, {
    monotone: true,
    conclusionBias: true,
    signal: options.signal,
  });
  return outlineToChapters(topics);
}
