import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/**
 * The one messenger every part of the extension uses. It gives types, not checks:
 * the background validates each request (background/router.ts) and the pages
 * validate each answer.
 */
export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;
