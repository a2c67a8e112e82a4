import { browser } from 'wxt/browser';
import { registeredChunk, type Chunks } from './chunks';

const files: Record<keyof Chunks, string> = {
  ui: '/content-ui.js',
  highlights: '/content-highlights.js',
};

const loading: Partial<Record<keyof Chunks, Promise<unknown>>> = {};

/**
 * Loads a part of the in-page UI the first time it is needed. WXT builds content
 * scripts as single IIFE files, with no code splitting; the lazy parts are
 * therefore their own unlisted scripts, web-accessible only through Chrome's
 * per-session URL, and imported from here.
 */
export function loadChunk<K extends keyof Chunks>(name: K): Promise<Chunks[K]> {
  const promise = (loading[name] ??= import(
    /* @vite-ignore */ browser.runtime.getURL(files[name] as '/content-ui.js')
  ).then(
    () => {
      const chunk = registeredChunk(name);
      if (!chunk) throw new Error(`Vigie: ${files[name]} did not register itself.`);
      return chunk;
    },
    (error: unknown) => {
      delete loading[name]; // try again on next use
      throw error;
    },
  ));
  return promise as Promise<Chunks[K]>;
}
