import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'server/dist/', 'server/.data/', 'storybook-static/', 'demo-dist/', 'examples/*/dist/', 'coverage/', 'public/mockServiceWorker.js', 'custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    plugins: { 'lit-a11y': litA11y },
    rules: {
      ...litA11y.configs.recommended.rules,
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The library ships src/ only; the mock backend (mock/) is for tests, stories and the demo.
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)mock/', message: 'src/ must not import the mock backend (mock/): it is not shipped.' }] }],
    },
  },
  {
    // Node code: the conformance kit, the mock backend over HTTP, the kit's tests.
    files: ['conformance/**', 'mock/node-server.ts', 'test/conformance/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The reference server (Node): it logs where it listens, and its tests print the conformance figures.
    files: ['server/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // The kit ships in the package and reads the contract from src/api, nothing else of the library.
    files: ['conformance/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)mock/', message: 'The kit ships in the package; the mock backend does not.' },
            { regex: '(^|/)src/(?!api/(endpoints|schemas|errors)\\.js$)', message: 'The kit reads the contract only: src/api/endpoints.ts, schemas.ts, errors.ts.' },
          ],
        },
      ],
    },
  },
  {
    // Elements load only the parts of the contract they call (src/api/contract/); the whole of it
    // (schemas.ts, endpoints.ts) is for the mock, the OpenAPI document and hosts. Types are free.
    files: ['src/components/**', 'src/internal/**', 'src/i18n/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)api/(schemas|endpoints)\\.js$',
              allowTypeImports: true,
              message: 'Import from src/api/contract/ (and register what you call): schemas.ts and endpoints.ts are the whole contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', '*.config.{js,mjs,ts}', '.storybook/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.mocha } },
    // Chai assertions like `expect(x).to.exist` are expressions.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
