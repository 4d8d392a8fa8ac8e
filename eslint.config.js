// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports each runtime folder may not make: the folder tells the runtime (docs/ARCHITECTURE.md). */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https'];
const zone = (
  /** @type {string[]} */ files,
  /** @type {string[]} */ banned,
  /** @type {string} */ why,
) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: banned, message: why }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.tsbuild/',
      'coverage/',
      'test/e2e/screenshots/',
      'test/bench/.work/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'scripts/*.d.mts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  zone(
    ['shared/**'],
    [...nodeBuiltins, 'electron', '**/electron/**', '**/renderer/**'],
    'shared/ is pure TypeScript: no Node, no DOM, no Electron.',
  ),
  zone(
    ['electron/core/**', 'electron/cli/**', 'electron/app/**', 'electron/dev-browser/**'],
    ['electron', '**/main/**', '**/preload/**', '**/renderer/**'],
    'core/, cli/, app/ and dev-browser/ run under plain Node: no `electron` import.',
  ),
  zone(
    ['renderer/**'],
    [...nodeBuiltins, 'electron', '**/electron/**'],
    'renderer/ is a sandboxed page: no Node, no Electron; talk to main through the preload API.',
  ),
  zone(
    ['electron/preload/**'],
    ['**/core/**', '**/main/**', '**/cli/**'],
    'preload/ exposes the IPC contract only.',
  ),
);
