/** The parts of `runtime.MessageSender` the guard looks at. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * Only the extension's own pages may talk to the background. A web page cannot reach `runtime.onMessage` without
 * `externally_connectable`, but a content script or another extension must not get in either (bitwarden's
 * `senderIsInternal`): the sender must carry our id and an URL under our own origin.
 */
export function isTrustedSender(
  sender: SenderLike | undefined,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (!sender || sender.id !== runtimeId || !sender.url) return false;
  // A string prefix, not `new URL().origin`: outside browsers, non-web schemes have the origin "null".
  if (!sender.url.startsWith(`${extensionOrigin}/`)) return false;
  return sender.origin === undefined || sender.origin === extensionOrigin;
}
