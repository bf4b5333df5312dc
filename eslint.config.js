// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * DESIGN.md's layering, enforced: a wrong import fails `npm test`.
 * Each zone forbids `target` files from importing anything under `from`.
 */
const layering = [
  // shared/ is pure: no main process, no renderer, no Node, no DOM-bound code
  { target: './shared', from: './electron', message: 'shared/ must not import electron/ (DESIGN.md layering).' },
  { target: './shared', from: './renderer', message: 'shared/ must not import renderer/ (DESIGN.md layering).' },
  // services know nothing of hosts or UI
  { target: './electron/services', from: './electron/host', message: 'Services must not import hosts.' },
  { target: './electron/services', from: './electron/main.ts', message: 'Services must not import the Electron entry.' },
  { target: './electron/services', from: './electron/preload.ts', message: 'Services must not import the preload.' },
  { target: './electron/services', from: './renderer', message: 'Services must not import renderer code.' },
  { target: './electron/core', from: './electron/host', message: 'The composition root must not import hosts.' },
  // the web host runs without Electron
  { target: './electron/host/web', from: './electron/host/electron', message: 'The web host must not import the Electron host.' },
  { target: './electron', from: './renderer', message: 'The main process must not import renderer code (it serves the built files).' },
  // the renderer talks to the main process only through the bridge
  { target: './renderer', from: './electron', message: 'The renderer reaches the main process only through the bridge (renderer/lib/bridge.ts).' },
];

const nodeBuiltins = {
  patterns: [{ group: ['node:*'], message: 'No Node built-ins here (DESIGN.md layering).' }],
  paths: [
    'fs',
    'path',
    'os',
    'crypto',
    'http',
    'https',
    'net',
    'tls',
    'zlib',
    'stream',
    'child_process',
    'events',
    'url',
    'buffer',
    'util',
    'dns',
    'worker_threads',
  ].map((name) => ({ name, message: 'No Node built-ins here (DESIGN.md layering).' })),
};

const electronModule = { name: 'electron', message: 'Only electron/main.ts, electron/preload.ts and electron/host/electron/ may import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**', 'docs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['shared/tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'tsconfig.tools.json'],
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layering }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...nodeBuiltins, paths: [...nodeBuiltins.paths, electronModule, { name: 'react', message: 'shared/ is pure logic.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { ...nodeBuiltins, paths: [...nodeBuiltins.paths, electronModule] }],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/core/**/*.ts', 'electron/host/web/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronModule] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bin/**/*.js', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use nothing from it.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Type-aware rules (they read the types, so they cost most of lint's time): a promise nobody awaits or catches
    // loses its error (an unhandled rejection ends the main process), an async function where a void callback is
    // expected runs unchecked, and a switch over a union must name every member, so a new member is a lint error
    // wherever it is not handled.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX handlers may return promises (React ignores the value); everywhere else a void callback gets none
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
);
