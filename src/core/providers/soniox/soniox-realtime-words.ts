import type {
  RealtimeDecoder,
  RealtimeServerMessage,
  RealtimeTranslationText,
} from '../../realtime/realtime-protocol.js';
import type { Word } from '../../transcript/transcript-schema.js';
import type { SonioxToken } from './soniox-api.js';
import { parseSonioxRealtimeResponse, type SonioxRealtimeToken } from './soniox-realtime-messages.js';
import { sonioxTokensToWords } from './soniox-to-transcript.js';

// Soniox error codes after which a new session may succeed: a request timeout, an internal error,
// an early termination ("Cannot continue request (code N). Please restart the request.").
// The same codes the official SDK's isRetriableError accepts (reference/soniox.md §4.6).
const RETRYABLE_CODES = new Set<number | string>([408, 500, 503]);

/**
Turns one connection's messages into words.

Soniox finalizes sub-word tokens, so a message can end in the middle of a word (`" Hel"` final,
`"lo"` not yet). Final tokens of the open word wait in `pending` until a token that starts a new
word (a leading space, or a change of speaker or language, as `sonioxTokensToWords` decides),
final or provisional, a control token (`<end>`, `<fin>`) or `finished` closes it; only then does
the word count as final. Until then it leads the provisional tail. Each message is handled in
time proportional to its own tokens: the pending word is the only carried state.

`<end>` and `<fin>` become `endpoint` and `finalized`; translation tokens go to the translation
text, never into words. `settledSeconds` is `final_audio_proc_ms` (provisional tokens all lie
after it) unless a final word is still pending, whose audio a reconnect must send again.
*/
export function createSonioxRealtimeDecoder(): RealtimeDecoder {
  let pending: SonioxToken[] = [];
  let lastPartialTranslation = '';

  return {
    decode(text: string): RealtimeServerMessage {
      const response = parseSonioxRealtimeResponse(text);
      if (response.error !== undefined) {
        return {
          ...emptyMessage,
          error: {
            code: response.error.code,
            message: `${response.error.message} (${response.error.code}${response.error.type === undefined ? '' : ` ${response.error.type}`})`,
            retryable: RETRYABLE_CODES.has(response.error.code),
          },
        };
      }

      const finalWords: Word[] = [];
      const provisional: SonioxRealtimeToken[] = [];
      const translationFinal: RealtimeTranslationText[] = [];
      let partialTranslation = '';
      let partialTranslationLanguage: string | undefined;
      let partialTranslationSource: string | undefined;
      let endpoint = false;
      let finalized = false;
      const close = (): void => {
        if (pending.length === 0) return;
        for (const word of sonioxTokensToWords(pending)) finalWords.push(word);
        pending = [];
      };

      for (const token of response.tokens) {
        if (token.translationStatus === 'translation') {
          if (token.isFinal) {
            const last = translationFinal.at(-1);
            if (
              last !== undefined &&
              last.language === token.language &&
              last.sourceLanguage === token.sourceLanguage
            ) {
              translationFinal[translationFinal.length - 1] = { ...last, text: last.text + token.text };
            } else {
              translationFinal.push({
                text: token.text,
                language: token.language,
                sourceLanguage: token.sourceLanguage,
              });
            }
          } else {
            partialTranslation += token.text;
            partialTranslationLanguage ??= token.language;
            partialTranslationSource ??= token.sourceLanguage;
          }
          continue;
        }
        const control = token.text.trim();
        if (control === '<end>' || control === '<fin>') {
          // Control tokens are always final; a provisional one would be a server bug and is ignored.
          if (token.isFinal) {
            close();
            if (control === '<end>') endpoint = true;
            else finalized = true;
          }
          continue;
        }
        if (!token.isFinal) {
          provisional.push(token);
          continue;
        }
        const previous = pending.at(-1);
        if (previous !== undefined && startsWord(token, previous)) close();
        pending.push(token);
      }
      // A provisional token that starts a word shows the last final word is complete.
      const next = provisional[0];
      const last = pending.at(-1);
      if (response.finished || (next !== undefined && last !== undefined && startsWord(next, last))) close();

      const changedTranslation = partialTranslation !== lastPartialTranslation;
      lastPartialTranslation = partialTranslation;
      return {
        finalWords,
        partialWords: sonioxTokensToWords(provisional.length === 0 ? pending : [...pending, ...provisional]),
        translationFinal,
        translationPartial: changedTranslation
          ? {
              text: partialTranslation,
              language: partialTranslationLanguage,
              sourceLanguage: partialTranslationSource,
            }
          : undefined,
        endpoint,
        finalized,
        finished: response.finished,
        finalAudioProcMs: response.finalAudioProcMs,
        totalAudioProcMs: response.totalAudioProcMs,
        settledSeconds:
          response.finalAudioProcMs === undefined || pending.length > 0
            ? undefined
            : response.finalAudioProcMs / 1000,
        error: undefined,
      };
    },
  };
}

const emptyMessage: RealtimeServerMessage = {
  finalWords: [],
  partialWords: [],
  translationFinal: [],
  translationPartial: undefined,
  endpoint: false,
  finalized: false,
  finished: false,
  finalAudioProcMs: undefined,
  totalAudioProcMs: undefined,
  settledSeconds: undefined,
  error: undefined,
};

/** The rule of `sonioxTokensToWords`: a leading space, or a new speaker or language, starts a word. */
function startsWord(token: SonioxToken, previous: SonioxToken): boolean {
  return (
    /^\s/.test(token.text) ||
    token.speaker !== previous.speaker ||
    (token.language !== undefined && token.language !== previous.language)
  );
}
