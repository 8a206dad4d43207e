import { defineConfig } from 'vite';

// The classic <script> bundle: every element registered, Lit and the core included, one file,
// global `Scribekit`. Built after vite.config.ts (which empties dist/).
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: 'src/elements/index.ts',
      name: 'Scribekit',
      formats: ['iife'],
      fileName: () => 'scribekit.iife.js',
    },
  },
});
