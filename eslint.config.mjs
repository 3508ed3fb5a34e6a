// Lint, including the layer boundaries of DESIGN.md: the core is plain Node, the renderer
// reaches data only through window.pilot, the preload imports only electron and the contract.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'url',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'antd', 'zustand', '**/renderer/**'],
              message:
                'core, web host and shared code stay plain Node: no electron, React or renderer code.',
            },
            {
              group: ['**/electron/main/**', '**/electron/preload/**'],
              message: 'the core must not depend on the Electron shell.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'electron',
                'react',
                'react-dom',
                'antd',
                'zustand',
                'better-sqlite3',
                ...nodeModules,
                '**/electron/**',
                '**/renderer/**',
              ],
              message: 'shared/ is pure: both sides import it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeModules, 'better-sqlite3', 'electron', '**/electron/**'],
              message: 'the renderer reaches data only through window.pilot.',
            },
          ],
          paths: [
            {
              name: 'antd',
              importNames: ['InputNumber'],
              message: 'use NumberBox (components/NumberBox): it reads full-width digits (３００).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./\\.\\./shared/contract/(bridge|errors|events)$)',
              message: 'the preload imports only electron and the contract types.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
