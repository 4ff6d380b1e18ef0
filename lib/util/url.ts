/**
 * One key per article, however it was reached: the fragment dropped, tracking parameters
 * dropped, and the page's canonical link honoured when it is on the page's own origin — so a
 * story opened from a newsletter and from a search result keeps one set of annotations, and
 * no page can file its words under another origin's address.
 */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|cmpid|smid|partner|share|s_cid|ocid|ito|taid|guccounter|guce_referrer\w*|__twitter_impression)$/i;

/**
 * The article's key. `canonical` (from `<link rel=canonical>`, resolved by the page) wins only
 * on the exact same origin (scheme, host and port): a page may merge its own addresses, never
 * speak for another site, a sibling under a shared suffix (`attacker.github.io`) or another
 * port of the same host.
 */
export function normaliseUrl(url: string, canonical?: string | null): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (canonical) {
    try {
      const c = new URL(canonical, u);
      if (c.origin === u.origin && (c.protocol === 'http:' || c.protocol === 'https:')) u = c;
    } catch {
      // An unusable canonical link is ignored.
    }
  }
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  if (!u.search.slice(1)) u.search = '';
  return u.href;
}

/** A URL's site as people name it: host name, lowercase, without "www." ('' when not a URL). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Whitespace and control characters: `new URL` drops or trims them silently, so a raw string holding them is not the URL it parses to. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_URL = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * An absolute http(s) URL, written as it parses: no whitespace or control characters, at
 * most `max` characters. Returns the normalised `href`, or the reason it is refused.
 */
export function cleanHttpUrl(value: string, max = 2000): { href: string } | { problem: string } {
  if (UNSAFE_IN_URL.test(value)) return { problem: 'contains whitespace or control characters (expected a URL written without them)' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'is not an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'is not an absolute http or https URL' };
  if (url.href.length > max) return { problem: `is ${url.href.length} characters long (at most ${max})` };
  return { href: url.href };
}
