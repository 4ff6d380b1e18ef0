/**
 * The message table: every message the background answers, grouped by concern, each with its
 * request's shape, who may send it, the URL it concerns and its handler (see `route`). The
 * types every sender uses are inferred from it, so a message is written out once.
 */
import type { MessagesOf } from '../messaging/router';
import { ARTICLES } from './messages/articles';
import { BACKUP } from './messages/backup';
import { CASES } from './messages/cases';
import { CHECKING } from './messages/checking';
import { DECISIONS } from './messages/decisions';

export const TABLE = { ...CHECKING, ...CASES, ...DECISIONS, ...ARTICLES, ...BACKUP };

/** Each background message's request and answer, by type. */
export type Messages = MessagesOf<typeof TABLE>;
export type MessageType = keyof Messages;
export type Request<K extends MessageType> = Messages[K]['request'];
export type Response<K extends MessageType> = Messages[K]['response'];

export type { CheckAnswer } from './messages/checking';
export type { Addition, CaseSummary } from './messages/cases';
