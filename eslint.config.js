// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * Only `src-shared/` may be imported across process folders: each process folder may import
 * itself and `src-shared/`, nothing else of ours. The web edition's host (`src-web/`) is the
 * one exception: like the Electron main process it hosts the engine, and in the browser it
 * does so in the page, through `src-engine/web/engine.ts` alone (which re-exports what a
 * browser host needs), never the engine's core.
 * @param {string} own
 * @param {Record<string, string[]>} [allowed] other folders, and the paths in them allowed
 */
function importBoundary(own, allowed = {}) {
  const others = ['src-main', 'src-engine', 'src-renderer', 'src-web'].filter((d) => d !== own);
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: others.map((dir) => ({
          ...(allowed[dir]
            ? {
                regex: `(^|/)${dir}(/(?!(${allowed[dir].map((p) => p.replaceAll('.', '\\.')).join('|')})$)|$)`,
              }
            : { group: [`**/${dir}/**`, `**/${dir}`] }),
          message: allowed[dir]
            ? `${own}/ may import only itself, src-shared/ and ${allowed[dir].map((p) => `${dir}/${p}`).join(', ')} (see STYLE.md).`
            : `${own}/ may import only itself and src-shared/ (see STYLE.md).`,
        })),
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'tests/artifacts/', '**/*.py'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  { files: ['src-main/**'], rules: importBoundary('src-main') },
  { files: ['src-engine/**'], rules: importBoundary('src-engine') },
  { files: ['src-renderer/**'], rules: importBoundary('src-renderer') },
  { files: ['src-web/**'], rules: importBoundary('src-web', { 'src-engine': ['web/engine.ts'] }) },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-engine/**', '**/src-renderer/**', '**/src-web/**'],
              message: 'src-shared/ imports nothing of the process folders.',
            },
            {
              group: ['electron', 'node:*', 'fs', 'path'],
              message: 'src-shared/ is pure: no Node or Electron.',
            },
          ],
        },
      ],
    },
  },
);
