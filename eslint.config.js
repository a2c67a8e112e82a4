// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `no-restricted-imports` for each room: relative imports reaching into a folder it must not use. */
function rooms(list) {
  return list.map(({ files, never, also = [] }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...never, ...also].map((folder) => ({
            group: [`**/${folder}`, `**/${folder}/**`],
            message: `${files[0].replace('/**', '')}/ does not import from ${folder}/ (DESIGN.md: each folder owns its room).`,
          })),
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'data/', '.tmp/'] },
  js.configs.recommended,
  // Type-aware: floating promises and unsafe `any` are what reviews miss.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    rules: {
      // `const { claim: _claim, ...rest } = draft` is how a field is left out of a copy; `_` marks a parameter a signature needs.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['tests/**'],
    // Fakes stand in for async interfaces: `async () => []` is the plainest way to write one.
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  // Each folder owns its room (DESIGN.md): the clients share api-client/ and never import each
  // other; the platform knows only the contract; nothing ships code from tests/.
  ...rooms([
    { files: ['extension/**'], never: ['widget', 'platform', 'tests'] },
    { files: ['widget/**'], never: ['extension', 'platform', 'tests'] },
    { files: ['api-client/**'], never: ['extension', 'widget', 'platform', 'tests'] },
    {
      files: ['platform/**'],
      never: ['extension', 'widget', 'tests', 'api-client/drafts', 'api-client/http', 'api-client/live'],
      also: ['api-client/anchoring', 'api-client/public-pages'],
    },
  ]),
  {
    files: ['widget/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['widget/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Formatting is Prettier's: no stylistic rule here may disagree with it.
  prettier,
);
