import { describe, expect, it } from 'vitest';
import { textWidth } from '../output/eastAsianWidth';
import { fill, PageWriter } from './layout';

describe('fill', () => {
  it('breaks English at spaces, within the width, after the indent', () => {
    expect(fill('A profile holds at most one role, and an instance at most one profile.', 30, 4)).toEqual([
      '    A profile holds at most',
      '    one role, and an instance',
      '    at most one profile.',
    ]);
  });

  it('keeps a word longer than the line whole', () => {
    expect(fill('see arn:aws:iam::123456789012:instance-profile/s3access-profile now', 30, 2)).toEqual([
      '  see',
      '  arn:aws:iam::123456789012:instance-profile/s3access-profile',
      '  now',
    ]);
  });

  it('breaks Japanese between characters and keeps the spaces around Latin words', () => {
    const lines = fill('インスタンスプロファイルには IAM ロールを 1 つだけ入れられます。', 30, 0);
    expect(lines).toEqual(['インスタンスプロファイルには', 'IAM ロールを 1 つだけ入れられ', 'ます。']);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(30);
  });

  it('never starts a line with closing punctuation or a long-vowel mark', () => {
    // 24 columns end right before "。" and, on the next line, right before "ー": both hang.
    expect(fill('あいうえおかきくけこさし。たちつてとなにぬねのはひー', 24, 0)).toEqual(['あいうえおかきくけこさし。', 'たちつてとなにぬねのはひー']);
    for (const line of fill('ロールを引き受けます。ロールを引き受けます。ロールを引き受けます。', 24, 0)) {
      expect(line).not.toMatch(/^[、。ーっ）」]/);
    }
  });

  it('moves an opening bracket down with what it opens', () => {
    expect(fill('あいうえおかきくけこさ「すせ」', 24, 0)).toEqual(['あいうえおかきくけこさ', '「すせ」']);
  });

  it('an empty paragraph is one empty line', () => {
    expect(fill('', 80, 7)).toEqual(['']);
  });
});

describe('PageWriter', () => {
  it('separates blocks by one blank line, keeps verbatim lines, ends with one newline', () => {
    const w = new PageWriter(40);
    w.section('NAME');
    w.paragraph('aws iam create-role', 7, { tight: true });
    w.section('DESCRIPTION');
    w.paragraph('First paragraph.\n\nSecond paragraph.', 7, { tight: true });
    w.verbatim(['{', '    "Roles": []', '}'], 10);
    expect(w.toString()).toBe(
      ['NAME', '       aws iam create-role', '', 'DESCRIPTION', '       First paragraph.', '', '       Second paragraph.', '', '          {', '              "Roles": []', '          }', ''].join('\n'),
    );
  });
});
