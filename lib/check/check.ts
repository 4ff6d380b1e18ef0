/**
 * The check stage: from an article's text and recognised mentions to annotations with a
 * verdict each. Linking, date, role and fact claims run over one shared context; the result
 * is plain data the content script can anchor and the background can store.
 */
import type { CaseIndex } from '../link/case-index';
import { linkMentions, type LinkedMention } from '../link/link';
import { tokenize } from '../link/tokens';
import type { Annotation, ArticleText, Mention, SourceRef } from '../types';
import type { CheckedClaim } from './claim';
import { buildContext } from './context';
import { checkDates } from './dates';
import { checkFacts } from './facts';
import { checkAges } from './ages';
import { checkRoles } from './roles';
import { checkWounds } from './wounds';
import { checkOutcomes } from './outcomes';
import { checkAgents } from './agents';
import { checkGrounds } from './grounds';
import { checkMurder } from './murder';

const CONTEXT = 32;

/** Link and check one article against one case. */
export function checkArticle(article: ArticleText, mentions: Mention[], index: CaseIndex): Annotation[] {
  // Linking and the context both scan the article's words: tokenised once, for both.
  const tokens = tokenize(article.text);
  const linked = linkMentions(article.text, mentions, index, tokens);
  const ctx = buildContext(article.text, article.published, linked, index, tokens);
  const dateClaims = checkDates(ctx);
  const roleClaims = checkRoles(ctx);
  const annotations: Annotation[] = [];
  for (const m of linked) {
    if (m.work) continue; // a work's title is context, not a name to highlight
    const claim = dateClaims.get(m) ?? roleClaims.get(m) ?? null;
    annotations.push(annotate(article.text, index, m, claim));
  }
  for (const claim of [...checkFacts(ctx), ...checkAges(ctx), ...checkWounds(ctx), ...checkOutcomes(ctx), ...checkAgents(ctx), ...checkGrounds(ctx), ...checkMurder(ctx)]) annotations.push(annotate(article.text, index, { start: claim.start, end: claim.end, kind: 'fact', entity: null }, claim));
  return annotations.sort((a, b) => a.start - b.start || b.end - a.end);
}

function annotate(text: string, index: CaseIndex, m: LinkedMention | (Omit<LinkedMention, 'kind'> & { kind: 'fact' }), claim: CheckedClaim | null): Annotation {
  const entity = m.entity ? index.entities.get(m.entity) : undefined;
  const sourceIds = claim?.sources ?? (entity ? recordSources(index, entity.id) : []);
  const written = text.slice(m.start, m.end);
  const explanation = claim?.explanation ?? (m.entity && 'form' in m && m.form === 'misspelling'
    ? ('fuzzy' in m && m.fuzzy
      ? `Probably a misspelling of ${entity?.name}: “${written}” is not a name the case lists, but it is spelt nearly the same, in an article about the case.`
      : `A misspelling of ${entity?.name} seen in coverage.`)
    : null);
  return {
    id: `${m.kind}:${m.start}-${m.end}`,
    start: m.start,
    end: m.end,
    exact: text.slice(m.start, m.end),
    prefix: text.slice(Math.max(0, m.start - CONTEXT), m.start),
    suffix: text.slice(m.end, m.end + CONTEXT),
    kind: m.kind,
    entity: m.entity,
    entityName: entity?.name ?? null,
    value: m.kind === 'date' ? m.value ?? null : claim?.value ?? null,
    granularity: m.kind === 'date' ? m.granularity ?? null : null,
    verdict: claim?.verdict ?? 'unknown',
    claim: claim?.claim ?? null,
    claimKey: claim?.claimKey ?? null,
    expected: claim?.expected ?? null,
    explanation,
    ...(m.kind === 'date' || m.kind === 'fact' ? { event: claim?.event ?? null } : {}),
    caseId: entity || claim ? index.caseId : null,
    sources: resolveSources(index, sourceIds),
    others: [],
  };
}

function recordSources(index: CaseIndex, id: string): string[] {
  return index.entities.get(id)?.sources ?? [];
}

/** Source ids to citations; unknown ids are dropped (a validated case has none). */
export function resolveSources(index: CaseIndex, ids: string[]): SourceRef[] {
  const out: SourceRef[] = [];
  for (const id of new Set(ids)) {
    const s = index.sources.get(id);
    if (s) out.push({ publisher: s.publisher, title: s.title, url: s.url, published: s.published ?? null });
  }
  return out;
}
