/**
 * The card shown when a highlight is clicked: the claim as written, what the case says, its
 * sources, and other articles the reader stayed on that say something else (by site and
 * title only). Rendered in a closed Shadow DOM by the content script, in the browser's top
 * layer, so the page's scripts cannot read it and its CSS cannot restyle or cover it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, Decision } from '../lib/types';
import { KIND_LABEL, readable, VERDICT_LABEL } from './format';
import { Safe } from './Safe';

/** What a write from the card came to: done, or refused with a reason to show. */
export type WriteAnswer<T> = { ok: true; value: T; message?: string } | { ok: false; message: string };

/**
 * What the card can do beyond showing: each call goes to the background, which stores it.
 * Writes carry the reader's event and the control it came from: the content script lets
 * them through only when the event is the reader's own, on a card that was visible there.
 */
export interface ClaimCardActions {
  /** Record what the reader says of this claim; answers the stored decision. */
  decide: (verdict: Decision['verdict'], note: string, event: Event, control: Element) => Promise<WriteAnswer<Decision | null>>;
  /** Cases a name can be added to (those used on this site; only offered for names the case does not know). */
  cases: () => Promise<{ id: string; title: string }[]>;
  addToCase: (caseId: string, event: Event, control: Element) => Promise<WriteAnswer<string>>;
}

export interface ClaimCardProps {
  annotation: Annotation;
  /** Viewport position to place the card near the claim (below it; `above`: the claim's top, for when it does not fit below). */
  at: { top: number; left: number; above?: number };
  onClose: () => void;
  actions?: ClaimCardActions;
  /** The card's element, once shown (the content script watches its visibility). */
  onShown?: (card: HTMLElement) => void;
}

/** Only a real person's click or key press acts: a page's scripts must not decide for the reader. */
const trusted = (e: Event) => e.isTrusted;

export function ClaimCard({ annotation: a, at, onClose, actions, onShown }: ClaimCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [decision, setDecision] = useState<Decision | null>(a.decision ?? null);
  const [note, setNote] = useState(a.decision?.note ?? '');
  const [noting, setNoting] = useState(false);
  const [cases, setCases] = useState<{ id: string; title: string }[] | null>(null);
  const [message, setMessage] = useState('');
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    const card = ref.current;
    if (!card) return;
    // The top layer: above anything the page draws, whatever its z-index.
    try {
      (card as HTMLElement & { showPopover?: () => void }).showPopover?.();
    } catch {
      // Not in a document yet, or no top layer in this browser: the card still shows, at the top z-index.
    }
    // Whole in the viewport, so every control can be seen where it is clicked: below the claim,
    // else above it, else as high as it fits.
    const view = card.ownerDocument.defaultView;
    const box = card.getBoundingClientRect();
    if (view && box.bottom > view.innerHeight - 8) {
      const above = (at.above ?? at.top) - 8 - box.height;
      card.style.top = `${above >= 8 ? above : Math.max(8, view.innerHeight - box.height - 8)}px`;
    }
    card.focus();
    onShown?.(card);
  }, [a.id]);
  const say = (text: string, bad = false) => {
    setMessage(text);
    setRefused(bad);
  };
  const decide = async (e: Event, verdict: Decision['verdict'], text = note) => {
    if (!actions || !trusted(e)) return;
    const answer = await actions.decide(verdict, text, e, e.currentTarget as Element);
    if (!answer.ok) return say(answer.message, true);
    const stored = answer.value;
    setDecision(stored);
    setNoting(false);
    say(stored ? (stored.verdict === 'wrong' ? 'Marked: the checker is wrong here.' : stored.verdict === 'confirmed' ? 'Confirmed.' : 'Note saved.') : 'Cleared.');
  };
  const add = async (e: Event, c: { id: string; title: string }) => {
    if (!actions || !trusted(e)) return;
    const answer = await actions.addToCase(c.id, e, e.currentTarget as Element);
    if (!answer.ok) return say(answer.message, true);
    setCases(null);
    say(`Added “${a.exact}” to ${c.title}, with this article as its source. To undo it, open Casefile from the toolbar.`);
  };
  const canAdd = !!actions && !a.entity && (a.kind === 'person' || a.kind === 'organization' || a.kind === 'place');
  const sitesWhere = (test: (o: Annotation['others'][number]) => boolean) => new Set(a.others.filter(test).map((o) => o.site)).size;
  const disagree = sitesWhere((o) => o.value !== a.value);
  const agreeWithCase = sitesWhere((o) => o.agreesWithCase);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <div
      ref={ref}
      class={`card verdict-${a.verdict}`}
      role="dialog"
      aria-label="Casefile claim"
      tabIndex={-1}
      popover="manual"
      style={{ top: `${at.top}px`, left: `${at.left}px` }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <span class="kind">{KIND_LABEL[a.kind]}</span>
        <span class={`badge ${a.verdict}`}>{VERDICT_LABEL[a.verdict]}</span>
        <button class="close" aria-label="Close" onClick={onClose}>×</button>
      </header>
      <p class="quote">“<Safe text={a.exact} />”</p>
      {a.entityName && <p class="entity"><Safe text={a.entityName} /></p>}
      {a.claim && <p class="claim"><Safe text={a.claim} /></p>}
      {a.kind === 'date' && a.value && <p class="value">Read as <b>{readable(a.value)}</b> ({a.granularity})</p>}
      {a.expected && (
        <p class="expected">
          {a.verdict === 'conflict' ? 'The case says: ' : 'The case records: '}
          <b><Safe text={readable(a.expected, a)} /></b>
        </p>
      )}
      {a.explanation && <p class="explanation"><Safe text={a.explanation} /></p>}
      {a.caseTitle && a.verdict !== 'unknown' && <p class="case">Case: <Safe text={a.caseTitle} /></p>}
      {a.sources.length > 0 && (
        <section>
          <h3>Sources ({a.sources.length})</h3>
          <ul class="sources">
            {a.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer"><Safe text={s.title} /></a>
                <span class="meta"><Safe text={s.publisher} />{s.published ? ` · ${readable(s.published)}` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {a.others.length > 0 && (
        <section>
          <h3>Other articles you read</h3>
          <p class="others-summary">
            {plural(disagree, 'site says', 'sites say')} something else; {plural(agreeWithCase, 'site agrees', 'sites agree')} with the case.
          </p>
          <ul class="sources">
            {a.others.map((o) => (
              <li key={o.site + o.value}>
                <span class="site"><Safe text={o.site} /></span> · <Safe text={o.title} />
                <span class="meta">says <Safe text={readable(o.value, a)} />{o.agreesWithCase ? ' (agrees with the case)' : ' (disagrees with the case)'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {actions && (
        <section class="actions" aria-label="Your reading">
          {decision?.verdict && <p class={`decision ${decision.verdict}`}>{decision.verdict === 'wrong' ? 'You marked the checker wrong here.' : 'You confirmed this flag.'}</p>}
          {decision?.note && !noting && <p class="note">Your note: <Safe text={decision.note} /></p>}
          <div class="buttons">
            {a.verdict !== 'unknown' && (
              <>
                <button aria-pressed={decision?.verdict === 'wrong'} onClick={(e) => decide(e, decision?.verdict === 'wrong' ? null : 'wrong')}>Checker is wrong</button>
                <button aria-pressed={decision?.verdict === 'confirmed'} onClick={(e) => decide(e, decision?.verdict === 'confirmed' ? null : 'confirmed')}>Confirm</button>
              </>
            )}
            <button onClick={(e) => trusted(e) && setNoting(!noting)}>{decision?.note ? 'Edit note' : 'Add note'}</button>
            {canAdd && <button onClick={async (e) => { if (trusted(e)) setCases(await actions.cases()); }}>Add to case…</button>}
          </div>
          {noting && (
            <div class="noting">
              <textarea aria-label="Note" value={note} maxLength={10000} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
              <button type="button" onClick={(e) => decide(e, decision?.verdict ?? null, note)}>Save note</button>
            </div>
          )}
          {cases && (
            <div class="add" role="group" aria-label="Add to a case">
              {cases.length === 0 && <p>No case is used on this site.</p>}
              {cases.length > 0 && <p>Add “<Safe text={a.exact} />” as a {KIND_LABEL[a.kind].toLowerCase()} to:</p>}
              {cases.map((c) => (
                <button key={c.id} onClick={(e) => add(e, c)}><Safe text={c.title} /></button>
              ))}
              <button class="cancel" onClick={(e) => trusted(e) && setCases(null)}>Cancel</button>
            </div>
          )}
          {message && <p class={`message${refused ? ' refused' : ''}`} role="status">{message}</p>}
        </section>
      )}
    </div>
  );
}

/** The card's styles, injected into its shadow root only. */
export const CLAIM_CARD_CSS = `
:host{all:initial}
.card{position:fixed;inset:auto;margin:0;z-index:2147483647;width:360px;max-height:70vh;overflow:auto;box-sizing:border-box;padding:14px 16px;background:#fff;color:#1b1b1b;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;border:0;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.25);border-top:4px solid #9e9e9e;outline:none}
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
.buttons button,.add button{font:inherit;font-size:13px;padding:4px 10px;border:1px solid #bbb;border-radius:6px;background:#fafafa;cursor:pointer;color:#1b1b1b}
.buttons button[aria-pressed=true]{background:#263238;color:#fff;border-color:#263238}
textarea{display:block;width:100%;box-sizing:border-box;min-height:60px;margin:6px 0;font:inherit}
.add{display:flex;flex-direction:column;gap:4px;margin-top:6px}
.decision{margin:4px 0;font-weight:600}.decision.wrong{color:#616161}.decision.confirmed{color:#b71c1c}
.note{margin:4px 0;color:#333;white-space:pre-wrap}
.message{margin:6px 0 0;color:#1b5e20;font-size:13px}.message.refused{color:#b71c1c}
.site{font-weight:600}
.noting button{font:inherit;font-size:13px;padding:4px 10px;border:1px solid #bbb;border-radius:6px;background:#fafafa;cursor:pointer;color:#1b1b1b}
`;
