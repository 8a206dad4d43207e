// One measured conversion, alone in its process so its peak memory is its own.
// Usage: node --expose-gc transcript-child.mjs <ours|ours-parts|peer> <transcript.json> <compiled module>
// `ours-parts` times the pieces `sonioxToTranscript` is made of, to show where its time goes.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { peakResidentBytes, residentBytes, resetPeak } from './lib/memory.mjs';

const [which, file, modulePath] = process.argv.slice(2);
const lib = which !== 'peer' ? await import(pathToFileURL(modulePath).href) : await import('@soniox/node');

function settle() {
  globalThis.gc();
  globalThis.gc();
}

settle();
const baseHeap = process.memoryUsage().heapUsed;
// Held in an object so they can be dropped before the retained size is taken.
const input = { body: readFileSync(file, 'utf8'), wire: undefined };
settle();
resetPeak();
const baseRss = residentBytes();
const marks = [performance.now()];
const peaks = {};
const mark = (name) => {
  marks.push(performance.now());
  peaks[name] = peakResidentBytes() - baseRss;
};

// Both start from the response body, as their clients do (`response.text()` / `response.json()`).
input.wire = JSON.parse(input.body);
mark('json');
let result;
const counts = { tokens: input.wire.tokens.length };
if (which === 'ours') {
  const parsed = lib.parseResponse(lib.SonioxTranscriptSchema, input.wire, {
    provider: 'soniox',
    operation: 'bench',
  });
  mark('validate');
  input.wire = undefined;
  const transcript = lib.sonioxToTranscript(parsed);
  mark('transcript');
  const srt = lib.toSrt(transcript);
  mark('srt');
  const vtt = lib.toVtt(transcript);
  mark('vtt');
  Object.assign(counts, {
    words: transcript.words.length,
    segments: transcript.segments.length,
    srtBytes: Buffer.byteLength(srt),
    vttBytes: Buffer.byteLength(vtt),
    srtCues: srt.split('\n\n').length,
  });
  result = transcript;
} else if (which === 'ours-parts') {
  const parsed = lib.parseResponse(lib.SonioxTranscriptSchema, input.wire, {
    provider: 'soniox',
    operation: 'bench',
  });
  mark('validate tokens (valibot)');
  const words = lib.sonioxTokensToWords(parsed.tokens);
  mark('tokens → words');
  const segments = lib.buildSegments(words);
  mark('words → segments');
  const check = lib.safeParse(lib.TranscriptSchema, {
    provider: 'soniox',
    text: '',
    words,
    segments,
    speakers: [],
    warnings: [],
  });
  mark('Transcript validation (valibot)');
  result = check.success ? segments : undefined;
} else {
  const segments = lib.segmentTranscript(input.wire.tokens);
  mark('segments');
  counts.segments = segments.length;
  result = segments;
}
const names = Object.keys(peaks);
const stagesMs = Object.fromEntries(names.map((name, index) => [name, marks[index + 1] - marks[index]]));
input.body = undefined;
input.wire = undefined;
settle();
// What the caller keeps: the result alone (the body and wire objects are dropped first).
const retainedHeapBytes = process.memoryUsage().heapUsed - baseHeap;
console.log(
  JSON.stringify({
    which,
    stagesMs,
    peakAboveBaselineBytes: peaks,
    retainedHeapBytes,
    counts,
    kept: result !== undefined,
  }),
);
