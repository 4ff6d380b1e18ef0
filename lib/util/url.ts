/**
 * One key per article, however it was reached: the fragment dropped, tracking parameters
 * dropped, and the page's canonical link honoured when it points to the same site — so a
 * story opened from a newsletter and from a search result keeps one set of annotations.
 */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|cmpid|smid|partner|share|s_cid|ocid|ito|taid|guccounter|guce_referrer\w*|__twitter_impression)$/i;

/** The article's key. `canonical` (from `<link rel=canonical>`) wins when on the same site. */
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
      if ((c.protocol === 'http:' || c.protocol === 'https:') && sameSite(c.hostname, u.hostname)) u = c;
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

/** Same registrable site, roughly: equal, or one a subdomain of the other (www.x.com, x.com). */
function sameSite(a: string, b: string): boolean {
  const strip = (h: string) => h.replace(/^(www|m|amp|mobile)\./, '');
  const x = strip(a);
  const y = strip(b);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** A URL's site as people name it: host name, lowercase, without "www." ('' when not a URL). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}
