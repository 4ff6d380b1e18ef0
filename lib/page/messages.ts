/**
 * What a tab's content script answers: the extension's own pages (the popup, the test and
 * benchmark harnesses) asking for this tab's state, a check on demand, or a highlight brought
 * into view. Web pages cannot send to a content script at all; the table says so anyway.
 */
import { ok } from '../messaging/result';
import { route, type MessagesOf } from '../messaging/router';
import { object, text } from '../util/shapes';
import type { PageSession } from './session';

export const PAGE_TABLE = {
  'get-page-state': route(object({}), {
    from: 'extension',
    handle: async (_m, session: PageSession) => ok(session.state),
  }),
  /** Check this page now, even if it does not look like an article. */
  'check-page': route(object({}), {
    from: 'extension',
    handle: async (_m, session: PageSession) => {
      try {
        return ok(await session.run(true));
      } catch (error) {
        session.state = { ...session.state, status: 'error', message: String(error), rechecking: false };
        return ok(session.state);
      }
    },
  }),
  'scroll-to': route(object({ id: text(200) }), {
    from: 'extension',
    handle: async (m, session: PageSession) => ok({ scrolled: session.scrollTo(m.id) }),
  }),
};

export type PageMessages = MessagesOf<typeof PAGE_TABLE>;
