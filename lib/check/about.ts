/**
 * Whether an article is about a case the reader follows: what decides, in the default
 * reading mode, if its names and dates are highlighted at all. An unrelated story (an oil
 * company's results, a local election) would otherwise get dozens of highlights that say
 * nothing about any case.
 *
 * An article is about a case when either
 *  - Casefile checked a claim in it against a case (any annotation with a verdict, a flag or
 *    an agreement): the article states something the case records; or
 *  - it names a person or an organisation of a case in full: a mention linked to the case's
 *    entity, written with at least two words ("Alec Baldwin", "Rust Movie Productions"), not
 *    a surname alone ("Baldwin" names many people) and not a place (an oil story set in New
 *    Mexico names the case's places too).
 * Flags are never hidden: an article with one is about a case by the first rule.
 */
import type { Annotation } from '../types';

/** Words of two letters or more (initials and punctuation do not make a name "in full"). */
const WORD = /\p{L}[\p{L}'’.-]*\p{L}/gu;

/** Whether a mention names a case's person or organisation in full. */
export function namesInFull(a: Pick<Annotation, 'kind' | 'entity' | 'exact'>): boolean {
  return !!a.entity && (a.kind === 'person' || a.kind === 'organization') && (a.exact.match(WORD)?.length ?? 0) >= 2;
}

export function aboutACase(annotations: readonly Pick<Annotation, 'kind' | 'entity' | 'exact' | 'verdict'>[]): boolean {
  return annotations.some((a) => a.verdict !== 'unknown' || namesInFull(a));
}
