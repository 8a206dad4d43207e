// A Soniox-like POST /v1/files on 127.0.0.1 that reads the body to its end and stores nothing, so
// the bench measures the clients, not the server. Prints its origin, then serves until killed.
import http from 'node:http';

const server = http.createServer((request, response) => {
  let size = 0;
  request.on('data', (chunk) => (size += chunk.byteLength));
  request.on('end', () => {
    const ok = request.method === 'POST' && request.url === '/v1/files';
    response.writeHead(ok ? 201 : 404, { 'content-type': 'application/json' });
    const file = {
      id: 'bench-file',
      filename: 'bench.bin',
      size,
      created_at: new Date().toISOString(),
      client_reference_id: null,
    };
    response.end(JSON.stringify(ok ? file : { error_type: 'not_found', message: 'not found' }));
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ origin: `http://127.0.0.1:${server.address().port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
