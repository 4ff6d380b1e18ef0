/**
 * The article's publication date, which every relative date ("earlier this year") and every
 * verdict ("as of publication") depends on. Sources in order of trust: article meta tags,
 * JSON-LD, a <time> element, then what Readability found.
 */
import { granularityOf } from '../dates/calendar';

const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.date"]',
  'meta[property="og:published_time"]',
];

/** Normalise a date string from a page to `YYYY-MM-DD`, or null. The written day wins over time zones. */
export function normaliseDay(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]|$)/.exec(s);
  if (iso) return plausible(`${iso[1]}-${iso[2]}-${iso[3]}`);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return plausible(new Date(t).toISOString().slice(0, 10));
}

/** A real calendar day in the age of news; CMS placeholders such as 0001-01-01 are not dates. */
function plausible(day: string): string | null {
  const year = Number(day.slice(0, 4));
  return granularityOf(day) === 'day' && year >= 1900 && year <= 2200 ? day : null;
}

/** Find the publication day in a document; `readabilityTime` is Readability's `publishedTime`. */
export function findPublished(doc: Document, readabilityTime?: string | null): string | null {
  for (const selector of META) {
    const day = normaliseDay(doc.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const day = normaliseDay(fromJsonLd(script.textContent ?? ''));
    if (day) return day;
  }
  const time = doc.querySelector('article time[datetime], time[pubdate], time[itemprop="datePublished"], time[datetime]');
  const fromTime = normaliseDay(time?.getAttribute('datetime'));
  if (fromTime) return fromTime;
  return normaliseDay(readabilityTime);
}

function fromJsonLd(source: string): string | null {
  try {
    const stack: unknown[] = [JSON.parse(source)];
    while (stack.length) {
      const item = stack.pop();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        if (typeof o.datePublished === 'string') return o.datePublished;
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  } catch {
    /* a broken JSON-LD block is the page's problem, not a reason to fail */
  }
  return null;
}
