import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'build',
      '.wrangler',
      '.deno-cache',
      '.scratch',
      'test/fixtures',
      'worker/worker-configuration.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Core runs unchanged in browsers, Deno, Workers and Node: web-standard globals only.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', '../elements/*', '../../elements/*', 'lit', 'lit/*'] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'Deno', 'require'],
    },
  },
  {
    // The sandbox runs inside workerd; only its Node adapter may use Node.
    files: ['worker/src/**/*.ts'],
    ignores: ['worker/src/sandbox/node/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', '**/providers/*/soniox-*', '**/core/providers/**/!(index).js'] },
      ],
    },
  },
);
