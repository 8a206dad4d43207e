import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/index.js';
import { alignOutline } from '../../../src/core/outline/index.js';
import { SonioxTranscriptSchema } from '../../../src/core/providers/soniox/soniox-api.js';
import { sonioxToTranscript } from '../../../src/core/providers/soniox/index.js';
import { createTranscript, type Word } from '../../../src/core/transcript/index.js';

/** Words spoken one every 0.5 s, as a provider would time them. */
function timed(text: string, from = 0): Word[] {
  return text.split(' ').map((word, index) => ({
    text: word,
    start: from + index * 0.5,
    end: from + index * 0.5 + 0.4,
  }));
}

const lecture = createTranscript({
  provider: 'test',
  words: timed(
    'Good evening everyone and welcome back. Tonight we begin the laws of Shabbos candles, הדלקת נרות שבת, ' +
      'and why we light before sunset. First the blessing: ברוך אתה ה׳ אשר קדשנו, said after lighting. ' +
      'Second the time: eighteen minutes before sunset in most communities, forty in ירושלים. ' +
      'Many ask about the time again. In conclusion, light early, light with joy, and a Shabbat Shalom to all.',
  ),
});

const startOf = (text: string) => {
  const index = lecture.words.findIndex((word) => word.text === text);
  return lecture.words[index]?.start;
};

describe('alignOutline', () => {
  it('finds an exact quote: HIGH, start, span, matched text and diagnostics', () => {
    const [topic] = alignOutline(lecture, [
      { title: 'Sunset', startingPhrase: 'and why we light before sunset' },
    ]);
    expect(lecture.words[17]?.start).toBe(8.5);
    expect(topic).toEqual({
      title: 'Sunset',
      startingPhrase: 'and why we light before sunset',
      startTimeSec: 8.5,
      matchedText: 'and why we light before sunset.',
      scoreNorm: 1,
      confidence: 'HIGH',
      tokenSpan: [17, 23],
      // "and" and "we" are stop-words: why, light, before and sunset are the content.
      matchedContent: 4,
      contentCoverage: 1,
      longestContentRunSoft: 4,
      longestContentRunStrict: 4,
    });
  });

  it('finds a phrase the transcript renders differently: a missing word, a different spelling', () => {
    const [topic] = alignOutline(lecture, [
      { title: 'Candles', startingPhrase: 'The laws of Shabbat candles' },
    ]);
    expect(topic?.startTimeSec).toBe(startOf('the'));
    expect(topic?.matchedText).toBe('the laws of Shabbos candles,');
    expect(topic?.matchedContent).toBe(2);
    expect(topic?.contentCoverage).toBeCloseTo(2 / 3, 3);
    expect(topic?.confidence).toBe('MEDIUM');
    expect(topic?.scoreNorm).toBeGreaterThan(0.55);
    expect(topic?.scoreNorm).toBeLessThan(0.8);
  });

  it('ignores case and punctuation', () => {
    const [topic] = alignOutline(lecture, [{ title: 'Time', startingPhrase: '“Second — the TIME!”' }]);
    expect(topic).toMatchObject({ startTimeSec: startOf('Second'), confidence: 'HIGH', scoreNorm: 1 });
  });

  it('matches Hebrew with niqqud, geresh and final letters against plain Hebrew', () => {
    const [candles, blessing, city] = alignOutline(lecture, [
      { title: 'Hebrew', startingPhrase: 'הַדְלָקַת נֵרוֹת שַׁבָּת' },
      { title: 'Blessing', startingPhrase: "בָּרוּךְ אַתָּה ה' אֲשֶׁר קִדְּשָׁנוּ" },
      // A final mem written mid-form, as a tokenizer split may leave it.
      { title: 'City', startingPhrase: 'forty in ירושלימ' },
    ]);
    expect(candles).toMatchObject({
      startTimeSec: startOf('הדלקת'),
      confidence: 'HIGH',
      matchedText: 'הדלקת נרות שבת,',
    });
    expect(blessing).toMatchObject({ startTimeSec: startOf('ברוך'), confidence: 'HIGH' });
    expect(city).toMatchObject({ startTimeSec: startOf('forty'), confidence: 'HIGH' });
  });

  it('gives NONE and a null start for a phrase that is not there, or only stop-words of it', () => {
    const [absent, stopWords] = alignOutline(lecture, [
      { title: 'Absent', startingPhrase: 'the history of the Maccabees' },
      { title: 'Vague', startingPhrase: 'and the of with' },
    ]);
    expect(absent).toMatchObject({
      startTimeSec: null,
      tokenSpan: null,
      matchedText: '',
      confidence: 'NONE',
    });
    expect(absent?.matchedContent).toBe(0);
    // A phrase of stop-words only counts them all as content: a real quote of it would be found.
    expect(stopWords?.confidence).not.toBe('HIGH');
  });

  it('returns nulls for an empty phrase, and nothing for no topics', () => {
    expect(alignOutline(lecture, [{ title: 'Empty', startingPhrase: ' … ' }])[0]).toMatchObject({
      startTimeSec: null,
      confidence: 'NONE',
      matchedContent: null,
      contentCoverage: null,
    });
    expect(alignOutline(lecture, [])).toEqual([]);
  });

  it('searches each topic after the previous one with monotone, allowing the backoff', () => {
    const topics = [
      { title: 'Blessing', startingPhrase: 'First the blessing' },
      { title: 'Again', startingPhrase: 'the time' },
    ];
    const free = alignOutline(lecture, topics);
    const ordered = alignOutline(
      lecture,
      [{ title: 'Late', startingPhrase: 'Many ask about' }, ...topics.slice(1)],
      {
        monotone: true,
      },
    );
    // Without monotone the earliest equal match wins: "the time:" of "Second the time".
    expect(free[1]?.startTimeSec).toBe((startOf('Second') ?? 0) + 0.5);
    // With it, "the time" is searched after "Many ask about": its second occurrence.
    expect(ordered[1]?.startTimeSec).toBeGreaterThan(ordered[0]?.startTimeSec ?? Infinity);
    expect(ordered[1]?.startTimeSec).toBe((startOf('again.') ?? 0) - 1);
    // A backoff wide enough reaches back before the previous topic, where a better match wins.
    const exact = [
      { title: 'Late', startingPhrase: 'Many ask about' },
      { title: 'Time', startingPhrase: 'Second the time' },
    ];
    const [, near] = alignOutline(lecture, exact, { monotone: true });
    const [, wide] = alignOutline(lecture, exact, { monotone: true, backoffSeconds: 60 });
    expect(near?.matchedText).toBe('the time');
    expect(near?.confidence).not.toBe('HIGH');
    expect(wide).toMatchObject({ startTimeSec: startOf('Second'), confidence: 'HIGH' });
  });

  it('finds a repeated opening at its next occurrence with monotone', () => {
    const repeated = createTranscript({
      provider: 'test',
      words: timed('Let us begin with prayer. Much later we pause. Let us begin with prayer again today.'),
    });
    const topics = [
      { title: 'One', startingPhrase: 'Let us begin with prayer' },
      { title: 'Two', startingPhrase: 'Let us begin with prayer' },
    ];
    expect(alignOutline(repeated, topics).map((topic) => topic.startTimeSec)).toEqual([0, 0]);
    expect(alignOutline(repeated, topics, { monotone: true }).map((topic) => topic.startTimeSec)).toEqual([
      0, 4.5,
    ]);
  });

  it('skips an unfound topic when ordering the next one', () => {
    const [first, missing, next] = alignOutline(
      lecture,
      [
        { title: 'A', startingPhrase: 'eighteen minutes before sunset' },
        { title: 'B', startingPhrase: 'Maccabees and Hasmoneans' },
        { title: 'C', startingPhrase: 'before sunset' },
      ],
      { monotone: true, backoffSeconds: 0 },
    );
    expect(missing?.startTimeSec).toBeNull();
    expect(next?.startTimeSec).toBe((first?.startTimeSec ?? 0) + 1);
  });

  it('looks for a conclusion in the last third only with conclusionBias, the later match winning ties', () => {
    const topics = [{ title: 'Conclusion', startingPhrase: 'light' }];
    const [early] = alignOutline(lecture, topics);
    const [late] = alignOutline(lecture, topics, { conclusionBias: true });
    expect(early?.matchedText).toBe('light');
    expect(early?.startTimeSec).toBeLessThan(lecture.durationInSeconds ?? 0);
    const lastThird = ((lecture.durationInSeconds ?? 0) * 2) / 3;
    expect(late?.startTimeSec).toBeGreaterThanOrEqual(lastThird);
    // "light early, light with joy": both in the last third, the later one is taken.
    const lights = lecture.words.filter((word) => word.text.startsWith('light') && word.start >= lastThird);
    expect(late?.startTimeSec).toBe(lights.at(-1)?.start);
    // A title without the word is searched everywhere, bias or not.
    const [other] = alignOutline(lecture, [{ title: 'Lighting', startingPhrase: 'light' }], {
      conclusionBias: true,
    });
    expect(other?.startTimeSec).toBe(early?.startTimeSec);
  });

  it('works on a Soniox transcript of sub-word tokens', () => {
    const words = 'Shalom everyone. Today we learn about the Rambam and his Mishneh Torah.'.split(' ');
    const tokens = words.flatMap((word, index) => {
      const pieces = word.match(/.{1,3}/gu) ?? [word];
      return pieces.map((piece, pieceIndex) => ({
        text: (index > 0 && pieceIndex === 0 ? ' ' : '') + piece,
        start_ms: 600 * index + pieceIndex * 100,
        end_ms: 600 * index + pieceIndex * 100 + 90,
        confidence: 0.95,
        speaker: '1',
        language: 'en',
      }));
    });
    const transcript = sonioxToTranscript(
      v.parse(SonioxTranscriptSchema, {
        id: 'job',
        text: tokens.map((token) => token.text).join(''),
        tokens,
      }),
    );
    const [topic] = alignOutline(transcript, [{ title: 'Rambam', startingPhrase: 'learn about the Rambam' }]);
    expect(topic).toMatchObject({
      startTimeSec: 2.4,
      confidence: 'HIGH',
      matchedText: 'learn about the Rambam',
      tokenSpan: [4, 8],
    });
  });

  it('rejects topics that are not { title, startingPhrase } and a negative backoff', () => {
    expect(() => alignOutline(lecture, [{ title: 'A' } as never])).toThrow(InvalidArgumentError);
    expect(() => alignOutline(lecture, 'x' as never)).toThrow(InvalidArgumentError);
    expect(() => alignOutline(lecture, [], { backoffSeconds: -1 })).toThrow(/backoffSeconds/);
  });
});
