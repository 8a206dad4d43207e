// The bench's Worker: the scribekit Worker's own code (createScribeWorker), plus routes that skip
// it, so the proxy is measured against the same sandbox in the same isolate.
//   /api/…            the Worker as deployed without keys: proxy → sandbox
//   /direct/<path>    the sandbox itself, at https://api.soniox.com/<path>
//   /api/… with `x-bench-upstream: sink`
//                     the Worker with a Soniox key, whose upstream is `sink` (never the network)
//   /sink             `sink` itself
// (A header, not a path, picks the keyed Worker, so its request reaches it as it came.)
import { createScribeWorker } from '../../worker/src/create-scribe-worker.ts';
import { createSandbox } from '../../worker/src/sandbox/index.ts';

const sandbox = createSandbox();
const keyless = createScribeWorker({ sandbox });

/** Reads a request body to its end and answers like Soniox's POST /v1/files. */
async function sink(request) {
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
    }
  }
  const file = {
    id: 'bench-file',
    filename: 'bench.bin',
    size,
    created_at: new Date().toISOString(),
    client_reference_id: null,
  };
  return Response.json(file, { status: 201 });
}

const keyed = createScribeWorker({ fetch: sink });

export default {
  async fetch(request, env, context) {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/direct/')) {
      return sandbox.fetch(
        new Request(`https://api.soniox.com/${url.pathname.slice(8)}${url.search}`, request),
      );
    }
    if (url.pathname === '/sink') return sink(request);
    if (request.headers.get('x-bench-upstream') === 'sink') {
      return keyed.fetch(request, { ...env, SONIOX_API_KEY: 'bench-key' }, context);
    }
    return keyless.fetch(request, env, context);
  },
};
