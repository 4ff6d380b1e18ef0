/**
 * The data layer in the real extension: a case imported through the options page, a page
 * checked against it, a fact corrected in the editor and the verdict following, a flag
 * marked wrong on its card and still marked after a reload, and a backup carried into a
 * fresh browser profile with nothing lost.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBackground, checkPage, launchWithExtension, tabState, type ExtensionBrowser } from '../../scripts/lib/browser';
import { cardText, clickInCard, typeInCard } from '../../scripts/lib/card';
import { serveFiles, type Served } from '../../scripts/lib/serve';

const dir = mkdtempSync(join(tmpdir(), 'casefile-cases-'));
const CASE = {
  format: 'casefile/case', version: 1, id: 'harbor-bridge', title: 'The Harbor Bridge inquiry',
  people: [{ id: 'ana_ruiz', name: 'Ana Ruiz', aliases: ['Ruiz'], sources: ['s1'] }],
  organizations: [{ id: 'port_authority', name: 'Port Authority', sources: ['s1'] }],
  places: [], matters: [],
  events: [{ id: 'collapse', label: 'Collapse of the Harbor Bridge', date: '2024-03-05', granularity: 'day', participants: ['port_authority'], triggers: ['collapse', 'collapsed'], sources: ['s1'] }],
  facts: [],
  sources: [{ id: 's1', publisher: 'Harbor Gazette', title: 'Bridge collapses', url: 'https://gazette.example/bridge' }],
};
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inquiry opens into the Harbor Bridge collapse</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2024-06-10T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/city">City</a></nav><article><h1>Inquiry opens into the Harbor Bridge collapse</h1>
<p>The Harbor Bridge collapsed on March 9, 2024, the Port Authority said on Monday, as an inquiry into the disaster opened in the city.</p>
<p>Ana Ruiz, who chairs the inquiry, said the hearings would run through the summer and that engineers from three firms would give evidence about the state of the steel.</p>
<p>Ruiz said the inquiry would publish its findings before the end of the year. Families of the victims have asked for the hearings to be held in public, and the Port Authority has agreed to release its maintenance records.</p>
<p>The bridge carried forty thousand vehicles a day. Its replacement is expected to take at least four years, according to the city's transport department, which has opened two temporary ferry routes.</p>
</article><footer>Harbor Gazette</footer></body></html>`;

let served: Served;
let browser: ExtensionBrowser;
const profile = mkdtempSync(join(tmpdir(), 'casefile-profile-kept-'));
let backupFile = '';

beforeAll(async () => {
  writeFileSync(join(dir, 'harbor.html'), ARTICLE);
  writeFileSync(join(dir, 'harbor-bridge.case.json'), JSON.stringify(CASE, null, 2));
  served = await serveFiles([join(dir, 'harbor.html')]);
  browser = await launchWithExtension({ profileDir: profile });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function optionsPage(b: ExtensionBrowser) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  return page;
}

const markOf = (page: import('playwright-core').Page, text: string) => page.locator('casefile-mark', { hasText: text }).first();
/** What the tab's content script shows for the annotation on these words (marks themselves say nothing to the page). */
const shown = async (b: ExtensionBrowser, page: import('playwright-core').Page, text: string) => (await tabState(b, page.url()))?.annotations.find((a) => a.exact === text);

describe('cases and annotations the user owns', () => {
  it('imports a case through the options page and flags a page against it', async () => {
    const options = await optionsPage(browser);
    await options.getByLabel('Case files').setInputFiles(join(dir, 'harbor-bridge.case.json'));
    await expect.poll(() => options.locator('.done').textContent(), { timeout: 20_000 }).toContain('imported into “The Harbor Bridge inquiry”');
    await expect.poll(() => options.locator('tr[data-case="harbor-bridge"]').count()).toBe(1);
    await options.close();

    const { page, article } = await checkPage(browser, served.urlOf(join(dir, 'harbor.html')));
    const flag = article!.annotations.find((a) => a.exact === 'March 9, 2024')!;
    expect(flag).toMatchObject({ verdict: 'conflict', caseId: 'harbor-bridge', expected: '2024-03-05' });
    expect((await shown(browser, page, 'March 9, 2024'))?.verdict).toBe('conflict');
    await page.close();
  });

  it('refuses a malformed case file in the options page, listing every problem, and changes nothing', async () => {
    const bad = { ...CASE, id: 'broken', events: [{ ...CASE.events[0], date: '2024-13-01', participants: ['nobody'] }] };
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(bad));
    const options = await optionsPage(browser);
    await options.getByLabel('Case files').setInputFiles(join(dir, 'broken.json'));
    const problems = options.locator('.problems');
    await expect.poll(() => problems.textContent(), { timeout: 20_000 }).toContain('events[0].date: "2024-13-01" is not a date');
    expect(await problems.textContent()).toContain('events[0].participants[0]: "nobody"');
    expect(await options.locator('tr[data-case="broken"]').count()).toBe(0);
    await options.close();
  });

  it('marks a flag wrong on its card, and the decision is still there after a reload', async () => {
    const url = served.urlOf(join(dir, 'harbor.html'));
    const { page } = await checkPage(browser, url);
    await markOf(page, 'March 9, 2024').click();
    await expect.poll(() => cardText(page)).toContain('March 9, 2024');
    await page.waitForTimeout(800);
    await clickInCard(page, 'Checker is wrong');
    await expect.poll(() => cardText(page)).toContain('checker is wrong');
    await clickInCard(page, 'Add note');
    await typeInCard(page, 'Note', 'The article gives the day the inquiry was called.');
    await clickInCard(page, 'Save note');
    await expect.poll(async () => (await shown(browser, page, 'March 9, 2024'))?.decision?.verdict).toBe('wrong');
    await page.reload();
    await expect.poll(async () => (await shown(browser, page, 'March 9, 2024'))?.decision?.verdict, { timeout: 20_000 }).toBe('wrong');
    await markOf(page, 'March 9, 2024').click();
    await expect.poll(() => cardText(page)).toContain('The article gives the day the inquiry was called.');
    await page.close();
  });

  it('corrects the event in the editor, and the verdict follows', async () => {
    const options = await optionsPage(browser);
    await options.locator('tr[data-case="harbor-bridge"]').getByRole('button', { name: 'Edit' }).click();
    await options.getByRole('tab', { name: /events/ }).click();
    await options.locator('.records button', { hasText: 'Collapse of the Harbor Bridge' }).click();
    await options.getByRole('button', { name: 'As JSON' }).click();
    const editor = options.getByLabel('Record (JSON)');
    const record = JSON.parse(await editor.inputValue());
    await editor.fill(JSON.stringify({ ...record, date: '2024-03-09' }, null, 2));
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('.editor [role=status]').textContent()).toContain('Saved events');
    await options.close();

    const { page, article } = await checkPage(browser, served.urlOf(join(dir, 'harbor.html')));
    expect(article!.annotations.find((a) => a.exact === 'March 9, 2024')!.verdict).toBe('consistent');
    await expect.poll(async () => (await shown(browser, page, 'March 9, 2024'))?.verdict).toBe('consistent');
    await page.close();
  });

  it('exports a backup and restores it into a fresh profile with nothing lost', async () => {
    const options = await optionsPage(browser);
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export everything' }).click()]);
    backupFile = join(dir, 'backup.json');
    await download.saveAs(backupFile);
    const backup = JSON.parse(readFileSync(backupFile, 'utf8'));
    expect(backup.cases.map((c: { id: string }) => c.id).sort()).toEqual(['harbor-bridge', 'rust-shooting']);
    await options.close();

    const other = await launchWithExtension();
    try {
      const restore = await optionsPage(other);
      await restore.getByLabel('Backup file').setInputFiles(backupFile);
      await expect.poll(() => restore.locator('[role=status]').allTextContents(), { timeout: 20_000 }).toContainEqual(expect.stringContaining('Restored 2 cases'));
      const answer = await askBackground(other, { type: 'export-backup' });
      const everything = answer.ok ? answer.value : null;
      expect(everything.backup.cases).toEqual(backup.cases);
      expect(everything.backup.articles).toEqual(backup.articles);
      expect(everything.backup.decisions).toEqual(backup.decisions);
      const decision = everything.backup.decisions[0];
      expect(decision).toMatchObject({ verdict: 'wrong', note: 'The article gives the day the inquiry was called.' });
      const harbor = everything.backup.cases.find((c: { id: string }) => c.id === 'harbor-bridge');
      expect(harbor.file.events[0].date).toBe('2024-03-09');
      expect(harbor.edits).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
