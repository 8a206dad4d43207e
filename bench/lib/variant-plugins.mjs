// esbuild plugins that build what-if variants of our bundles, to measure proposed changes.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { repoRoot } from './bundle-size.mjs';

/** Swaps the `ky` package for bench/size-variants/ky-lite.mjs. */
export const kyLite = {
  name: 'ky-lite',
  setup(build) {
    build.onResolve({ filter: /^ky$/ }, () => ({
      path: resolve(repoRoot, 'bench/size-variants/ky-lite.mjs'),
    }));
  },
};

/**
Marks the valibot schema-building calls of our sources `/* @__PURE__ *\/`, so a bundler may drop
the schemas nothing uses. Today a module's every schema is kept as soon as anything is imported
from it.
*/
export const pureSchemas = {
  name: 'pure-schemas',
  setup(build) {
    build.onLoad({ filter: /\/src\/core\/.*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: annotateSchemas(source), loader: 'ts' };
    });
  },
};

// Line by line, skipping block comments: their code examples look like declarations too.
function annotateSchemas(source) {
  let inComment = false;
  return source
    .split('\n')
    .map((line) => {
      const wasInComment = inComment;
      const opens = line.lastIndexOf('/*');
      const closes = line.lastIndexOf('*/');
      if (opens > closes) inComment = true;
      else if (closes !== -1) inComment = false;
      if (wasInComment) return line;
      // Every schema-building call, nested ones too (a pure call's arguments are still evaluated);
      // never the validating ones, whose result may be unused on purpose.
      return line.replace(/\bv\.(?!(?:parse|safeParse|assert|is)\()(\w+)\(/g, '/* @__PURE__ */ v.$1(');
    })
    .join('\n');
}

/**
Leaves out every module under `folder` (a repository path such as `src/core/audio`) or the
package `folder`, to measure what removing it (and what only it imports) would save.
*/
export function leaveOut(folder) {
  const inOurTree = !folder.includes('/') || folder.startsWith('@') ? undefined : resolve(repoRoot, folder);
  return {
    name: `leave-out:${folder}`,
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (inOurTree === undefined) {
          const isPackage = args.path === folder || args.path.startsWith(`${folder}/`);
          return isPackage ? { path: args.path, external: true } : undefined;
        }
        if (!args.path.startsWith('.')) return undefined;
        const path = resolve(args.resolveDir, args.path);
        return path === inOurTree || path.startsWith(`${inOurTree}/`)
          ? { path: args.path, external: true }
          : undefined;
      });
    },
  };
}

/** Replaces the module whose path ends with `suffix` by `contents`, to measure what it costs its importers. */
export function stubModule(suffix, contents) {
  return {
    name: `stub:${suffix}`,
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) =>
        args.path.endsWith(suffix) ? { contents, loader: 'ts' } : undefined,
      );
    },
  };
}
