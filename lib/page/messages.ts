/**
 * What a tab's content script answers: the extension's own pages (the popup, the side panel,
 * the test and benchmark harnesses) asking for this tab's state, a check on demand, a
 * highlight brought into view; the background passing on the reader's shortcut for the
 * next or previous flag. Web pages cannot send to a content script at all; the table says so
 * anyway.
 */
import { ok } from '../messaging/result';
import { route, type MessagesOf } from '../messaging/router';
import { boolean, object, oneOf, optional, text } from '../util/shapes';
import type { PageFollower } from './follow';
import type { PageSession } from './session';

/** What the table's handlers work on: the tab's session, and what follows the page's changes. */
export interface PageAgent {
  session: PageSession;
  follower: PageFollower;
  /** The element with the keyboard focus (where "next flag" starts from). */
  focused: () => Element | null;
}

export const PAGE_TABLE = {
  'get-page-state': route(object({}), {
    from: 'extension',
    handle: async (_m, agent: PageAgent) => ok(agent.session.state),
  }),
  /** Check this page now ("Check again"), even if it does not look like an article; `everything`: its names and dates too, about a case or not. */
  'check-page': route(object({ everything: optional(boolean) }), {
    from: 'extension',
    handle: async (m, { session, follower }: PageAgent) => {
      try {
        return ok(await follower.checkAgain({ everything: m.everything }));
      } catch (error) {
        session.state = { ...session.state, status: 'error', message: String(error), rechecking: false };
        return ok(session.state);
      }
    },
  }),
  'scroll-to': route(object({ id: text(200) }), {
    from: 'extension',
    handle: async (m, { session }: PageAgent) => ok({ scrolled: session.scrollTo(m.id) }),
  }),
  /** The reader's shortcut (Alt+Shift+J / Alt+Shift+H): the next or previous flag, focused. */
  'focus-flag': route(object({ direction: oneOf('next', 'previous') }), {
    from: 'extension',
    handle: async (m, { session, focused }: PageAgent) => ok({ flag: session.focusFlag(m.direction, focused()) }),
  }),
};

export type PageMessages = MessagesOf<typeof PAGE_TABLE>;
