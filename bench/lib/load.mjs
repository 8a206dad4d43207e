// Bounded HTTP load against 127.0.0.1 only: sequential latency, a closed loop of a fixed number
// of clients for a fixed time, and a streamed upload whose body is generated, never held.
import http from 'node:http';
import { once } from 'node:events';

function assertLoopback(url) {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`bench load goes to 127.0.0.1 only, not ${url}`);
}

export function keepAliveAgent(sockets) {
  return new http.Agent({ keepAlive: true, maxSockets: sockets });
}

/** One request; resolves with the status and the body as text. */
export function send(agent, url, { method = 'GET', headers = {}, body } = {}) {
  assertLoopback(url);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, text }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
Sequential round trips, the targets taken in turn (a, b, a, b, …) so both see the same moments of
a noisy machine. Returns each target's latencies in ms.
*/
export async function alternatingLatencies(agent, targets, { warmup, count }) {
  const latencies = targets.map(() => []);
  for (let index = 0; index < (warmup + count) * targets.length; index++) {
    const which = index % targets.length;
    const target = targets[which];
    const began = performance.now();
    const { status } = await send(agent, target.url, target.init);
    const elapsed = performance.now() - began;
    if (status !== target.expect)
      throw new Error(`${target.url} answered ${status}, expected ${target.expect}`);
    if (index >= warmup * targets.length) latencies[which].push(elapsed);
  }
  return latencies;
}

/** `clients` loops each sending one request after another for `durationMs`; requests per second. */
export async function closedLoop(agent, target, { clients, durationMs }) {
  const deadline = performance.now() + durationMs;
  let completed = 0;
  let failed = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const { status } = await send(agent, target.url, target.init);
        if (status === target.expect) completed++;
        else failed++;
      }
    }),
  );
  return { requestsPerSecond: completed / ((performance.now() - began) / 1000), completed, failed };
}

/**
Uploads `bytes` of generated audio as multipart/form-data, written chunk by chunk as the socket
drains, while `onTick` is called every `tickMs` (for memory sampling). Resolves with the response.
*/
export async function streamUpload(url, bytes, { headers = {}, onTick, tickMs = 50 } = {}) {
  assertLoopback(url);
  const boundary = 'scribekit-bench-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  const ticker = onTick === undefined ? undefined : setInterval(onTick, tickMs);
  const began = performance.now();
  try {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.byteLength + bytes + tail.byteLength),
      },
    });
    const response = new Promise((resolve, reject) => {
      request.on('response', (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (part) => (text += part));
        incoming.on('end', () => resolve({ status: incoming.statusCode, text }));
      });
      request.on('error', reject);
    });
    request.write(head);
    for (let sent = 0; sent < bytes; sent += chunk.byteLength) {
      const piece = bytes - sent >= chunk.byteLength ? chunk : chunk.subarray(0, bytes - sent);
      if (!request.write(piece)) await once(request, 'drain');
    }
    request.end(tail);
    const result = await response;
    return { ...result, seconds: (performance.now() - began) / 1000 };
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
  }
}
