/** The legend: what each highlight's colour and underline means, drawn as the page draws it. */
import { LEGEND, sampleStyle } from './legend';

export function Legend({ open = false }: { open?: boolean }) {
  return (
    <details class="legend" open={open}>
      <summary>What the highlights mean</summary>
      <ul>
        {LEGEND.map((e) => (
          <li key={e.key} data-legend={e.key}>
            <span class="sample" style={sampleStyle(e)} aria-hidden="true">Abc</span>
            <span><b>{e.label}</b> <span class="look">— {e.look}</span></span>
          </li>
        ))}
      </ul>
      <p class="look">Flags are reached with Tab; Enter or a click opens the card.</p>
    </details>
  );
}
