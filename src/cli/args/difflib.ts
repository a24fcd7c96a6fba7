/**
 * Python's `difflib.SequenceMatcher` ratio and `get_close_matches`, which the AWS CLI uses to
 * suggest a command for a typo ("Maybe you meant: * create-role"). Ported line for line so the
 * same candidates come out in the same order, autojunk heuristic included.
 */
class SequenceMatcher {
  private readonly b2j = new Map<string, number[]>();
  private readonly popular = new Set<string>();
  private a: readonly string[] = [];

  constructor(private readonly b: readonly string[]) {
    b.forEach((elt, i) => {
      const indices = this.b2j.get(elt);
      if (indices) indices.push(i);
      else this.b2j.set(elt, [i]);
    });
    const n = b.length;
    if (n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      for (const [elt, idxs] of this.b2j) if (idxs.length > ntest) this.popular.add(elt);
      for (const elt of this.popular) this.b2j.delete(elt);
    }
  }

  setSeq1(a: readonly string[]): void {
    this.a = a;
  }

  private findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
    const { a, b } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i += 1) {
      const newj2len = new Map<number, number>();
      for (const j of this.b2j.get(a[i] ?? '') ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // No junk function is given, so only the popular elements left out of b2j can extend a match.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti -= 1;
      bestj -= 1;
      bestsize += 1;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize += 1;
    return [besti, bestj, bestsize];
  }

  private matches(): number {
    const queue: [number, number, number, number][] = [[0, this.a.length, 0, this.b.length]];
    let total = 0;
    for (let item = queue.pop(); item; item = queue.pop()) {
      const [alo, ahi, blo, bhi] = item;
      const [i, j, k] = this.findLongestMatch(alo, ahi, blo, bhi);
      if (k === 0) continue;
      total += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
    return total;
  }

  private static calc(matches: number, length: number): number {
    return length ? (2.0 * matches) / length : 1.0;
  }

  ratio(): number {
    return SequenceMatcher.calc(this.matches(), this.a.length + this.b.length);
  }

  quickRatio(): number {
    const avail = new Map<string, number>();
    for (const elt of this.b) avail.set(elt, (avail.get(elt) ?? 0) + 1);
    let matches = 0;
    for (const elt of this.a) {
      const n = avail.get(elt) ?? 0;
      avail.set(elt, n - 1);
      if (n > 0) matches += 1;
    }
    return SequenceMatcher.calc(matches, this.a.length + this.b.length);
  }

  realQuickRatio(): number {
    return SequenceMatcher.calc(Math.min(this.a.length, this.b.length), this.a.length + this.b.length);
  }
}

/** `SequenceMatcher(None, a, b).ratio()`. */
export function ratio(a: string, b: string): number {
  const m = new SequenceMatcher(Array.from(b));
  m.setSeq1(Array.from(a));
  return m.ratio();
}

/** `difflib.get_close_matches(word, possibilities, n, cutoff)`. */
export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const m = new SequenceMatcher(Array.from(word));
  const scored: [number, string][] = [];
  for (const x of possibilities) {
    m.setSeq1(Array.from(x));
    if (m.realQuickRatio() >= cutoff && m.quickRatio() >= cutoff) {
      const r = m.ratio();
      if (r >= cutoff) scored.push([r, x]);
    }
  }
  // heapq.nlargest on (score, word) tuples: ties go to the greater word.
  scored.sort(([ra, xa], [rb, xb]) => (rb !== ra ? rb - ra : xa < xb ? 1 : xa > xb ? -1 : 0));
  return scored.slice(0, n).map(([, x]) => x);
}
