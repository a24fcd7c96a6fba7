/**
 * A pseudo-locale for tests: every UI string wrapped in ⟦…⟧ (placeholders kept), so text that
 * does not come from the locale files stands out on screen and a spec can find it.
 */
export function pseudoLocalize<T>(resources: T): T {
  if (typeof resources === 'string') return `⟦${resources}⟧` as T;
  if (resources && typeof resources === 'object') {
    return Object.fromEntries(Object.entries(resources).map(([key, value]) => [key, pseudoLocalize(value)])) as T;
  }
  return resources;
}
