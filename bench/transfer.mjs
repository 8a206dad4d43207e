// Section 5, transfer: upload throughput of our client against raw `fetch` (same FormData, same
// Blob) and against @soniox/node, to one local endpoint. The endpoint and the clients each run in
// their own process, so each has a core.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runChild } from './lib/child.mjs';
import { compileForNode } from './lib/compile.mjs';
import { formatRatio, table } from './lib/format.mjs';
import { median } from './lib/stats.mjs';

const bytes = 128 * 1024 * 1024;
const rounds = 8;
const sinkScript = fileURLToPath(new URL('./transfer-sink.mjs', import.meta.url));
const clientScript = fileURLToPath(new URL('./transfer-child.mjs', import.meta.url));

function startSink() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [sinkScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.stdout.once('data', (chunk) => {
      const { origin } = JSON.parse(String(chunk).split('\n')[0]);
      resolve({
        origin,
        stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))),
      });
    });
  });
}

export async function run() {
  const modulePath = await compileForNode(
    'transfer-bench',
    `export { createSoniox } from './src/core/providers/soniox/index.ts';`,
  );
  const sink = await startSink();
  try {
    const raw = await runChild(clientScript, [sink.origin, modulePath, String(bytes), String(rounds)], {
      nodeArgs: [],
    });
    const rate = (name) => median(raw.seconds[name].map((seconds) => bytes / 1e6 / seconds));
    const ours = rate('ours');
    const fetchRate = rate('fetch');
    const peer = rate('soniox-node');
    return {
      status: 'measured',
      method: `A ${bytes / 1024 / 1024} MiB Blob uploaded as multipart/form-data to a local POST /v1/files (a Node http server in its own process that reads the body and stores nothing), on 127.0.0.1. Ours: createSoniox({ baseUrl }).files.upload(blob). Raw fetch: the same FormData and Blob with Node 20's fetch. @soniox/node 2.3.0: files.upload(blob). One warm-up each, then ${rounds} rounds rotating the order; MB/s = 10^6 bytes per second of wall time to the parsed response; medians.`,
      megabytesPerSecond: { ours, fetch: fetchRate, sonioxNode: peer },
      ratios: { oursOverFetch: ours / fetchRate, oursOverSonioxNode: ours / peer },
      target: { oursOverFetch: 0.95, met: ours / fetchRate >= 0.95 },
      seconds: raw.seconds,
    };
  } finally {
    await sink.stop();
  }
}

export function markdown(result) {
  const { megabytesPerSecond: rate, ratios, target } = result;
  return [
    `Method: ${result.method}`,
    '',
    table(
      ['client', 'upload throughput', 'ours / this'],
      [
        ['scribekit `files.upload`', `${rate.ours.toFixed(0)} MB/s`, '—'],
        [
          'raw `fetch` + FormData',
          `${rate.fetch.toFixed(0)} MB/s`,
          `${formatRatio(ratios.oursOverFetch)} (target ≥ ${target.oursOverFetch}: ${target.met ? 'met' : 'not met'})`,
        ],
        [
          '@soniox/node `files.upload`',
          `${rate.sonioxNode.toFixed(0)} MB/s`,
          formatRatio(ratios.oursOverSonioxNode),
        ],
      ],
    ),
  ].join('\n');
}
