import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';

describe('seededRandom', () => {
  it('is deterministic for a seed and resumes from a saved state', () => {
    const first = seededRandom(42);
    const again = seededRandom(42);
    const a = [first.nextUint32(), first.nextUint32()];
    expect([again.nextUint32(), again.nextUint32()]).toEqual(a);
    const resumed = seededRandom(first.state());
    expect(resumed.nextUint32()).toBe(first.nextUint32());
    expect(seededRandom(43).nextUint32()).not.toBe(seededRandom(42).nextUint32());
  });
});
