/**
 * The simulator has no randomness of its own: every id comes from an injected source.
 * `seededRandom` is the deterministic source the hosts and the tests inject.
 */
export interface RandomSource {
  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
}

export type RandomState = [number, number, number, number];

/**
 * sfc32, seeded through splitmix32: small, fast and well distributed. Its whole state is four
 * numbers, so a host can save it and resume the same sequence after a reload.
 */
export function seededRandom(seed: number | RandomState): RandomSource & { state(): RandomState } {
  let s = typeof seed === 'number' ? seed >>> 0 : 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const initial: RandomState = typeof seed === 'number' ? [splitmix(), splitmix(), splitmix(), splitmix()] : [seed[0] >>> 0, seed[1] >>> 0, seed[2] >>> 0, seed[3] >>> 0];
  let [a, b, c, d] = initial;
  return {
    nextUint32() {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = (b ^ (b >>> 9)) >>> 0;
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
      return t;
    },
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}

export function randomChars(random: RandomSource, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random.nextUint32() % alphabet.length];
  return out;
}
