/** The request rules a transcription model follows. */
export type MistralSandboxFamily = 'voxtral-2' | 'voxtral-3';

/**
The file-transcription models the sandbox serves, with their family (reference/mistral.md §0, §8).
Any other model id gets 404 `unknown_model`, as the retired `voxtral-mini-2507` would. Where
`voxtral-mini-latest` points today is unconfirmed; the sandbox keeps it on Voxtral 2, as it was in
August 2026.
*/
export const MISTRAL_TRANSCRIPTION_MODELS: Readonly<Record<string, MistralSandboxFamily>> = {
  'voxtral-mini-2602': 'voxtral-2',
  'voxtral-mini-latest': 'voxtral-2',
  'voxtral-mini-transcribe-3-0': 'voxtral-3',
  'voxtral-mini-transcribe-3': 'voxtral-3',
  'voxtral-mini-transcribe-latest': 'voxtral-3',
  'voxtral-small-transcribe-3-0': 'voxtral-3',
  'voxtral-small-transcribe-3': 'voxtral-3',
  'voxtral-small-transcribe-latest': 'voxtral-3',
};

/** The family of a served model, or `undefined` for one the sandbox does not serve. */
export function mistralSandboxFamily(model: string): MistralSandboxFamily | undefined {
  return Object.hasOwn(MISTRAL_TRANSCRIPTION_MODELS, model) ? MISTRAL_TRANSCRIPTION_MODELS[model] : undefined;
}
