/**
Mistral's file-transcription model ids (reference/mistral.md §8). Any other string is accepted
too, so a model released after this package still type-checks.
*/
export type MistralTranscriptionModel =
  | 'voxtral-mini-transcribe-3-0'
  | 'voxtral-small-transcribe-3-0'
  | 'voxtral-mini-transcribe-3'
  | 'voxtral-small-transcribe-3'
  | 'voxtral-mini-transcribe-latest'
  | 'voxtral-small-transcribe-latest'
  | 'voxtral-mini-2602'
  | 'voxtral-mini-latest'
  | (string & {});

/**
Which request rules a model follows: Voxtral 2 (`voxtral-mini-2602` and its alias), Voxtral 3
(`voxtral-*-transcribe-3-0` and its aliases), or `unknown` for an id this package does not know,
which is sent without family rules and left to Mistral to judge.
*/
export type MistralModelFamily = 'voxtral-2' | 'voxtral-3' | 'unknown';

/** The model `transcribe()` uses unless told otherwise: Voxtral Mini Transcribe 3. */
export const defaultMistralTranscriptionModel = 'voxtral-mini-transcribe-3-0';

// V3 ids and aliases come from the migration table; a later 3.x point release (`-3-1`) is assumed
// to keep the V3 rules.
const voxtral3 = /^voxtral-(mini|small)-transcribe-(3(-\d+)*|latest)$/;
// `voxtral-mini-latest` pointed at voxtral-mini-2602 in Aug 2026 and @ai-sdk/mistral still treats
// it as a legacy id (reference/mistral.md §0, unconfirmed today). The retired V1 `voxtral-mini-2507`
// shares the V2 rules as far as @ai-sdk/mistral knows.
const voxtral2 = new Set(['voxtral-mini-2602', 'voxtral-mini-latest', 'voxtral-mini-2507']);

/**
The rules family of a model id. Unknown ids are `unknown` rather than guessed: they get only the
rules every model shares, and Mistral's own answer decides the rest.

@example
```ts
import { mistralModelFamily } from 'scribekit/mistral';

mistralModelFamily('voxtral-mini-transcribe-3-0'); //=> 'voxtral-3'
mistralModelFamily('voxtral-mini-2602'); //=> 'voxtral-2'
```
*/
export function mistralModelFamily(model: string): MistralModelFamily {
  if (voxtral3.test(model)) return 'voxtral-3';
  return voxtral2.has(model) ? 'voxtral-2' : 'unknown';
}
