/**
 * A pure function of a string, with its answers kept for the next call (names, words and lookups recur
 * within an article and across articles). Bounded: the store is emptied when it holds `limit` answers.
 */
export function remembered<T>(compute: (input: string) => T, limit: number): (input: string) => T {
  const seen = new Map<string, T>();
  return (input) => {
    let out = seen.get(input);
    if (out === undefined && !seen.has(input)) {
      if (seen.size >= limit) seen.clear();
      out = compute(input);
      seen.set(input, out);
    }
    return out as T;
  };
}
