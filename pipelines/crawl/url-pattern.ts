/** A path or `re:` pattern as a predicate on a URL: globs (`*` = anything) match path and query from the start. */
export function compilePattern(pattern: string): (url: string) => boolean {
  if (pattern.startsWith('re:')) {
    const re = new RegExp(pattern.slice(3), 'i');
    return (url) => re.test(url);
  }
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*');
  const re = new RegExp(`^${escaped}`, 'i');
  if (/^https?:\/\//i.test(pattern)) return (url) => re.test(url);
  return (url) => {
    const parsed = new URL(url);
    return re.test(parsed.pathname + parsed.search);
  };
}
