/**
 * The reader's controls, in the popup: Casefile on or off on this site and everywhere, and
 * whether names and dates are highlighted on every article or only on those about a case
 * (`lib/check/about.ts`). Kept in the extension's storage; open pages follow at once.
 */
import type { ReadingMode, ReadingSettings } from '../lib/page/settings';
import { siteKey, withSite } from '../lib/page/settings';

export function ReadingControls({ settings, host, onChange }: { settings: ReadingSettings; host: string | null; onChange: (next: ReadingSettings) => void }) {
  const site = host ? siteKey(host) : null;
  const onSite = !!site && !settings.offSites.includes(site);
  return (
    <section class="reading" aria-label="Reading controls">
      <h2>Reading</h2>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => onChange({ ...settings, enabled: (e.target as HTMLInputElement).checked })} />
        On every site
      </label>
      <label class={settings.enabled ? '' : 'disabled'}>
        <input type="checkbox" disabled={!site || !settings.enabled} checked={onSite} onChange={(e) => site && onChange(withSite(settings, site, (e.target as HTMLInputElement).checked))} />
        On this site{site ? <> (<span class="site">{site}</span>)</> : ''}
      </label>
      <label>
        Names and dates:{' '}
        <select value={settings.mode} onChange={(e) => onChange({ ...settings, mode: (e.target as HTMLSelectElement).value as ReadingMode })}>
          <option value="about-a-case">only on articles about a case</option>
          <option value="everything">on every article</option>
        </select>
      </label>
    </section>
  );
}
