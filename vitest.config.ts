// Temporary while helpers run: the config lives in tests/vitest.config.ts.
export { default } from './tests/vitest.config.ts';
