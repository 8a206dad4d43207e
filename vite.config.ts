import { defineConfig } from 'vite';

// Library build: one ES module per public entry, dependencies (ky, valibot, lit) bundled so the
// files run from a plain <script type="module"> or Deno without a resolver.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: {
        core: 'src/core/index.ts',
        soniox: 'src/core/providers/soniox/index.ts',
        soferai: 'src/core/providers/soferai/index.ts',
        mistral: 'src/core/providers/mistral/index.ts',
        scriptivox: 'src/core/providers/scriptivox/index.ts',
        worker: 'worker/src/public.ts',
        scribekit: 'src/elements/index.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
