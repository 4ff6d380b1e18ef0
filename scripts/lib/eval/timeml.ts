/**
 * TimeML reader for measuring the dates recogniser: the document's plain text (tags
 * removed, entities decoded), its creation date, and each DATE-type TIMEX3 as a span
 * with its normalised value. Offsets are into the returned text, as the recogniser sees it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldDate {
  start: number;
  end: number;
  value: string;
}

export interface TimemlDoc {
  id: string;
  text: string;
  /** The document creation time as YYYY-MM-DD, the reference date for relative expressions. */
  published: string | null;
  dates: GoldDate[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parse one .tml file. */
export function parseTimeml(id: string, xml: string): TimemlDoc {
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dctValue = dct ? /value="([^"]+)"/.exec(dct[0])?.[1] ?? null : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const dates: GoldDate[] = [];
  const open: { start: number; value: string | null }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|[^<&]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (m[1]) {
        const o = open.pop();
        if (o?.value !== null && o) dates.push({ start: o.start, end: text.length, value: o.value });
      } else {
        const isDate = /type="DATE"/.test(m[3]);
        open.push({ start: text.length, value: isDate ? (/value="([^"]*)"/.exec(m[3])?.[1] ?? '') : null });
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? `&${m[4]};`;
    else text += m[0];
  }
  const published = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  return { id, text, published, dates };
}

/** Every .tml file in a folder, sorted by name. */
export function readTimemlDir(dir: string): TimemlDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => parseTimeml(f.replace(/\.tml$/, ''), readFileSync(join(dir, f), 'utf8')));
}
