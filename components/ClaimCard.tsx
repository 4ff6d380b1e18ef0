/**
 * The card shown when a highlight is clicked: the claim as written, what the case says, its
 * sources, and other articles already read that say something else. Rendered in a Shadow
 * DOM by the content script, so the page's CSS cannot restyle it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, Decision } from '../lib/types';
import { KIND_LABEL, readable, VERDICT_LABEL } from './format';

/** What the card can do beyond showing: each call goes to the background, which stores it. */
export interface ClaimCardActions {
  /** Record what the user says of this claim; resolves to the stored decision. */
  decide: (verdict: Decision['verdict'], note: string) => Promise<Decision | null>;
  /** Cases a name can be added to (only offered for names the case does not know). */
  cases: () => Promise<{ id: string; title: string }[]>;
  addToCase: (caseId: string) => Promise<{ ok: boolean; message: string }>;
}

export interface ClaimCardProps {
  annotation: Annotation;
  /** Viewport position to place the card near the claim. */
  at: { top: number; left: number };
  onClose: () => void;
  actions?: ClaimCardActions;
}

/** Only a real person's click or key press acts: a page's scripts must not decide for the reader. */
const trusted = (e: Event) => e.isTrusted;

export function ClaimCard({ annotation: a, at, onClose, actions }: ClaimCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [decision, setDecision] = useState<Decision | null>(a.decision ?? null);
  const [note, setNote] = useState(a.decision?.note ?? '');
  const [noting, setNoting] = useState(false);
  const [cases, setCases] = useState<{ id: string; title: string }[] | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    ref.current?.focus();
  }, [a.id]);
  const decide = async (verdict: Decision['verdict'], text = note) => {
    if (!actions) return;
    const stored = await actions.decide(verdict, text);
    setDecision(stored);
    setMessage(stored ? (stored.verdict === 'wrong' ? 'Marked: the checker is wrong here.' : stored.verdict === 'confirmed' ? 'Confirmed.' : 'Note saved.') : 'Cleared.');
  };
  const canAdd = !!actions && !a.entity && (a.kind === 'person' || a.kind === 'organization' || a.kind === 'place');
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
      {a.caseTitle && a.verdict !== 'unknown' && <p class="case">Case: {a.caseTitle}</p>}
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
      {actions && (
        <section class="actions" aria-label="Your reading">
          {decision?.verdict && <p class={`decision ${decision.verdict}`}>{decision.verdict === 'wrong' ? 'You marked the checker wrong here.' : 'You confirmed this flag.'}</p>}
          {decision?.note && !noting && <p class="note">Your note: {decision.note}</p>}
          <div class="buttons">
            {a.verdict !== 'unknown' && (
              <>
                <button aria-pressed={decision?.verdict === 'wrong'} onClick={(e) => trusted(e) && decide(decision?.verdict === 'wrong' ? null : 'wrong')}>Checker is wrong</button>
                <button aria-pressed={decision?.verdict === 'confirmed'} onClick={(e) => trusted(e) && decide(decision?.verdict === 'confirmed' ? null : 'confirmed')}>Confirm</button>
              </>
            )}
            <button onClick={(e) => trusted(e) && setNoting(!noting)}>{decision?.note ? 'Edit note' : 'Add note'}</button>
            {canAdd && <button onClick={async (e) => { if (trusted(e)) setCases(await actions.cases()); }}>Add to case…</button>}
          </div>
          {noting && (
            <form onSubmit={(e) => { e.preventDefault(); if (trusted(e)) { decide(decision?.verdict ?? null, note); setNoting(false); } }}>
              <textarea aria-label="Note" value={note} maxLength={10000} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
              <button type="submit">Save note</button>
            </form>
          )}
          {cases && (
            <div class="add">
              {cases.length === 0 && <p>No case to add to.</p>}
              {cases.map((c) => (
                <button key={c.id} onClick={async (e) => { if (!trusted(e)) return; const r = await actions!.addToCase(c.id); setMessage(r.message); setCases(null); }}>
                  Add “{a.exact}” to {c.title}
                </button>
              ))}
            </div>
          )}
          {message && <p class="message" role="status">{message}</p>}
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
.case{margin:2px 0;font-size:12px;color:#555}
.actions{margin-top:10px;border-top:1px solid #eee;padding-top:8px}
.buttons{display:flex;flex-wrap:wrap;gap:6px}
.buttons button,.add button,form button{font:inherit;font-size:13px;padding:4px 10px;border:1px solid #bbb;border-radius:6px;background:#fafafa;cursor:pointer;color:#1b1b1b}
.buttons button[aria-pressed=true]{background:#263238;color:#fff;border-color:#263238}
textarea{display:block;width:100%;box-sizing:border-box;min-height:60px;margin:6px 0;font:inherit}
.add{display:flex;flex-direction:column;gap:4px;margin-top:6px}
.decision{margin:4px 0;font-weight:600}.decision.wrong{color:#616161}.decision.confirmed{color:#b71c1c}
.note{margin:4px 0;color:#333;white-space:pre-wrap}
.message{margin:6px 0 0;color:#1b5e20;font-size:13px}
`;
