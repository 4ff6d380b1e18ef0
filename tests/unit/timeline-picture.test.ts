import { describe, expect, it } from 'vitest';
import { dayOf, layoutTimeline } from '../../lib/show/timeline';
import type { Annotation } from '../../lib/types';
import { BUNDLED } from '../helpers/pipeline';

const claim = (id: string, value: string, verdict: Annotation['verdict'], expected: string | null = null): Annotation => ({
  id, start: 0, end: 1, exact: value, prefix: '', suffix: '', kind: 'date', entity: null, entityName: null, value, granularity: 'day', verdict,
  claim: null, claimKey: null, expected, explanation: null, caseId: null, sources: [], others: [],
});

describe('the case timeline', () => {
  const claims = [claim('c1', '2025-06-16', 'conflict', '2021-10-21'), claim('c2', '2021-10', 'consistent', '2021-10-21'), claim('c3', '2024-07-12', 'unknown')];
  const layout = layoutTimeline(BUNDLED.events, claims);

  it('keeps time order down the axis, and marks on one side apart', () => {
    const events = layout.events;
    expect(events).toHaveLength(BUNDLED.events.length);
    for (let i = 1; i < events.length; i++) {
      expect(dayOf(events[i].date)! >= dayOf(events[i - 1].date)!).toBe(true);
      expect(events[i].y - events[i - 1].y).toBeGreaterThanOrEqual(16);
    }
    const byTime = [...layout.claims].sort((a, b) => dayOf(a.value)! - dayOf(b.value)!);
    expect(byTime.map((c) => c.y)).toEqual([...byTime.map((c) => c.y)].sort((a, b) => a - b));
    expect(layout.height).toBeGreaterThan(Math.max(...events.map((e) => e.y)));
  });

  it('places a conflict beside its own date and points at the case\'s date', () => {
    const conflict = layout.claims.find((c) => c.id === 'c1')!;
    const shooting = layout.events.find((e) => e.date === '2021-10-21')!;
    expect(conflict.y).toBeGreaterThan(layout.events.find((e) => e.date.startsWith('2025-05'))!.y);
    expect(conflict.expectedY).toBeCloseTo(shooting.y, 0);
    expect(shooting.cited).toBe(true);
    expect(layout.claims.find((c) => c.id === 'c3')!.expectedY).toBeNull();
  });

  it('ticks each year at its place on the stretched axis', () => {
    const years = layout.ticks.map((t) => t.year);
    expect(years).toEqual(expect.arrayContaining([2022, 2023, 2024, 2025]));
    const y2024 = layout.ticks.find((t) => t.year === 2024)!.y;
    for (const e of layout.events) expect(e.date < '2024' ? e.y <= y2024 : e.y >= y2024).toBe(true);
  });

  it('is empty with nothing dated', () => {
    expect(layoutTimeline([], [])).toEqual({ height: 0, ticks: [], events: [], claims: [] });
  });
});
