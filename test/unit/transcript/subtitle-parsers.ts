// Strict parsers for what toSrt, toVtt and toVttChapters write, written independently of them so
// the tests check the formats rather than the implementation against itself.

export interface ParsedCue {
  start: number;
  end: number;
  text: string;
  voice?: string;
}

const srtTiming = /^(\d{2,}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d),(\d{3})$/;
const vttTiming = /^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$/;

function milliseconds(match: RegExpExecArray, offset: number): number {
  const [hours, minutes, seconds, millis] = match.slice(offset, offset + 4).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** Parses SRT as toSrt writes it; times in whole milliseconds. Throws on any deviation. */
export function parseSrt(srt: string): ParsedCue[] {
  if (srt === '') return [];
  if (!srt.endsWith('\n') || srt.endsWith('\n\n'))
    throw new Error('SRT must end with exactly one line break');
  return srt
    .slice(0, -1)
    .split('\n\n')
    .map((block, index) => {
      const lines = block.split('\n');
      if (lines.length !== 3)
        throw new Error(`cue ${index + 1} has ${lines.length} lines: ${JSON.stringify(block)}`);
      const [number, timing, text] = lines as [string, string, string];
      if (number !== String(index + 1)) throw new Error(`cue ${index + 1} is numbered ${number}`);
      const match = srtTiming.exec(timing);
      if (match === null) throw new Error(`cue ${index + 1} has a bad timing line: ${timing}`);
      if (text.trim() === '' || text.includes('-->') || /[\r\u2028\u2029\u0085]/.test(text)) {
        throw new Error(`cue ${index + 1} has bad text: ${JSON.stringify(text)}`);
      }
      return { start: milliseconds(match, 1), end: milliseconds(match, 5), text };
    });
}

/** Decodes the three references toVtt writes; throws on a raw `<`, `>` or a stray `&`. */
export function unescapeVtt(text: string): string {
  if (/[<>]/.test(text) || /&(?!amp;|lt;|gt;)/.test(text))
    throw new Error(`unescaped text: ${JSON.stringify(text)}`);
  return text.replace(
    /&(amp|lt|gt);/g,
    (_reference, name: string) => ({ amp: '&', lt: '<', gt: '>' })[name] ?? '',
  );
}

/** Parses WebVTT as toVtt and toVttChapters write it; times in whole milliseconds. */
export function parseVtt(vtt: string): ParsedCue[] {
  if (!vtt.startsWith('WEBVTT\n')) throw new Error('missing WEBVTT header');
  if (vtt === 'WEBVTT\n') return [];
  if (!vtt.startsWith('WEBVTT\n\n') || !vtt.endsWith('\n') || vtt.endsWith('\n\n')) {
    throw new Error('bad WebVTT framing');
  }
  return vtt
    .slice('WEBVTT\n\n'.length, -1)
    .split('\n\n')
    .map((block, index) => {
      const lines = block.split('\n');
      if (lines.length > 2)
        throw new Error(`cue ${index + 1} has ${lines.length} lines: ${JSON.stringify(block)}`);
      const [timing = '', payload = ''] = lines;
      const match = vttTiming.exec(timing);
      if (match === null) throw new Error(`cue ${index + 1} has a bad timing line: ${timing}`);
      if (payload.includes('-->') || /[\r\u2028\u2029\u0085]/.test(payload)) {
        throw new Error(`cue ${index + 1} has a bad payload: ${JSON.stringify(payload)}`);
      }
      const cue: ParsedCue = { start: milliseconds(match, 1), end: milliseconds(match, 5), text: '' };
      const voice = /^<v ([^<>]*)>(.*)<\/v>$/.exec(payload);
      if (voice === null) {
        cue.text = unescapeVtt(payload);
      } else {
        cue.voice = unescapeVtt(voice[1] ?? '');
        cue.text = unescapeVtt(voice[2] ?? '');
      }
      return cue;
    });
}
