/**
 * Decisions: what the reader said of a claim (the checker is wrong here, the flag is
 * confirmed, a note). From a page, only about its own article; the content script sends it
 * only from a card the reader opened, on their own click where the card was visible.
 */
import { articleKey, saveDecision } from '../../db/store';
import { pageUrl } from '../../messaging/requests';
import { ok } from '../../messaging/result';
import { route } from '../../messaging/router';
import { nullable, object, oneOf, optional, orNothing, text } from '../../util/shapes';
import type { Decision } from '../../types';
import type { ServiceContext } from '../context';

export const DECISIONS = {
  'set-decision': route(object({
      url: pageUrl,
      canonical: optional(orNothing(pageUrl)),
      key: text(4000, { nonEmpty: true }),
      verdict: nullable(oneOf('wrong', 'confirmed')),
      note: text(10_000),
    }), {
    from: 'page',
    about: (m) => m.url,
    handle: async (m, s: ServiceContext) => {
      const record = await saveDecision(s.db, articleKey(m.url, m.canonical), m.key, m.verdict, m.note);
      const decision: Decision | null = record ? { verdict: record.verdict, note: record.note, at: record.at } : null;
      return ok({ decision });
    },
  }),
};
