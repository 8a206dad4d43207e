// The bench is plain JavaScript; the code it measures is TypeScript. This bundles a small entry
// over the sources into one Node ES module (dependencies included) in a temporary folder.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './bundle-size.mjs';

export const workDir = join(tmpdir(), `scribekit-bench-${process.pid}`);

/** Bundles `source` (resolved from the repository root) to `<workDir>/<name>.mjs`; returns its path. */
export async function compileForNode(name, source) {
  mkdirSync(workDir, { recursive: true });
  const outfile = join(workDir, `${name}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: repoRoot, sourcefile: `${name}.entry.js`, loader: 'js' },
    bundle: true,
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    // Bundled CommonJS dependencies may call require(); give them one.
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
  });
  return outfile;
}

/** Compiles and imports. */
export async function importCompiled(name, source) {
  return import(pathToFileURL(await compileForNode(name, source)).href);
}
