/**
 * The claim card as a person meets it, for tests and screenshots: its shadow root is closed,
 * so no page script (nor Playwright's locators) can read it; the DevTools protocol still sees
 * it, as the browser's own tools do. Clicks go to where its buttons are drawn, as the
 * reader's mouse would (trusted events, subject to the card's write guard).
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode { nodeName: string; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[] }

function find(node: DomNode, name: string): DomNode | null {
  if (node.nodeName === name) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = find(child, name);
    if (hit) return hit;
  }
  return null;
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdpOf(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

function findAll(node: DomNode, name: string, out: DomNode[] = []): DomNode[] {
  if (node.nodeName === name) out.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findAll(child, name, out);
  return out;
}

/** Run a function with `this` bound to a node the page cannot reach (inside a closed shadow root). */
async function callOn<T>(cdp: CDPSession, backendNodeId: number, fn: string, args: unknown[]): Promise<T> {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!, functionDeclaration: fn, arguments: args.map((value) => ({ value })), returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`in a closed root: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}

/**
 * Each highlight's look as drawn (computed styles of the element inside the mark's closed
 * root), with the mark's text, in document order: what the reader sees, which no page script
 * can read.
 */
export async function markLooks(page: Page, properties: string[]): Promise<{ text: string; style: Record<string, string> }[]> {
  const cdp = await cdpOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const looks: { text: string; style: Record<string, string> }[] = [];
  for (const mark of findAll(root, 'CASEFILE-MARK')) {
    const look = mark.shadowRoots?.[0]?.children?.find((c) => c.nodeName === 'SPAN');
    if (!look) continue;
    looks.push(await callOn(cdp, look.backendNodeId, `function (props) {
      const cs = getComputedStyle(this);
      return { text: this.getRootNode().host.textContent, style: Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) };
    }`, [properties]));
  }
  return looks;
}

/** Run a function with `this` bound to the open card's shadow root; null when no card is open. */
export async function inCard<T>(page: Page, fn: string, ...args: unknown[]): Promise<T | null> {
  const cdp = await cdpOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = find(root, 'CASEFILE-CARD');
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  return callOn<T>(cdp, shadow.backendNodeId, fn, args);
}

/** The open card's text, or null. */
export const cardText = (page: Page) => inCard<string>(page, 'function () { return this.textContent; }');

/** Where a control of the open card is drawn (by its text or label), in viewport pixels. */
export const controlAt = (page: Page, name: string) => inCard<{ x: number; y: number } | null>(page, `function (name) {
  const el = [...this.querySelectorAll('button, textarea')].find((b) => b.textContent.trim() === name || b.getAttribute('aria-label') === name);
  if (!el) return null;
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}`, name);

/** Click a control of the open card as the reader would: the mouse where it is drawn. */
export async function clickInCard(page: Page, name: string): Promise<void> {
  const at = await controlAt(page, name);
  if (!at) throw new Error(`no "${name}" on the card`);
  await page.mouse.click(at.x, at.y);
}

/** Type into a field of the open card, as the reader would. */
export async function typeInCard(page: Page, label: string, text: string): Promise<void> {
  await clickInCard(page, label);
  await page.keyboard.type(text);
}

/**
 * Click a control of the open card that writes (a decision, a note), as a reader would: when
 * the card refuses (it had only just appeared — the write guard counts its half second from the
 * browser's visibility report, which comes late on a busy machine), click again. Resolves once
 * the card shows `shows`; throws after five refusals.
 */
export async function writeInCard(page: Page, name: string, shows: string): Promise<void> {
  for (let tries = 0; tries < 5; tries++) {
    await clickInCard(page, name);
    for (const started = Date.now(); Date.now() - started < 2000; await new Promise((r) => setTimeout(r, 100))) {
      const text = (await cardText(page)) ?? '';
      if (text.includes(shows)) return;
    }
    const text = (await cardText(page)) ?? '';
    if (!/nothing was changed|click again/.test(text)) throw new Error(`"${name}" did not lead to "${shows}" and was not refused: ${text.slice(-200)}`);
  }
  throw new Error(`"${name}" was refused five times`);
}
