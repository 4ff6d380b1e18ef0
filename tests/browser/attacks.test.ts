/**
 * The attacks of issue 12 that need a browser: hostile page scripts against the built
 * extension in Chromium, on a seed page served on 127.0.0.1. Each failed on the code before
 * the fix (e22c249). 1: a page clicking every highlight and reading the cards and marks;
 * 4: clickjacking the card; 7: a forged WXT "content-script-started" event. The reader's own
 * clicks are real mouse clicks where the card's buttons are drawn.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBackground, checkPage, launchWithExtension, openPopupFor, tabState, type ExtensionBrowser } from '../../scripts/lib/browser';
import { cardText, clickInCard, controlAt } from '../../scripts/lib/card';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { SEEDS_DIR } from '../helpers/seeds';

const SEED = resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html');
const FLAG = 'June 16, 2025';

let browser: ExtensionBrowser;
let served: Served;

beforeAll(async () => {
  served = await serveFiles([SEED]);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** A fresh visit of the seed page (its own URL, so each test starts from a first reading). */
async function visit(name: string): Promise<Page> {
  const { page, article } = await checkPage(browser, `${served.urlOf(SEED)}?${name}`);
  expect(article).not.toBeNull();
  return page;
}

const decisions = async (): Promise<unknown[]> => {
  const answer = await askBackground(browser, { type: 'export-backup' });
  if (!answer.ok) throw new Error(answer.message);
  return answer.value.backup.decisions;
};

const flagOf = (page: Page) => page.locator('casefile-mark', { hasText: FLAG }).first();

/** Bring the flag near the top of the window, so its card opens whole below it. */
const flagToTop = (page: Page) => flagOf(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));

/** The reader opens the flag's card with their own click, and takes a moment to read it. */
async function openCard(page: Page): Promise<void> {
  await flagToTop(page);
  await flagOf(page).click();
  await expect.poll(() => cardText(page)).toContain(FLAG);
  await page.waitForTimeout(800);
}

describe('1. a page cannot harvest what the reader follows', () => {
  it('opens no card for a page\'s scripted clicks or key presses, and marks say nothing', async () => {
    const page = await visit('harvest');
    const seen = await page.evaluate(async () => {
      const marks = [...document.querySelectorAll('casefile-mark')] as HTMLElement[];
      const cards: string[] = [];
      // (Marks inside links are left alone: a scripted click there follows the page's own link.)
      for (const mark of marks.filter((m) => !m.closest('a')).slice(0, 40)) {
        mark.click();
        mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        await new Promise((r) => setTimeout(r, 20));
        for (const card of document.querySelectorAll('casefile-card')) cards.push(card.shadowRoot?.textContent ?? '(closed)');
      }
      const attributes = marks.flatMap((m) => [...m.attributes].map((a) => `${a.name}=${a.value}`));
      return { marks: marks.length, cards, attributes };
    });
    expect(seen.marks).toBeGreaterThan(10);
    expect(seen.cards).toEqual([]);
    expect(seen.attributes).toEqual([]);
    await page.close();
  });

  it('keeps the card the reader opened closed to the page', async () => {
    const page = await visit('closed');
    await openCard(page);
    expect(await page.evaluate(() => document.querySelector('casefile-card')?.shadowRoot ?? null)).toBeNull();
    // The browser's own tools still see it (that is how this test reads it).
    expect(await cardText(page)).toContain('The case says');
    await page.close();
  });
});

describe('4. a write needs the reader, on a card they can see', () => {
  it('writes nothing through a card a page opened by script, whatever the reader clicks', async () => {
    const page = await visit('scripted');
    const before = (await decisions()).length;
    await flagToTop(page);
    await page.evaluate((text) => {
      const mark = [...document.querySelectorAll('casefile-mark')].find((m) => m.textContent === text) as HTMLElement;
      mark.click();
    }, FLAG);
    await page.waitForTimeout(800);
    await page.evaluate(() => {
      const veil = document.createElement('div');
      veil.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff';
      veil.textContent = 'Click the two buttons to claim your prize';
      document.body.appendChild(veil);
    });
    for (const name of ['Checker is wrong', 'Confirm']) if (await controlAt(page, name)) await clickInCard(page, name);
    await page.waitForTimeout(500);
    expect((await decisions()).length).toBe(before);
    await page.close();
  });

  it('shows the reader\'s card above a page\'s overlay, so what they click is what they see', async () => {
    const page = await visit('overlay');
    const before = (await decisions()).length;
    await openCard(page);
    await page.evaluate(() => {
      const veil = document.createElement('div');
      veil.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:rgb(255,0,255)';
      document.body.appendChild(veil);
    });
    await page.waitForTimeout(400);
    const at = (await controlAt(page, 'Checker is wrong'))!;
    // What the reader sees where they click: the card's button, or the page's magenta veil.
    const pixel = await page.screenshot({ clip: { x: at.x - 1, y: at.y - 1, width: 2, height: 2 } });
    const covered = await page.evaluate(async (png) => {
      const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(2, 2);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return r > 200 && g < 80 && b > 200;
    }, pixel.toString('base64'));
    await clickInCard(page, 'Checker is wrong');
    await page.waitForTimeout(500);
    const wrote = (await decisions()).length > before;
    // A write may land only where the reader could see the card.
    expect({ covered, wrote }).toEqual({ covered: false, wrote: true });
    await page.close();
  });

  it('writes nothing when the page puts its own layer over the card and lets clicks through', async () => {
    const page = await visit('top-layer');
    const before = (await decisions()).length;
    await openCard(page);
    await page.evaluate(() => {
      // A popover of the page's own, opened after the card: above it in the top layer; clicks go through it.
      const veil = document.createElement('div');
      veil.popover = 'manual';
      veil.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;padding:0;border:0;pointer-events:none;background:#fff';
      veil.textContent = 'Win a prize: click twice';
      document.body.appendChild(veil);
      veil.showPopover();
    });
    await page.waitForTimeout(400);
    await clickInCard(page, 'Checker is wrong');
    await page.waitForTimeout(500);
    expect((await decisions()).length).toBe(before);
    await page.close();
  });

  it('adds a name to a case after one question, and the popup takes it back', async () => {
    const url = `${served.urlOf(SEED)}?add`;
    const page = await visit('add');
    const state = (await tabState(browser, url))!;
    const unknown = state.annotations.find((a) => !a.entity && a.kind === 'person' && !state.annotations.some((b) => b !== a && b.start <= a.start && b.end >= a.end))!;
    expect(unknown).toBeDefined();
    await page.locator('casefile-mark', { hasText: unknown.exact }).first().click();
    await expect.poll(() => cardText(page)).toContain('Add to case…');
    await page.waitForTimeout(800);
    await clickInCard(page, 'Add to case…');
    await expect.poll(() => cardText(page)).toContain(`Add “${unknown.exact}” as a person to:`);
    await clickInCard(page, 'The \'Rust\' shooting and the cases that followed');
    await expect.poll(() => cardText(page)).toContain(`Added “${unknown.exact}”`);
    const people = async () => {
      const answer = await askBackground(browser, { type: 'get-case-file', id: 'rust-shooting' });
      return answer.ok ? answer.value.case.people.map((p: { name: string }) => p.name) : [];
    };
    expect(await people()).toContain(unknown.exact);

    await page.bringToFront();
    const popup = await openPopupFor(browser);
    const added = popup.locator('.additions li', { hasText: unknown.exact });
    await expect.poll(() => added.count()).toBe(1);
    await added.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => popup.locator('.additions [role=status]').textContent()).toContain(`Removed “${unknown.exact}”`);
    expect(await people()).not.toContain(unknown.exact);
    await popup.close();
    await page.close();
  });
});

describe('7. a forged WXT "content-script-started" event', () => {
  it('does not stop the card', async () => {
    const page = await visit('forged');
    await page.evaluate((id) => {
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    }, browser.extensionId);
    await flagOf(page).click();
    await expect.poll(() => cardText(page), { timeout: 3000 }).toContain(FLAG);
    await page.close();
  });
});
