/**
 * The address a content script speaks for, for the message table's "its own article" rule:
 * its document's (`sender.url`), or, for the top frame, the tab's address now when it is on
 * the same origin. A single-page site moves its address with `history.pushState`, which
 * Chrome's `sender.url` does not follow (it keeps the address the document was loaded at);
 * the tab's address does. A page can move its address only within its own origin — no
 * further than its canonical link already may (`articleKey`) — so this widens nothing.
 */
export interface MessageSenderLike {
  url?: string;
  frameId?: number;
  tab?: { url?: string };
}

export function senderAddress(sender: MessageSenderLike): string | undefined {
  const loaded = sender.url;
  const now = sender.frameId === 0 ? sender.tab?.url : undefined;
  if (!loaded || !now || now === loaded) return loaded;
  try {
    return new URL(now).origin === new URL(loaded).origin ? now : loaded;
  } catch {
    return loaded;
  }
}
