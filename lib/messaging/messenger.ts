import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * One messenger for both sides. @webext-core/messaging gives us request/reply over runtime messages; see README
 * "Why these libraries". It is untyped here because lib/messaging knows no messages: the background's table
 * (lib/background/message-table.ts) types the handlers, and pages type their calls with `makeCall<Protocol>()`.
 */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging();
