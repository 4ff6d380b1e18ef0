/**
 * The case timeline, drawn: the case's events on the right of a vertical time axis, this
 * article's dated claims on the left at their own dates, a conflict in red with a dashed line
 * to the date the case gives. Every mark has an accessible label; a claim is a button that
 * scrolls the page to it.
 */
import type { CaseEvent } from '../lib/cases/format';
import { layoutTimeline } from '../lib/show/timeline';
import type { Annotation } from '../lib/types';
import { readable, VERDICT_LABEL } from './format';

const WIDTH = 400;
const AXIS = 130;
/** Characters that fit beside the axis at 11px (about 6 px each): labels are cut there, in full in their tooltip. */
const EVENT_CHARS = Math.floor((WIDTH - AXIS - 14) / 6.2);
const CLAIM_CHARS = 18;
const COLOR: Record<string, string> = { conflict: '#c62828', consistent: '#2e7d32', unknown: '#757575' };

const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function Timeline({ events, claims, onSelect }: { events: Pick<CaseEvent, 'id' | 'date' | 'label'>[]; claims: Annotation[]; onSelect?: (id: string) => void }) {
  const layout = layoutTimeline(events, claims);
  if (!layout.events.length && !layout.claims.length) return <p class="none">The case has no dated events.</p>;
  const conflicts = layout.claims.filter((c) => c.verdict === 'conflict').length;
  const summary = `Case timeline: ${layout.events.length} events of the case, ${layout.claims.length} dates in this article${conflicts ? `, ${conflicts} in conflict with the case` : ''}.`;
  const act = (id: string) => (e: Event) => {
    if (e instanceof KeyboardEvent && e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onSelect?.(id);
  };
  return (
    <svg class="timeline" viewBox={`0 0 ${WIDTH} ${layout.height}`} width="100%" role="group" aria-label={summary}>
      <title>{summary}</title>
      <text x={AXIS - 10} y={12} text-anchor="end" class="lane">This article</text>
      <text x={AXIS + 10} y={12} class="lane">The case</text>
      <line x1={AXIS} y1={18} x2={AXIS} y2={layout.height - 6} class="axis" />
      {layout.ticks.map((t) => (
        <g key={t.year} aria-hidden="true">
          <line x1={0} x2={WIDTH} y1={t.y} y2={t.y} class="tick" />
          <text x={2} y={t.y - 3} class="year">{t.year}</text>
        </g>
      ))}
      {layout.events.map((e) => (
        <g key={e.id} role="img" aria-label={`${readable(e.date)}: ${e.label}`} class={e.cited ? 'event cited' : 'event'}>
          <title>{`${readable(e.date)}: ${e.label}`}</title>
          <circle cx={AXIS} cy={e.y} r={e.cited ? 4.5 : 3.5} />
          <text x={AXIS + 10} y={e.y + 4}>{cut(e.label, EVENT_CHARS)}</text>
        </g>
      ))}
      {layout.claims.map((c) => {
        const color = COLOR[c.verdict];
        const label = `This article: “${c.exact}”, read as ${readable(c.value)} — ${VERDICT_LABEL[c.verdict].toLowerCase()}${c.expected && c.verdict !== 'unknown' ? `; the case gives ${readable(c.expected)}` : ''}`;
        return (
          <g key={c.id} role="button" tabIndex={0} aria-label={label} class={`claim ${c.verdict}`} onClick={act(c.id)} onKeyDown={act(c.id)}>
            <title>{label}</title>
            {c.expectedY !== null && Math.abs(c.expectedY - c.y) > 2 && (
              <>
                <path d={`M${AXIS - 8},${c.y} C${AXIS - 40},${c.y} ${AXIS - 40},${c.expectedY} ${AXIS - 5},${c.expectedY}`} fill="none" stroke={color} stroke-width={1.5} stroke-dasharray={c.verdict === 'conflict' ? '4 3' : undefined} />
                <circle cx={AXIS} cy={c.expectedY} r={6} fill="none" stroke={color} stroke-width={1.5} />
              </>
            )}
            <path d={`M${AXIS - 8},${c.y - 5} l5,5 l-5,5 l-5,-5 z`} fill={c.verdict === 'unknown' ? '#fff' : color} stroke={color} stroke-width={1.5} />
            <text x={AXIS - 16} y={c.y + 4} text-anchor="end" fill={color} font-weight={c.verdict === 'conflict' ? 700 : 400}>{cut(c.exact, CLAIM_CHARS)}</text>
          </g>
        );
      })}
    </svg>
  );
}
