// Loaded with `node --import` before the platform: any import of Vite fails loudly,
// so a test can show the server never builds anything at request time.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'vite' || specifier.startsWith('vite/')) throw new Error('Vite was imported at run time: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
