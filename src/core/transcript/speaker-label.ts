import { normalizeText } from './join-words.js';

// Right-to-left scripts (letters only) and the right-to-left and Arabic letter marks.
const rightToLeft =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Old_Hungarian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}]/u;
const strong = /[\p{L}\u200E\u200F\u061C]/u;

/**
The direction of the first strongly directional character of `text`, as the Unicode bidi
algorithm uses it to pick a paragraph's direction; `undefined` when there is none (digits, punctuation).

@internal
*/
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | undefined {
  const match = strong.exec(text);
  if (match === null) return undefined;
  const character = match[0];
  if (character === '\u200E') return 'ltr';
  if (character === '\u200F' || character === '\u061C') return 'rtl';
  return rightToLeft.test(character) ? 'rtl' : 'ltr';
}

/**
The visible `Speaker: ` prefix for a line of `text`, or `''` when the speaker is blank.

A label is written before the text, so in plain text it decides the line's direction: `Alice:` in
front of a Hebrew sentence would make a bidi-aware renderer lay the Hebrew out left to right, with
its final punctuation on the wrong side. When the label and the text start in opposite directions,
the label alone is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068, U+2069):
the bidi algorithm skips isolated text when it picks the direction, so the line keeps the text's
own direction and the text's bytes are untouched. The colon stays outside the isolate so it sits
between label and text in either direction.

@internal
*/
export function speakerPrefix(speaker: string | undefined, text: string): string {
  if (speaker === undefined) return '';
  const label = normalizeText(speaker);
  if (label === '') return '';
  const labelDirection = firstStrongDirection(label);
  const textDirection = firstStrongDirection(text);
  if (labelDirection !== undefined && textDirection !== undefined && labelDirection !== textDirection) {
    return `\u2068${label}\u2069: `;
  }
  return `${label}: `;
}
