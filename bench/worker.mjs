// Section 4, the Worker under `wrangler dev`: the proxy's added latency and its requests per
// second against the sandbox called directly in the same isolate, and its memory while a 500 MB
// upload streams through it. Client and server share the machine's 2 cores, on loopback.
import { join } from 'node:path';
import { workDir } from './lib/compile.mjs';
import { formatMegabytes, formatMs, formatRatio, table } from './lib/format.mjs';
import { alternatingLatencies, closedLoop, keepAliveAgent, send, streamUpload } from './lib/load.mjs';
import { commandName, descendants, residentBytes } from './lib/memory.mjs';
import { median, percentile } from './lib/stats.mjs';
import { startWranglerDev } from './lib/wrangler.mjs';

const latency = { warmup: 200, count: 1500 };
// Short runs, many rounds: on a shared machine, neighbours in time see the same load.
const throughput = { clients: 8, durationMs: 750, rounds: 12, warmupMs: 2_000 };
const uploadBytes = 500 * 1024 * 1024;

/** Resident memory of workerd (every workerd process wrangler started), in bytes. */
function workerdResident(wranglerPid) {
  let total = 0;
  for (const pid of descendants(wranglerPid)) {
    if (commandName(pid) !== 'workerd') continue;
    try {
      total += residentBytes(pid);
    } catch {
      // It ended between the listing and the read.
    }
  }
  return total;
}

async function uploadWithSampling(server, url, headers) {
  const before = workerdResident(server.pid);
  const samples = [];
  const response = await streamUpload(url, uploadBytes, {
    headers,
    onTick: () => samples.push(workerdResident(server.pid)),
  });
  // Flat means no growth with the bytes sent: the peak of each quarter of the upload.
  const quarter = Math.ceil(samples.length / 4);
  const quarters = [0, 1, 2, 3].map((index) =>
    Math.max(...samples.slice(index * quarter, (index + 1) * quarter)),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  const after = workerdResident(server.pid);
  const size = JSON.parse(response.text).size;
  if (response.status !== 201 || size < uploadBytes) {
    throw new Error(`upload to ${url} answered ${response.status} with size ${size}`);
  }
  const peak = Math.max(before, ...samples);
  return {
    megabytesPerSecond: uploadBytes / 1e6 / response.seconds,
    residentBeforeBytes: before,
    residentPeakBytes: peak,
    residentAfterBytes: after,
    growthBytes: peak - before,
    quarterPeaksBytes: quarters,
    secondHalfGrowthBytes: Math.max(quarters[2], quarters[3]) - Math.max(quarters[0], quarters[1]),
    samples: samples.length,
  };
}

export async function run() {
  const server = await startWranglerDev({
    main: 'bench/worker/bench-worker.mjs',
    directory: join(workDir, 'wrangler'),
  });
  try {
    const agent = keepAliveAgent(throughput.clients);
    // A page on the Worker's origin sends its Origin, so the proxy's CORS path runs as in use.
    const headers = { origin: server.origin, authorization: 'Bearer sandbox' };
    const proxy = { url: `${server.origin}/api/soniox/v1/models`, init: { headers }, expect: 200 };
    const direct = { url: `${server.origin}/direct/v1/models`, init: { headers }, expect: 200 };
    const check = await send(agent, proxy.url, proxy.init);
    if (!check.text.includes('"models"'))
      throw new Error(`unexpected proxy answer: ${check.text.slice(0, 200)}`);

    const [proxyMs, directMs] = await alternatingLatencies(agent, [proxy, direct], latency);
    const summary = (values) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
    const latencyResult = { proxy: summary(proxyMs), direct: summary(directMs) };

    // workerd keeps speeding up for a while under load: warm both routes first.
    await closedLoop(agent, proxy, { ...throughput, durationMs: throughput.warmupMs / 2 });
    await closedLoop(agent, direct, { ...throughput, durationMs: throughput.warmupMs / 2 });
    const rounds = [];
    for (let round = 0; round < throughput.rounds; round++) {
      const order =
        round % 2 === 0
          ? [
              ['proxy', proxy],
              ['direct', direct],
            ]
          : [
              ['direct', direct],
              ['proxy', proxy],
            ];
      const measured = {};
      for (const [name, target] of order) measured[name] = await closedLoop(agent, target, throughput);
      rounds.push(measured);
    }
    agent.destroy();

    const uploads = { proxy: [], direct: [] };
    for (const name of ['proxy', 'direct', 'direct', 'proxy']) {
      const [url, uploadHeaders] =
        name === 'proxy'
          ? [`${server.origin}/api/soniox/v1/files`, { origin: server.origin, 'x-bench-upstream': 'sink' }]
          : [`${server.origin}/sink`, {}];
      uploads[name].push(await uploadWithSampling(server, url, uploadHeaders));
    }
    // The run that grew most stands for memory; the median speed for throughput.
    const worst = (runs) =>
      runs.reduce((a, b) => (b.secondHalfGrowthBytes > a.secondHalfGrowthBytes ? b : a));
    const uploadProxy = {
      ...worst(uploads.proxy),
      megabytesPerSecond: median(uploads.proxy.map((run) => run.megabytesPerSecond)),
    };
    const uploadDirect = {
      ...worst(uploads.direct),
      megabytesPerSecond: median(uploads.direct.map((run) => run.megabytesPerSecond)),
    };
    const rps = (name) => median(rounds.map((round) => round[name].requestsPerSecond));
    return {
      status: 'measured',
      method: `wrangler dev (local workerd) on 127.0.0.1, bench/worker/bench-worker.mjs: the Worker's createScribeWorker() and, beside it in the same isolate, a route to the same sandbox without the Worker (the "direct" baseline). GET v1/models (Soniox sandbox, ~1 kB JSON) with a same-origin Origin header. Latency: ${latency.count} sequential keep-alive round trips to each, alternating proxy/direct, after ${latency.warmup} warm-up pairs; nearest-rank percentiles. Requests per second: ${throughput.clients} keep-alive clients in a closed loop for ${throughput.durationMs / 1000} s per run, after ${throughput.warmupMs / 1000} s of warm-up, ${throughput.rounds} rounds alternating which goes first; medians, and the median of the per-round ratios; the load generator shares the 2 cores with wrangler and workerd. Upload: ${uploadBytes / 1024 / 1024} MiB multipart body generated in 64 KiB chunks as the socket drains, through the Worker's proxy with a Soniox key set (upstream = an in-isolate sink that counts bytes, never the network) and, for comparison, straight to that sink, in the order proxy, direct, direct, proxy; workerd's resident memory (VmRSS of every workerd process) sampled every 50 ms, the run that grew most reported; throughput is the median of the two.`,
      latencyMs: latencyResult,
      addedLatencyMs: {
        p50: latencyResult.proxy.p50 - latencyResult.direct.p50,
        p99: latencyResult.proxy.p99 - latencyResult.direct.p99,
      },
      latencyRatio: {
        p50: latencyResult.proxy.p50 / latencyResult.direct.p50,
        p99: latencyResult.proxy.p99 / latencyResult.direct.p99,
      },
      requestsPerSecond: {
        proxy: rps('proxy'),
        direct: rps('direct'),
        // Each round's two runs are neighbours in time: the median of their ratios resists drift.
        ratio: median(rounds.map((round) => round.proxy.requestsPerSecond / round.direct.requestsPerSecond)),
        rounds,
      },
      upload: {
        bytes: uploadBytes,
        proxy: uploadProxy,
        direct: uploadDirect,
        runs: uploads,
        // Flat: the second half of the upload adds less than 32 MB over the first half's peak.
        flat: uploadProxy.secondHalfGrowthBytes < 32e6,
      },
    };
  } finally {
    await server.stop();
  }
}

const spread = (rounds) => {
  const ratios = rounds.map((round) => round.proxy.requestsPerSecond / round.direct.requestsPerSecond);
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
};
const signed = (bytes) => `${bytes >= 0 ? '+' : '−'}${formatMegabytes(Math.abs(bytes))}`;

export function markdown(result) {
  const { latencyMs, addedLatencyMs, latencyRatio, requestsPerSecond, upload } = result;
  const memory = (run) =>
    `${formatMegabytes(run.residentBeforeBytes)} before; peak per quarter of the upload ${run.quarterPeaksBytes.map(formatMegabytes).join(' / ')}`;
  return [
    `Method: ${result.method}`,
    '',
    table(
      ['measure', 'through the Worker (proxy)', 'sandbox directly', 'proxy adds', 'ratio proxy / direct'],
      [
        [
          'latency p50',
          formatMs(latencyMs.proxy.p50),
          formatMs(latencyMs.direct.p50),
          formatMs(addedLatencyMs.p50),
          formatRatio(latencyRatio.p50),
        ],
        [
          'latency p99',
          formatMs(latencyMs.proxy.p99),
          formatMs(latencyMs.direct.p99),
          formatMs(addedLatencyMs.p99),
          formatRatio(latencyRatio.p99),
        ],
        [
          `requests per second (8 clients, 2 cores; per-round ratios ${spread(requestsPerSecond.rounds)})`,
          requestsPerSecond.proxy.toFixed(0),
          requestsPerSecond.direct.toFixed(0),
          '—',
          formatRatio(requestsPerSecond.ratio),
        ],
        [
          `workerd memory during a ${upload.bytes / 1024 / 1024} MiB upload`,
          memory(upload.proxy),
          `${memory(upload.direct)} (to the sink)`,
          `peak +${formatMegabytes(upload.proxy.growthBytes)} over before (direct: +${formatMegabytes(upload.direct.growthBytes)}); second half vs first half ${signed(upload.proxy.secondHalfGrowthBytes)}: ${upload.flat ? 'flat' : 'NOT flat'} (criterion < 32 MB)`,
          '—',
        ],
        [
          'upload throughput',
          `${upload.proxy.megabytesPerSecond.toFixed(0)} MB/s`,
          `${upload.direct.megabytesPerSecond.toFixed(0)} MB/s`,
          '—',
          formatRatio(upload.proxy.megabytesPerSecond / upload.direct.megabytesPerSecond),
        ],
      ],
    ),
  ].join('\n');
}
