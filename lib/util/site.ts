/**
 * Sites, as browsers draw the line between them. Apart from url.ts because it carries the
 * Public Suffix List, which only the background needs (the content script never counts sites).
 */
import { getDomain } from 'tldts/dist/index.esm.min.js';

/**
 * The site a URL belongs to, as browsers draw the line: its registrable domain under the
 * Public Suffix List, private suffixes included (`a.github.io` and `b.github.io` are two
 * sites; `www.nytimes.com` and `cooking.nytimes.com` are one), or the host itself for an IP
 * address or a single-label host. What one site may store, and how many sites agree, are
 * counted by it: a site cannot multiply itself with subdomains or query strings.
 */
export function siteOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}
