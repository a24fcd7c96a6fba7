import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { fromFragment, MAX_FRAGMENT_LENGTH, toFragment, unpackedLength } from './share';

describe('share fragments', () => {
  it('measures what lz-string unpacks without unpacking it, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const packed = compressToEncodedURIComponent(text);
        expect(unpackedLength(packed, Infinity)).toBe(decompressFromEncodedURIComponent(packed)?.length);
      }),
      { numRuns: 200 },
    );
  });

  it('stops measuring a link that would unpack to too much (lz-string grows quadratically on runs)', () => {
    const packed = compressToEncodedURIComponent('a'.repeat(200_000));
    expect(packed.length).toBeLessThan(2_000);
    expect(unpackedLength(packed, 100_000)).toBe('too-large');
    expect(unpackedLength(packed, 200_000)).toBe(200_000);
  });

  it.each<[string, string, 'broken']>([
    ['empty', '', 'broken'],
    ['a character outside the alphabet', 'abc.def', 'broken'],
    ['cut before the end marker', compressToEncodedURIComponent('{"format":"iam-lab-scenario"}').slice(0, 5), 'broken'],
  ])('finds %s broken', (_, data, result) => {
    expect(unpackedLength(data, Infinity)).toBe(result);
  });

  it('round-trips text through a fragment, with or without the #', () => {
    const made = toFragment('{"hello":"world"}');
    if (!made.ok) throw new Error(made.problem.key);
    expect(fromFragment(made.value)).toEqual({ ok: true, value: '{"hello":"world"}' });
    expect(fromFragment(`#${made.value}`)).toEqual({ ok: true, value: '{"hello":"world"}' });
  });

  it('refuses to make a link longer than the limit', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    expect(toFragment(text)).toEqual({ ok: false, problem: { key: 'share.tooLarge', values: { length: expect.any(Number), limit: MAX_FRAGMENT_LENGTH } } });
  });

  it.each<[string, string]>([
    ['a fragment of another kind', '#main-content'],
    ['a bad percent sequence', 'scenario=%E0%A4%A'],
  ])('refuses %s', (_, fragment) => {
    expect(fromFragment(fragment)).toEqual({ ok: false, problem: { key: 'share.broken' } });
  });
});
