/**
 * `npm run recognise -- --jsonl [--no-case]`: the recognisers as a filter for batch use.
 *
 * stdin, one JSON object per line:  {"id": …, "text": "…", "published": "YYYY-MM-DD" | null}
 * stdout, one JSON object per line: {"id": …, "names": [{"start","end","type"}],
 *                                    "dates": [{"start","end","value","granularity"}]}
 * Offsets are UTF-16 code units into `text`, end exclusive; `type` is person, organization
 * or place; `value` is YYYY, YYYY-MM, YYYY-MM-DD or a TimeML period (YYYY-Qn, YYYY-Www,
 * YYY for a decade, PAST_REF …). Names the bundled case knows (aliases and misspellings
 * included) are added as the extension adds them; `--no-case` leaves them out.
 * A line that is not valid input gets {"id", "error"} and the run goes on.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { BUNDLED_CASE } from '../lib/background/service';
import { buildCaseIndex } from '../lib/link/case-index';
import { linkMentions } from '../lib/link/link';
import { recogniseDates } from '../lib/recognise/dates';
import { recogniseNames } from '../lib/recognise/names';

const { values: args } = parseArgs({ options: { jsonl: { type: 'boolean', default: false }, 'no-case': { type: 'boolean', default: false } } });

if (!args.jsonl) {
  process.stderr.write('usage: npm run recognise -- --jsonl [--no-case]   (JSON lines on stdin: {"id","text","published"})\n');
  process.exit(2);
}

const index = args['no-case'] ? null : buildCaseIndex(BUNDLED_CASE);

function recognise(text: string, published: string | null) {
  const found = recogniseNames(text);
  const names = index ? linkMentions(text, found, index).filter((m) => m.kind !== 'date') : found;
  return {
    names: names.map((m) => ({ start: m.start, end: m.end, type: m.kind })),
    dates: recogniseDates(text, published).map((d) => ({ start: d.start, end: d.end, value: d.value, granularity: d.granularity })),
  };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (!line.trim()) return;
  let id: unknown = null;
  try {
    const input = JSON.parse(line);
    id = input?.id ?? null;
    if (typeof input?.text !== 'string') throw new Error('"text" must be a string');
    const published = typeof input.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.published) ? input.published : null;
    if (input.published != null && published === null) throw new Error('"published" must be YYYY-MM-DD or null');
    process.stdout.write(`${JSON.stringify({ id, ...recognise(input.text, published) })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id, error: error instanceof Error ? error.message : String(error) })}\n`);
  }
});
