// One bundling method for every size figure, ours and the peers': esbuild, browser platform,
// minified, tree-shaken from a small entry that exports what a user imports, then gzip -9. ES
// builds are code-split, and a figure counts what a page loads up front: the entry chunk and the
// chunks it imports statically. Code behind a dynamic import() (loaded on first use) is left out.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
Bundles `source` (an ES module, resolved from the repository root) and returns its sizes and
esbuild's metafile. `format: 'iife'` gives a classic script-tag bundle.
*/
export async function bundleSize(source, { format = 'esm', external = [], globalName, plugins = [] } = {}) {
  const split = format === 'esm';
  const result = await build({
    stdin: { contents: source, resolveDir: repoRoot, sourcefile: 'bench-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    ...(split ? { splitting: true, outdir: `${repoRoot}.bench-out` } : {}),
    minify: true,
    format,
    ...(globalName === undefined ? {} : { globalName }),
    platform: 'browser',
    target: 'es2022',
    external,
    plugins,
    metafile: true,
    logLevel: 'silent',
    // Lit and others read NODE_ENV to drop development-only code, as every app bundler sets it.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const loaded = split ? upFrontOutputs(result.metafile) : new Set([result.outputFiles[0].path]);
  let minifiedBytes = 0;
  let gzipBytes = 0;
  for (const file of result.outputFiles) {
    if (!loaded.has(file.path)) continue;
    minifiedBytes += file.contents.byteLength;
    gzipBytes += gzipSync(file.contents, { level: 9 }).byteLength;
  }
  return { minifiedBytes, gzipBytes, metafile: result.metafile };
}

/** The absolute paths of the entry output and every output it imports statically, transitively. */
function upFrontOutputs(metafile) {
  const outputs = metafile.outputs;
  const entry =
    Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined) ?? Object.keys(outputs)[0];
  const loaded = new Set();
  const visit = (path) => {
    if (loaded.has(path) || outputs[path] === undefined) return;
    loaded.add(path);
    for (const imported of outputs[path].imports)
      if (imported.kind !== 'dynamic-import') visit(imported.path);
  };
  visit(entry);
  return new Set([...loaded].map((path) => (path.startsWith('/') ? path : `${repoRoot}${path}`)));
}

/** Minified bytes per input of the entry output, from the metafile, largest first. */
export function bytesPerInput(metafile) {
  const output =
    Object.values(metafile.outputs).find((candidate) => candidate.entryPoint !== undefined) ??
    Object.values(metafile.outputs)[0];
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** Which package (or which folder of ours) an input belongs to. */
export function groupOf(path) {
  const modules = path.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = path.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const ours = /^(src\/core\/providers\/[^/]+|src\/core\/[^/]+|src\/elements\/[^/]+|worker\/src)/.exec(path);
  if (ours !== null) return ours[1];
  return path;
}

/** Minified bytes per package (or per folder of ours), largest first. */
export function bytesPerGroup(metafile) {
  const groups = new Map();
  for (const { path, bytes } of bytesPerInput(metafile)) {
    groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + bytes);
  }
  return [...groups.entries()].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes);
}
