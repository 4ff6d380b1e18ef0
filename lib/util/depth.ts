/**
 * How deep a JSON value nests, measured without recursion: a value nested 200,000 levels
 * deep must get a clear refusal with its path, not a "Maximum call stack size exceeded" when
 * it is stored (IndexedDB's structured clone recurses) or written out (JSON.stringify does).
 */

/** The levels of objects and lists a free-form value (`x-` keys) may nest. */
export const MAX_DEPTH = 32;

/**
 * The path (below `path`) of the first object or list nested more than `max` levels inside
 * `value`, or null when it nests no deeper.
 */
export function tooDeep(value: unknown, max = MAX_DEPTH, path = ''): string | null {
  interface Frame { value: object; depth: number; key: string; parent: Frame | null }
  if (!value || typeof value !== 'object') return null;
  const stack: Frame[] = [{ value, depth: 0, key: '', parent: null }];
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.depth > max) {
      const keys: string[] = [];
      for (let f: Frame | null = frame; f; f = f.parent) keys.push(f.key);
      return path + keys.reverse().join('');
    }
    const children: [string, unknown][] = Array.isArray(frame.value)
      ? frame.value.map((v, i) => [`[${i}]`, v])
      : Object.entries(frame.value).map(([k, v]) => [`.${k}`, v]);
    for (const [key, child] of children) {
      if (child && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return null;
}
