import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain Node scripts (the CLI launcher, the web build check, worker boot files).
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Pure domain rules import nothing with I/O: they must stay testable without a database.
    files: ['server/src/domains/elections/counting/**/*.ts', 'server/src/domains/**/*-rules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'fastify', '@fastify/*', 'exceljs'], message: 'Pure domain code must not do I/O.' },
            { group: ['**/platform/**', '**/*.repository*', '**/*.service*', '**/*.routes*'], message: 'Pure domain code must not depend on services or platform.' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The web talks to the server only through shared contracts and HTTP.' }] }],
    },
  },
);
