/**
 * The reader's controls over where Casefile reads: on or off everywhere, off on some sites,
 * and whether names and dates are highlighted on every article or only on articles about a
 * case (see `lib/check/about.ts`). Kept in the extension's own storage (`storage.local`,
 * which a page cannot reach): the content script reads it once at start-up — one call, no
 * database, no message to the background — and follows changes while it runs.
 */

/** Where the settings are kept in `storage.local`. */
export const READING_KEY = 'casefile:reading';

export type ReadingMode = 'about-a-case' | 'everything';

export interface ReadingSettings {
  /** False: Casefile reads no page at all. */
  enabled: boolean;
  /** Sites (host names, without `www.`) where Casefile reads nothing. */
  offSites: string[];
  /** `about-a-case` (the default): names and dates only on articles about a case; flags always. `everything`: on every article. */
  mode: ReadingMode;
}

export const DEFAULT_READING: ReadingSettings = { enabled: true, offSites: [], mode: 'about-a-case' };

/** The most sites a reader can turn off (a list kept in storage, read on every page). */
export const MAX_OFF_SITES = 1000;

/** A page's site as the controls name it: its host name, lower case, without `www.`. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Settings as stored, with anything missing or malformed read as the default. */
export function readingSettings(raw: unknown): ReadingSettings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const offSites = Array.isArray(o.offSites)
    ? [...new Set(o.offSites.filter((s): s is string => typeof s === 'string' && /^[a-z0-9.-]{1,253}$/i.test(s)).map(siteKey))].slice(0, MAX_OFF_SITES)
    : [];
  return {
    enabled: typeof o.enabled === 'boolean' ? o.enabled : DEFAULT_READING.enabled,
    offSites,
    mode: o.mode === 'everything' || o.mode === 'about-a-case' ? o.mode : DEFAULT_READING.mode,
  };
}

/** Whether Casefile reads pages on this host. */
export function readsOn(settings: ReadingSettings, hostname: string): boolean {
  return settings.enabled && !settings.offSites.includes(siteKey(hostname));
}

/** The settings with one site turned on or off. */
export function withSite(settings: ReadingSettings, hostname: string, on: boolean): ReadingSettings {
  const site = siteKey(hostname);
  const rest = settings.offSites.filter((s) => s !== site);
  return { ...settings, offSites: on ? rest : [...rest, site].slice(-MAX_OFF_SITES) };
}
