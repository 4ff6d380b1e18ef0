/** The legend: what each highlight's colour and underline means, each sample drawn by the highlighter as the page draws it. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { paintSample } from '../lib/anchor/highlighter';
import { LEGEND, type LegendEntry } from './legend';

function Sample({ entry }: { entry: LegendEntry }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current) paintSample(ref.current, entry.sample);
  }, [entry]);
  return <span class="sample" aria-hidden="true"><span ref={ref}>Abc</span></span>;
}

export function Legend({ open = false }: { open?: boolean }) {
  return (
    <details class="legend" open={open}>
      <summary>What the highlights mean</summary>
      <ul>
        {LEGEND.map((e) => (
          <li key={e.key} data-legend={e.key}>
            <Sample entry={e} />
            <span><b>{e.label}</b> <span class="look">— {e.look}</span></span>
          </li>
        ))}
      </ul>
      <p class="look">Every highlight is reached with Tab (Alt+Shift+J and Alt+Shift+H: next and previous flag); Enter or a click opens the card.</p>
    </details>
  );
}
