// Deterministic, real-shaped speech: timed words of a few speakers, sentences with punctuation,
// pauses, some code-switching. Turned into Soniox tokens by the sandbox's own tokenizer
// (worker/src/sandbox/soniox/soniox-tokens.ts), so the token shape is the one the tests use.

/** mulberry32: a small seeded PRNG, so every run measures the same words. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Frequent words first, so picking by a skewed index gives a Zipf-like spread of lengths.
const english = (
  'the and to of a I it in you that is was he for on are with as his they be at one have this ' +
  'from or had by not word but what some we can out other were all there when up use your how ' +
  'said an each she which do their time if will way about many then them write would like so ' +
  'these her long make thing see him two has look more day could go come did number sound no ' +
  'most people my over know water than call first who may down side been now find any new work ' +
  'part take get place made live where after back little only round man year came show every ' +
  'good me give our under name very through just form sentence great think say help low line ' +
  'differ turn cause much mean before move right boy old too same tell does set three want air ' +
  'well also play small end put home read hand port large spell add even land here must big high ' +
  'such follow act why ask men change went light kind off need house picture try us again animal ' +
  'point mother world near build self earth father transcription understanding conversation ' +
  'recording microphone everybody particularly information development interesting government ' +
  'experience international technology relationship environment organization responsibility'
).split(' ');
const hebrew = 'שלום תודה בבקשה כן לא אני אתה היא הוא אנחנו מה למה איך מתי איפה טוב יפה גדול קטן תורה'.split(
  ' ',
);
const spanish = 'hola gracias por favor buenos días sí no yo tú nosotros qué cómo cuándo dónde bueno'.split(
  ' ',
);

/**
Words with timings, until `durationSeconds` of speech or `maxWords` words. About 135 words a
minute (conversational speech); three speakers taking turns; one sentence in 30 in Hebrew or
Spanish.
*/
export function speech({ durationSeconds = Infinity, maxWords = Infinity, seed = 1 }) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() ** 2.2 * list.length)];
  const words = [];
  let ms = 300;
  let speaker = '1';
  while (ms < durationSeconds * 1000 && words.length < maxWords) {
    if (next() < 0.35) {
      speaker = String(1 + ((Number(speaker) + Math.floor(next() * 2)) % 3));
      ms += 200 + next() * 1000;
    }
    const roll = next();
    const [vocabulary, language] =
      roll < 0.02 ? [hebrew, 'he'] : roll < 0.035 ? [spanish, 'es'] : [english, undefined];
    const length = 4 + Math.floor(next() * 18);
    for (let index = 0; index < length; index++) {
      let text = pick(vocabulary);
      if (index === 0 && language === undefined) text = text[0].toUpperCase() + text.slice(1);
      if (index === length - 1) text += next() < 0.7 ? '.' : next() < 0.67 ? '?' : '!';
      else if (next() < 0.08) text += ',';
      const duration = 100 + 45 * [...text].length + next() * 60;
      words.push({
        text,
        startMs: Math.round(ms),
        endMs: Math.round(ms + duration),
        speaker,
        ...(language && { language }),
      });
      ms += duration + 15 + next() * 80 + (text.endsWith(',') ? 150 : 0);
    }
    ms += 300 + next() * 600 + (next() < 0.03 ? 1600 + next() * 2400 : 0);
  }
  return words;
}

/** The words as a Soniox transcript (`GET /v1/transcriptions/{id}/transcript`), wire format. */
export function sonioxTranscript(words, sonioxTokens) {
  const durationMs = (words.at(-1)?.endMs ?? 0) + 500;
  const tokens = sonioxTokens(words, {
    language: 'en',
    durationMs,
    diarization: true,
    languageIdentification: true,
    translation: null,
  });
  return { id: 'bench-transcript', text: tokens.map((token) => token.text).join(''), tokens, durationMs };
}
