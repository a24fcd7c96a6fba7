import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphWarning, RoleNode } from '../../graph/types';
import { createI18n } from '../i18n';
import { edgeText, makeLabeler, warningExplanation, warningShort, type GraphT } from './text';

const WARNINGS: GraphWarning[] = [
  { id: 'a', code: 'empty-profile-attached', nodeIds: ['profile:p', 'instance:i-1'], edgeIds: [], params: { instance: 'i-0123456789abcdef0', profile: 'p1' } },
  { id: 'b', code: 'association-profile-deleted', nodeIds: [], edgeIds: [], params: { instance: 'i-0123456789abcdef0', profile: 'p1', profileArn: 'arn:aws:iam::123456789012:instance-profile/p1' } },
  { id: 'c', code: 'profile-role-not-trusted-by-ec2', nodeIds: [], edgeIds: [], params: { profile: 'p1', role: 'r1', trust: 'deny' } },
  { id: 'd', code: 'profile-role-not-trusted-by-ec2', nodeIds: [], edgeIds: [], params: { profile: 'p1', role: 'r1', trust: 'no-match' } },
  { id: 'e', code: 'ec2-role-without-profile', nodeIds: [], edgeIds: [], params: { role: 'r1' } },
  { id: 'f', code: 'same-name-not-linked', nodeIds: [], edgeIds: [], params: { role: 'r1', profile: 'R1', profileRole: null } },
  { id: 'g', code: 'same-name-not-linked', nodeIds: [], edgeIds: [], params: { role: 'r1', profile: 'R1', profileRole: 'r2' } },
  { id: 'h', code: 'role-without-permissions', nodeIds: [], edgeIds: [], params: { role: 'r1' } },
];

const EDGES: GraphEdge[] = [
  { kind: 'may-assume', id: 'm1', source: 'principal:service:ec2.amazonaws.com', target: 'role:r1', decision: { effect: 'allow', statement: 0 } },
  { kind: 'may-assume', id: 'm2', source: 'principal:service:ec2.amazonaws.com', target: 'role:r1', decision: { effect: 'deny', statement: 0 } },
  { kind: 'may-assume', id: 'm3', source: 'principal:service:ec2.amazonaws.com', target: 'role:r1', decision: { effect: 'no-match' } },
  { kind: 'may-assume', id: 'm4', source: 'principal:federated:x', target: 'role:r1', decision: { effect: 'not-evaluated' } },
  { kind: 'has-managed-policy', id: 'p1', source: 'role:r1', target: 'policy:arn' },
  { kind: 'has-inline-policy', id: 'p2', source: 'role:r1', target: 'inline:r1/p' },
  { kind: 'contains-role', id: 'c1', source: 'profile:p1', target: 'role:r1' },
  ...(['associating', 'associated', 'disassociating', 'disassociated'] as const).map((state) => ({ kind: 'uses-profile' as const, id: `u-${state}`, source: 'instance:i-1', target: 'profile:p1', associationId: 'iip-assoc-1', state })),
];

const translators = new Map<'en' | 'ja', GraphT>();
beforeAll(async () => {
  for (const language of ['en', 'ja'] as const) translators.set(language, (await createI18n(language)).getFixedT(language, 'graph'));
});
const tFor = (language: 'en' | 'ja'): GraphT => translators.get(language)!;

describe('graph text', () => {
  it.each(['en', 'ja'] as const)('words every warning in %s, with the names and nothing left unfilled', (language) => {
    const t = tFor(language);
    for (const warning of WARNINGS) {
      const texts = [warningShort(t, warning), ...Object.values(warningExplanation(t, warning))];
      for (const text of texts) expect(text).not.toMatch(/{{|}}|warnings\.|undefined|null/);
      const names = Object.entries(warning.params).filter(([k, v]) => typeof v === 'string' && k !== 'trust' && k !== 'profileArn').map(([, v]) => v as string);
      expect(texts.join(' ')).toEqual(expect.stringContaining(names[0]!));
    }
  });

  it('says why a trust warning and a same-name warning differ', () => {
    const t = tFor('en');
    expect(warningExplanation(t, WARNINGS[2]!).explain).toContain('explicitly denies');
    expect(warningExplanation(t, WARNINGS[3]!).explain).toContain('does not name ec2.amazonaws.com');
    expect(warningExplanation(t, WARNINGS[5]!).explain).toContain('R1 is empty');
    expect(warningExplanation(t, WARNINGS[6]!).explain).toContain('R1 holds r2, not r1');
  });

  it('labels edges with what they teach, in both languages; association states stay AWS words', () => {
    const en = tFor('en');
    const ja = tFor('ja');
    expect(EDGES.map((e) => edgeText(en, e))).toEqual(['may assume', 'denied', 'not allowed', 'named in trust policy', 'permissions', 'permissions', 'contains', 'associating', 'associated', 'disassociating', 'disassociated']);
    expect(EDGES.map((e) => edgeText(ja, e)).slice(0, 7)).toEqual(['引き受け可能', '拒否', '許可なし', '信頼ポリシーに記載', '許可', '許可', '含む']);
    expect(makeLabeler(en, (id) => id.split(':')[1] ?? id).edge(EDGES[6]!)).toBe('contains: p1 → r1');
    expect(makeLabeler(ja, (id) => id.split(':')[1] ?? id).edge(EDGES[8]!)).toBe('associated: i-1 → p1');
  });

  it('names a node by kind and name, adding its warnings', () => {
    const t = tFor('en');
    const role: RoleNode = { kind: 'role', id: 'role:r1', name: 'r1', roleId: 'AROA', arn: 'arn', path: '/', createDate: '', trustPolicy: '{}', ec2Trust: 'allow', tags: [] };
    const label = makeLabeler(t, (id) => id);
    expect(label.node(role, [])).toBe('IAM role r1');
    expect(label.node(role, [WARNINGS[4]!])).toBe('IAM role r1. Warnings: r1 is in no instance profile: no instance can use it.');
    expect(label.node({ ...role, name: 'a$&b' }, [])).toBe('IAM role a$&b');
    expect(makeLabeler(tFor('ja'), (id) => id).node(role, [WARNINGS[4]!])).toBe('IAM ロール r1。警告: r1 はどのインスタンスプロファイルにも入っていないため、インスタンスから使えません。');
  });
});
