/** Small helpers to print benchmark figures; benchmarks print, they never assert. */
export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))] ?? 0;
}

export function timeEach<T>(items: readonly T[], fn: (item: T, i: number) => void): { totalMs: number; perItemMs: number[] } {
  const perItemMs: number[] = [];
  const start = performance.now();
  items.forEach((item, i) => {
    const t = performance.now();
    fn(item, i);
    perItemMs.push(performance.now() - t);
  });
  return { totalMs: performance.now() - start, perItemMs: perItemMs.sort((a, b) => a - b) };
}

export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export const fmt = (n: number, digits = 2): string => n.toFixed(digits);

export function report(title: string, rows: [string, string, string?][]): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value, aim] of rows) console.log(`  ${label.padEnd(width)}  ${value}${aim ? `   (aim: ${aim})` : ''}`);
}
