/**
 * The case editor's forms in the built extension: a field per property, the validator's
 * problem shown at its field with nothing saved, a corrected record saved, and a new person
 * with a role made without writing JSON (the JSON view then shows what was saved).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

async function editor(list: RegExp) {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1200, height: 1000 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('tr[data-case="rust-shooting"]').getByRole('button', { name: 'Edit' }).click();
  await options.getByRole('tab', { name: list }).click();
  return options;
}

const caseFile = (page: import('playwright-core').Page) => page.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ type: 'get-case-file', id: 'rust-shooting' })).value);

describe('the case editor\'s forms', () => {
  it('shows a problem at its field and saves nothing, then saves the corrected event', async () => {
    const options = await editor(/^events/);
    await options.locator('.records button', { hasText: 'Fatal shooting on the Rust set' }).click();
    const date = options.getByLabel('Date *');
    expect(await date.inputValue()).toBe('2021-10-21');
    await date.fill('2021-13-40');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('.field.invalid small').allTextContents()).toContainEqual(expect.stringContaining('is not a date'));
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect((await caseFile(options)).edits).toBe(0);

    await date.fill('2021-10');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('.editor [role=status]').textContent()).toContain('Saved events');
    const saved = await caseFile(options);
    const shooting = saved.case.events.find((e: { label: string }) => e.label.startsWith('Fatal shooting on the Rust set'));
    expect(shooting).toMatchObject({ date: '2021-10', granularity: 'month' });
    await options.close();
  });

  it('makes a new person with a role, without JSON', async () => {
    const options = await editor(/^people/);
    await options.getByRole('button', { name: 'New…' }).click();
    await options.getByLabel('Id *').fill('jane_roe');
    await options.getByLabel('Name *').fill('Jane Roe');
    await options.getByLabel('Aliases').fill('Roe');
    const role = options.getByRole('group', { name: 'Role 1' });
    await role.getByLabel('Role *').fill('armorer');
    await role.getByLabel('From').fill('2021-10');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('.editor [role=status]').textContent()).toContain('Saved people “Jane Roe”');
    const person = (await caseFile(options)).case.people.find((p: { id: string }) => p.id === 'jane_roe');
    expect(person).toMatchObject({ name: 'Jane Roe', aliases: ['Roe'], roles: [{ role: 'armorer', from: '2021-10', to: null }] });
    await options.getByRole('button', { name: 'As JSON' }).click();
    expect(JSON.parse(await options.getByLabel('Record (JSON)').inputValue())).toEqual(person);
    await options.close();
  });
});
