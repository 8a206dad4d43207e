// Uploads the same Blob with three clients, round after round in rotating order.
// Usage: node transfer-child.mjs <origin> <compiled scribekit module> <bytes> <rounds>
import { pathToFileURL } from 'node:url';
import { SonioxNodeClient } from '@soniox/node';

const [origin, modulePath, bytesArgument, roundsArgument] = process.argv.slice(2);
if (new URL(origin).hostname !== '127.0.0.1') throw new Error('loopback only');
const bytes = Number(bytesArgument);
const { createSoniox } = await import(pathToFileURL(modulePath).href);
const blob = new Blob([Buffer.alloc(bytes, 0x5a)], { type: 'application/octet-stream' });

const ours = createSoniox({ apiKey: 'bench-key', baseUrl: origin });
const peer = new SonioxNodeClient({ api_key: 'bench-key', base_url: origin });
const clients = {
  ours: async () => (await ours.files.upload(blob, { filename: 'bench.bin' })).size,
  fetch: async () => {
    const form = new FormData();
    form.append('file', blob, 'bench.bin');
    const response = await fetch(`${origin}/v1/files`, {
      method: 'POST',
      body: form,
      headers: { authorization: 'Bearer bench-key' },
    });
    return (await response.json()).size;
  },
  'soniox-node': async () =>
    (await peer.files.upload(blob, { filename: 'bench.bin', timeout_ms: 600_000 })).size,
};

const names = Object.keys(clients);
const seconds = Object.fromEntries(names.map((name) => [name, []]));
await clients.ours();
await clients.fetch();
for (let round = 0; round < Number(roundsArgument); round++) {
  const order = names.map((_, index) => names[(index + round) % names.length]);
  for (const name of order) {
    const began = performance.now();
    const size = await clients[name]();
    seconds[name].push((performance.now() - began) / 1000);
    if (!(size >= bytes)) throw new Error(`${name} uploaded ${size} bytes`);
  }
}
console.log(JSON.stringify({ bytes, seconds }));
