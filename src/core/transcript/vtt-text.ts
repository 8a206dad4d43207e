import { normalizeText } from './join-words.js';

/**
Escapes text for a WebVTT cue payload: `&`, `<` and `>` become character references, and line
breaks become spaces. Escaping `>` also keeps `-->` out of the payload, which a WebVTT parser
would otherwise read as the start of a new cue.

@internal
*/
export function escapeVttText(text: string): string {
  return normalizeText(text).replace(/[&<>]/g, (character) => references[character] ?? character);
}

const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00A0',
  lrm: '\u200E',
  rlm: '\u200F',
  quot: '"',
  apos: "'",
};

/**
Reads a WebVTT cue payload back as plain text: tags (`<v Name>`, `<b>`, `<00:01.000>`) are
dropped and character references (`&amp;`, `&lrm;`, `&#x5D0;`) decoded. Unknown references are
kept as written, as the WebVTT parser does.

@internal
*/
export function unescapeVttText(payload: string): string {
  return payload
    .replace(/<[^>]*>?/g, '')
    .replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (reference, decimal, hex, name) => {
      if (typeof name === 'string') return named[name] ?? reference;
      const codePoint = Number.parseInt(
        typeof hex === 'string' ? hex : String(decimal),
        typeof hex === 'string' ? 16 : 10,
      );
      return codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff)
        ? String.fromCodePoint(codePoint)
        : reference;
    });
}
