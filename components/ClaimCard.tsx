/**
 * The card shown when a highlight is clicked: the claim as written, what the case says, its
 * sources, and other articles already read that say something else. Rendered in a Shadow
 * DOM by the content script, so the page's CSS cannot restyle it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Annotation } from '../lib/types';
import { KIND_LABEL, readable, VERDICT_LABEL } from './format';

export interface ClaimCardProps {
  annotation: Annotation;
  /** Viewport position to place the card near the claim. */
  at: { top: number; left: number };
  onClose: () => void;
}

export function ClaimCard({ annotation: a, at, onClose }: ClaimCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [a.id]);
  const disagree = a.others.filter((o) => o.value !== a.value);
  const agreeWithCase = a.others.filter((o) => o.agreesWithCase);
  return (
    <div
      ref={ref}
      class={`card verdict-${a.verdict}`}
      role="dialog"
      aria-label="Casefile claim"
      tabIndex={-1}
      style={{ top: `${at.top}px`, left: `${at.left}px` }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <span class="kind">{KIND_LABEL[a.kind]}</span>
        <span class={`badge ${a.verdict}`}>{VERDICT_LABEL[a.verdict]}</span>
        <button class="close" aria-label="Close" onClick={onClose}>×</button>
      </header>
      <p class="quote">“{a.exact}”</p>
      {a.entityName && <p class="entity">{a.entityName}</p>}
      {a.claim && <p class="claim">{a.claim}</p>}
      {a.kind === 'date' && a.value && <p class="value">Read as <b>{readable(a.value)}</b> ({a.granularity})</p>}
      {a.expected && (
        <p class="expected">
          {a.verdict === 'conflict' ? 'The case says: ' : 'The case records: '}
          <b>{readable(a.expected, a)}</b>
        </p>
      )}
      {a.explanation && <p class="explanation">{a.explanation}</p>}
      {a.sources.length > 0 && (
        <section>
          <h3>Sources ({a.sources.length})</h3>
          <ul class="sources">
            {a.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer">{s.title}</a>
                <span class="meta">{s.publisher}{s.published ? ` · ${readable(s.published)}` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {a.others.length > 0 && (
        <section>
          <h3>Other articles you read</h3>
          <p class="others-summary">
            {disagree.length} say something else; {agreeWithCase.length} agree with the case.
          </p>
          <ul class="sources">
            {a.others.map((o) => (
              <li key={o.url + o.value}>
                <a href={o.url} target="_blank" rel="noopener noreferrer">{o.title || o.url}</a>
                <span class="meta">says {readable(o.value, a)}{o.agreesWithCase ? ' (agrees with the case)' : ' (disagrees with the case)'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The card's styles, injected into its shadow root only. */
export const CLAIM_CARD_CSS = `
:host{all:initial}
.card{position:fixed;z-index:2147483647;width:360px;max-height:70vh;overflow:auto;box-sizing:border-box;padding:14px 16px;background:#fff;color:#1b1b1b;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.25);border-top:4px solid #9e9e9e;outline:none}
.card.verdict-conflict{border-top-color:#c62828}.card.verdict-consistent{border-top-color:#2e7d32}
header{display:flex;align-items:center;gap:8px;margin-bottom:6px}
.kind{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#555}
.badge{font-size:12px;padding:2px 8px;border-radius:99px;background:#eee}
.badge.conflict{background:#ffebee;color:#b71c1c}.badge.consistent{background:#e8f5e9;color:#1b5e20}
.close{margin-left:auto;border:0;background:none;font-size:20px;cursor:pointer;color:#555;line-height:1}
.quote{font-size:16px;font-weight:600;margin:4px 0}
.entity,.claim,.value{margin:2px 0;color:#333}
.expected{margin:8px 0 4px;padding:6px 8px;background:#f5f5f5;border-radius:6px}
.explanation{color:#444;margin:4px 0}
h3{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#555;margin:10px 0 4px}
.sources{list-style:none;padding:0;margin:0}.sources li{margin:4px 0}
.sources a{color:#0d47a1;text-decoration:none}.sources a:hover{text-decoration:underline}
.meta{display:block;font-size:12px;color:#666}
.others-summary{margin:2px 0;color:#333}
`;
