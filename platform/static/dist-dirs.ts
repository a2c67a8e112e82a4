import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Where `npm run build` (and `npm install`, through `prepare`) writes what the platform serves. */
export const DEFAULT_WIDGET_DIR = path.join(dist, 'widget');
export const DEFAULT_CONSOLE_DIR = path.join(dist, 'console');
/** The public pages' « Moi aussi » and « Répondre » script (platform/site/build.ts). */
export const DEFAULT_SITE_SCRIPT_DIR = path.join(dist, 'site');
