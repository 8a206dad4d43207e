// Section 2, transcript throughput: a long Soniox transcript (response body) to a `Transcript`,
// then SRT and WebVTT; beside @soniox/node's `segmentTranscript` on the same body. Each
// conversion runs alone in a fresh process (bench/transcript-child.mjs), ours and the peer's
// alternating, and medians are compared.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './lib/child.mjs';
import { compileForNode, workDir } from './lib/compile.mjs';
import { formatMegabytes, formatMs, formatRatio, table } from './lib/format.mjs';
import { sonioxTranscript, speech } from './lib/speech.mjs';
import { median } from './lib/stats.mjs';

const child = fileURLToPath(new URL('./transcript-child.mjs', import.meta.url));

const workloads = [
  { id: '10h', label: '10 hours of speech', durationSeconds: 36_000, repetitions: 5 },
  // The issue's "about a million tokens": at a real speech rate that is far more than 10 hours.
  { id: '1M', label: '1,000,000 tokens', durationSeconds: 120 * 3600, maxTokens: 1_000_000, repetitions: 3 },
];

async function writeWorkload(workload, sonioxTokens) {
  const words = speech({ durationSeconds: workload.durationSeconds, seed: 7 });
  const transcript = sonioxTranscript(words, sonioxTokens);
  if (workload.maxTokens !== undefined) transcript.tokens = transcript.tokens.slice(0, workload.maxTokens);
  const last = transcript.tokens.at(-1);
  const body = JSON.stringify({
    id: transcript.id,
    text: transcript.tokens.map((t) => t.text).join(''),
    tokens: transcript.tokens,
  });
  const file = join(workDir, `transcript-${workload.id}.json`);
  writeFileSync(file, body);
  return {
    file,
    tokens: transcript.tokens.length,
    audioHours: (last?.end_ms ?? 0) / 3.6e6,
    bodyBytes: Buffer.byteLength(body),
  };
}

const sum = (stages, names) => names.reduce((total, name) => total + stages[name], 0);

export async function run() {
  const modulePath = await compileForNode(
    'transcript-bench',
    `export { SonioxTranscriptSchema } from './src/core/providers/soniox/soniox-api.ts';
export { sonioxToTranscript, sonioxTokensToWords } from './src/core/providers/soniox/soniox-to-transcript.ts';
export { buildSegments } from './src/core/transcript/build-segments.ts';
export { TranscriptSchema } from './src/core/transcript/transcript-schema.ts';
export { safeParse } from 'valibot';
export { parseResponse } from './src/core/http/parse-response.ts';
export { toSrt, toVtt } from './src/core/index.ts';
export { sonioxTokens } from './worker/src/sandbox/soniox/soniox-tokens.ts';`,
  );
  const { sonioxTokens } = await import(`file://${modulePath}`);
  const results = [];
  for (const workload of workloads) {
    const input = await writeWorkload(workload, sonioxTokens);
    const ours = [];
    const peer = [];
    for (let rep = 0; rep < workload.repetitions; rep++) {
      // Alternate who goes first, so drift on a noisy machine hits both.
      const order = rep % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
      for (const which of order) {
        const measured = await runChild(child, [which, input.file, modulePath]);
        (which === 'ours' ? ours : peer).push(measured);
      }
    }
    const parts = await runChild(child, ['ours-parts', input.file, modulePath]);
    const med = (runs, pick) => median(runs.map(pick));
    const oursToTranscript = med(ours, (r) => sum(r.stagesMs, ['json', 'validate', 'transcript']));
    const oursAfterJson = med(ours, (r) => sum(r.stagesMs, ['validate', 'transcript']));
    const peerTotal = med(peer, (r) => sum(r.stagesMs, ['json', 'segments']));
    const peerAfterJson = med(peer, (r) => r.stagesMs.segments);
    const oursPeak = med(ours, (r) => r.peakAboveBaselineBytes.transcript);
    const peerPeak = med(peer, (r) => r.peakAboveBaselineBytes.segments);
    results.push({
      workload: workload.id,
      label: workload.label,
      input: { tokens: input.tokens, audioHours: input.audioHours, bodyBytes: input.bodyBytes },
      repetitions: workload.repetitions,
      counts: ours[0].counts,
      ours: {
        stagesMs: Object.fromEntries(
          Object.keys(ours[0].stagesMs).map((name) => [name, med(ours, (r) => r.stagesMs[name])]),
        ),
        bodyToTranscriptMs: oursToTranscript,
        tokensToTranscriptMs: oursAfterJson,
        peakAboveBaselineBytes: Object.fromEntries(
          Object.keys(ours[0].peakAboveBaselineBytes).map((name) => [
            name,
            med(ours, (r) => r.peakAboveBaselineBytes[name]),
          ]),
        ),
        retainedHeapBytes: med(ours, (r) => r.retainedHeapBytes),
      },
      peer: {
        stagesMs: { json: med(peer, (r) => r.stagesMs.json), segments: peerAfterJson },
        bodyToSegmentsMs: peerTotal,
        peakAboveBaselineBytes: { json: med(peer, (r) => r.peakAboveBaselineBytes.json), segments: peerPeak },
        retainedHeapBytes: med(peer, (r) => r.retainedHeapBytes),
        segments: peer[0].counts.segments,
      },
      oursParts: { stagesMs: parts.stagesMs, note: 'one run, the pieces of sonioxToTranscript timed apart' },
      ratios: {
        bodyToResultTime: oursToTranscript / peerTotal,
        tokensToResultTime: oursAfterJson / peerAfterJson,
        peakMemory: oursPeak / peerPeak,
      },
    });
  }
  return {
    status: 'measured',
    method:
      'Each conversion in a fresh `node --expose-gc` process: read the body, gc, reset the peak (`/proc/self/clear_refs`), then time each stage with performance.now() and read VmHWM after it. Peak = VmHWM − resident size before the conversion (the body text already loaded). Ours: JSON.parse → valibot validation (what `stt.getTranscript` does) → `sonioxToTranscript` (tokens merged into words, segments, validated Transcript) → `toSrt` → `toVtt`. Peer: JSON.parse → `segmentTranscript(tokens)` of @soniox/node 2.3.0 (groups tokens by speaker and language; it has no words, no validation, no SRT/VTT). Runs alternate ours/peer; medians. Cold processes: JIT warm-up is part of the time, as for a one-off conversion.',
    workloads: results,
  };
}

export function markdown(result) {
  const rows = [];
  for (const w of result.workloads) {
    const name = `${w.label} (${w.input.tokens.toLocaleString('en-US')} tokens, ${w.input.audioHours.toFixed(1)} h, ${formatMegabytes(w.input.bodyBytes)} JSON)`;
    rows.push(
      [
        name,
        'body → Transcript (ours) vs body → segments (peer)',
        formatMs(w.ours.bodyToTranscriptMs),
        formatMs(w.peer.bodyToSegmentsMs),
        formatRatio(w.ratios.bodyToResultTime),
      ],
      [
        name,
        'same, after JSON.parse',
        formatMs(w.ours.tokensToTranscriptMs),
        formatMs(w.peer.stagesMs.segments),
        formatRatio(w.ratios.tokensToResultTime),
      ],
      [
        name,
        'peak memory above the loaded body (RSS)',
        formatMegabytes(w.ours.peakAboveBaselineBytes.transcript),
        formatMegabytes(w.peer.peakAboveBaselineBytes.segments),
        formatRatio(w.ratios.peakMemory),
      ],
      [
        name,
        'retained result (heap after gc)',
        formatMegabytes(w.ours.retainedHeapBytes),
        formatMegabytes(w.peer.retainedHeapBytes),
        formatRatio(w.ours.retainedHeapBytes / w.peer.retainedHeapBytes),
      ],
      [name, '`toSrt` (no peer)', formatMs(w.ours.stagesMs.srt), '—', '—'],
      [name, '`toVtt` (no peer)', formatMs(w.ours.stagesMs.vtt), '—', '—'],
    );
  }
  const details = result.workloads.map(
    (w) =>
      `${w.label}: ours ${w.counts.words.toLocaleString('en-US')} words, ${w.counts.segments.toLocaleString('en-US')} segments, ${w.counts.srtCues.toLocaleString('en-US')} SRT cues (${formatMegabytes(w.counts.srtBytes)} SRT, ${formatMegabytes(w.counts.vttBytes)} VTT); stages ${Object.entries(
        w.ours.stagesMs,
      )
        .map(([stage, ms]) => `${stage} ${formatMs(ms)}`)
        .join(', ')}; the Transcript's parts timed apart (one run): ${Object.entries(w.oursParts.stagesMs)
        .filter(([stage]) => stage !== 'json')
        .map(([stage, ms]) => `${stage} ${formatMs(ms)}`)
        .join(
          ', ',
        )}; peak after SRT+VTT ${formatMegabytes(w.ours.peakAboveBaselineBytes.vtt)}. Peer: ${w.peer.segments.toLocaleString('en-US')} segments. Medians of ${w.repetitions} runs each.`,
  );
  return [
    `Method: ${result.method}`,
    '',
    table(['input', 'measure', 'ours', '@soniox/node', 'ratio ours / peer'], rows),
    '',
    ...details.map((line) => `- ${line}`),
  ].join('\n');
}
