/**
 * The claim card and the keyboard, in Chromium with the built extension, at 1280×900: the
 * card opens beside its claim and never over it, whole within the window, for each flag near
 * the top, the middle and the bottom; it follows its claim as the page scrolls and closes when
 * the claim leaves; it shows the claim's sentence and copies a citation in plain text and
 * Markdown. Every highlight is reached with Tab; the next/previous-flag shortcut (the
 * background's own command handler, called as the browser calls it) moves between flags; the
 * card holds the focus while open and gives it back to the claim on Esc. The card's inside is
 * read through the DevTools protocol (its shadow root is closed to the page).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchWithExtension, tabIdOf, tabState, type ExtensionBrowser } from '../../scripts/lib/browser';
import { cardText, clickInCard, inCard } from '../../scripts/lib/card';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { SEEDS_DIR } from '../helpers/seeds';

const SEED = '000_ed7fe8675b0af3e5.html';
const VIEW = { width: 1280, height: 900 };
let browser: ExtensionBrowser;
let served: Served;

beforeAll(async () => {
  served = await serveFiles([resolve(SEEDS_DIR, SEED), resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html')]);
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Box { left: number; top: number; right: number; bottom: number }

/** A fresh, checked visit of a seed (its own URL each time), and its flags in reading order. */
async function visit(name: string, seed = SEED): Promise<{ page: Page; flags: string[] }> {
  const url = `${served.urlOf(resolve(SEEDS_DIR, seed))}?${name}`;
  const { page, article } = await checkPage(browser, url);
  expect(article).not.toBeNull();
  await page.setViewportSize(VIEW);
  await page.bringToFront();
  await expect.poll(async () => (await tabState(browser, url))?.status).toBe('checked');
  const state = (await tabState(browser, url))!;
  return { page, flags: state.annotations.filter((a) => a.verdict === 'conflict').sort((a, b) => a.start - b.start).map((a) => a.exact) };
}

/** The boxes of a claim's words on the page (one per line), found as text, not through the marks. */
const claimBoxes = (page: Page, exact: string) => page.evaluate((text) => {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const all = nodes.map((n) => n.data).join('');
  const at = all.indexOf(text);
  const range = document.createRange();
  let offset = 0;
  for (const n of nodes) {
    if (offset <= at && at < offset + n.length) range.setStart(n, at - offset);
    if (offset < at + text.length && at + text.length <= offset + n.length) range.setEnd(n, at + text.length - offset);
    offset += n.length;
  }
  return [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
}, exact);

/** The open card's box and its buttons' boxes, in the window. */
const cardBoxes = (page: Page) => inCard<{ card: Box; buttons: { name: string; box: Box }[] }>(page, `function () {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  return { card: box(this.querySelector('.card')), buttons: [...this.querySelectorAll('button')].map((b) => ({ name: b.textContent.trim(), box: box(b) })) };
}`);

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inWindow = (b: Box) => b.left >= 0 && b.top >= 0 && b.right <= VIEW.width && b.bottom <= VIEW.height;

/** The mark whose words are the claim's (the outermost one: a flag can hold names). */
const markOf = (page: Page, exact: string) => page.evaluateHandle((text) => [...document.querySelectorAll('casefile-mark')].find((m) => m.textContent === text)!, exact);

async function openCardOf(page: Page, exact: string, block: ScrollLogicalPosition): Promise<void> {
  const mark = await markOf(page, exact);
  await mark.evaluate((el, b) => (el as Element).scrollIntoView({ block: b }), block);
  await mark.asElement()!.click();
  await expect.poll(() => cardText(page)).toContain(exact);
}

describe('the card', () => {
  it('opens beside its claim, never over it, whole in a 900 px window, with every button in view', async () => {
    const { page, flags } = await visit('placement');
    expect(flags).toEqual(['earlier this year', 'filed in federal court', 'may refile']);
    for (const flag of flags) {
      for (const block of ['start', 'center', 'end'] as const) {
        await openCardOf(page, flag, block);
        const { card, buttons } = (await cardBoxes(page))!;
        const claim = await claimBoxes(page, flag);
        expect(claim.length).toBeGreaterThan(0);
        for (const line of claim) expect(overlap(card, line), `${flag} (${block}): the card covers the claim`).toBe(false);
        expect(inWindow(card), `${flag} (${block}): the card runs out of the window ${JSON.stringify(card)}`).toBe(true);
        expect(buttons.map((b) => b.name)).toEqual(expect.arrayContaining(['Confirm', 'Copy citation']));
        for (const b of buttons) expect(inWindow(b.box) && b.box.bottom <= card.bottom + 0.5, `${flag} (${block}): “${b.name}” is out of view`).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('casefile-card').count()).toBe(0);
      }
    }
    await page.close();
  });

  it('follows its claim as the page scrolls, and closes when the claim leaves the window', async () => {
    const { page } = await visit('scroll');
    // The claim a little below the top: its card opens below it.
    await openCardOf(page, 'filed in federal court', 'start');
    await page.evaluate(() => scrollBy(0, -250));
    await expect.poll(async () => (await cardBoxes(page))!.card.top - (await claimBoxes(page, 'filed in federal court')).at(-1)!.bottom).toBe(8);
    const before = (await cardBoxes(page))!.card;
    const claimBefore = (await claimBoxes(page, 'filed in federal court'))[0];
    await page.mouse.move(640, 20);
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await claimBoxes(page, 'filed in federal court'))[0].top).toBeLessThan(claimBefore.top - 60);
    await expect.poll(async () => Math.round((await cardBoxes(page))!.card.top - before.top)).toBe(Math.round((await claimBoxes(page, 'filed in federal court'))[0].top - claimBefore.top));
    const after = (await cardBoxes(page))!.card;
    for (const line of await claimBoxes(page, 'filed in federal court')) expect(overlap(after, line)).toBe(false);
    expect(inWindow(after)).toBe(true);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => page.locator('casefile-card').count()).toBe(0);
    await page.close();
  });

  it('shows the claim in its sentence and copies a citation, in plain text and in Markdown', async () => {
    const { page } = await visit('citation');
    await openCardOf(page, 'filed in federal court', 'center');
    expect(await cardText(page)).toContain('The lawsuit, filed in federal court, specifically targets Special Prosecutor Andrea Reeb and District Attorney Mary Carmack-Altwies.');
    await clickInCard(page, 'Copy citation');
    await expect.poll(() => cardText(page)).toContain('Citation copied.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^“filed in federal court” — .+: conflicts with the case \(Casefile\)\.$/m);
    expect(text).toContain('In its sentence: “The lawsuit, filed in federal court, specifically targets');
    expect(text).toMatch(/^The case “.+” says: First Judicial District Court/m);
    expect(text).toMatch(/^Sources:\n- .+ \([A-Z][a-z]+ \d+, \d{4}\): https?:\/\//m);
    expect(text).toContain(`Read in: Alec Baldwin Sues New Mexico Prosecutors Over Dismissed ‘Rust’ Case, FusePop, published January 15, 2025: ${page.url()}`);
    await clickInCard(page, 'Copy as Markdown');
    await expect.poll(() => cardText(page)).toContain('Citation copied as Markdown.');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain('> The lawsuit, **filed in federal court**, specifically targets');
    expect(md).toMatch(/^- \[.+\]\(https?:\/\/[^)\s]+\)/m);
    expect(md).toContain('*conflicts with the case*');
    await page.close();
  });
});

describe('the keyboard', () => {
  it('reaches every highlight with Tab, not only the flags', async () => {
    const { page } = await visit('tab', '003_d2d70b7a6efd8930.html');
    const state = (await tabState(browser, page.url()))!;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<number>();
    for (let i = 0; i < 400 && reached.size < state.annotations.length; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => [...document.querySelectorAll('casefile-mark')].indexOf(document.activeElement as Element));
      if (at >= 0) reached.add(at);
    }
    expect(reached.size).toBe(state.annotations.length);
    expect(state.annotations.filter((a) => a.verdict !== 'conflict').length).toBeGreaterThan(20);
    await page.close();
  });

  it('goes to the next and previous flag with the shortcut, round from the end', async () => {
    const { page, flags } = await visit('shortcut');
    expect(flags.length).toBe(3);
    const tabId = await tabIdOf(browser, page.url());
    expect(tabId).not.toBeNull();
    // The background's own handler, as Chrome calls it when the keys are pressed.
    const press = (command: string) => browser.worker.evaluate(([c, id]) => (globalThis as any).chrome.commands.onCommand.dispatch(c, { id, windowId: 1 }), [command, tabId] as const);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      if (el?.localName !== 'casefile-mark') return null;
      const r = el.getBoundingClientRect();
      return { text: el.textContent, inView: r.top >= 0 && r.bottom <= innerHeight };
    });
    for (const expected of [flags[0], flags[1], flags[2], flags[0]]) {
      await press('next-flag');
      await expect.poll(focused).toEqual({ text: expected, inView: true });
    }
    await press('previous-flag');
    await expect.poll(focused).toEqual({ text: flags[2], inView: true });
    await press('previous-flag');
    await expect.poll(focused).toEqual({ text: flags[1], inView: true });
    await page.close();
  });

  it('holds the focus in the open card, which is a modal dialog named for its claim, and gives it back on Esc', async () => {
    const { page } = await visit('trap');
    const mark = await markOf(page, 'filed in federal court');
    await mark.evaluate((el) => (el as Element).scrollIntoView({ block: 'center' }));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent === 'filed in federal court')) break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).toContain('filed in federal court');
    const dialog = await inCard<{ role: string; modal: string; name: string }>(page, `function () {
      const d = this.querySelector('.card');
      return { role: d.getAttribute('role'), modal: d.getAttribute('aria-modal'), name: d.getAttribute('aria-label') };
    }`);
    expect(dialog).toEqual({ role: 'dialog', modal: 'true', name: expect.stringMatching(/^Casefile: court of .+ — conflicts with the case$/) });
    const inside = () => page.evaluate(() => document.activeElement?.localName);
    const control = () => inCard<string>(page, 'function () { return this.activeElement ? this.activeElement.getAttribute("aria-label") || this.activeElement.textContent.trim() : null; }');
    const seen = new Set<string | null>();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe('casefile-card');
      seen.add(await control());
    }
    // Round the card's controls: the close button, the decisions, the note, the citations, the sources' links.
    expect([...seen]).toEqual(expect.arrayContaining(['Close', 'Checker is wrong', 'Confirm', 'Add note', 'Copy citation', 'Copy as Markdown']));
    expect(seen.has(null)).toBe(false);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe('casefile-card');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('casefile-card').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.localName === 'casefile-mark' && document.activeElement.textContent)).toBe('filed in federal court');
    await page.close();
  });
});
