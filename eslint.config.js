import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PURE_FILES = ['src/**/rules.ts', 'src/**/policy.ts', 'src/**/fields.ts', 'src/**/password-rules.ts', 'src/**/chain.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'dist/**', 'data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md 51).' }],
    },
  },
  {
    // Pure rules take `now` as an argument and import no I/O (STYLE.md 6).
    files: PURE_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/*', 'fastify', 'pg', '@electric-sql/pglite', 'node:fs', '**/repo.ts', '**/service.ts'], allowTypeImports: true }] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take `now` as an argument.' }],
    },
  },
  {
    // Config files and the vitest global setup must default-export for their tools.
    files: ['*.config.ts', '*.config.js', 'web/vite.config.ts', 'test/support/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // Declaration merging into Fastify's and Vitest's types needs `interface`.
    files: ['src/platform/http/auth-hook.ts', 'test/support/global-setup.ts'],
    rules: { '@typescript-eslint/consistent-type-definitions': 'off' },
  },
);
