import { describe, expect, it } from 'vitest';
import { MAX_TAGS_PER_RESOURCE, mergeTags, removeTagKeys } from './tags';

describe('tags', () => {
  it('overwrites a key case-insensitively in place and appends new keys', () => {
    expect(mergeTags([{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'dev' }], [{ Key: 'Team', Value: 'ops' }, { Key: 'cost', Value: '1' }])).toEqual([
      { Key: 'Team', Value: 'ops' },
      { Key: 'env', Value: 'dev' },
      { Key: 'cost', Value: '1' },
    ]);
  });

  it('refuses to go over the quota', () => {
    const full = Array.from({ length: MAX_TAGS_PER_RESOURCE }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expect(mergeTags(full, [{ Key: 'one-more', Value: 'x' }])).toBeUndefined();
    expect(mergeTags(full, [{ Key: 'K0', Value: 'x' }])).toHaveLength(MAX_TAGS_PER_RESOURCE);
  });

  it('removes keys case-insensitively and ignores absent ones', () => {
    expect(removeTagKeys([{ Key: 'a', Value: '1' }, { Key: 'B', Value: '2' }], ['b', 'zzz'])).toEqual([{ Key: 'a', Value: '1' }]);
  });
});
