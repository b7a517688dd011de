import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/**
 * One messenger for both sides. @webext-core/messaging gives us typed request/reply over
 * runtime messages; see README "Why these libraries".
 */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
