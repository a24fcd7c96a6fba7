import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Libraries that belong to the UI only: the simulator and the CLI must run unchanged in Node and in a worker.
const uiOnlyModules = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'i18next', 'react-i18next', 'monaco-editor', '@monaco-editor/*', '@xyflow/*', 'comlink'];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'self'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', 'src/sim/models/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/sim/**/*.ts', 'src/cli/**/*.ts', 'src/graph/**/*.ts', 'src/lessons/**/*.ts'],
    ignores: ['src/cli/runner/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiOnlyModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'The core stays free of UI libraries.' })),
        patterns: [{ group: uiOnlyModules.filter((m) => m.includes('*')), message: 'The core stays free of UI libraries.' }, { group: ['**/ui/**', '**/worker/**'], message: 'The core never imports the UI or the worker host.' }],
      }],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'No DOM in the core.' }))],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts', 'src/sim/**/__tests__/**'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'The simulator takes its clock from ctx.' },
        { object: 'Math', property: 'random', message: 'The simulator takes its randomness from ctx.' },
        { object: 'performance', property: 'now', message: 'The simulator takes its clock from ctx.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The simulator takes its clock from ctx.' }],
      'no-restricted-imports': ['error', {
        paths: uiOnlyModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'The core stays free of UI libraries.' })),
        patterns: [{ group: uiOnlyModules.filter((m) => m.includes('*')), message: 'The core stays free of UI libraries.' }, { group: ['**/cli/**', '**/ui/**', '**/worker/**', '**/graph/**', '**/lessons/**'], message: 'The simulator imports nothing of ours but itself.' }],
      }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', '*.config.{js,ts}', 'src/cli/runner/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
