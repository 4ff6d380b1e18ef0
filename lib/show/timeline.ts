/**
 * The case timeline as a picture: the case's events on a vertical time axis and the
 * article's dated claims beside them, each claim linked to the date the case gives when they
 * differ. Laid out here as plain numbers (no DOM), so the side panel only draws.
 *
 * Time runs down the axis in proportion, except that marks on the same side never come
 * closer than `gap` pixels (news cases cluster: a dozen events in one week): the axis
 * stretches there, and every other position — year ticks, the case's dates a conflict points
 * at — is read off the stretched axis, so order and alignment always hold.
 */
import type { CaseEvent } from '../cases/format';
import type { Annotation, Verdict } from '../types';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days since 1970 of a value's first day (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or null. */
export function dayOf(value: string | null | undefined): number | null {
  const m = value ? DATE.exec(value) : null;
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / 86_400_000;
}

export interface TimelineEvent {
  id: string;
  y: number;
  date: string;
  label: string;
  /** Whether one of the article's claims is tied to this event's date. */
  cited: boolean;
}

export interface TimelineClaim {
  id: string;
  y: number;
  value: string;
  exact: string;
  verdict: Verdict;
  /** Where the case's date sits on the axis, when the claim was checked against one. */
  expectedY: number | null;
  expected: string | null;
}

export interface TimelineLayout {
  height: number;
  ticks: { year: number; y: number }[];
  events: TimelineEvent[];
  claims: TimelineClaim[];
}

interface Item {
  t: number;
  lane: 0 | 1;
  index: number;
}

/** Lay out events and dated claims on one axis, `span` pixels of pure time plus what the gaps add. */
export function layoutTimeline(events: Pick<CaseEvent, 'id' | 'date' | 'label'>[], claims: Annotation[], { span = 520, gap = 16, top = 24 } = {}): TimelineLayout {
  const evs = events.map((e) => ({ e, t: dayOf(e.date) })).filter((x): x is { e: typeof x.e; t: number } => x.t !== null);
  const dated = claims.filter((a) => a.kind === 'date').map((a) => ({ a, t: dayOf(a.value) })).filter((x): x is { a: Annotation; t: number } => x.t !== null);
  const all = [...evs.map((x) => x.t), ...dated.map((x) => x.t), ...dated.map((x) => dayOf(x.a.expected)).filter((t): t is number => t !== null)];
  if (!all.length) return { height: 0, ticks: [], events: [], claims: [] };
  const min = Math.min(...all);
  const max = Math.max(...all);
  const scale = max > min ? span / (max - min) : 0;
  const linear = (t: number) => top + (t - min) * scale;

  // Place every mark in time order; one lane's marks keep `gap` apart, and the axis stays monotonic.
  const items: Item[] = [...evs.map((x, index) => ({ t: x.t, lane: 1 as const, index })), ...dated.map((x, index) => ({ t: x.t, lane: 0 as const, index }))]
    .sort((a, b) => a.t - b.t || a.lane - b.lane);
  const ys = new Map<Item, number>();
  const lastInLane = [-Infinity, -Infinity];
  let last = -Infinity;
  let lastT = -Infinity;
  const anchors: [number, number][] = [];
  for (const item of items) {
    // A later date never sits above an earlier one; the same date on both sides shares a line.
    const floor = item.t > lastT ? last + (last === -Infinity ? 0 : 1) : last;
    const y = Math.max(linear(item.t), lastInLane[item.lane] + gap, floor);
    ys.set(item, y);
    lastInLane[item.lane] = y;
    if (item.t > lastT) anchors.push([item.t, y]);
    last = y;
    lastT = item.t;
  }
  /** The stretched axis: the y of any day, between the marks around it. */
  const yOf = (t: number): number => {
    if (t <= anchors[0][0]) return anchors[0][1] - (anchors[0][0] - t) * scale;
    for (let i = 1; i < anchors.length; i++) {
      const [t1, y1] = anchors[i];
      if (t <= t1) {
        const [t0, y0] = anchors[i - 1];
        return y0 + ((t - t0) / (t1 - t0)) * (y1 - y0);
      }
    }
    const [tn, yn] = anchors[anchors.length - 1];
    return yn + (t - tn) * scale;
  };

  const cited = new Set(dated.map((x) => x.a.expected).filter(Boolean));
  const firstYear = new Date(min * 86_400_000).getUTCFullYear();
  const lastYear = new Date(max * 86_400_000).getUTCFullYear();
  const ticks: { year: number; y: number }[] = [];
  for (let year = firstYear; year <= lastYear + 1; year++) {
    const t = Date.UTC(year, 0, 1) / 86_400_000;
    if (t >= min - 1 && t <= max + 366) ticks.push({ year, y: Math.max(top / 2, yOf(t)) });
  }
  const height = Math.max(last, ...ticks.map((k) => k.y)) + top;
  return {
    height,
    ticks: ticks.filter((k) => k.y <= height - top / 2),
    events: items.filter((i) => i.lane === 1).map((i) => {
      const { e } = evs[i.index];
      return { id: e.id, y: ys.get(i)!, date: e.date, label: e.label, cited: cited.has(e.date) };
    }),
    claims: items.filter((i) => i.lane === 0).map((i) => {
      const { a } = dated[i.index];
      const expectedDay = a.verdict !== 'unknown' ? dayOf(a.expected) : null;
      return { id: a.id, y: ys.get(i)!, value: a.value!, exact: a.exact, verdict: a.verdict, expectedY: expectedDay === null ? null : yOf(expectedDay), expected: a.expected };
    }),
  };
}
