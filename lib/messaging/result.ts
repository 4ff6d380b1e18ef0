/**
 * Every answer to a message, from the background or from a content script, is a `Result`:
 * its value, or one failure shape — a code a program can act on, a sentence a person can
 * read, and every problem with its path when input was refused. One shape, so that no caller
 * has to know which handler answered in which way.
 */

/** Why a message failed. */
export type FailureCode =
  /** The message is not one this receiver knows, or a field is missing or of the wrong shape. */
  | 'malformed'
  /** The sender may not ask this (a page asking for case management, or about another page's article). */
  | 'forbidden'
  /** What the message names does not exist. */
  | 'not-found'
  /** The input was read and refused: `problems` lists each with its path; nothing changed. */
  | 'invalid'
  /** This browser or context cannot do it (the caller has a fallback). */
  | 'unavailable'
  /** The handler failed; nothing it could not finish was stored. */
  | 'failed';

export interface Failure {
  ok: false;
  code: FailureCode;
  message: string;
  problems: string[];
}

export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail(code: FailureCode, message: string, problems: string[] = []): Failure {
  return { ok: false, code, message, problems };
}

/** Whether an answer that crossed a message boundary has the shape of a `Result`. */
export function isResult(answer: unknown): answer is Result<unknown> {
  if (!answer || typeof answer !== 'object') return false;
  const a = answer as Record<string, unknown>;
  return a.ok === true ? 'value' in a : a.ok === false && typeof a.code === 'string' && typeof a.message === 'string' && Array.isArray(a.problems);
}

/** A failure as an exception, for callers that cannot go on without the value. */
export class MessageFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.problems.length ? `${failure.message}: ${failure.problems.slice(0, 5).join('; ')}` : failure.message);
    this.name = 'MessageFailure';
  }
}

/** The value, or the failure thrown. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new MessageFailure(result);
}
