/**
 * The card shown when a highlight is clicked: the claim as written and in its sentence, what
 * the case says, its sources, other articles the reader stayed on that say something else
 * (by site and title only), and "Copy citation". Rendered in a closed Shadow DOM by the
 * content script, in the browser's top layer, so the page's scripts cannot read it and its
 * CSS cannot restyle or cover it. It sits beside the claim, never over it, whole within the
 * window (`lib/show/placement.ts`), and follows the claim as the page scrolls; its buttons
 * stay in view however long it is. A modal dialog for the keyboard: Tab stays inside it, Esc
 * closes it and gives the focus back to the claim.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { citationMarkdown, citationText, type CitedPage } from '../lib/export/citation';
import { cardName } from '../lib/show/words';
import { inView, placeCard } from '../lib/show/placement';
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

/** The claim's sentence in the article, with where the claim's words sit in it. */
export interface ClaimSentence {
  text: string;
  start: number;
  end: number;
}

export interface ClaimCardProps {
  annotation: Annotation;
  /** The claim's boxes in the window now (one per line it spans): the card goes beside them. */
  anchor?: () => DOMRect[];
  /** The claim's sentence, when the article's text is known. */
  sentence?: ClaimSentence | null;
  /** The article the claim is in, for citations. */
  page?: CitedPage;
  onClose: () => void;
  /** The claim left the window (the page scrolled): the card closes, leaving the focus where it is. */
  onGone?: () => void;
  actions?: ClaimCardActions;
  /** The card's element, once shown (the content script watches its visibility). */
  onShown?: (card: HTMLElement) => void;
  /** Write text to the clipboard (the reader's click on "Copy citation"). */
  copy?: (text: string) => Promise<void>;
}

/** The most of the window's height a card takes before its body scrolls (never less than MIN_TALL px). */
const TALL = 0.62;
const MIN_TALL = 320;

/** What can take the keyboard focus inside the card, in order. */
const FOCUSABLE = 'button, a[href], textarea, input, select, [tabindex]:not([tabindex="-1"])';

/** Only a real person's click or key press acts: a page's scripts must not decide for the reader. */
const trusted = (e: Event) => e.isTrusted;

export function ClaimCard({ annotation: a, anchor, sentence, page, onClose, onGone, actions, onShown, copy }: ClaimCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const place = useRef<() => void>(() => undefined);
  const [decision, setDecision] = useState<Decision | null>(a.decision ?? null);
  const [note, setNote] = useState(a.decision?.note ?? '');
  const [noting, setNoting] = useState(false);
  const [cases, setCases] = useState<{ id: string; title: string }[] | null>(null);
  const [message, setMessage] = useState('');
  const [refused, setRefused] = useState(false);
  useLayoutEffect(() => {
    const card = ref.current;
    const view = card?.ownerDocument.defaultView;
    if (!card || !view) return;
    // The top layer: above anything the page draws, whatever its z-index.
    try {
      (card as HTMLElement & { showPopover?: () => void }).showPopover?.();
    } catch {
      // Not in a document yet, or no top layer in this browser: the card still shows, at the top z-index.
    }
    let frame = 0;
    let placed = false;
    // Beside the claim, never over it, whole in the window (its body scrolls when space is short).
    place.current = () => {
      frame = 0;
      const rects = anchor?.() ?? [];
      const window = { width: view.document.documentElement.clientWidth || view.innerWidth, height: view.document.documentElement.clientHeight || view.innerHeight };
      if (placed && !inView(rects, window)) return onGone?.();
      card.style.maxHeight = 'none';
      card.style.maxWidth = 'none';
      // A long card is kept to about two thirds of the window (its body scrolls), so it can sit below or above its claim and move with it.
      const height = Math.min(card.offsetHeight, Math.max(MIN_TALL, Math.round(window.height * TALL)));
      const at = placeCard(rects, { width: card.offsetWidth, height }, window);
      Object.assign(card.style, { top: `${at.top}px`, left: `${at.left}px`, maxHeight: `${at.maxHeight}px`, maxWidth: `${at.maxWidth}px` });
      card.dataset.side = at.side;
      placed = true;
    };
    place.current();
    const follow = () => {
      if (!frame) frame = view.requestAnimationFrame(() => place.current());
    };
    const listen = { capture: true, passive: true };
    view.addEventListener('scroll', follow, listen);
    view.addEventListener('resize', follow, listen);
    card.focus();
    onShown?.(card);
    return () => {
      view.removeEventListener('scroll', follow, listen);
      view.removeEventListener('resize', follow, listen);
      if (frame) view.cancelAnimationFrame(frame);
    };
  }, [a.id]);
  // What the card holds changes its size: placed again.
  useLayoutEffect(() => place.current(), [noting, cases, message, decision]);
  /** Tab and Shift+Tab go round the card's controls; Esc closes it. */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const card = ref.current;
    if (!card) return;
    e.preventDefault();
    const controls = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    if (!controls.length) return card.focus();
    const active = (card.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
    const at = active ? controls.indexOf(active) : -1;
    const next = e.shiftKey ? (at <= 0 ? controls.length - 1 : at - 1) : at < 0 || at === controls.length - 1 ? 0 : at + 1;
    controls[next].focus();
  };
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
  const copyCitation = async (e: Event, markdown: boolean) => {
    if (!trusted(e)) return;
    const where = page ?? { url: location.href, title: document.title, site: null, published: null };
    const text = markdown ? citationMarkdown(a, sentence?.text ?? null, where) : citationText(a, sentence?.text ?? null, where);
    try {
      await (copy ?? ((t: string) => navigator.clipboard.writeText(t)))(text);
      say(markdown ? 'Citation copied as Markdown.' : 'Citation copied.');
    } catch (error) {
      say(`Not copied: ${String((error as Error)?.message ?? error)}`, true);
    }
  };
  const canAdd = !!actions && !a.entity && (a.kind === 'person' || a.kind === 'organization' || a.kind === 'place');
  const sitesWhere = (test: (o: Annotation['others'][number]) => boolean) => new Set(a.others.filter(test).map((o) => o.site)).size;
  const disagree = sitesWhere((o) => o.value !== a.value);
  const agreeWithCase = sitesWhere((o) => o.agreesWithCase);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const inSentence = sentence && sentence.start >= 0 && sentence.end <= sentence.text.length && sentence.start < sentence.end;
  return (
    <div
      ref={ref}
      class={`card verdict-${a.verdict}`}
      role="dialog"
      aria-modal="true"
      aria-label={cardName(a)}
      tabIndex={-1}
      popover="manual"
      onKeyDown={onKeyDown}
    >
      <header>
        <span class="kind">{KIND_LABEL[a.kind]}</span>
        <span class={`badge ${a.verdict}`}>{VERDICT_LABEL[a.verdict]}</span>
        <button class="close" aria-label="Close" onClick={onClose}>×</button>
      </header>
      <div class="body">
        <p class="quote">“<Safe text={a.exact} />”</p>
        {inSentence && (
          <blockquote class="sentence" aria-label="In its sentence">
            <Safe text={sentence.text.slice(0, sentence.start)} /><mark><Safe text={sentence.text.slice(sentence.start, sentence.end)} /></mark><Safe text={sentence.text.slice(sentence.end)} />
          </blockquote>
        )}
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
        {decision?.verdict && <p class={`decision ${decision.verdict}`}>{decision.verdict === 'wrong' ? 'You marked the checker wrong here.' : 'You confirmed this flag.'}</p>}
        {decision?.note && !noting && <p class="note">Your note: <Safe text={decision.note} /></p>}
      </div>
      <footer class="actions" aria-label="Your reading">
        <div class="buttons">
          {actions && a.verdict !== 'unknown' && (
            <>
              <button aria-pressed={decision?.verdict === 'wrong'} onClick={(e) => decide(e, decision?.verdict === 'wrong' ? null : 'wrong')}>Checker is wrong</button>
              <button aria-pressed={decision?.verdict === 'confirmed'} onClick={(e) => decide(e, decision?.verdict === 'confirmed' ? null : 'confirmed')}>Confirm</button>
            </>
          )}
          {actions && <button onClick={(e) => trusted(e) && setNoting(!noting)}>{decision?.note ? 'Edit note' : 'Add note'}</button>}
          {canAdd && <button onClick={async (e) => { if (trusted(e)) setCases(await actions.cases()); }}>Add to case…</button>}
        </div>
        <div class="buttons copy">
          <button onClick={(e) => copyCitation(e, false)}>Copy citation</button>
          <button onClick={(e) => copyCitation(e, true)}>Copy as Markdown</button>
        </div>
        {noting && actions && (
          <div class="noting">
            <textarea aria-label="Note" value={note} maxLength={10000} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
            <button type="button" onClick={(e) => decide(e, decision?.verdict ?? null, note)}>Save note</button>
          </div>
        )}
        {cases && actions && (
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
      </footer>
    </div>
  );
}

/** The card's styles, injected into its shadow root only. */
export const CLAIM_CARD_CSS = `
:host{all:initial}
.card{position:fixed;inset:auto;margin:0;z-index:2147483647;width:360px;display:flex;flex-direction:column;overflow:hidden;box-sizing:border-box;padding:0;background:#fff;color:#1b1b1b;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;border:0;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.25);border-top:4px solid #9e9e9e;outline:none}
.card.verdict-conflict{border-top-color:#c62828}.card.verdict-consistent{border-top-color:#2e7d32}
.card:focus-visible{outline:2px solid #1565c0;outline-offset:2px}
header{display:flex;align-items:center;gap:8px;padding:10px 16px 4px;flex:none}
.body{padding:0 16px 8px;overflow:auto;flex:1 1 auto;min-height:0}
.kind{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#555}
.badge{font-size:12px;padding:2px 8px;border-radius:99px;background:#eee}
.badge.conflict{background:#ffebee;color:#b71c1c}.badge.consistent{background:#e8f5e9;color:#1b5e20}
.close{margin-left:auto;border:0;background:none;font-size:20px;cursor:pointer;color:#555;line-height:1}
.quote{font-size:16px;font-weight:600;margin:4px 0}
.sentence{margin:6px 0;padding:4px 0 4px 10px;border-left:3px solid #cfd8dc;color:#333;font-style:normal}
.sentence mark{background:#fff3c4;color:inherit;font-weight:600;border-radius:2px}
.verdict-conflict .sentence mark{background:#ffcdd2}
.entity,.claim,.value{margin:2px 0;color:#333}
.expected{margin:8px 0 4px;padding:6px 8px;background:#f5f5f5;border-radius:6px}
.explanation{color:#444;margin:4px 0}
h3{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#555;margin:10px 0 4px}
.sources{list-style:none;padding:0;margin:0}.sources li{margin:4px 0}
.sources a{color:#0d47a1;text-decoration:none}.sources a:hover{text-decoration:underline}
.meta{display:block;font-size:12px;color:#666}
.others-summary{margin:2px 0;color:#333}
.case{margin:2px 0;font-size:12px;color:#555}
.actions{flex:none;border-top:1px solid #eee;padding:8px 16px 10px;background:#fff;max-height:50%;overflow:auto}
.buttons{display:flex;flex-wrap:wrap;gap:6px}
.buttons.copy{margin-top:6px}
.buttons button,.add button,.noting button{font:inherit;font-size:13px;padding:4px 10px;border:1px solid #bbb;border-radius:6px;background:#fafafa;cursor:pointer;color:#1b1b1b}
button:focus-visible{outline:2px solid #1565c0;outline-offset:1px}
.buttons button[aria-pressed=true]{background:#263238;color:#fff;border-color:#263238}
textarea{display:block;width:100%;box-sizing:border-box;min-height:60px;margin:6px 0;font:inherit}
.add{display:flex;flex-direction:column;gap:4px;margin-top:6px}
.decision{margin:4px 0;font-weight:600}.decision.wrong{color:#616161}.decision.confirmed{color:#b71c1c}
.note{margin:4px 0;color:#333;white-space:pre-wrap}
.message{margin:6px 0 0;color:#1b5e20;font-size:13px}.message.refused{color:#b71c1c}
.site{font-weight:600}
`;
