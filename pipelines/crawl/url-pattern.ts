/**
 * A follow/skip pattern as a predicate on a URL. Globs (`*` = any characters, `/` included) match
 * the path and query from the start, or the whole URL when they start with `http(s)://`;
 * `re:` + a regular expression is searched in the path and query (anchor it with `^`).
 */
export function compilePattern(pattern: string): (url: string) => boolean {
  if (pattern.startsWith('re:')) {
    const re = new RegExp(pattern.slice(3), 'i');
    return (url) => {
      const parsed = new URL(url);
      return re.test(parsed.pathname + parsed.search);
    };
  }
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*');
  const re = new RegExp(`^${escaped}`, 'i');
  if (/^https?:\/\//i.test(pattern)) return (url) => re.test(url);
  return (url) => {
    const parsed = new URL(url);
    return re.test(parsed.pathname + parsed.search);
  };
}
